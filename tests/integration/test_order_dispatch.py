"""Dispatching an order: the carrier and tracking number are kept, the stock leaves, the order is
Shipped and the shopper is emailed a link to follow it, all once and all or nothing."""

from importlib import import_module

import pytest
from django.core import mail
from django.db import IntegrityError, connection, transaction
from django.db.migrations.loader import MigrationLoader
from django.urls import reverse
from oscar.core.loading import get_class, get_model

from store.order.models import DISPATCHED
from store.order.services import OrderStatusRefused, order_cancel, order_dispatch
from store.order.statuses import (
    AWAITING_PAYMENT,
    BEING_PROCESSED,
    CANCELLED,
    PARTLY_REFUNDED,
    REFUNDED,
    SHIPPED,
)
from store.storefront.site import absolute_url
from tests.factories import UserFactory, sized_product
from tests.order_states import PAID, UNPAID, dispatch_event_types, order_in, stock_of
from tests.order_states import PARTLY_REFUNDED as MONEY_PARTLY_REFUNDED

pytestmark = pytest.mark.django_db

CommunicationEvent = get_model("order", "CommunicationEvent")
CommunicationEventType = get_model("communication", "CommunicationEventType")
OrderStatusChange = get_model("order", "OrderStatusChange")
ShippingEvent = get_model("order", "ShippingEvent")
ShippingEventType = get_model("order", "ShippingEventType")
EventHandler = get_class("order.processing", "EventHandler")


@pytest.fixture(autouse=True)
def _dispatch_types():
    dispatch_event_types()


@pytest.fixture
def size():
    return sized_product(title="Zechstein bath flakes", sizes=1).children.get()


@pytest.fixture
def paid_order(size):
    return order_in(BEING_PROCESSED, size=size, quantity=3, money=PAID)


def assert_not_dispatched(order, *, status, size):
    order.refresh_from_db()
    assert order.status == status
    assert not order.shipping_events.exists()
    assert not OrderStatusChange.objects.filter(order=order).exists()
    assert not order.notes.exists()
    assert stock_of(size) == (20, 3)
    assert order.lines.get().num_allocated == 3


def test_dispatch_records_the_parcel_consumes_the_stock_and_ships_the_order(
    size, paid_order, django_capture_on_commit_callbacks
):
    staff = UserFactory(staff=True)
    with django_capture_on_commit_callbacks(execute=True):
        event = order_dispatch(
            order=paid_order,
            carrier="  Royal   Mail ",
            tracking_number="jd 0146 0000 6281",
            user=staff,
        )

    assert (event.carrier, event.tracking_number) == ("Royal Mail", "JD014600006281")
    assert event.event_type.code == DISPATCHED
    line = paid_order.lines.get()
    assert [(part.line, part.quantity) for part in event.line_quantities.all()] == [(line, 3)]
    assert stock_of(size) == (17, 0)
    line.refresh_from_db()
    assert line.num_allocated == 0
    assert paid_order.status == SHIPPED
    paid_order.refresh_from_db()
    assert paid_order.status == SHIPPED
    change = OrderStatusChange.objects.get(order=paid_order)
    assert (change.old_status, change.new_status) == (BEING_PROCESSED, SHIPPED)
    note = paid_order.notes.get()
    assert note.user == staff
    assert note.message == "Dispatched with Royal Mail, tracking number JD014600006281."


