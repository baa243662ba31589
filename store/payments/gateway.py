"""Every call the shop makes to Stripe, through the official library. Nothing else imports it.

The rest of the shop sees plain values: a ``CheckoutSession``, a ``Refund``, a ``WebhookEvent``,
amounts in minor units (pence), and two errors: ``GatewayUnavailable`` (Stripe did not answer in
time, or failed on its side, even after the library's retries) and ``GatewayRefused`` (Stripe
answered and said no). Every call that creates something carries an idempotency key made by the
caller from the shop's own ids, so a retried call never creates a second session or refund.
"""

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

import stripe
from django.conf import settings

#: Currencies Stripe counts in whole units (no pence or cents).
ZERO_DECIMAL_CURRENCIES = frozenset(
    {"BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA"}
    | {"PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF"}
)
#: Seconds a webhook's signature stays valid (the library's default: five minutes).
WEBHOOK_TOLERANCE = 300


class GatewayError(Exception):
    """A call to Stripe failed; ``message`` says so in words a shopper or staff can act on."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class GatewayUnavailable(GatewayError):
    """Stripe could not be reached, timed out or failed on its side: trying again may work."""


class GatewayRefused(GatewayError):
    """Stripe answered and refused the request: trying the same again will not work."""


class BadSignature(Exception):
    """A webhook's ``Stripe-Signature`` is missing, wrong or too old, or its body is not JSON."""


@dataclass(frozen=True)
class CheckoutSession:
    """What the shop needs to know of a Stripe Checkout Session."""

    id: str
    url: str
    status: str  # open, complete or expired
    payment_status: str  # unpaid, paid or no_payment_required
    payment_intent_id: str
    amount_total: int
    currency: str
    expires_at: datetime
    client_reference_id: str

    @property
    def is_paid(self) -> bool:
        """Say whether the money has been taken."""
        return self.payment_status == "paid"


@dataclass(frozen=True)
class Refund:
    """What the shop needs to know of a Stripe refund."""

    id: str
    amount: int
    currency: str
    status: str  # pending, requires_action, succeeded, failed or canceled
    payment_intent_id: str


@dataclass(frozen=True)
class WebhookEvent:
    """A verified webhook event: its id, type and the object it is about, as plain data."""

    id: str
    type: str
    created: int
    object: dict
    payload: dict


def to_minor_units(amount: Decimal, currency: str) -> int:
    """Return ``amount`` in the currency's smallest unit, as Stripe counts it (pence for GBP)."""
    if currency.upper() in ZERO_DECIMAL_CURRENCIES:
        return int(amount)
    return int((amount * 100).to_integral_value())


def from_minor_units(amount: int, currency: str) -> Decimal:
    """Return a Stripe amount in the currency's main unit (pounds for GBP)."""
    if currency.upper() in ZERO_DECIMAL_CURRENCIES:
        return Decimal(amount)
    return (Decimal(amount) / 100).quantize(Decimal("0.01"))


def checkout_session_create(
    *,
    reference: str,
    description: str,
    amount: int,
    currency: str,
    customer_email: str,
    success_url: str,
    cancel_url: str,
    expires_at: datetime,
    idempotency_key: str,
) -> CheckoutSession:
    """Open a hosted Checkout Session that takes ``amount`` (minor units) for order ``reference``.

    The session shows one line, ``description``, for the whole order total, so what Stripe
    takes is exactly what the order says, shipping and discounts included.
    """
    params = {
        "mode": "payment",
        "line_items": [
            {
                "quantity": 1,
                "price_data": {
                    "currency": currency.lower(),
                    "unit_amount": amount,
                    "product_data": {"name": description},
                },
            }
        ],
        "client_reference_id": reference,
        "metadata": {"order_number": reference},
        "payment_intent_data": {"metadata": {"order_number": reference}},
        "success_url": success_url,
        "cancel_url": cancel_url,
        "expires_at": int(expires_at.timestamp()),
    }
    if customer_email:
        params["customer_email"] = customer_email
    session = _call(
        lambda client: client.v1.checkout.sessions.create(
            params=params, options={"idempotency_key": idempotency_key}
        )
    )
    return session_from_object(session.to_dict())


