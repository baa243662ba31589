"""Staff refund card payments from the dashboard order page, through Stripe's Refund API.

Refunds go through the real library to localstripe (behind the loopback fixture, which replays
idempotency keys as Stripe does). localstripe itself accepts refunds beyond what was paid, so
the limits proven here are the shop's own.
"""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from oscar.core.loading import get_model

from store.payments import gateway
from store.payments.models import CardPayment, CardRefund
from store.payments.refunds import RefundRefused, card_refund
from store.payments.services import card_payment_fulfil
from tests.content_factories import editor_user
from tests.factories import UserFactory, card_order, shop_staff_user, sized_product

pytestmark = pytest.mark.django_db

PaymentEvent = get_model("order", "PaymentEvent")

REFUNDS = "/v1/refunds"


@pytest.fixture
def payment(card_payments):
    """A guest's card order for two 1 kg bags (£13.00), paid on Stripe's page."""
    size = sized_product(sizes=1).children.get()
    payment = card_order(size=size, quantity=2)
    card_payments.pay(payment.session_id)
    card_payment_fulfil(gateway.checkout_session_retrieve(payment.session_id))
    payment.refresh_from_db()
    assert payment.status == CardPayment.Status.PAID
    assert payment.amount == Decimal("13.00")
    return payment


@pytest.fixture
def staff_member():
    return shop_staff_user(first_name="Grace", last_name="Hopper")


def order_page(django_app, payment, user):
    return django_app.get(f"/dashboard/orders/{payment.order.number}/", user=user)


def refund_from_page(page, amount):
    form = page.forms["card_refund_form"]
    form["amount"] = amount
    return form.submit()


def refund(payment, amount, refunded_seen="0"):
    """Refund through the service, as a member of staff whose form saw ``refunded_seen``."""
    return card_refund(
        payment=payment,
        amount=Decimal(amount),
        refunded_seen=Decimal(refunded_seen),
        user=UserFactory(staff=True),
    )


def test_partial_then_full_refund(django_app, card_payments, payment, staff_member):
    page = order_page(django_app, payment, staff_member)
    assert "Up to £13.00 can be refunded" in page.text

    after_first = refund_from_page(page, "5.00").follow()
    assert "£5.00 refunded to the shopper" in after_first.text
    payment.refresh_from_db()
    assert payment.refunded == Decimal("5.00")
    assert payment.order.status == "Partly refunded"
    assert "Up to £8.00 can be refunded" in after_first.text

    after_second = refund_from_page(after_first, "8.00").follow()

    payment.refresh_from_db()
    assert payment.refunded == Decimal("13.00")
    assert payment.order.status == "Refunded"
    assert "card_refund_form" not in after_second.forms
    refunds = list(CardRefund.objects.order_by("created_at"))
    assert [made.amount for made in refunds] == [Decimal("5.00"), Decimal("8.00")]
    assert [made.created_by for made in refunds] == [staff_member, staff_member]
    for made in refunds:
        at_stripe = card_payments.refund(made.refund_id)
        assert at_stripe["payment_intent"] == payment.payment_intent_id
        assert at_stripe["amount"] == int(made.amount * 100)
    events = PaymentEvent.objects.filter(event_type__name="Refunded").order_by("date_created")
    assert [(event.amount, event.reference) for event in events] == [
        (made.amount, made.refund_id) for made in refunds
    ]
    assert payment.order.sources.get().amount_refunded == Decimal("13.00")
    prefix = f"order-{payment.order.number}-{payment.payment_intent_id}"
    assert [request.idempotency_key for request in card_payments.requests(REFUNDS)] == [
        f"{prefix}-refund-1",
        f"{prefix}-refund-2",
    ]


