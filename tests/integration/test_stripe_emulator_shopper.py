"""The shopper's side of the Stripe emulator behaves like Stripe's hosted Checkout.

Paying by card (and declined cards), delayed bank debits that settle or fail, refunds of what was
paid, signed webhook events for each of the shopper's actions, and the hosted payment page itself.
Calls go through ``stripe.StripeClient`` over real HTTP to the loopback fixture and on to
localstripe. No test needs the database.
"""

from __future__ import annotations

import http.client
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest
import stripe

from tests.integration.stripe_emulator_support import (
    CANCEL_URL,
    SUCCESS_URL,
    session_params,
)
from tests.stripe_emulator import CardDeclined, signed_webhook

WEBHOOK_SECRET = "whsec_emulated"


class _WebhookReceiver(BaseHTTPRequestHandler):
    """Keep each posted webhook (its body and Stripe-Signature header) and answer 200."""

    server: _WebhookServer

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.server.received.append((body, self.headers["Stripe-Signature"]))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """Keep quiet."""


class _WebhookServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _WebhookReceiver)
        self.received: list[tuple[bytes, str]] = []


@pytest.fixture
def webhook_server() -> Iterator[_WebhookServer]:
    server = _WebhookServer()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1})
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join()


def test_paid_session_is_refunded_once_per_idempotency_key(emulator, stripe_client, open_session):
    paid = emulator.pay(open_session.id)

    assert (paid["status"], paid["payment_status"]) == ("complete", "paid")
    assert paid["url"] is None
    intent = stripe_client.v1.payment_intents.retrieve(paid["payment_intent"])
    assert (intent.status, intent.amount, intent.currency) == ("succeeded", 3399, "gbp")
    assert intent.metadata.to_dict() == {"order_number": "100001"}

    params = {"payment_intent": intent.id, "amount": 500}
    refund = stripe_client.v1.refunds.create(params=params, options={"idempotency_key": "k1"})
    replayed = stripe_client.v1.refunds.create(params=params, options={"idempotency_key": "k1"})

    assert refund.status == "succeeded"
    assert replayed.id == refund.id
    assert emulator.refund(refund.id)["amount"] == 500

    with pytest.raises(stripe.InvalidRequestError) as too_much:
        stripe_client.v1.refunds.create(params={"payment_intent": intent.id, "amount": 3000})
    assert too_much.value.code == "amount_too_large"

    rest = stripe_client.v1.refunds.create(params={"payment_intent": intent.id})
    assert rest.amount == 3399 - 500
    with pytest.raises(stripe.InvalidRequestError) as nothing_left:
        stripe_client.v1.refunds.create(params={"payment_intent": intent.id})
    assert nothing_left.value.code == "charge_already_refunded"


@pytest.mark.parametrize("card", ["4000000000000002", "4000000000000341"])
def test_declined_card_leaves_the_session_open(emulator, open_session, card):
    with pytest.raises(CardDeclined):
        emulator.pay(open_session.id, card=card)

    session = emulator.session(open_session.id)
    assert (session["status"], session["payment_status"]) == ("open", "unpaid")
    assert session["payment_intent"] is None


def test_delayed_payment_settles_into_a_refundable_payment(emulator, stripe_client, open_session):
    pending = emulator.pay_later(open_session.id)
    assert (pending["status"], pending["payment_status"]) == ("complete", "unpaid")
    assert pending["payment_intent"].startswith("pi_")

    settled = emulator.settle(open_session.id, succeeded=True)

    assert settled["payment_status"] == "paid"
    refund = stripe_client.v1.refunds.create(params={"payment_intent": settled["payment_intent"]})
    assert refund.amount == 3399


def test_failed_delayed_payment_stays_unpaid(emulator, stripe_client, open_session):
    emulator.pay_later(open_session.id)

    failed = emulator.settle(open_session.id, succeeded=False)

    assert (failed["status"], failed["payment_status"]) == ("complete", "unpaid")
    intent = stripe_client.v1.payment_intents.retrieve(failed["payment_intent"])
    assert intent.status == "canceled"
    with pytest.raises(stripe.InvalidRequestError):
        stripe_client.v1.refunds.create(params={"payment_intent": intent.id})


def test_signed_webhook_verifies_only_with_its_secret(emulator, open_session):
    event = emulator.event("checkout.session.completed", open_session.to_dict())
    payload, header = signed_webhook(event, WEBHOOK_SECRET)

    constructed = stripe.Webhook.construct_event(payload, header, WEBHOOK_SECRET)
    assert constructed.type == "checkout.session.completed"
    assert constructed.data.object.id == open_session.id
    assert constructed.api_version == stripe.api_version
    assert emulator.event("x", {})["id"] != emulator.event("x", {})["id"]
    assert emulator.event("x", {}, event_id="evt_fixed")["id"] == "evt_fixed"

    with pytest.raises(stripe.SignatureVerificationError):
        stripe.Webhook.construct_event(payload, header, "whsec_someone_else")


def test_shopper_actions_post_signed_events(emulator, stripe_client, webhook_server):
    host, port = webhook_server.server_address[:2]
    emulator.deliver_to(f"http://{host}:{port}/stripe/webhook/", WEBHOOK_SECRET)
    later = stripe_client.v1.checkout.sessions.create(params=session_params())
    abandoned = stripe_client.v1.checkout.sessions.create(params=session_params())

    emulator.pay_later(later.id)
    emulator.settle(later.id, succeeded=True)
    emulator.expire(abandoned.id)

    assert emulator.deliveries == [
        ("checkout.session.completed", 200),
        ("checkout.session.async_payment_succeeded", 200),
        ("checkout.session.expired", 200),
    ]
    events = [
        stripe.Webhook.construct_event(body, signature, WEBHOOK_SECRET)
        for body, signature in webhook_server.received
    ]
    assert [event.data.object.id for event in events] == [later.id, later.id, abandoned.id]
    assert events[1].data.object.payment_status == "paid"


def test_hosted_page_pays_and_redirects_to_the_success_url(emulator, open_session):
    page_url = urlsplit(open_session.url)
    connection = http.client.HTTPConnection(page_url.hostname, page_url.port, timeout=5)
    try:
        connection.request("GET", page_url.path)
        page = connection.getresponse()
        html = page.read().decode()
        assert page.status == 200
        assert f"action='{page_url.path}'" in html
        assert f"href='{CANCEL_URL}'" in html

        connection.request(
            "POST",
            page_url.path,
            body="card=4242424242424242",
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        redirect = connection.getresponse()
        redirect.read()
    finally:
        connection.close()

    assert redirect.status == 303
    assert redirect.getheader("Location") == SUCCESS_URL.replace(
        "{CHECKOUT_SESSION_ID}", open_session.id
    )
    assert emulator.session(open_session.id)["payment_status"] == "paid"


def test_hosted_page_for_unknown_session_is_a_404(emulator):
    connection = http.client.HTTPConnection("127.0.0.1", urlsplit(emulator.api_base).port)
    try:
        connection.request("GET", "/pay/cs_test_nope")
        answer = connection.getresponse()
        answer.read()
    finally:
        connection.close()

    assert answer.status == 404
