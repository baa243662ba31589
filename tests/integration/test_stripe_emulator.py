"""The Stripe emulator behaves like Stripe for the real ``stripe`` library.

Every call here goes through ``stripe.StripeClient`` over real HTTP to the loopback fixture (and,
for payments and refunds, on to localstripe), with the same retry settings the shop uses. No test
needs the database.
"""

from __future__ import annotations

import http.client
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import stripe

from tests.stripe_emulator import CardDeclined, StripeEmulator, decode_form, signed_webhook

API_KEY = "sk_test_emulated"
WEBHOOK_SECRET = "whsec_emulated"
SUCCESS_URL = "http://shop.test/checkout/stripe/return/?session_id={CHECKOUT_SESSION_ID}"
CANCEL_URL = "http://shop.test/basket/?cancelled=1"


def _client(emulator: StripeEmulator, *, timeout: float = 2) -> stripe.StripeClient:
    return stripe.StripeClient(
        API_KEY,
        base_addresses={"api": emulator.api_base},
        max_network_retries=2,
        http_client=stripe.RequestsClient(timeout=timeout),
    )


def _session_params(**overrides: object) -> dict:
    params = {
        "mode": "payment",
        "line_items": [
            {
                "price_data": {
                    "currency": "gbp",
                    "unit_amount": 1250,
                    "product_data": {"name": "Magnesium flakes 1 kg"},
                },
                "quantity": 2,
            },
            {
                "price_data": {
                    "currency": "gbp",
                    "unit_amount": 899,
                    "product_data": {"name": "Magnesium oil 100 ml"},
                },
                "quantity": 1,
            },
        ],
        "success_url": SUCCESS_URL,
        "cancel_url": CANCEL_URL,
        "client_reference_id": "100001",
        "customer_email": "shopper@example.com",
        "metadata": {"order_number": "100001"},
        "payment_intent_data": {"metadata": {"order_number": "100001"}},
        "payment_method_types": ["card"],
        "locale": "en-GB",
    }
    params.update(overrides)
    return params


@pytest.fixture
def emulator(stripe_emulator_clean: StripeEmulator) -> StripeEmulator:
    return stripe_emulator_clean


@pytest.fixture
def stripe_client(emulator: StripeEmulator) -> stripe.StripeClient:
    return _client(emulator)


@pytest.fixture
def open_session(stripe_client: stripe.StripeClient) -> stripe.checkout.Session:
    return stripe_client.v1.checkout.sessions.create(params=_session_params())


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


def test_form_fields_decode_into_nested_params():
    fields = [
        ("line_items[0][price_data][currency]", "gbp"),
        ("line_items[0][quantity]", "2"),
        ("metadata[order_number]", "100001"),
        ("expand[0]", "payment_intent"),
        ("payment_method_types[]", "card"),
    ]
    assert decode_form(fields) == {
        "line_items": [{"price_data": {"currency": "gbp"}, "quantity": "2"}],
        "metadata": {"order_number": "100001"},
        "expand": ["payment_intent"],
        "payment_method_types": ["card"],
    }


def test_session_is_created_and_retrieved(emulator, stripe_client):
    expires_at = int(time.time()) + 3600
    session = stripe_client.v1.checkout.sessions.create(
        params=_session_params(expires_at=expires_at)
    )

    assert session.id.startswith("cs_test_")
    assert session.object == "checkout.session"
    assert (session.status, session.payment_status, session.mode) == ("open", "unpaid", "payment")
    assert session.amount_subtotal == session.amount_total == 2 * 1250 + 899
    assert session.currency == "gbp"
    assert session.client_reference_id == "100001"
    assert session.customer_email == "shopper@example.com"
    assert session.metadata.to_dict() == {"order_number": "100001"}
    assert session.payment_intent is None
    assert session.expires_at == expires_at
    assert session.url == f"{emulator.api_base}/pay/{session.id}"
    assert session.last_response.request_id.startswith("req_")

    fetched = stripe_client.v1.checkout.sessions.retrieve(session.id)
    assert fetched.to_dict() == session.to_dict()

    created = emulator.requests("/v1/checkout/sessions")[0]
    assert (created.method, created.api_key) == ("POST", API_KEY)
    assert created.idempotency_key  # the library sends one with every POST
    assert created.params["line_items"][0]["price_data"]["unit_amount"] == "1250"
    assert created.params["payment_intent_data"] == {"metadata": {"order_number": "100001"}}


def test_line_items_and_payment_intent_expand(emulator, stripe_client, open_session):
    emulator.pay(open_session.id)

    session = stripe_client.v1.checkout.sessions.retrieve(
        open_session.id, params={"expand": ["payment_intent", "line_items"]}
    )

    assert session.payment_intent.status == "succeeded"
    assert [item.description for item in session.line_items.data] == [
        "Magnesium flakes 1 kg",
        "Magnesium oil 100 ml",
    ]


