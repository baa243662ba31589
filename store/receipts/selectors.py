"""Reads of the shop's tax documents: the documents drawn from an order's figures, who may see
them (the order's owner, whoever holds a signed link, staff), and what is left to credit.

Each document and its order come in a fixed number of queries, however many lines the order has.
"""

from dataclasses import dataclass
from datetime import datetime

from django.core import signing
from django.db.models import Prefetch, QuerySet, Sum
from django.urls import reverse
from django.utils.translation import gettext as _
from oscar.core.loading import get_model
from oscar.templatetags.currency_filters import currency

from store.receipts.figures import (
    ZERO,
    Amounts,
    RateTotal,
    ReceiptFigures,
    line_charge,
    receipt_figures,
    shipping_charge,
    total_of,
    totals_by_rate,
)
from store.receipts.models import CreditNote, CreditNoteRate, Receipt
from store.storefront.site import absolute_url
from store.tax.regimes import current_regime

Line = get_model("order", "Line")
Source = get_model("payment", "Source")

#: Salts of the signed links that open a document without signing in, one per kind.
RECEIPT_LINK_SALT = "store.receipts.receipt-link"
CREDIT_NOTE_LINK_SALT = "store.receipts.credit-note-link"

#: What a document shows of its order besides the lines: the customer and their addresses.
ORDER_RELATED = (
    "order__user",
    "order__billing_address__country",
    "order__shipping_address__country",
)


@dataclass(frozen=True)
class Customer:
    """Who a document is made out to: a name, the billing (or else shipping) address, email."""

    name: str
    address_lines: list[str]
    email: str


@dataclass(frozen=True)
class ReceiptDocument:
    """Everything the receipt of an order shows."""

    receipt: Receipt
    title: str
    tax_name: str
    prices_include_tax: bool
    customer: Customer
    figures: ReceiptFigures
    payment: str
    credit_notes: list[CreditNote]

    @property
    def order(self):
        return self.receipt.order

    @property
    def number(self) -> str:
        return self.receipt.number

    @property
    def issued_at(self) -> datetime:
        return self.receipt.issued_at


@dataclass(frozen=True)
class CreditNoteDocument:
    """Everything a credit note shows: what was given back, split by tax rate."""

    credit_note: CreditNote
    title: str
    tax_name: str
    customer: Customer
    receipt_number: str
    rates: list[RateTotal]
    totals: Amounts

    @property
    def order(self):
        return self.credit_note.order

    @property
    def number(self) -> str:
        return self.credit_note.number

    @property
    def issued_at(self) -> datetime:
        return self.credit_note.issued_at


def _receipts() -> QuerySet:
    return Receipt.objects.select_related("order", *ORDER_RELATED).prefetch_related(
        Prefetch(
            "order__lines", queryset=Line.objects.select_related("product__parent").order_by("pk")
        ),
        Prefetch("order__sources", queryset=Source.objects.select_related("source_type")),
        "order__credit_notes",
    )


def _credit_notes() -> QuerySet:
    return CreditNote.objects.select_related(
        "order", "order__receipt", *ORDER_RELATED
    ).prefetch_related("rates")


def customer_of(order) -> Customer:
    """Return who ``order``'s documents are made out to."""
    address = order.billing_address or order.shipping_address
    if address is None:
        name = order.user.get_full_name() if order.user else ""
        return Customer(name=name, address_lines=[], email=order.email)
    lines = address.get_address_field_values(
        [field for field in address.base_fields if field != "salutation"]
    )
    return Customer(name=address.salutation, address_lines=lines, email=order.email)


def payment_statement(order) -> str:
    """Say how ``order`` was paid, or that its payment is awaited, from its payment sources."""
    sources = list(order.sources.all())
    if not sources:
        return _("Payment awaited.")
    method = ", ".join(source.source_type.name for source in sources)
    paid = sum(source.amount_debited for source in sources)
    if paid >= order.total_incl_tax:
        return _("Paid in full. Payment method: %(method)s.") % {"method": method}
    if paid > 0:
        return _("%(paid)s paid, %(owed)s awaited. Payment method: %(method)s.") % {
            "paid": currency(paid, order.currency),
            "method": method,
            "owed": currency(order.total_incl_tax - paid, order.currency),
        }
    return _("Payment awaited. Payment method: %(method)s.") % {"method": method}


def receipt_document(receipt: Receipt) -> ReceiptDocument:
    """Return what the receipt shows; ``receipt`` comes from one of the lookups below.

    Raise FiguresDisagree if the order's lines and shipping do not add up to its totals.
    """
    order = receipt.order
    regime = current_regime()
    return ReceiptDocument(
        receipt=receipt,
        title=str(regime.receipt_title),
        tax_name=str(regime.tax_name),
        prices_include_tax=regime.prices_include_tax,
        customer=customer_of(order),
        figures=receipt_figures(
            order, order.lines.all(), prices_include_tax=regime.prices_include_tax
        ),
        payment=payment_statement(order),
        credit_notes=list(order.credit_notes.all()),
    )


