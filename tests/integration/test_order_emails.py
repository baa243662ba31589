"""The shopper hears of what happens to their order after it is placed: paid, cancelled,
refunded, each once, and only about an order they were told of."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from store.order.services import order_cancel
from store.payments import gateway
from store.payments.bank_transfer import bank_transfer_mark_paid
from store.payments.models import CardPayment
from store.payments.refunds import card_refund, card_refund_record
from store.payments.services import card_payment_fulfil, card_payment_release
from tests.factories import UserFactory, bank_transfer_order, card_order, sized_product

pytestmark = pytest.mark.django_db


@pytest.fixture
def commits(django_capture_on_commit_callbacks):
    """Run what a change leaves for after its commit, as a real commit would."""
    return django_capture_on_commit_callbacks


@pytest.fixture
def size():
    """A 1 kg bag at £6.50."""
    return sized_product(sizes=1).children.get()


def test_a_bank_transfer_paid_in_full_is_acknowledged_once(commits, size):
    order = bank_transfer_order(size=size, quantity=2)  # £13.00 and delivery
    staff = UserFactory(staff=True)
    with commits(execute=True):
        bank_transfer_mark_paid(order=order, amount=Decimal("5.00"), user=staff)
    assert mail.outbox == []  # a part payment: the order still waits

    with commits(execute=True):
        bank_transfer_mark_paid(order=order, amount=order.total_incl_tax - 5, user=staff)

    (paid,) = mail.outbox
    assert paid.subject == f"We have received the payment for order {order.number}"
    assert paid.to == ["guest@example.com"]
    assert f"of £{order.total_incl_tax} for order {order.number} has arrived" in paid.body
    html, _ = paid.alternatives[0]
    assert "has arrived" in html and "The Magnesium Works team" in html


def test_an_order_cancelled_for_want_of_a_transfer_says_so(commits, size, settings):
    settings.SHOP_BANK_TRANSFER_DAYS = 7
    order = bank_transfer_order(size=size)
    order.date_placed = timezone.now() - timezone.timedelta(days=8)
    order.save()

    with commits(execute=True):
        call_command("cancel_unpaid_orders", stdout=StringIO())
    with commits(execute=True):
        call_command("cancel_unpaid_orders", stdout=StringIO())

    (cancelled,) = mail.outbox
    assert cancelled.subject == f"Your order {order.number} has been cancelled"
    assert "We did not receive the bank transfer for it within 7 days" in cancelled.body
    assert "within 7 days" in cancelled.alternatives[0][0]


def test_staff_cancelling_an_unpaid_order_tell_the_shopper_nothing_is_owed(commits, size):
    order = bank_transfer_order(size=size)
    with commits(execute=True):
        order_cancel(order=order, user=UserFactory(staff=True), note="Asked by phone.")

    (cancelled,) = mail.outbox
    assert "Nothing was taken for it, so nothing is owed." in cancelled.body
    assert "Asked by phone." not in cancelled.body  # staff notes stay with staff


def test_a_card_order_whose_payment_never_went_through_is_cancelled_silently(
    commits, size, card_payments
):
    payment = card_order(size=size)
    card_payments.expire(payment.session_id)
    with commits(execute=True):
        card_payment_release(
            gateway.checkout_session_retrieve(payment.session_id),
            outcome=CardPayment.Status.EXPIRED,
        )

    payment.order.refresh_from_db()
    assert payment.order.status == "Cancelled"
    assert mail.outbox == []


def test_a_card_refund_is_emailed_with_what_is_left_to_refund(commits, size, card_payments):
    payment = card_order(size=size, quantity=2)
    card_payments.pay(payment.session_id)
    card_payment_fulfil(gateway.checkout_session_retrieve(payment.session_id))
    payment.refresh_from_db()
    mail.outbox.clear()

    with commits(execute=True):
        card_refund(
            payment=payment,
            amount=Decimal("5.00"),
            refunded_seen=Decimal("0"),
            user=UserFactory(staff=True),
        )

    refunds = [m for m in mail.outbox if m.subject.startswith("A refund for your order")]
    assert len(refunds) == 1
    assert "We have refunded £5.00 of order" in refunds[0].body
    assert f"So far £5.00 of the £{payment.amount} you paid has been refunded." in refunds[0].body
    assert "has its credit note" in refunds[0].alternatives[0][0]


def test_a_refund_reported_twice_by_stripe_is_emailed_once(commits, size, card_payments):
    payment = card_order(size=size, quantity=2)
    card_payments.pay(payment.session_id)
    card_payment_fulfil(gateway.checkout_session_retrieve(payment.session_id))
    payment.refresh_from_db()
    mail.outbox.clear()
    made_in_stripes_dashboard = gateway.Refund(
        id="re_from_the_dashboard",
        amount=300,
        currency="gbp",
        status="succeeded",
        payment_intent_id=payment.payment_intent_id,
    )

    for _ in range(2):
        with commits(execute=True):
            card_refund_record(made_in_stripes_dashboard)

    assert [m.subject for m in mail.outbox] == [f"A refund for your order {payment.order.number}"]
    assert "We have refunded £3.00 of order" in mail.outbox[0].body
