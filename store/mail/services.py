"""Putting an email in the outbox, and sending a waiting one again."""

from django.core.mail.message import EmailMessage
from django.db import transaction

from store.mail.models import OutgoingEmail
from store.mail.parts import message_parts
from store.mail.tasks import deliver_email


def email_queue(message: EmailMessage) -> OutgoingEmail:
    """Keep ``message`` in the outbox and queue its delivery once the transaction commits.

    Rolled back with the change it reports, it is never sent. A queue that cannot be reached
    at commit costs the email its speed, not the request: the error is logged, and the email
    waits for ``deliver_overdue_emails``.
    """
    outgoing = OutgoingEmail.objects.create(
        subject=str(message.subject)[:998],
        recipients=message.recipients(),
        message=message_parts(message),
    )
    _deliver_after_commit(outgoing.pk)
    return outgoing


def email_send_again(outgoing: OutgoingEmail) -> bool:
    """Queue a waiting email's delivery now; return False if it was sent already."""
    if not outgoing.is_waiting:
        return False
    _deliver_after_commit(outgoing.pk)
    return True


def _deliver_after_commit(email_id: int) -> None:
    """Queue the delivery of ``email_id`` once the transaction commits; log, not raise, if the
    queue cannot be reached (a named function: Django's log of the failure needs its name)."""

    def queue_delivery() -> None:
        deliver_email.delay(email_id)

    transaction.on_commit(queue_delivery, robust=True)
