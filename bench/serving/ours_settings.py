"""Our shop's production settings, unchanged but for the URLconf that adds /__hello/.

The benchmark sets the environment the deployment would: DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS,
DATABASE_URL, REDIS_URL, DJANGO_STATIC_ROOT, DJANGO_MEDIA_ROOT, and DJANGO_SECURE_SSL_REDIRECT
off (the deployment's proxy terminates TLS; the load runs over plain HTTP on loopback).
"""

from store.settings.production import *  # noqa: F403

ROOT_URLCONF = "ours_urls"