@pytest.mark.parametrize(
    ("overrides", "param"),
    [
        ({"success_url": None}, "success_url"),
        ({"mode": None}, "mode"),
        ({"line_items": None}, "line_items"),
        (
            {
                "line_items": [
                    {"price_data": {"currency": "gbp", "unit_amount": 100}, "quantity": 1}
                ]
            },
            "line_items[0][price_data][product_data]",
        ),
        (
            {
                "line_items": [
                    {
                        "price_data": {
                            "currency": "gbp",
                            "unit_amount": -1,
                            "product_data": {"name": "Flakes"},
                        },
                        "quantity": 1,
                    }
                ]
            },
            "line_items[0][price_data][unit_amount]",
        ),
        (
            {
                "line_items": [
                    {
                        "price_data": {
                            "currency": "gbp",
                            "unit_amount": 100,
                            "product_data": {"name": "Flakes"},
                        },
                        "quantity": 0,
                    }
                ]
            },
            "line_items[0][quantity]",
        ),
        ({"expires_at": int(time.time()) + 600}, "expires_at"),
        ({"expires_at": int(time.time()) + 25 * 3600}, "expires_at"),
        ({"shipping_options": [{"shipping_rate": "shr_1"}]}, "shipping_options"),
    ],
)
def test_invalid_session_params_are_refused_with_the_param_named(stripe_client, overrides, param):
    with pytest.raises(stripe.InvalidRequestError) as refused:
        stripe_client.v1.checkout.sessions.create(params=_session_params(**overrides))

    assert refused.value.http_status == 400
    assert refused.value.param == param


def test_unknown_session_is_a_404(stripe_client):
    with pytest.raises(stripe.InvalidRequestError) as missing:
        stripe_client.v1.checkout.sessions.retrieve("cs_test_nope")

    assert missing.value.http_status == 404
    assert missing.value.param == "session"
    assert "No such checkout.session" in missing.value.user_message


def test_replayed_idempotency_key_gives_the_same_session(stripe_client):
    options = {"idempotency_key": "order-100001-session"}
    first = stripe_client.v1.checkout.sessions.create(params=_session_params(), options=options)
    again = stripe_client.v1.checkout.sessions.create(params=_session_params(), options=options)

    assert again.id == first.id
    assert again.last_response.headers["Idempotent-Replayed"] == "true"

    with pytest.raises(stripe.IdempotencyError):
        stripe_client.v1.checkout.sessions.create(
            params=_session_params(client_reference_id="100002"), options=options
        )


def test_one_server_error_is_retried_with_the_same_key(emulator, stripe_client):
    emulator.fail_next("/v1/checkout/sessions", status=500, times=1)

    session = stripe_client.v1.checkout.sessions.create(params=_session_params())

    attempts = emulator.requests("/v1/checkout/sessions")
    assert len(attempts) == 2
    assert attempts[0].idempotency_key == attempts[1].idempotency_key
    assert emulator.session(session.id)["status"] == "open"


def test_server_errors_beyond_the_retries_surface_as_api_error(emulator, stripe_client):
    emulator.fail_next("/v1/checkout/sessions", status=503, times=3)

    with pytest.raises(stripe.APIError) as failed:
        stripe_client.v1.checkout.sessions.create(params=_session_params())

    assert failed.value.http_status == 503
    assert len(emulator.requests("/v1/checkout/sessions")) == 3


def test_delay_beyond_the_timeout_surfaces_as_connection_error(emulator):
    quick_client = _client(emulator, timeout=0.3)
    emulator.delay_next("/v1/checkout/sessions", seconds=1.0, times=3)

    with pytest.raises(stripe.APIConnectionError):
        quick_client.v1.checkout.sessions.create(params=_session_params())

    assert len(emulator.requests("/v1/checkout/sessions")) == 3


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


def test_session_expires_once(emulator, stripe_client, open_session):
    expired = stripe_client.v1.checkout.sessions.expire(open_session.id)
    assert expired.status == "expired"
    assert expired.url is None

    with pytest.raises(stripe.InvalidRequestError) as again:
        stripe_client.v1.checkout.sessions.expire(open_session.id)
    assert again.value.http_status == 400
    with pytest.raises(ValueError, match="expired"):
        emulator.expire(open_session.id)


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
    later = stripe_client.v1.checkout.sessions.create(params=_session_params())
    abandoned = stripe_client.v1.checkout.sessions.create(params=_session_params())

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


def test_localstripe_listens_on_loopback_only(emulator):
    addresses = emulator.localstripe_addresses
    assert addresses
    assert {address[0] for address in addresses} == {"127.0.0.1"}

    # The kernel's own table of listening TCP sockets agrees (Linux only).
    port = urlsplit(emulator.localstripe_base).port
    if not Path("/proc/net/tcp").exists():
        pytest.skip("no /proc/net/tcp on this system")
    listening = []
    for table in (Path("/proc/net/tcp"), Path("/proc/net/tcp6")):
        if not table.exists():
            continue
        for line in table.read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, port_hex = local.rsplit(":", 1)
            if state == "0A" and int(port_hex, 16) == port:
                listening.append(address)
    assert listening == ["0100007F"]  # 127.0.0.1, little-endian hex


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


def test_error_bodies_are_stripe_shaped(emulator):
    connection = http.client.HTTPConnection("127.0.0.1", urlsplit(emulator.api_base).port)
    try:
        connection.request(
            "GET", "/v1/payment_intents/pi_nope", headers={"Authorization": f"Bearer {API_KEY}"}
        )
        answer = connection.getresponse()
        body = json.loads(answer.read())
    finally:
        connection.close()

    assert answer.status == 404
    assert answer.getheader("Content-Type") == "application/json"
    assert answer.getheader("Request-Id").startswith("req_")
    assert body["error"]["type"] == "invalid_request_error"
