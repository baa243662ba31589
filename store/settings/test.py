"""Settings for the test suite: fast hashing, mail kept in memory, files in a scratch folder."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import SELF, env_str

SECRET_KEY = env_str("DJANGO_SECRET_KEY", "test-suite-only-not-a-secret")
# The shop the tests talk to lives where Django's test client sends its requests.
SHOP_BASE_URL = "http://testserver"
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Mail goes through the outbox as in production and is delivered to Django's test outbox, by
# tasks run in-process after the commit (tests of the real worker start one themselves).
SHOP_EMAIL_TRANSPORT = "django.core.mail.backends.locmem.EmailBackend"
CELERY_BROKER_URL = ""
CELERY_TASK_ALWAYS_EAGER = True
ADMINS = []
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="store-test-media-"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SESSION_ENGINE = "django.contrib.sessions.backends.db"
# A test's changes are never committed, so they would never retire a kept page: tests of the
# page cache turn it on themselves.
PAGE_CACHE_SECONDS = 0
# Serve static files from the apps' folders, as in development: tests never run collectstatic.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# Cards are off unless a test turns them on against the local Stripe emulator (tests/).
STRIPE_SECRET_KEY = ""
STRIPE_WEBHOOK_SECRET = ""
STRIPE_API_BASE = ""
# The local Stripe emulator's stand-in checkout page listens on a loopback port of its own.
STRIPE_CHECKOUT_ORIGIN = "http://127.0.0.1:*"
CONTENT_SECURITY_POLICY["DIRECTIVES"]["form-action"] = [SELF, STRIPE_CHECKOUT_ORIGIN]
# Errors are mailed (when a test names ADMINS) through the transport the tests read.
LOGGING["handlers"]["mail_admins"]["email_backend"] = SHOP_EMAIL_TRANSPORT
