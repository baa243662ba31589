"""Issuing the shop's tax documents: a receipt when an order is placed, a credit note when a
refund goes through.

Each number is taken from its sequence's counter row, locked (SELECT ... FOR UPDATE) until the
transaction that issues the document ends. A second document waits for the first to commit or
roll back, so no two documents share a number, and a number whose transaction rolled back is
the next document's: the sequences have no gaps. Both documents are issued inside the caller's
transaction, so an order or a refund that is not recorded leaves no document either.
"""

import logging
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _
from oscar.core.loading import get_model
from oscar.templatetags.currency_filters import currency

from store.receipts.figures import credit_split
from store.receipts.models import (
    CreditNote,
    CreditNoteRate,
    DocumentCounter,
    Receipt,
    Sequence,
    document_number,
)
from store.receipts.selectors import uncredited_by_rate

Order = get_model("order", "Order")

logger = logging.getLogger("store.receipts")


class CreditNoteRefused(ValueError):
    """A credit note was not issued; ``message`` says why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@transaction.atomic
def number_take(sequence: Sequence) -> str:
    """Return the next number of ``sequence``, keeping its counter locked until the transaction
    ends. The counter row is made the first time; two first uses at once both end up with it.
    """
    counter, _created = DocumentCounter.objects.select_for_update().get_or_create(sequence=sequence)
    counter.last_value += 1
    counter.save(update_fields=["last_value"])
    return document_number(sequence, counter.last_value)


@transaction.atomic
def receipt_issue(*, order) -> Receipt:
    """Issue the receipt of ``order``, numbered next in the receipt sequence; an order that has
    one already keeps it."""
    existing = Receipt.objects.filter(order=order).first()
    if existing is not None:
        return existing
    receipt = Receipt.objects.create(order=order, number=number_take(Sequence.RECEIPT))
    logger.info("Order #%s: receipt %s issued", order.number, receipt.number)
    return receipt


@transaction.atomic
def credit_note_issue(*, order, amount: Decimal, refund_reference: str) -> CreditNote:
    """Issue the credit note for ``amount`` given back on ``order`` by refund ``refund_reference``.

    A refund has one credit note: asking again (a repeated webhook, a second click) returns the
    note issued the first time. The amount's tax is split by rate in proportion to what the order
    charged at each rate and has not yet credited (``figures.credit_split``). The order row is
    locked meanwhile, so two refunds of one order split what is left one after the other. A
    credit note refers to its order's receipt, so an order without one is given it first. Raise
    CreditNoteRefused when more would be credited than the order has left.
    """
    order = Order.objects.select_for_update().get(pk=order.pk)
    existing = CreditNote.objects.filter(refund_reference=refund_reference).first()
    if existing is not None:
        return existing
    receipt_issue(order=order)
    try:
        split = credit_split(amount=amount, uncredited=uncredited_by_rate(order))
    except ValueError as error:
        raise CreditNoteRefused(
            _("Order %(number)s has less than %(amount)s left to credit.")
            % {"number": order.number, "amount": currency(amount, order.currency)}
        ) from error
    credit_note = CreditNote.objects.create(
        order=order,
        number=number_take(Sequence.CREDIT_NOTE),
        refund_reference=refund_reference,
        amount=amount,
    )
    CreditNoteRate.objects.bulk_create(
        CreditNoteRate(
            credit_note=credit_note,
            rate=part.rate,
            tax=part.amounts.tax,
            gross=part.amounts.gross,
        )
        for part in split
    )
    logger.info(
        "Order #%s: credit note %s issued for refund %s",
        order.number,
        credit_note.number,
        refund_reference,
    )
    return credit_note
