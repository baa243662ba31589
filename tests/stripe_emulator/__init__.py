"""A local Stripe for tests: the real ``stripe`` library talks real HTTP to loopback servers.

Two servers, both bound to 127.0.0.1 on ports the system picks:

* localstripe, a stateful Stripe emulator, run from its aiohttp ``app`` on its own event loop in
  a daemon thread (never through its command line, which listens on every interface). It serves
  PaymentMethods, PaymentIntents, Charges, Customers and Refunds.
* The fixture, a standard-library HTTP server and the single API base the shop is pointed at. It
  serves Checkout Sessions and a stand-in for Stripe's hosted payment page itself, and relays every
  other ``/v1/...`` request to localstripe. In front of both it adds what localstripe lacks:
  idempotency-key replay, refusal of refunds beyond the refundable balance, ``Request-Id``
  headers, Stripe-shaped error bodies, and injected failures and delays for retry tests.

Tests get a ``StripeEmulator`` from the ``stripe_emulator`` fixture (one per test session) or the
``stripe_emulator_clean`` fixture (the same object, with injected faults, recorded requests,
remembered idempotency keys and the webhook target cleared around each test). The shopper's side of
Checkout, which happens on Stripe's own pages, is played by ``pay()``, ``pay_later()``,
``settle()`` and ``expire()``; with ``deliver_to()`` those also post the matching signed webhook
event to the shop.

This package is a pytest plugin (the fixtures are importable from here) and exports every name
other code uses; its modules each hold one part: ``emulator`` (the class and its life cycle),
``server`` (the fixture server and request routing), ``faults``, ``checkout`` and ``params``
(Checkout Sessions), ``payments`` (localstripe calls and refunds), ``shopper``, ``webhooks``,
``localstripe`` (the localstripe server), ``messages`` and ``forms`` (what travels over HTTP).
"""

from tests.stripe_emulator.emulator import StripeEmulator
from tests.stripe_emulator.fixtures import stripe_emulator, stripe_emulator_clean
from tests.stripe_emulator.forms import decode_form, encode_form
from tests.stripe_emulator.messages import CardDeclined, LocalstripeError, RecordedRequest
from tests.stripe_emulator.webhooks import signed_webhook

__all__ = [
    "CardDeclined",
    "LocalstripeError",
    "RecordedRequest",
    "StripeEmulator",
    "decode_form",
    "encode_form",
    "signed_webhook",
    "stripe_emulator",
    "stripe_emulator_clean",
]
