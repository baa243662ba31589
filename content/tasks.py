"""The content app's periodic task, started by beat (``CELERY_BEAT_SCHEDULE``)."""

from celery import shared_task
from django.utils import timezone

from content.reminders import editors_remind_of_due_reviews
from store.celery import JOB_OPTIONS


@shared_task(**JOB_OPTIONS)
def remind_editors_of_due_reviews() -> int:
    """Remind editors of the condition pages due for review; return how many were emailed.

    Run twice in a week it reminds twice, which does no harm: beat drops a run the worker
    could not start within the week.
    """
    return editors_remind_of_due_reviews(today=timezone.localdate())
