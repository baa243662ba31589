"""Settings for production: a secret is required, and HTTPS and cookies are locked down."""

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import base_url, env_bool, env_list, env_str

SECRET_KEY = env_str("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "Set DJANGO_SECRET_KEY: production settings refuse to start without it."
    )

DEBUG = False
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost")
# Without SHOP_BASE_URL the shop's address is HTTPS on the first allowed host.
SHOP_BASE_URL = base_url(env_str("SHOP_BASE_URL", f"https://{ALLOWED_HOSTS[0]}"))
OSCAR_URL_SCHEMA = urlsplit(SHOP_BASE_URL).scheme

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploaded and generated media (product pictures, thumbnails, content images) live on the
# shared volume that the proxy serves at /media/, or in an S3-compatible bucket when one is
# named. The bucket's keys come from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, read by boto3.
S3_BUCKET = env_str("DJANGO_S3_BUCKET")
if S3_BUCKET:
    S3_MEDIA_ORIGIN = env_str("DJANGO_S3_MEDIA_ORIGIN")
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": env_str("DJANGO_S3_ENDPOINT_URL") or None,
            "region_name": env_str("DJANGO_S3_REGION") or None,
            "custom_domain": urlsplit(S3_MEDIA_ORIGIN).netloc or None,
            "location": "media",
            "file_overwrite": False,
            "querystring_auth": False,
            "default_acl": None,
        },
    }
    # Pictures then come from the bucket's origin, which the Content-Security-Policy must allow.
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"] = [
        *CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"],
        S3_MEDIA_ORIGIN or env_str("DJANGO_S3_ENDPOINT_URL") or "https://*.amazonaws.com",
    ]

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(env_str("DJANGO_SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
OSCAR_BASKET_COOKIE_SECURE = True
OSCAR_RECENTLY_VIEWED_COOKIE_SECURE = True