def checkout_session_retrieve(session_id: str) -> CheckoutSession:
    """Fetch the Checkout Session ``session_id`` as Stripe has it now."""
    session = _call(lambda client: client.v1.checkout.sessions.retrieve(session_id))
    return session_from_object(session.to_dict())


def checkout_session_expire(session_id: str, *, idempotency_key: str) -> CheckoutSession:
    """Close the open Checkout Session ``session_id`` so it can no longer be paid.

    Stripe refuses (``GatewayRefused``) once the session is complete or already expired.
    """
    session = _call(
        lambda client: client.v1.checkout.sessions.expire(
            session_id, options={"idempotency_key": idempotency_key}
        )
    )
    return session_from_object(session.to_dict())


def refund_create(
    *, payment_intent_id: str, amount: int, reference: str, idempotency_key: str
) -> Refund:
    """Refund ``amount`` (minor units) of the payment ``payment_intent_id``."""
    refund = _call(
        lambda client: client.v1.refunds.create(
            params={
                "payment_intent": payment_intent_id,
                "amount": amount,
                "metadata": {"order_number": reference},
            },
            options={"idempotency_key": idempotency_key},
        )
    )
    return refund_from_object(refund.to_dict())


def webhook_event_verify(payload: bytes, signature: str | None) -> WebhookEvent:
    """Check ``signature`` (the Stripe-Signature header) against ``payload`` and read the event.

    Raise ``BadSignature`` when the header is missing, does not match the webhook secret, is
    older than five minutes, or the body is not an event.
    """
    secret = settings.STRIPE_WEBHOOK_SECRET
    if not secret or not signature:
        raise BadSignature("missing Stripe-Signature header or webhook secret")
    try:
        text = payload.decode("utf-8")
        stripe.WebhookSignature.verify_header(text, signature, secret, WEBHOOK_TOLERANCE)
        data = json.loads(text)
        return WebhookEvent(
            id=data["id"],
            type=data["type"],
            created=int(data.get("created") or 0),
            object=data["data"]["object"],
            payload=data,
        )
    except stripe.SignatureVerificationError as error:
        raise BadSignature(str(error)) from error
    except (UnicodeDecodeError, ValueError, KeyError, TypeError) as error:
        raise BadSignature(f"not a Stripe event: {error}") from error


def session_from_object(data: dict) -> CheckoutSession:
    """Read a Checkout Session from Stripe's JSON (an API answer or a webhook's object)."""
    return CheckoutSession(
        id=data["id"],
        url=data.get("url") or "",
        status=data.get("status") or "",
        payment_status=data.get("payment_status") or "",
        payment_intent_id=_id_of(data.get("payment_intent")),
        amount_total=int(data.get("amount_total") or 0),
        currency=(data.get("currency") or "").upper(),
        expires_at=datetime.fromtimestamp(int(data.get("expires_at") or 0), tz=UTC),
        client_reference_id=data.get("client_reference_id") or "",
    )


def refund_from_object(data: dict) -> Refund:
    """Read a refund from Stripe's JSON (an API answer or a webhook's object)."""
    return Refund(
        id=data["id"],
        amount=int(data.get("amount") or 0),
        currency=(data.get("currency") or "").upper(),
        status=data.get("status") or "",
        payment_intent_id=_id_of(data.get("payment_intent")),
    )


def _id_of(reference) -> str:
    """Return the id a Stripe field names, whether it holds the id or the expanded object."""
    if isinstance(reference, dict):
        return reference.get("id", "")
    return reference or ""


def _client() -> stripe.StripeClient:
    """Build a client from the settings: short timeout, the library's retries on failure."""
    addresses = {"api": settings.STRIPE_API_BASE} if settings.STRIPE_API_BASE else None
    return stripe.StripeClient(
        settings.STRIPE_SECRET_KEY,
        base_addresses=addresses,
        max_network_retries=settings.STRIPE_MAX_NETWORK_RETRIES,
        http_client=stripe.RequestsClient(timeout=settings.STRIPE_TIMEOUT),
    )


def _call(request):
    """Run ``request(client)`` and turn the library's errors into the shop's two kinds."""
    try:
        return request(_client())
    except (stripe.APIConnectionError, stripe.APIError, stripe.RateLimitError) as error:
        raise GatewayUnavailable("The card payment service is not answering just now.") from error
    except stripe.StripeError as error:
        raise GatewayRefused(error.user_message or str(error)) from error
