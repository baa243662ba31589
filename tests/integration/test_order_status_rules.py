"""Every order status move goes through one service that knows which moves are allowed.

Each test sets an order up in a status, with the money that status implies, and asks the
service to move it; a refused move must change nothing at all.
"""

import itertools

import pytest
from oscar.core.loading import get_model

from store.order.services import OrderStatusRefused, order_cancel, order_status_change
from store.order.statuses import (
    AWAITING_PAYMENT,
    BEING_PROCESSED,
    CANCELLED,
    PARTLY_REFUNDED,
    REFUNDED,
    SHIPPED,
)
from tests.factories import sized_product
from tests.order_states import (
    PAID,
    UNPAID,
    dispatch_event_types,
    order_in,
    order_of,
    stock_of,
)
from tests.order_states import PARTLY_REFUNDED as MONEY_PARTLY_REFUNDED
from tests.order_states import REFUNDED as MONEY_REFUNDED

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")
OrderStatusChange = get_model("order", "OrderStatusChange")

PENDING = "Pending"
STATUSES = [
    AWAITING_PAYMENT,
    PENDING,
    BEING_PROCESSED,
    PARTLY_REFUNDED,
    SHIPPED,
    REFUNDED,
    CANCELLED,
]

#: The moves staff (or the shop's code) may make by changing the status, each with its money.
#: "Shipped" is missing on purpose: an order is shipped by dispatching it, never by a status.
ALLOWED = {
    (AWAITING_PAYMENT, BEING_PROCESSED),
    (AWAITING_PAYMENT, CANCELLED),
    (PENDING, BEING_PROCESSED),
    (PENDING, CANCELLED),
    (BEING_PROCESSED, PARTLY_REFUNDED),
    (BEING_PROCESSED, REFUNDED),
    (BEING_PROCESSED, CANCELLED),
    (PARTLY_REFUNDED, REFUNDED),
    (PARTLY_REFUNDED, CANCELLED),
    (SHIPPED, PARTLY_REFUNDED),
    (SHIPPED, REFUNDED),
    (CANCELLED, REFUNDED),
}

#: The money that lets a move to each status pass, when the pipeline allows the move at all.
MONEY_FOR = {
    BEING_PROCESSED: PAID,
    PARTLY_REFUNDED: MONEY_PARTLY_REFUNDED,
    REFUNDED: MONEY_REFUNDED,
    CANCELLED: UNPAID,
    SHIPPED: PAID,
    AWAITING_PAYMENT: UNPAID,
    PENDING: UNPAID,
}


@pytest.fixture(autouse=True)
def _dispatch_types():
    dispatch_event_types()


@pytest.fixture
def size():
    return sized_product(title="Zechstein bath flakes", sizes=1).children.get()


def assert_untouched(order, *, status, stock, size):
    order.refresh_from_db()
    assert order.status == status
    assert not OrderStatusChange.objects.filter(order=order).exists()
    assert not order.notes.exists()
    assert not order.shipping_events.exists()
    assert stock_of(size) == stock


@pytest.mark.parametrize(
    ("old", "new"), [pair for pair in itertools.permutations(STATUSES, 2) if pair in ALLOWED]
)
def test_an_allowed_move_is_made_and_recorded(size, old, new):
    order = order_in(old, size=size, money=MONEY_FOR[new])

    moved = order_status_change(order=order, new_status=new, note="Moved by the test.")

    assert moved is True
    assert order.status == new
    order.refresh_from_db()
    assert order.status == new
    change = OrderStatusChange.objects.get(order=order)
    assert (change.old_status, change.new_status) == (old, new)
    assert order.notes.get().message == "Moved by the test."


@pytest.mark.parametrize(
    ("old", "new"), [pair for pair in itertools.permutations(STATUSES, 2) if pair not in ALLOWED]
)
def test_a_move_the_rules_do_not_allow_is_refused_and_changes_nothing(size, old, new):
    order = order_in(old, size=size, money=MONEY_FOR[new])
    stock = stock_of(size)

    with pytest.raises(OrderStatusRefused) as refused:
        order_status_change(order=order, new_status=new, note="Moved by the test.")

    assert order.number in refused.value.message
    assert_untouched(order, status=old, stock=stock, size=size)


@pytest.mark.parametrize("status", STATUSES)
def test_a_move_to_the_status_the_order_has_changes_nothing(size, status):
    order = order_in(status, size=size)

    assert order_status_change(order=order, new_status=status, note="Again.") is False

    assert_untouched(order, status=status, stock=(20, 3), size=size)


def test_shipped_is_only_reached_by_dispatching(size):
    order = order_in(BEING_PROCESSED, size=size, money=PAID)

    with pytest.raises(OrderStatusRefused) as refused:
        order_status_change(order=order, new_status=SHIPPED)

    assert refused.value.message == (
        f"Order {order.number} is marked Shipped by dispatching it, with the carrier and "
        "tracking number."
    )


