"""The hourly safety net: card orders whose webhook never came are settled by asking Stripe."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from store.payments.models import CardPayment
from tests.factories import card_order, sized_product

pytestmark = pytest.mark.django_db

SESSIONS = "/v1/checkout/sessions"


@pytest.fixture
def size(card_payments):
    return sized_product(sizes=1).children.get()


def closed_an_hour_ago(payment):
    CardPayment.objects.filter(pk=payment.pk).update(expires_at=timezone.now() - timedelta(hours=1))
    return payment


def reconcile():
    out, err = StringIO(), StringIO()
    call_command("reconcile_card_payments", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_a_paid_session_whose_webhook_was_missed_is_fulfilled(card_payments, size):
    payment = closed_an_hour_ago(card_order(size=size))
    card_payments.pay(payment.session_id)

    out, _err = reconcile()

    payment.refresh_from_db()
    assert payment.status == CardPayment.Status.PAID
    assert payment.order.status == "Being processed"
    assert f"Order {payment.order.number}: Paid" in out
    assert "Settled 1 card payment(s)." in out


def test_an_expired_session_whose_webhook_was_missed_frees_the_stock(card_payments, size):
    payment = closed_an_hour_ago(card_order(size=size, quantity=3))
    card_payments.expire(payment.session_id)

    reconcile()

    payment.refresh_from_db()
    assert payment.status == CardPayment.Status.EXPIRED
    assert payment.order.status == "Cancelled"
    assert size.stockrecords.get().num_allocated == 0


def test_a_payment_page_still_open_is_left_alone_without_asking_stripe(card_payments, size):
    payment = card_order(size=size)
    card_payments.reset_faults()  # forget the session's creation

    out, _err = reconcile()

    payment.refresh_from_db()
    assert payment.status == CardPayment.Status.OPEN
    assert not card_payments.requests(SESSIONS)
    assert "Settled 0 card payment(s)." in out


def test_stripe_not_answering_is_reported_and_the_rest_are_still_settled(card_payments, size):
    unreachable = closed_an_hour_ago(card_order(size=size))
    paid = closed_an_hour_ago(card_order(size=size, email="second@example.com"))
    card_payments.pay(paid.session_id)
    card_payments.fail_next(f"{SESSIONS}/{unreachable.session_id}", status=500, times=3)

    out, err = reconcile()

    assert f"Order {unreachable.order.number}: not checked" in err
    unreachable.refresh_from_db()
    paid.refresh_from_db()
    assert unreachable.status == CardPayment.Status.OPEN
    assert paid.status == CardPayment.Status.PAID
    assert "Settled 1 card payment(s)." in out
