"""What the shop keeps of card payments: one Checkout Session per order, refunds and events."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class CardPayment(models.Model):
    """The Stripe Checkout Session that pays for one order, and how far it has got.

    One order has at most one session and one session one order (both unique), so a second
    attempt to record either fails in the database. Moving to "paid" is a conditional update
    (see ``services.card_payment_fulfil``), so fulfilling twice is harmless.
    """

    class Status(models.TextChoices):
        OPEN = "open", _("Waiting for the shopper to pay")
        PROCESSING = "processing", _("Paid by a delayed method, waiting for the money")
        PAID = "paid", _("Paid")
        FAILED = "failed", _("Payment failed")
        EXPIRED = "expired", _("Expired unpaid")

    #: The states in which the money may still come.
    UNSETTLED = (Status.OPEN, Status.PROCESSING)

    order = models.OneToOneField(
        "order.Order", on_delete=models.PROTECT, related_name="card_payment"
    )
    session_id = models.CharField(_("Checkout Session"), max_length=255, unique=True)
    session_url = models.URLField(_("payment page"), max_length=2000)
    payment_intent_id = models.CharField(_("PaymentIntent"), max_length=255, blank=True)
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.OPEN
    )
    refunded = models.DecimalField(
        _("refunded"), max_digits=12, decimal_places=2, default=Decimal("0.00")
    )
    expires_at = models.DateTimeField(_("payment page closes at"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    paid_at = models.DateTimeField(_("paid at"), null=True, blank=True)

    class Meta:
        verbose_name = _("card payment")
        verbose_name_plural = _("card payments")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="card_payment_amount_positive"),
            models.CheckConstraint(
                condition=Q(refunded__gte=0) & Q(refunded__lte=F("amount")),
                name="card_payment_refunded_within_amount",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.session_id} ({self.get_status_display()})"

    def clean(self) -> None:
        """Refuse refunds beyond the amount paid."""
        if self.refunded is not None and self.amount is not None and self.refunded > self.amount:
            raise ValidationError({"refunded": _("More cannot be refunded than was paid.")})

    @property
    def refundable(self) -> Decimal:
        """Return what may still be refunded: nothing unless paid."""
        if self.status != self.Status.PAID:
            return Decimal("0.00")
        return self.amount - self.refunded


class CardRefund(models.Model):
    """Money given back on a card payment, through Stripe's Refund API or its dashboard."""

    payment = models.ForeignKey(CardPayment, on_delete=models.PROTECT, related_name="refunds")
    refund_id = models.CharField(_("Stripe refund"), max_length=255, unique=True)
    idempotency_key = models.CharField(max_length=255, unique=True, null=True, blank=True)
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2)
    status = models.CharField(_("status"), max_length=32)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("card refund")
        verbose_name_plural = _("card refunds")
        ordering = ["created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="card_refund_amount_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.refund_id}: {self.amount} ({self.status})"


class StripeEvent(models.Model):
    """A webhook event as Stripe sent it, kept once: its id is unique."""

    event_id = models.CharField(_("event"), max_length=255, unique=True)
    type = models.CharField(_("type"), max_length=100)
    payload = models.JSONField(_("payload"))
    received_at = models.DateTimeField(_("received at"), auto_now_add=True)
    processed_at = models.DateTimeField(_("processed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("Stripe event")
        verbose_name_plural = _("Stripe events")
        ordering = ["-received_at"]

    def __str__(self) -> str:
        return f"{self.event_id} {self.type}"