@pytest.mark.parametrize("old", [AWAITING_PAYMENT, PENDING])
def test_being_processed_is_refused_while_the_order_is_unpaid(size, old):
    order = order_in(old, size=size, money=UNPAID)

    with pytest.raises(OrderStatusRefused) as refused:
        order_status_change(order=order, new_status=BEING_PROCESSED)

    assert refused.value.message == (
        f"Order {order.number} cannot be processed before it is paid in full: "
        "£0.00 of £19.50 received."
    )
    assert_untouched(order, status=old, stock=(20, 3), size=size)


def test_being_processed_is_refused_while_part_of_the_money_is_owed(size):
    order = order_in(AWAITING_PAYMENT, size=size)
    order.sources.get().debit(order.total_incl_tax - 1)

    with pytest.raises(OrderStatusRefused) as refused:
        order_status_change(order=order, new_status=BEING_PROCESSED)

    assert "£18.50 of £19.50 received" in refused.value.message


@pytest.mark.parametrize(
    ("new", "money", "refunded"),
    [
        (REFUNDED, PAID, "£0.00"),
        (REFUNDED, MONEY_PARTLY_REFUNDED, "£1.00"),
        (PARTLY_REFUNDED, PAID, "£0.00"),
        (PARTLY_REFUNDED, MONEY_REFUNDED, "£19.50"),
    ],
)
def test_refund_statuses_need_the_money_given_back(size, new, money, refunded):
    order = order_in(BEING_PROCESSED, size=size, money=money)

    with pytest.raises(OrderStatusRefused) as refused:
        order_status_change(order=order, new_status=new)

    assert refused.value.message == (
        f"Order {order.number} cannot be marked {new}: {refunded} of the £19.50 received "
        "has been refunded."
    )


def test_an_unknown_status_is_refused(size):
    order = order_in(AWAITING_PAYMENT, size=size)

    with pytest.raises(OrderStatusRefused) as refused:
        order_status_change(order=order, new_status="Lost in the post")

    assert refused.value.message == "“Lost in the post” is not an order status."


def test_a_move_chosen_on_a_stale_page_is_refused(size):
    order = order_in(BEING_PROCESSED, size=size, money=PAID)

    with pytest.raises(OrderStatusRefused) as refused:
        order_status_change(order=order, new_status=CANCELLED, expected_status=AWAITING_PAYMENT)

    assert refused.value.message == (
        f"Order {order.number} has become Being processed since this page was loaded: "
        "nothing was changed."
    )
    assert_untouched(order, status=BEING_PROCESSED, stock=(20, 3), size=size)


def test_cancelling_releases_the_orders_stock_once(size):
    kept = order_in(AWAITING_PAYMENT, size=size, quantity=2)
    order = order_in(AWAITING_PAYMENT, size=size, quantity=3)
    assert stock_of(size) == (20, 5)

    assert order_cancel(order=order, note="Cancelled by the test.") is True
    assert stock_of(size) == (20, 2)

    assert order_cancel(order=order, note="Cancelled again.") is False
    assert order_status_change(order=order, new_status=CANCELLED) is False

    assert stock_of(size) == (20, 2)
    order.refresh_from_db()
    assert order.status == CANCELLED
    assert [note.message for note in order.notes.all()] == ["Cancelled by the test."]
    assert OrderStatusChange.objects.filter(order=order).count() == 1
    line = order.lines.get()
    assert (line.num_allocated, line.allocation_cancelled) == (0, True)
    kept.refresh_from_db()
    assert kept.lines.get().num_allocated == 2


def test_cancelling_skips_lines_already_released_or_consumed(size):
    flakes = size
    oil, spray = (
        sized_product(title=title, sizes=1).children.get() for title in ("Oil", "Roll-on")
    )
    order_of({oil: 1, spray: 1})  # another order, whose units must stay allocated
    order = order_of({flakes: 3, oil: 2, spray: 2})
    Order.objects.filter(pk=order.pk).update(status=BEING_PROCESSED)
    released, consumed = order.lines.filter(product__in=[oil, spray]).order_by("product__pk")
    released.cancel_allocation(2)  # given back by hand already
    consumed.consume_allocation(2)  # sent already: out of stock and no longer allocated
    assert [stock_of(flakes), stock_of(oil), stock_of(spray)] == [(20, 3), (20, 1), (18, 1)]

    order_cancel(order=order)

    assert [stock_of(flakes), stock_of(oil), stock_of(spray)] == [(20, 0), (20, 1), (18, 1)]


def test_the_rules_are_checked_on_the_order_as_it_is_now_not_as_it_was_read(size):
    order = order_in(AWAITING_PAYMENT, size=size)
    Order.objects.filter(pk=order.pk).update(status=CANCELLED)

    with pytest.raises(OrderStatusRefused):
        order_status_change(order=order, new_status=BEING_PROCESSED)

    assert order_cancel(order=order) is False
    assert stock_of(size) == (20, 3)  # the test's own update released nothing