def credit_note_document(credit_note: CreditNote) -> CreditNoteDocument:
    """Return what the credit note shows; ``credit_note`` comes from one of the lookups below."""
    rates = [
        RateTotal(rate=row.rate, amounts=Amounts.of(gross=row.gross, net=row.net))
        for row in credit_note.rates.all()
    ]
    return CreditNoteDocument(
        credit_note=credit_note,
        title=_("Credit note"),
        tax_name=str(current_regime().tax_name),
        customer=customer_of(credit_note.order),
        receipt_number=credit_note.order.receipt.number,
        rates=rates,
        totals=total_of(rate.amounts for rate in rates),
    )


def uncredited_by_rate(order) -> list[RateTotal]:
    """Return what ``order`` charged at each tax rate, less what its credit notes gave back."""
    lines = order.lines.select_related("product__parent")
    prices_include_tax = current_regime().prices_include_tax
    charges = [line_charge(line, prices_include_tax=prices_include_tax) for line in lines]
    credited = {
        row["rate"]: Amounts.of(gross=row["gross"], net=row["gross"] - row["tax"])
        for row in CreditNoteRate.objects.filter(credit_note__order=order)
        .values("rate")
        .annotate(tax=Sum("tax"), gross=Sum("gross"))
        .order_by()
    }
    return [
        RateTotal(rate=part.rate, amounts=part.amounts - credited.get(part.rate, ZERO))
        for part in totals_by_rate([*charges, shipping_charge(order)])
    ]


def receipt_for_owner(user, order_number: str) -> Receipt | None:
    """Return the receipt of order ``order_number`` if it is one of ``user``'s orders."""
    return _receipts().filter(order__user=user, order__number=order_number).first()


def credit_note_for_owner(user, order_number: str, number: str) -> CreditNote | None:
    """Return credit note ``number`` of order ``order_number`` if that is one of ``user``'s."""
    return (
        _credit_notes().filter(order__user=user, order__number=order_number, number=number).first()
    )


def receipt_for_orders(orders: QuerySet, order_number: str) -> Receipt | None:
    """Return the receipt of order ``order_number`` if it is among ``orders``."""
    return _receipts().filter(order__in=orders.values("pk"), order__number=order_number).first()


def credit_note_for_orders(orders: QuerySet, order_number: str, number: str) -> CreditNote | None:
    """Return credit note ``number`` of order ``order_number`` if the order is among ``orders``."""
    return (
        _credit_notes()
        .filter(order__in=orders.values("pk"), order__number=order_number, number=number)
        .first()
    )


def document_token(document: Receipt | CreditNote) -> str:
    """Return the signed token that opens ``document`` without signing in."""
    salt = CREDIT_NOTE_LINK_SALT if isinstance(document, CreditNote) else RECEIPT_LINK_SALT
    return signing.Signer(salt=salt).sign(document.number)


def _signed_number(token: str, *, salt: str) -> str | None:
    try:
        return signing.Signer(salt=salt).unsign(token)
    except signing.BadSignature:
        return None


def receipt_for_token(token: str) -> Receipt | None:
    """Return the receipt a signed link names, or None if the link was altered or forged."""
    number = _signed_number(token, salt=RECEIPT_LINK_SALT)
    return _receipts().filter(number=number).first() if number else None


def credit_note_for_token(token: str) -> CreditNote | None:
    """Return the credit note a signed link names, or None if the link was altered or forged."""
    number = _signed_number(token, salt=CREDIT_NOTE_LINK_SALT)
    if not number:
        return None
    return _credit_notes().filter(number=number).first()


def signed_url(document: Receipt | CreditNote) -> str:
    """Return the full address at which anyone holding it reads ``document``."""
    name = "receipts:credit-note" if isinstance(document, CreditNote) else "receipts:receipt"
    return absolute_url(reverse(name, kwargs={"token": document_token(document)}))


@dataclass(frozen=True)
class OrderDocuments:
    """The tax documents of one order: its receipt (None if it has none) and its credit notes,
    oldest first."""

    receipt: Receipt | None
    credit_notes: list[CreditNote]


def receipt_of(order) -> Receipt | None:
    """Return the receipt of ``order``, or None if it has none."""
    return Receipt.objects.filter(order=order).first()


def order_documents(order) -> OrderDocuments:
    """Return the receipt and credit notes of ``order``."""
    return OrderDocuments(
        receipt=receipt_of(order), credit_notes=list(CreditNote.objects.filter(order=order))
    )
