"""The Stripe emulator's API behaves like Stripe's for the real ``stripe`` library.

Every call here goes through ``stripe.StripeClient`` over real HTTP to the loopback fixture (and,
for payments, on to localstripe), with the same retry settings the shop uses: form decoding,
creating, expanding and expiring Checkout Sessions, refused parameters, idempotency-key replay,
injected failures and delays, Stripe-shaped error bodies, and localstripe listening on loopback
only. No test needs the database.
"""

from __future__ import annotations

import http.client
import json
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import stripe

from tests.integration.stripe_emulator_support import API_KEY, client_for, session_params
from tests.stripe_emulator import decode_form


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
        params=session_params(expires_at=expires_at)
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
        stripe_client.v1.checkout.sessions.create(params=session_params(**overrides))

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
    first = stripe_client.v1.checkout.sessions.create(params=session_params(), options=options)
    again = stripe_client.v1.checkout.sessions.create(params=session_params(), options=options)

    assert again.id == first.id
    assert again.last_response.headers["Idempotent-Replayed"] == "true"

    with pytest.raises(stripe.IdempotencyError):
        stripe_client.v1.checkout.sessions.create(
            params=session_params(client_reference_id="100002"), options=options
        )


def test_one_server_error_is_retried_with_the_same_key(emulator, stripe_client):
    emulator.fail_next("/v1/checkout/sessions", status=500, times=1)

    session = stripe_client.v1.checkout.sessions.create(params=session_params())

    attempts = emulator.requests("/v1/checkout/sessions")
    assert len(attempts) == 2
    assert attempts[0].idempotency_key == attempts[1].idempotency_key
    assert emulator.session(session.id)["status"] == "open"


def test_server_errors_beyond_the_retries_surface_as_api_error(emulator, stripe_client):
    emulator.fail_next("/v1/checkout/sessions", status=503, times=3)

    with pytest.raises(stripe.APIError) as failed:
        stripe_client.v1.checkout.sessions.create(params=session_params())

    assert failed.value.http_status == 503
    assert len(emulator.requests("/v1/checkout/sessions")) == 3


def test_delay_beyond_the_timeout_surfaces_as_connection_error(emulator):
    quick_client = client_for(emulator, timeout=0.3)
    emulator.delay_next("/v1/checkout/sessions", seconds=1.0, times=3)

    with pytest.raises(stripe.APIConnectionError):
        quick_client.v1.checkout.sessions.create(params=session_params())

    assert len(emulator.requests("/v1/checkout/sessions")) == 3


def test_session_expires_once(emulator, stripe_client, open_session):
    expired = stripe_client.v1.checkout.sessions.expire(open_session.id)
    assert expired.status == "expired"
    assert expired.url is None

    with pytest.raises(stripe.InvalidRequestError) as again:
        stripe_client.v1.checkout.sessions.expire(open_session.id)
    assert again.value.http_status == 400
    with pytest.raises(ValueError, match="expired"):
        emulator.expire(open_session.id)


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
