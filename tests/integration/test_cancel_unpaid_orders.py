"""``manage.py cancel_unpaid_orders`` cancels overdue bank-transfer orders and frees their stock."""

from datetime import timedelta
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from oscar.core.loading import get_model

from store.payments.bank_transfer import bank_transfer_cancel_unpaid, bank_transfer_mark_paid
from tests.factories import UserFactory, bank_transfer_order, sized_product

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")


@pytest.fixture
def size():
    return sized_product(title="Zechstein bath flakes", sizes=1).children.get()


def placed_days_ago(order, days: float):
    """Move ``order`` back in time: it was placed ``days`` days ago."""
    Order.objects.filter(pk=order.pk).update(date_placed=timezone.now() - timedelta(days=days))
    order.refresh_from_db()
    return order


def run(*args: str) -> str:
    out = StringIO()
    call_command("cancel_unpaid_orders", *args, stdout=out)
    return out.getvalue()


def allocated(size) -> int:
    return size.stockrecords.get().num_allocated


def test_an_order_older_than_the_limit_is_cancelled_and_its_stock_released(settings, size):
    settings.SHOP_BANK_TRANSFER_DAYS = 7
    overdue = placed_days_ago(bank_transfer_order(size=size, quantity=3), 8)
    assert allocated(size) == 3

    output = run()

    overdue.refresh_from_db()
    assert overdue.status == "Cancelled"
    assert allocated(size) == 0
    assert "Cancelled 1 unpaid order(s)." in output
    assert overdue.number in output
    note = overdue.notes.get()
    assert note.message == "Cancelled: no bank transfer received within 7 days."


def test_recent_and_paid_orders_are_left_alone(settings, size):
    settings.SHOP_BANK_TRANSFER_DAYS = 7
    recent = placed_days_ago(bank_transfer_order(size=size, quantity=1), 6)
    paid = bank_transfer_order(size=size, quantity=2)
    bank_transfer_mark_paid(order=paid, amount=paid.total_incl_tax, user=UserFactory(staff=True))
    placed_days_ago(paid, 30)

    output = run()

    recent.refresh_from_db()
    paid.refresh_from_db()
    assert recent.status == "Awaiting payment"
    assert paid.status == "Being processed"
    assert allocated(size) == 3
    assert "Cancelled 0 unpaid order(s)." in output


def test_a_part_paid_order_is_left_for_staff(size):
    order = bank_transfer_order(size=size, quantity=2)
    bank_transfer_mark_paid(order=order, amount=Decimal("5.00"), user=UserFactory(staff=True))
    placed_days_ago(order, 30)

    output = run()

    order.refresh_from_db()
    assert order.status == "Awaiting payment"
    assert allocated(size) == 2
    assert "Cancelled 0 unpaid order(s)." in output
    assert not bank_transfer_cancel_unpaid(order=order, days=7)


def test_days_overrides_the_setting(settings, size):
    settings.SHOP_BANK_TRANSFER_DAYS = 7
    order = placed_days_ago(bank_transfer_order(size=size), 3)

    run("--days", "2")

    order.refresh_from_db()
    assert order.status == "Cancelled"


def test_a_dry_run_lists_the_orders_and_changes_nothing(size):
    order = placed_days_ago(bank_transfer_order(size=size, quantity=2), 10)

    output = run("--dry-run")

    order.refresh_from_db()
    assert order.status == "Awaiting payment"
    assert allocated(size) == 2
    assert not order.notes.exists()
    assert f"Would cancel order {order.number}" in output
    assert "1 unpaid order(s) would be cancelled" in output


def test_a_second_run_cancels_nothing_more(size):
    order = placed_days_ago(bank_transfer_order(size=size, quantity=2), 10)
    run()

    output = run()

    order.refresh_from_db()
    assert order.status == "Cancelled"
    assert allocated(size) == 0
    assert order.notes.count() == 1
    assert "Cancelled 0 unpaid order(s)." in output


def test_an_order_paid_after_the_list_was_made_is_skipped(size):
    order = placed_days_ago(bank_transfer_order(size=size), 10)
    Order.objects.filter(pk=order.pk).update(status="Being processed")

    assert bank_transfer_cancel_unpaid(order=order, days=7) is False
    order.refresh_from_db()
    assert order.status == "Being processed"
    assert allocated(size) == 1


def test_the_order_total_is_what_the_source_awaits(size):
    order = bank_transfer_order(size=size, quantity=2)

    source = order.sources.get()
    assert source.amount_allocated == order.total_incl_tax == Decimal("13.00")
    assert source.amount_debited == 0
