"""The shop's Django project; its Celery app is loaded with it, so tasks find their queue."""

from store.celery import app as celery_app

__all__ = ["celery_app"]
