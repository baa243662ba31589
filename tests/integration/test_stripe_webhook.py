"""The webhook endpoint: signatures checked with the library, events kept once, refunds kept."""

import json
import time
from decimal import Decimal

import pytest
import stripe
from django.core import mail
from oscar.core.loading import get_model

from store.payments.models import CardPayment, CardRefund, StripeEvent
from tests.card_payments import WEBHOOK_SECRET
from tests.factories import card_order, sized_product
from tests.stripe_emulator import signed_webhook

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")
PaymentEvent = get_model("order", "PaymentEvent")

WEBHOOK = "/payments/stripe/webhook/"


@pytest.fixture
def payment(card_payments):
    """A guest's card order for two units, awaiting payment on Stripe's page."""
    size = sized_product(sizes=1).children.get()
    return card_order(size=size, quantity=2)


def post(client, payload: bytes, signature: str | None):
    headers = {"HTTP_STRIPE_SIGNATURE": signature} if signature is not None else {}
    return client.post(WEBHOOK, payload, content_type="application/json", **headers)


def completed_event(emulator, payment):
    emulator.pay(payment.session_id)
    return emulator.event("checkout.session.completed", emulator.session(payment.session_id))


def assert_nothing_written(payment):
    assert not StripeEvent.objects.exists()
    payment.refresh_from_db()
    assert payment.status == CardPayment.Status.OPEN
    assert payment.order.status == "Awaiting payment"
    assert not PaymentEvent.objects.exists()


def test_a_signed_event_is_kept_and_acted_on(client, card_payments, payment):
    event = completed_event(card_payments, payment)

    response = post(client, *signed_webhook(event, WEBHOOK_SECRET))

    assert response.status_code == 200
    stored = StripeEvent.objects.get()
    assert (stored.event_id, stored.type) == (event["id"], "checkout.session.completed")
    assert stored.payload == event
    assert stored.processed_at is not None
    payment.refresh_from_db()
    assert payment.status == CardPayment.Status.PAID
    assert payment.payment_intent_id.startswith("pi_")


@pytest.mark.parametrize(
    "tamper",
    [
        "another secret",
        "no header",
        "empty header",
        "stale by ten minutes",
        "body changed after signing",
        "header without a v1 signature",
    ],
)
def test_a_bad_signature_gets_400_and_writes_nothing(client, card_payments, payment, tamper):
    event = completed_event(card_payments, payment)
    payload, signature = signed_webhook(event, WEBHOOK_SECRET)
    if tamper == "another secret":
        payload, signature = signed_webhook(event, "whsec_someone_else")
    elif tamper == "no header":
        signature = None
    elif tamper == "empty header":
        signature = ""
    elif tamper == "stale by ten minutes":
        payload, signature = signed_webhook(event, WEBHOOK_SECRET, timestamp=int(time.time()) - 600)
    elif tamper == "body changed after signing":
        payload = payload.replace(b'"paid"', b'"PAID"')
    else:
        signature = signature.split(",")[0]

    response = post(client, payload, signature)

    assert response.status_code == 400
    assert_nothing_written(payment)


def test_a_signed_body_that_is_not_an_event_gets_400(client, card_payments, payment):
    payload = b"this is not json"
    signature = stripe.WebhookSignature.generate_signature_header(payload.decode(), WEBHOOK_SECRET)

    response = post(client, payload, signature)

    assert response.status_code == 400
    assert_nothing_written(payment)


def test_without_a_webhook_secret_every_event_is_refused(client, settings, card_payments, payment):
    event = completed_event(card_payments, payment)
    payload, signature = signed_webhook(event, WEBHOOK_SECRET)
    settings.STRIPE_WEBHOOK_SECRET = ""

    assert post(client, payload, signature).status_code == 400
    assert_nothing_written(payment)


def test_only_post_is_accepted(client, card_payments):
    assert client.get(WEBHOOK).status_code == 405


def test_the_same_event_twice_in_sequence_is_acted_on_once(
    client, card_payments, payment, django_capture_on_commit_callbacks
):
    payload, signature = signed_webhook(completed_event(card_payments, payment), WEBHOOK_SECRET)

    with django_capture_on_commit_callbacks(execute=True):
        first = post(client, payload, signature)
    with django_capture_on_commit_callbacks(execute=True):
        second = post(client, payload, signature)

    assert (first.status_code, second.status_code) == (200, 200)
    assert StripeEvent.objects.count() == 1
    assert PaymentEvent.objects.filter(event_type__name="Paid").count() == 1
    assert len(mail.outbox) == 1


