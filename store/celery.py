"""The Celery app: the worker and beat run `celery -A store worker` and `celery -A store beat`.

Its settings are Django's ``CELERY_*`` settings (``store.settings.operations``).
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "store.settings.production")

app = Celery("store")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