def test_the_shopper_is_emailed_the_tracking_number_once_the_dispatch_is_saved(
    paid_order, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        order_dispatch(order=paid_order, carrier="DPD", tracking_number="15501234567890")
        assert not mail.outbox  # not before the transaction commits

    (email,) = mail.outbox
    status_path = reverse(
        "customer:anon-order",
        kwargs={"order_number": paid_order.number, "hash": paid_order.verification_hash()},
    )
    status_url = absolute_url(status_path)
    assert email.to == ["guest@example.com"]
    assert email.subject == f"Your order {paid_order.number} is on its way"
    assert f"Your order {paid_order.number} has left our warehouse with DPD." in email.body
    assert "Tracking number: 15501234567890" in email.body
    assert status_url in email.body
    (html, mimetype) = email.alternatives[0]
    assert mimetype == "text/html"
    assert f'<a href="{status_url}">' in html
    assert "<strong>15501234567890</strong>" in html
    assert CommunicationEvent.objects.get(order=paid_order).event_type.code == "ORDER_DISPATCHED"


def test_a_signed_in_shoppers_email_links_to_their_accounts_order_page(
    paid_order, django_capture_on_commit_callbacks
):
    shopper = UserFactory(email="ada@example.com")
    paid_order.user = shopper
    paid_order.save()

    with django_capture_on_commit_callbacks(execute=True):
        order_dispatch(order=paid_order, carrier="Evri", tracking_number="H00A1234567890")

    (email,) = mail.outbox
    assert email.to == ["ada@example.com"]
    assert absolute_url(f"/accounts/orders/{paid_order.number}/") in email.body


def test_a_dispatch_that_is_rolled_back_sends_nothing(
    paid_order, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(IntegrityError),
        transaction.atomic(),
    ):
        order_dispatch(order=paid_order, carrier="DPD", tracking_number="15501234567890")
        raise IntegrityError("a later step of the same request failed")

    assert not mail.outbox
    paid_order.refresh_from_db()
    assert paid_order.status == BEING_PROCESSED


@pytest.mark.parametrize(
    ("status", "money", "message"),
    [
        (AWAITING_PAYMENT, UNPAID, "is Awaiting payment: it cannot move to Shipped."),
        (
            BEING_PROCESSED,
            UNPAID,
            "cannot be dispatched before it is paid in full: £0.00 of £19.50 received.",
        ),
        (CANCELLED, PAID, "is Cancelled: it cannot move to Shipped."),
        (REFUNDED, PAID, "is Refunded: it cannot move to Shipped."),
    ],
)
def test_an_order_not_ready_to_go_is_not_dispatched(size, status, money, message):
    order = order_in(status, size=size, money=money)

    with pytest.raises(OrderStatusRefused) as refused:
        order_dispatch(order=order, carrier="DPD", tracking_number="15501234567890")

    assert refused.value.message == f"Order {order.number} {message}"
    assert_not_dispatched(order, status=status, size=size)


def test_a_partly_refunded_order_can_still_be_dispatched(size):
    order = order_in(PARTLY_REFUNDED, size=size, money=MONEY_PARTLY_REFUNDED)

    order_dispatch(order=order, carrier="DPD", tracking_number="15501234567890")

    assert order.status == SHIPPED
    assert stock_of(size) == (17, 0)


@pytest.mark.parametrize(
    ("carrier", "tracking_number", "message"),
    [
        ("", "15501234567890", "Enter the carrier that takes the parcel."),
        ("DPD", "  ", "Enter the parcel's tracking number."),
        (
            "DPD",
            "15/50",
            "Enter the tracking number as the carrier gives it: 4 to 40 letters, digits or "
            "hyphens.",
        ),
        ("DPD", "ab1", "Enter the tracking number as the carrier gives it"),
        ("DPD\x07", "15501234567890", "Enter the carrier's name without control characters."),
    ],
)
def test_a_dispatch_without_a_proper_carrier_and_tracking_number_is_refused(
    size, paid_order, carrier, tracking_number, message
):
    with pytest.raises(OrderStatusRefused) as refused:
        order_dispatch(order=paid_order, carrier=carrier, tracking_number=tracking_number)

    assert message in refused.value.message
    assert_not_dispatched(paid_order, status=BEING_PROCESSED, size=size)


def test_an_order_is_dispatched_once(size, paid_order, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        order_dispatch(order=paid_order, carrier="DPD", tracking_number="15501234567890")
        with pytest.raises(OrderStatusRefused) as refused:
            order_dispatch(order=paid_order, carrier="DPD", tracking_number="15501234567890")

    assert refused.value.message == f"Order {paid_order.number} has been dispatched already."
    assert paid_order.shipping_events.count() == 1
    assert stock_of(size) == (17, 0)
    assert len(mail.outbox) == 1


def test_a_dispatched_order_cannot_be_cancelled_and_keeps_its_stock_consumed(size, paid_order):
    order_dispatch(order=paid_order, carrier="DPD", tracking_number="15501234567890")
    order_in(PARTLY_REFUNDED, size=size)  # another order, holding 3 more units
    type(paid_order).objects.filter(pk=paid_order.pk).update(status=PARTLY_REFUNDED)

    with pytest.raises(OrderStatusRefused) as refused:
        order_cancel(order=paid_order)

    assert refused.value.message == (
        f"Order {paid_order.number} has been dispatched, so it cannot be cancelled: refund it "
        "instead."
    )
    assert stock_of(size) == (17, 3)


def test_stock_that_cannot_cover_the_order_refuses_the_dispatch(size, paid_order):
    size.stockrecords.update(num_in_stock=2)  # someone miscounted the shelf

    with pytest.raises(OrderStatusRefused) as refused:
        order_dispatch(order=paid_order, carrier="DPD", tracking_number="15501234567890")

    assert "the stock of Zechstein bath flakes (1 kg) shows fewer units" in refused.value.message
    paid_order.refresh_from_db()
    assert paid_order.status == BEING_PROCESSED
    assert not paid_order.shipping_events.exists()
    assert stock_of(size) == (2, 3)


def test_the_database_refuses_a_tracking_number_without_a_carrier(paid_order):
    event_type = ShippingEventType.objects.get(code=DISPATCHED)

    with pytest.raises(IntegrityError), transaction.atomic():
        ShippingEvent.objects.create(
            order=paid_order, event_type=event_type, carrier="", tracking_number="15501234567890"
        )


def test_oscars_shipping_event_form_cannot_dispatch_without_the_dispatch_form(paid_order):
    event_type = ShippingEventType.objects.get(code=DISPATCHED)
    line = paid_order.lines.get()

    with pytest.raises(OrderStatusRefused) as refused:
        EventHandler().handle_shipping_event(
            paid_order, event_type, [line], [line.quantity], reference="15501234567890"
        )

    assert "is dispatched with the dispatch form on its page" in refused.value.message
    assert not paid_order.shipping_events.exists()


def test_oscars_handler_dispatches_through_the_shops_rules(size, paid_order):
    event_type = ShippingEventType.objects.get(code=DISPATCHED)
    line = paid_order.lines.get()

    EventHandler().handle_shipping_event(
        paid_order, event_type, [line], [3], carrier="DPD", tracking_number="15501234567890"
    )

    assert paid_order.status == SHIPPED
    assert stock_of(size) == (17, 0)


def test_a_migrated_database_has_the_dispatch_event_and_its_email_once():
    ShippingEventType.objects.filter(code=DISPATCHED).delete()
    CommunicationEventType.objects.filter(code="ORDER_DISPATCHED").delete()
    migration = import_module("store.order.migrations.0023_dispatch_event_types")
    migrated_apps = MigrationLoader(connection).project_state().apps

    migration.create_dispatch_event_types(migrated_apps, None)
    migration.create_dispatch_event_types(migrated_apps, None)

    assert ShippingEventType.objects.get(code=DISPATCHED).name == "Dispatched"
    email = CommunicationEventType.objects.get(code="ORDER_DISPATCHED")
    assert (email.name, email.category) == ("Order dispatched", "Order related")
    assert email.email_subject_template is None  # the file templates are used