def test_a_refund_beyond_what_was_paid_is_refused_and_nothing_reaches_stripe(
    django_app, card_payments, payment, staff_member
):
    page = refund_from_page(order_page(django_app, payment, staff_member), "13.01")

    assert page.status_code == 200
    assert "At most £13.00 can be refunded." in page.text
    payment.refresh_from_db()
    assert payment.refunded == Decimal("0.00")
    assert not card_payments.requests(REFUNDS)
    assert not CardRefund.objects.exists()


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("0", "The refund must be more than nothing."),
        ("-5", "The refund must be more than nothing."),
        ("lots", "Enter the amount to refund as a number"),
        ("", "This field is required."),
    ],
)
def test_a_refund_of_nothing_or_nonsense_is_refused(
    django_app, card_payments, payment, staff_member, amount, message
):
    page = refund_from_page(order_page(django_app, payment, staff_member), amount)

    assert page.status_code == 200
    assert message in page.text
    assert not card_payments.requests(REFUNDS)
    assert not CardRefund.objects.exists()


def test_the_same_refund_form_sent_twice_refunds_once(
    django_app, card_payments, payment, staff_member
):
    form = order_page(django_app, payment, staff_member).forms["card_refund_form"]
    form["amount"] = "5.00"

    form.submit().follow()
    again = form.submit().follow()

    assert "has been refunded since this page was loaded, so nothing was refunded" in again.text
    payment.refresh_from_db()
    assert payment.refunded == Decimal("5.00")
    assert len(card_payments.requests(REFUNDS)) == 1


def test_the_service_refuses_more_than_is_left_even_without_the_form(card_payments, payment):
    refund(payment, "10.00")

    with pytest.raises(RefundRefused, match=r"At most £3\.00 can be refunded"):
        refund(payment, "3.01", refunded_seen="10.00")

    payment.refresh_from_db()
    assert payment.refunded == Decimal("10.00")
    assert len(card_payments.requests(REFUNDS)) == 1


def test_an_unpaid_order_cannot_be_refunded(card_payments):
    unpaid = card_order(size=sized_product(sizes=1).children.get())

    with pytest.raises(RefundRefused, match="no card payment to refund"):
        refund(unpaid, "1.00")

    assert not card_payments.requests(REFUNDS)


def test_a_refund_retried_after_stripe_timed_out_is_made_once(card_payments, payment):
    card_payments.delay_next(REFUNDS, seconds=1.5, times=3)
    with pytest.raises(RefundRefused, match="Stripe did not answer"):
        refund(payment, "4.00")
    payment.refresh_from_db()
    assert payment.refunded == Decimal("0.00")

    made = refund(payment, "4.00")

    attempts = card_payments.requests(REFUNDS)
    assert len(attempts) == 4
    assert {attempt.idempotency_key for attempt in attempts} == {
        f"order-{payment.order.number}-{payment.payment_intent_id}-refund-1"
    }
    assert card_payments.refund(made.refund_id)["amount"] == 400
    payment.refresh_from_db()
    assert payment.refunded == Decimal("4.00")


def test_a_refund_stripe_refuses_changes_nothing_and_says_why(card_payments, payment):
    card_payments.fail_next(REFUNDS, status=400)

    with pytest.raises(RefundRefused, match="Stripe refused the refund"):
        refund(payment, "4.00")

    payment.refresh_from_db()
    assert payment.refunded == Decimal("0.00")
    assert not CardRefund.objects.exists()


def test_staff_without_the_change_order_permission_see_no_refund_form(
    django_app, card_payments, payment
):
    viewer = UserFactory(staff=True)
    viewer.user_permissions.add(
        *Group.objects.get(name="Shop staff").permissions.exclude(codename="change_order")
    )

    page = order_page(django_app, payment, viewer)

    assert "Card payment (Stripe)" in page.text
    assert "card_refund_form" not in page.forms


def test_editors_never_reach_the_order_page(django_app, card_payments, payment):
    django_app.get(f"/dashboard/orders/{payment.order.number}/", user=editor_user(), status=403)


def test_the_dashboard_says_how_to_turn_cards_on_when_they_are_off(
    django_app, settings, staff_member
):
    settings.STRIPE_SECRET_KEY = ""

    page = django_app.get("/dashboard/", user=staff_member)

    assert "Card payments are off" in page.text
    assert "STRIPE_SECRET_KEY" in page.text
    assert "http://testserver/payments/stripe/webhook/" in page.text


def test_the_dashboard_says_nothing_about_cards_when_they_are_on(
    django_app, card_payments, staff_member
):
    page = django_app.get("/dashboard/", user=staff_member)

    assert "Card payments are off" not in page.text
