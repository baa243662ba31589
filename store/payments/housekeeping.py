"""The payments' periodic jobs: settle card payments whose webhook never came, and cancel
bank-transfer orders whose money never came. The worker's beat runs them (``tasks.py``); the
management commands of the same names run them by hand. Each order is settled in its own
transaction under a row lock, so a run that overlaps another, or is repeated, changes nothing
twice.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from store.payments import gateway
from store.payments.bank_transfer import bank_transfer_cancel_unpaid
from store.payments.models import CardPayment
from store.payments.selectors import card_payments_overdue, unpaid_orders
from store.payments.services import card_session_settle


@dataclass(frozen=True)
class Reconciled:
    """What one overdue card payment came to: its state now, or why Stripe was not asked."""

    order_number: str
    payment: CardPayment | None = None
    error: str = ""

    @property
    def settled(self) -> bool:
        return self.payment is not None and self.payment.status != CardPayment.Status.OPEN


def card_payments_reconcile() -> Iterator[Reconciled]:
    """Ask Stripe about each card payment left open after its page closed, and settle it.

    One payment Stripe cannot answer for is reported and the rest go on.
    """
    for payment in card_payments_overdue():
        number = payment.order.number
        try:
            session = gateway.checkout_session_retrieve(payment.session_id)
        except gateway.GatewayError as error:
            yield Reconciled(order_number=number, error=error.message)
            continue
        yield Reconciled(order_number=number, payment=card_session_settle(session))


def unpaid_orders_cancel(*, days: int, now=None) -> Iterator:
    """Cancel each order still awaiting its bank transfer ``days`` days after it was placed, and
    yield it once cancelled (an order paid or cancelled meanwhile is left alone)."""
    placed_before = (now or timezone.now()) - timedelta(days=days)
    for order in list(unpaid_orders(placed_before=placed_before)):
        if bank_transfer_cancel_unpaid(order=order, days=days):
            yield order
