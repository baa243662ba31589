"""Reads of payments: card payments by link, session or age; bank transfers owed or overdue."""

from datetime import datetime, timedelta
from decimal import Decimal

from django.core import signing
from django.utils import timezone
from oscar.core.loading import get_model

from store.order.statuses import AWAITING_PAYMENT
from store.payments.models import CardPayment

Order = get_model("order", "Order")
Source = get_model("payment", "Source")

#: Salt of the signed order numbers in the return and cancel links given to Stripe.
LINK_SALT = "store.payments.card-link"
#: The payment source type codes of the two methods (``store.payments.card`` and
#: ``store.payments.bank_transfer``).
CARD = "card"
BANK_TRANSFER = "bank-transfer"


def card_link_token(order_number: str) -> str:
    """Return the signed token that names order ``order_number`` in links back from Stripe."""
    return signing.dumps(order_number, salt=LINK_SALT)


def card_payment_for_token(token: str) -> CardPayment | None:
    """Return the card payment a link back from Stripe names, or None if forged or unknown."""
    try:
        order_number = signing.loads(token, salt=LINK_SALT)
    except signing.BadSignature:
        return None
    return CardPayment.objects.select_related("order").filter(order__number=order_number).first()


def card_payment_for_session(session_id: str) -> CardPayment | None:
    """Return the shop's payment for Stripe session ``session_id``, or None if not ours."""
    return CardPayment.objects.select_related("order").filter(session_id=session_id).first()


def card_payment_of(order) -> CardPayment | None:
    """Return the card payment of ``order``, or None if it is not paid by card."""
    return CardPayment.objects.filter(order=order).first()


def card_payments_overdue(*, now=None) -> list[CardPayment]:
    """Return payments still open a quarter of an hour after their Stripe page closed."""
    now = now or timezone.now()
    return list(
        CardPayment.objects.select_related("order").filter(
            status=CardPayment.Status.OPEN, expires_at__lt=now - timedelta(minutes=15)
        )
    )


def card_source(order) -> Source:
    """Return the card payment source of ``order``."""
    return order.sources.get(source_type__code=CARD)


def bank_transfer_source(order) -> Source | None:
    """Return the bank-transfer payment source of ``order``, or None if paid otherwise."""
    return order.sources.filter(source_type__code=BANK_TRANSFER).first()


def bank_transfer_owed(order) -> Decimal | None:
    """Return what ``order`` still owes by bank transfer, or None if it is not awaiting any."""
    if order.status != AWAITING_PAYMENT:
        return None
    source = bank_transfer_source(order)
    if source is None:
        return None
    return source.amount_allocated - source.amount_debited


def unpaid_orders(*, placed_before: datetime):
    """Return the orders placed before ``placed_before`` still awaiting all their bank transfer.

    Orders part paid are left out: staff settle those by hand.
    """
    return Order.objects.filter(
        status=AWAITING_PAYMENT,
        date_placed__lt=placed_before,
        sources__source_type__code=BANK_TRANSFER,
        sources__amount_debited=0,
    ).distinct()