def test_two_events_about_the_same_payment_settle_it_once(
    client, card_payments, payment, django_capture_on_commit_callbacks
):
    card_payments.pay(payment.session_id)
    session = card_payments.session(payment.session_id)

    for event_type in ("checkout.session.completed", "checkout.session.async_payment_succeeded"):
        event = card_payments.event(event_type, session)
        with django_capture_on_commit_callbacks(execute=True):
            response = post(client, *signed_webhook(event, WEBHOOK_SECRET))
        assert response.status_code == 200

    assert StripeEvent.objects.count() == 2
    assert PaymentEvent.objects.filter(event_type__name="Paid").count() == 1
    assert len(mail.outbox) == 1


def test_an_event_about_a_session_of_another_shop_is_kept_and_ignored(client, card_payments):
    event = card_payments.event(
        "checkout.session.completed",
        {"id": "cs_test_not_ours", "object": "checkout.session", "payment_status": "paid"},
    )

    assert post(client, *signed_webhook(event, WEBHOOK_SECRET)).status_code == 200
    assert StripeEvent.objects.get().event_id == event["id"]
    assert not PaymentEvent.objects.exists()


def test_an_event_of_a_kind_the_shop_does_not_handle_is_kept(client, card_payments):
    event = card_payments.event("customer.created", {"id": "cus_123", "object": "customer"})

    assert post(client, *signed_webhook(event, WEBHOOK_SECRET)).status_code == 200
    assert StripeEvent.objects.get().type == "customer.created"


def paid(client, emulator, payment):
    post(client, *signed_webhook(completed_event(emulator, payment), WEBHOOK_SECRET))
    payment.refresh_from_db()
    return payment


def refund_in_stripes_dashboard(emulator, payment, amount: int) -> dict:
    """Refund through the emulator directly, as staff would in Stripe's own dashboard."""
    client = stripe.StripeClient("sk_test_emulated", base_addresses={"api": emulator.api_base})
    refund = client.v1.refunds.create(
        params={"payment_intent": payment.payment_intent_id, "amount": amount}
    )
    return emulator.refund(refund.id)


def test_a_refund_made_in_stripes_dashboard_is_recorded_from_its_event(
    client, card_payments, payment
):
    payment = paid(client, card_payments, payment)
    refund = refund_in_stripes_dashboard(card_payments, payment, 500)

    event = card_payments.event("refund.created", refund)
    assert post(client, *signed_webhook(event, WEBHOOK_SECRET)).status_code == 200

    payment.refresh_from_db()
    assert payment.refunded == Decimal("5.00")
    recorded = CardRefund.objects.get()
    assert (recorded.refund_id, recorded.amount, recorded.created_by) == (
        refund["id"],
        Decimal("5.00"),
        None,
    )
    refunded_event = PaymentEvent.objects.get(event_type__name="Refunded")
    assert (refunded_event.amount, refunded_event.reference) == (Decimal("5.00"), refund["id"])
    assert Order.objects.get().status == "Partly refunded"


def test_a_refund_event_repeated_or_updated_is_counted_once(client, card_payments, payment):
    payment = paid(client, card_payments, payment)
    refund = refund_in_stripes_dashboard(card_payments, payment, 500)

    for event_type in ("refund.created", "refund.updated", "refund.created"):
        event = card_payments.event(event_type, refund)
        post(client, *signed_webhook(event, WEBHOOK_SECRET))

    payment.refresh_from_db()
    assert payment.refunded == Decimal("5.00")
    assert CardRefund.objects.count() == 1
    assert PaymentEvent.objects.filter(event_type__name="Refunded").count() == 1


def test_a_refund_that_fails_later_gives_its_amount_back(client, card_payments, payment):
    payment = paid(client, card_payments, payment)
    refund = refund_in_stripes_dashboard(card_payments, payment, 500)
    post(client, *signed_webhook(card_payments.event("refund.created", refund), WEBHOOK_SECRET))

    failed = {**refund, "status": "failed"}
    post(client, *signed_webhook(card_payments.event("refund.failed", failed), WEBHOOK_SECRET))

    payment.refresh_from_db()
    assert payment.refunded == Decimal("0.00")
    assert CardRefund.objects.get().status == "failed"
    assert payment.order.notes.filter(message__contains="failed at Stripe").exists()


def test_the_event_body_is_kept_as_stripe_sent_it(client, card_payments, payment):
    event = completed_event(card_payments, payment)
    payload, signature = signed_webhook(event, WEBHOOK_SECRET)

    post(client, payload, signature)

    assert StripeEvent.objects.get().payload == json.loads(payload)
