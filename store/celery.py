"""The Celery app: the worker and beat run `celery -A store worker` and `celery -A store beat`.

Its settings are Django's ``CELERY_*`` settings (``store.settings.operations``).
"""

import os

from celery import Celery
from django.db import DatabaseError

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "store.settings.production")

app = Celery("store")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

#: How the shop's jobs are retried: a database or network failure is tried again 1, 2, 4...
#: minutes later (at most half an hour apart), five times. Every job may safely run again:
#: each order, payment, alert or email it handles is settled once, under a row lock.
JOB_OPTIONS = {
    "acks_late": True,
    "autoretry_for": (DatabaseError, OSError),
    "retry_backoff": 60,
    "retry_backoff_max": 1800,
    "max_retries": 5,
}
