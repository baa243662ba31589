"""Delivering the outbox: each email goes to the real mail server once, whoever asks twice."""

import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from store.mail.models import OutgoingEmail
from store.mail.parts import message_from_parts

#: What a mail server that is down, slow or refusing raises through Django's SMTP backend.
MAIL_SERVER_ERRORS = (OSError, smtplib.SMTPException)


class EmailNotDelivered(Exception):
    """The mail server did not take the email; the attempt is recorded and it stays waiting."""


def email_deliver(email_id: int) -> bool:
    """Send the outbox email ``email_id`` through ``SHOP_EMAIL_TRANSPORT`` unless it went already.

    Return True when it was sent now, False when there was nothing to do (sent already, being
    sent by another worker, or gone). The row stays locked while the server is spoken to, so
    two deliveries of one email never both send it. Raise ``EmailNotDelivered`` when the
    server fails, after recording the attempt.
    """
    with transaction.atomic():
        outgoing = (
            OutgoingEmail.objects.select_for_update(skip_locked=True)
            .filter(pk=email_id, sent_at__isnull=True)
            .first()
        )
        if outgoing is None:
            return False
        outgoing.attempts += 1
        outgoing.last_attempt_at = timezone.now()
        try:
            _transport().send_messages([message_from_parts(outgoing.message)])
        except MAIL_SERVER_ERRORS as error:
            outgoing.last_error = f"{type(error).__name__}: {error}"[:2000]
            failure = EmailNotDelivered(outgoing.last_error)
        else:
            outgoing.sent_at = outgoing.last_attempt_at
            outgoing.last_error = ""
            failure = None
        outgoing.save(update_fields=["attempts", "last_attempt_at", "sent_at", "last_error"])
    if failure is not None:
        raise failure
    return True


def emails_overdue(*, now=None) -> QuerySet:
    """Return waiting emails whose delivery task seems lost, oldest first.

    That is an email never tried ``SHOP_EMAIL_LOST_AFTER`` after it was written (the queue was
    down when it committed, or a worker died), or one whose last try is longer ago than the
    longest wait between retries. Emails older than ``SHOP_EMAIL_GIVE_UP_AFTER`` are left for
    staff, in the admin.
    """
    now = now or timezone.now()
    lost_after = timedelta(seconds=settings.SHOP_EMAIL_LOST_AFTER)
    retry_gap = timedelta(seconds=settings.SHOP_EMAIL_RETRY_MAX_SECONDS) + lost_after
    return OutgoingEmail.objects.filter(
        Q(last_attempt_at__isnull=True, created_at__lt=now - lost_after)
        | Q(last_attempt_at__lt=now - retry_gap),
        sent_at__isnull=True,
        created_at__gt=now - timedelta(seconds=settings.SHOP_EMAIL_GIVE_UP_AFTER),
    ).order_by("created_at")


def _transport():
    return get_connection(settings.SHOP_EMAIL_TRANSPORT, fail_silently=False)
