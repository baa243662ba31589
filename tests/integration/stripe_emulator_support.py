"""What the Stripe emulator's test modules share: the API key, a client and a typical session.

A pytest plugin (the root conftest names it): its fixtures ``emulator``, ``stripe_client`` and
``open_session`` serve both test modules.

The client is a ``stripe.StripeClient`` pointed at the emulator over real HTTP, with the same retry
settings the shop uses; ``session_params`` describes a two-line order with the shop's return URLs.
"""

from __future__ import annotations

import pytest
import stripe

from tests.stripe_emulator import StripeEmulator

API_KEY = "sk_test_emulated"
SUCCESS_URL = "http://shop.test/checkout/stripe/return/?session_id={CHECKOUT_SESSION_ID}"
CANCEL_URL = "http://shop.test/basket/?cancelled=1"


def client_for(emulator: StripeEmulator, *, timeout: float = 2) -> stripe.StripeClient:
    """Return a client for the emulator, retrying as the shop's own client does."""
    return stripe.StripeClient(
        API_KEY,
        base_addresses={"api": emulator.api_base},
        max_network_retries=2,
        http_client=stripe.RequestsClient(timeout=timeout),
    )


def session_params(**overrides: object) -> dict:
    """Return the parameters of a typical Checkout Session, with ``overrides`` applied."""
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
    return client_for(emulator)


@pytest.fixture
def open_session(stripe_client: stripe.StripeClient) -> stripe.checkout.Session:
    return stripe_client.v1.checkout.sessions.create(params=session_params())
