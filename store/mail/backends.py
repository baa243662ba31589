"""The email backend the shop's code sends through: it writes to the outbox, never to a server."""

from django.core.mail.backends.base import BaseEmailBackend

from store.mail.services import email_queue


class OutboxBackend(BaseEmailBackend):
    """Keep each message in the outbox, within the caller's transaction, for the task queue.

    Oscar's order emails, Django's password resets and the shop's own messages all come here,
    so none of them waits for, or fails with, the mail server. ``SHOP_EMAIL_TRANSPORT`` is the
    backend that really delivers them (SMTP in production).
    """

    def send_messages(self, email_messages) -> int:
        """Queue every message that has a recipient and return how many were queued."""
        queued = 0
        for message in email_messages:
            if message.recipients():
                email_queue(message)
                queued += 1
        return queued
