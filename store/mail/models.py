"""The outbox: one row per email, written in the same transaction as the change it reports."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutgoingEmail(models.Model):
    """An email the shop sends: kept whole, so it can be delivered, and retried, later.

    ``message`` holds the parts of Django's ``EmailMessage`` (``store.mail.parts``). A row
    with no ``sent_at`` is waiting: its delivery task runs once the transaction that wrote it
    commits, and the mail server's refusals are counted in ``attempts`` with the last one kept.
    """

    subject = models.CharField(_("subject"), max_length=998)
    recipients = models.JSONField(_("recipients"), default=list)
    message = models.JSONField(_("message"))
    created_at = models.DateTimeField(_("written"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("outgoing email")
        verbose_name_plural = _("outgoing emails")
        ordering = ["-created_at"]
        indexes = [
            models.Index(
                fields=["created_at"], condition=Q(sent_at__isnull=True), name="mail_waiting_idx"
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(sent_at__isnull=True) | Q(attempts__gt=0),
                name="mail_sent_after_an_attempt",
            )
        ]

    def __str__(self) -> str:
        return f"{self.subject} → {', '.join(self.recipients)}"

    @property
    def is_waiting(self) -> bool:
        return self.sent_at is None
