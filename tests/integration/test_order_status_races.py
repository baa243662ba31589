"""Status moves racing each other, on PostgreSQL with real threads and real transactions.

Each thread has its own database connection, as concurrent requests do; a barrier starts them
together. The order row lock decides which move goes first; the other finds the order changed
and does nothing, so stock is released at most once and a paid order is never cancelled.
"""

from decimal import Decimal

import pytest
from oscar.core.loading import get_model

from store.order.services import OrderStatusRefused, order_cancel, order_status_change
from store.order.statuses import AWAITING_PAYMENT, BEING_PROCESSED, CANCELLED
from store.payments.bank_transfer import BankTransferError, bank_transfer_mark_paid
from tests.factories import UserFactory, bank_transfer_order
from tests.integration.test_card_payment_races import run_together
from tests.integration.test_stock_race import make_size, postgres_only
from tests.order_states import stock_of

pytestmark = [postgres_only, pytest.mark.django_db(transaction=True)]

Order = get_model("order", "Order")
PaymentEvent = get_model("order", "PaymentEvent")

ROUNDS = 6


def test_a_staff_cancel_racing_a_mark_paid_lets_exactly_one_of_them_through():
    size = make_size(num_in_stock=100)
    staff = UserFactory(staff=True)
    for _round in range(ROUNDS):
        order = bank_transfer_order(size=size, quantity=3)
        allocated_before = stock_of(size)[1]

        cancelled, paid = run_together(
            lambda order=order: order_status_change(
                order=order, new_status=CANCELLED, user=staff, expected_status=AWAITING_PAYMENT
            ),
            lambda order=order: bank_transfer_mark_paid(
                order=order, amount=order.total_incl_tax, user=staff
            ),
        )

        order.refresh_from_db()
        source = order.sources.get()
        if cancelled is True:
            assert isinstance(paid, BankTransferError), paid
            assert order.status == CANCELLED
            assert source.amount_debited == Decimal("0.00")
            assert not PaymentEvent.objects.filter(order=order).exists()
            assert stock_of(size)[1] == allocated_before - 3
        else:
            assert isinstance(cancelled, OrderStatusRefused), cancelled
            assert isinstance(paid, PaymentEvent), paid
            assert order.status == BEING_PROCESSED
            assert source.amount_debited == order.total_incl_tax
            assert stock_of(size)[1] == allocated_before
        assert order.status_changes.count() == 1


def test_two_cancels_at_once_release_the_stock_once():
    size = make_size(num_in_stock=20)
    kept = bank_transfer_order(size=size, quantity=2)
    order = bank_transfer_order(size=size, quantity=3)
    assert stock_of(size) == (20, 5)

    results = run_together(
        lambda: order_cancel(order=order, note="Cancelled by staff."),
        lambda: order_cancel(order=order, note="Cancelled by the command."),
    )

    assert sorted(results) == [False, True]
    assert stock_of(size) == (20, 2)
    order.refresh_from_db()
    assert order.status == CANCELLED
    assert order.notes.count() == 1
    assert order.status_changes.count() == 1
    kept.refresh_from_db()
    assert kept.status == AWAITING_PAYMENT
