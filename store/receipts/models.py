"""The shop's tax documents: one numbered receipt per order and a credit note per refund.

Numbers come from a counter row per sequence, taken under a row lock in the transaction that
issues the document (``services``), so two documents never share a number and a number whose
transaction rolls back is given to the next document instead of being lost.
"""

import re
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from store.order.models import tax_rate_field


class Sequence(models.TextChoices):
    """A run of document numbers, each with its own prefix."""

    RECEIPT = "receipt", _("Receipts")
    CREDIT_NOTE = "credit_note", _("Credit notes")


#: The prefix of each sequence's numbers: R-000001, CN-000001.
PREFIXES = {Sequence.RECEIPT: "R-", Sequence.CREDIT_NOTE: "CN-"}
#: Numbers are zero-padded to this many digits (and grow longer past 999999).
DIGITS = 6


def document_number(sequence: str, value: int) -> str:
    """Return the printed number of the ``value``-th document of ``sequence``: R-000042."""
    return f"{PREFIXES[sequence]}{value:0{DIGITS}d}"


def number_refusal(sequence: str, number: str) -> str | None:
    """Return why ``number`` cannot be a number of ``sequence``, or None if it can."""
    pattern = rf"{re.escape(PREFIXES[sequence])}\d{{{DIGITS},}}"
    if re.fullmatch(pattern, number or ""):
        return None
    return _("A number of this kind looks like %(example)s.") % {
        "example": document_number(sequence, 1)
    }


class DocumentCounter(models.Model):
    """The last number given in one sequence. Only ``services.number_take`` changes it."""

    sequence = models.CharField(_("sequence"), max_length=16, choices=Sequence.choices, unique=True)
    last_value = models.PositiveIntegerField(_("last number given"), default=0)

    class Meta:
        verbose_name = _("document counter")
        verbose_name_plural = _("document counters")

    def __str__(self) -> str:
        return f"{self.get_sequence_display()}: {self.last_value}"


class Receipt(models.Model):
    """The receipt of one order, issued when the order is placed; its figures are the order's."""

    order = models.OneToOneField(
        "order.Order", on_delete=models.PROTECT, related_name="receipt", verbose_name=_("order")
    )
    number = models.CharField(_("number"), max_length=20, unique=True)
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now)

    class Meta:
        verbose_name = _("receipt")
        verbose_name_plural = _("receipts")
        ordering = ["-issued_at", "-pk"]

    def __str__(self) -> str:
        return self.number

    def clean(self) -> None:
        """Refuse a number outside the receipt sequence's form."""
        refusal = number_refusal(Sequence.RECEIPT, self.number)
        if refusal:
            raise ValidationError({"number": refusal})


class CreditNote(models.Model):
    """Money given back on an order, with its tax split by rate (``rates``).

    ``refund_reference`` names the refund it records (a Stripe refund's id), once: a refund
    reported twice, by a webhook or a second click, finds the note already issued.
    """

    order = models.ForeignKey(
        "order.Order",
        on_delete=models.PROTECT,
        related_name="credit_notes",
        verbose_name=_("order"),
    )
    number = models.CharField(_("number"), max_length=20, unique=True)
    refund_reference = models.CharField(_("refund"), max_length=255, unique=True)
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2)
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now)

    class Meta:
        verbose_name = _("credit note")
        verbose_name_plural = _("credit notes")
        ordering = ["issued_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gt=0), name="receipts_creditnote_amount_positive"
            ),
        ]

    def __str__(self) -> str:
        return self.number

    def clean(self) -> None:
        """Refuse a number outside the credit note sequence's form, and an amount of nothing."""
        errors = {}
        refusal = number_refusal(Sequence.CREDIT_NOTE, self.number)
        if refusal:
            errors["number"] = refusal
        if self.amount is not None and self.amount <= 0:
            errors["amount"] = _("A credit note gives back more than nothing.")
        if errors:
            raise ValidationError(errors)


class CreditNoteRate(models.Model):
    """The part of a credit note taxed at one rate (a null rate is unknown): its gross amount
    and the tax in it."""

    credit_note = models.ForeignKey(CreditNote, on_delete=models.CASCADE, related_name="rates")
    rate = tax_rate_field(_("tax rate"))
    tax = models.DecimalField(_("tax"), max_digits=12, decimal_places=2)
    gross = models.DecimalField(_("gross"), max_digits=12, decimal_places=2)

    class Meta:
        verbose_name = _("credit note rate")
        verbose_name_plural = _("credit note rates")
        ordering = [F("rate").desc(nulls_last=True)]
        constraints = [
            models.CheckConstraint(
                condition=Q(tax__gte=0) & Q(tax__lte=F("gross")),
                name="receipts_creditnoterate_tax_within_gross",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.credit_note}: {self.rate}"

    @property
    def net(self) -> Decimal:
        """Return the amount before tax."""
        return self.gross - self.tax
