"""Staff mark a bank-transfer order paid from the dashboard, submitting the real forms."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from oscar.core.loading import get_model

from tests.checkout_journey import add_to_basket, checkout_as_guest, checkout_shop
from tests.content_factories import editor_user
from tests.factories import UserFactory, shop_staff_user

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")
PaymentEvent = get_model("order", "PaymentEvent")

TOTAL = Decimal("26.95")  # two 2 kg bags at £11.50 and standard delivery at £3.95


@pytest.fixture
def order(django_app, settings):
    """Have a guest check out two bags and pay by bank transfer: the order awaits payment."""
    shop = checkout_shop(settings)
    add_to_basket(django_app, shop, quantity=2)
    checkout_as_guest(django_app, shop).forms["place_order_form"].submit().follow()
    django_app.reset()
    placed = Order.objects.get()
    assert placed.status == "Awaiting payment"
    assert placed.total_incl_tax == TOTAL
    return placed


@pytest.fixture
def staff_member():
    return shop_staff_user(first_name="Grace", last_name="Hopper")


def order_page(django_app, order, user):
    return django_app.get(f"/dashboard/orders/{order.number}/", user=user)


def mark_paid(django_app, order, user, amount=None):
    """Submit the mark-paid form on the order's dashboard page; return the answer."""
    form = order_page(django_app, order, user).forms["mark_paid_form"]
    if amount is not None:
        form["amount"] = amount
    return form.submit(user=user)


def assert_unchanged(order):
    order.refresh_from_db()
    source = order.sources.get()
    assert order.status == "Awaiting payment"
    assert source.amount_debited == Decimal("0.00")
    assert not order.payment_events.exists()
    assert not order.notes.exists()


def test_staff_mark_an_order_paid(django_app, order, staff_member):
    page = order_page(django_app, order, staff_member)
    assert page.forms["mark_paid_form"]["amount"].value == "26.95"

    done = page.forms["mark_paid_form"].submit(user=staff_member).follow(user=staff_member)

    assert f"Order {order.number} marked paid." in done.text
    assert "mark_paid_form" not in done.forms
    order.refresh_from_db()
    assert order.status == "Being processed"
    event = PaymentEvent.objects.get(order=order)
    assert event.event_type.name == "Paid"
    assert event.amount == TOTAL
    assert event.reference == f"MW-{order.number}"
    assert [(line.quantity, line.pk) for line in event.lines.all()] == [
        (2, line.pk) for line in order.lines.all()
    ]
    source = order.sources.get()
    assert source.amount_debited == TOTAL
    assert source.balance == Decimal("0.00")
    note = order.notes.get()
    assert note.user == staff_member
    assert note.message == "£26.95 received by bank transfer, marked paid by Grace Hopper."


def test_a_part_payment_leaves_the_order_awaiting_the_rest(django_app, order, staff_member):
    mark_paid(django_app, order, staff_member, amount="20.00").follow(user=staff_member)

    order.refresh_from_db()
    assert order.status == "Awaiting payment"
    assert order.sources.get().amount_debited == Decimal("20.00")
    assert order.payment_events.get().amount == Decimal("20.00")
    assert "£6.95 still owed" in order.notes.get().message

    mark_paid(django_app, order, staff_member).follow(user=staff_member)

    order.refresh_from_db()
    assert order.status == "Being processed"
    assert order.sources.get().amount_debited == TOTAL
    assert sorted(event.amount for event in order.payment_events.all()) == [
        Decimal("6.95"),
        Decimal("20.00"),
    ]


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("0", "The amount received must be more than nothing."),
        ("-5", "The amount received must be more than nothing."),
        ("26.96", "The amount received is more than the £26.95 still owed."),
        ("lots", "Enter the amount received as a number, e.g. 26.95."),
    ],
)
def test_a_bad_amount_is_refused_and_changes_nothing(
    django_app, order, staff_member, amount, message
):
    answer = mark_paid(django_app, order, staff_member, amount=amount)

    assert answer.status_code == 200
    assert message in answer.text
    assert "This field is required" not in answer.text
    assert answer.forms["mark_paid_form"]["amount"].value == amount
    assert_unchanged(order)


def test_a_second_submit_changes_nothing(django_app, order, staff_member):
    form = order_page(django_app, order, staff_member).forms["mark_paid_form"]
    form.submit(user=staff_member).follow(user=staff_member)

    again = form.submit(user=staff_member).follow(user=staff_member)

    assert f"Order {order.number} is already paid: nothing was changed." in again.text
    order.refresh_from_db()
    assert order.status == "Being processed"
    assert order.payment_events.count() == 1
    assert order.sources.get().amount_debited == TOTAL
    assert order.notes.count() == 1


def test_a_cancelled_order_cannot_be_marked_paid(django_app, order, staff_member):
    form = order_page(django_app, order, staff_member).forms["mark_paid_form"]
    Order.objects.filter(pk=order.pk).update(status="Cancelled")

    answer = form.submit(user=staff_member).follow(user=staff_member)

    assert "is Cancelled, not awaiting payment: nothing was changed." in answer.text
    assert order.sources.get().amount_debited == Decimal("0.00")
    assert not order.payment_events.exists()


def test_the_form_is_only_on_orders_awaiting_a_bank_transfer(django_app, order, staff_member):
    Order.objects.filter(pk=order.pk).update(status="Being processed")

    page = order_page(django_app, order, staff_member)

    assert "mark_paid_form" not in page.forms
    assert "onclick" not in page.text


@pytest.mark.parametrize("make_user", [editor_user, UserFactory], ids=["editor", "shopper"])
def test_editors_and_shoppers_are_refused(django_app, order, staff_member, make_user):
    form = order_page(django_app, order, staff_member).forms["mark_paid_form"]

    answer = form.submit(user=make_user(), status="*")

    assert answer.status_code == 403
    assert_unchanged(order)


def test_staff_who_may_only_view_orders_are_refused(django_app, order, staff_member):
    viewer = UserFactory(staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_order"))
    page = order_page(django_app, order, viewer)
    assert "mark_paid_form" not in page.forms
    form = order_page(django_app, order, staff_member).forms["mark_paid_form"]

    answer = form.submit(user=viewer, status="*")

    assert answer.status_code == 403
    assert_unchanged(order)
