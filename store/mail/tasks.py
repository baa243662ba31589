"""The outbox's tasks: deliver one email, with retries, and pick up any whose task was lost."""

import logging

from celery import shared_task
from celery.utils.time import get_exponential_backoff_interval
from django.conf import settings

from store.celery import JOB_OPTIONS
from store.mail.delivery import EmailNotDelivered, email_deliver, emails_overdue

logger = logging.getLogger("store.mail")


@shared_task(bind=True, acks_late=True, max_retries=None)
def deliver_email(self, email_id: int) -> bool:
    """Send outbox email ``email_id``; on a mail server failure try again later, waiting longer.

    Run in-process (no queue configured), a failure is not retried there and then: the email
    stays waiting in the outbox, where staff can send it again.
    """
    try:
        return email_deliver(email_id)
    except EmailNotDelivered as failure:
        retries = self.request.retries
        if self.request.is_eager or retries >= settings.SHOP_EMAIL_RETRIES:
            logger.warning("Email %s not delivered, left waiting: %s", email_id, failure)
            return False
        countdown = get_exponential_backoff_interval(
            factor=settings.SHOP_EMAIL_RETRY_SECONDS,
            retries=retries,
            maximum=settings.SHOP_EMAIL_RETRY_MAX_SECONDS,
            full_jitter=False,
        )
        logger.info("Email %s not delivered, retry in %ss: %s", email_id, countdown, failure)
        raise self.retry(exc=failure, countdown=countdown) from failure


@shared_task(**JOB_OPTIONS)
def deliver_overdue_emails() -> int:
    """Queue again every waiting email whose delivery task seems lost; return how many."""
    overdue = list(emails_overdue().values_list("pk", flat=True))
    for email_id in overdue:
        deliver_email.delay(email_id)
    return len(overdue)
