"""Payments in localstripe: charging the shopper, refunds, and relaying other API calls.

The emulator creates PaymentMethods, Customers and PaymentIntents in localstripe on the shopper's
behalf, relays every other ``/v1/...`` call to it with errors in Stripe's shape, and refuses
refunds beyond what is left to refund, which localstripe does not. ``Payments`` is one part of
``StripeEmulator`` and works on the state its constructor sets up.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import replace
from typing import Any
from urllib.error import HTTPError
from urllib.parse import urlencode

from tests.stripe_emulator.forms import encode_form
from tests.stripe_emulator.messages import (
    CardDeclined,
    LocalstripeError,
    _http_request,
    _Incoming,
    _Rejected,
    _Reply,
)
from tests.stripe_emulator.params import _as_int

# The key the emulator itself uses for its own calls to localstripe (which accepts any sk_ key).
_INTERNAL_API_KEY = "sk_test_stripe_emulator"
_LOCALSTRIPE_TIMEOUT = 30.0
# Request headers that belong to one HTTP hop and are not relayed to localstripe.
_HOP_HEADERS = frozenset(
    {"host", "connection", "content-length", "keep-alive", "transfer-encoding", "accept-encoding"}
)


class Payments:
    """Charge, refund and relay through localstripe."""

    def refund(self, refund_id: str) -> dict:
        """Return the refund object as localstripe serves it."""
        return self._localstripe_call("GET", f"/v1/refunds/{refund_id}")

    def _charge_card(self, session_id: str, card: str) -> str:
        """Save the card as localstripe's checkout would, charge it, and return the intent id."""
        method = self._localstripe_call(
            "POST",
            "/v1/payment_methods",
            {
                "type": "card",
                "card": {
                    "number": card,
                    "exp_month": 12,
                    "exp_year": datetime.date.today().year + 3,
                    "cvc": "123",
                },
            },
        )
        try:
            intent = self._create_intent(session_id, method["id"], "card", confirm=True)
        except LocalstripeError as error:
            if error.status == 402:
                raise CardDeclined(
                    error.error.get("message", "Your card was declined."), error.error.get("code")
                ) from error
            raise
        if intent["status"] == "requires_action":
            # The shopper passes the 3-D Secure challenge on the hosted page.
            intent = self._localstripe_call(
                "POST",
                f"/v1/payment_intents/{intent['id']}/_authenticate",
                {"client_secret": intent["client_secret"], "success": True},
            )
        if intent["status"] != "succeeded":
            raise RuntimeError(f"localstripe left {intent['id']} {intent['status']}")
        return intent["id"]

    def _create_intent(
        self, session_id: str, method_id: str, method_type: str, *, confirm: bool
    ) -> dict:
        with self._lock:
            record = self._record(session_id)
            session = record.session
            metadata = dict(record.intent_metadata)
        customer_id = None
        if method_type == "card":
            # Saving the card to a customer is where localstripe declines 4000000000000002.
            customer = self._localstripe_call(
                "POST",
                "/v1/customers",
                {"email": session["customer_email"], "payment_method": method_id},
            )
            customer_id = customer["id"]
        return self._localstripe_call(
            "POST",
            "/v1/payment_intents",
            {
                "amount": session["amount_total"],
                "currency": session["currency"],
                "customer": customer_id,
                "payment_method": method_id,
                "payment_method_types": [method_type],
                "metadata": metadata,
                "confirm": confirm,
            },
        )

    def _localstripe_call(
        self, method: str, path: str, params: dict[str, Any] | None = None
    ) -> dict:
        """Call localstripe's API directly and return the object, or raise LocalstripeError."""
        data = urlencode(encode_form(params)).encode() if params else None
        if data is None and method == "POST":
            data = b""
        request = _http_request(
            self.localstripe_base + path,
            data=data,
            method=method,
            headers={
                "Authorization": f"Bearer {_INTERNAL_API_KEY}",
                "Content-Type": "application/x-www-form-urlencoded",
            },
        )
        try:
            with self._opener.open(request, timeout=_LOCALSTRIPE_TIMEOUT) as answer:
                return json.loads(answer.read())
        except HTTPError as error:
            with error:
                body = _stripe_error_body(error.code, error.read())
            raise LocalstripeError(error.code, json.loads(body)["error"]) from None

    def _forward(self, request: _Incoming) -> _Reply:
        """Relay the request to localstripe and its answer back, errors in Stripe's shape."""
        target = self.localstripe_base + request.path
        if request.query:
            target += "?" + request.query
        headers = {
            name: value for name, value in request.headers.items() if name not in _HOP_HEADERS
        }
        outgoing = _http_request(
            target,
            data=request.body if request.method == "POST" else None,
            method=request.method,
            headers=headers,
        )
        try:
            with self._opener.open(outgoing, timeout=_LOCALSTRIPE_TIMEOUT) as answer:
                return _Reply(answer.status, answer.read())
        except HTTPError as error:
            with error:
                return _Reply(error.code, _stripe_error_body(error.code, error.read()))

    def _create_refund(self, request: _Incoming) -> _Reply:
        """Refund at most the unrefunded amount, as Stripe does and localstripe does not.

        A refund without an amount is for what is left: localstripe would refund the whole
        charge again, so the fixture names the amount for it.
        """
        with self._refund_lock:
            remaining = self._refundable_amount(request.params)
            if remaining is not None and "amount" not in request.params:
                separator = b"&" if request.body else b""
                request = replace(request, body=request.body + separator + b"amount=%d" % remaining)
            return self._forward(request)

    def _refundable_amount(self, params: dict[str, Any]) -> int | None:
        """Return what is left to refund of the charge named, or None if localstripe lacks it.

        Raise ``_Rejected`` for a payment with nothing (or less than the amount asked) to refund.
        """
        try:
            if isinstance(params.get("payment_intent"), str):
                intent_id = params["payment_intent"]
                intent = self._localstripe_call("GET", f"/v1/payment_intents/{intent_id}")
                charge = intent.get("latest_charge")
                if isinstance(charge, str):
                    charge = self._localstripe_call("GET", f"/v1/charges/{charge}")
                if not charge or charge.get("status") != "succeeded":
                    raise _Rejected(
                        400,
                        f"This PaymentIntent ({intent_id}) does not have a successful charge "
                        "to refund.",
                        param="payment_intent",
                    )
            elif isinstance(params.get("charge"), str):
                charge = self._localstripe_call("GET", f"/v1/charges/{params['charge']}")
            else:
                return None
        except LocalstripeError:
            return None  # unknown ids: localstripe's own answer says so
        remaining = charge["amount"] - charge["amount_refunded"]
        if remaining <= 0:
            raise _Rejected(
                400,
                f"Charge {charge['id']} has already been refunded.",
                code="charge_already_refunded",
            )
        if "amount" in params and _as_int(params["amount"], "amount") > remaining:
            raise _Rejected(
                400,
                f"Refund amount ({params['amount']}) is greater than unrefunded amount on "
                f"charge ({remaining}).",
                param="amount",
                code="amount_too_large",
            )
        return remaining


def _stripe_error_body(status: int, body: bytes) -> bytes:
    """Give a localstripe error Stripe's shape: a JSON ``error`` object with a proper type."""
    try:
        error = json.loads(body)["error"]
        if not isinstance(error, dict):
            raise TypeError(error)
    except (ValueError, KeyError, TypeError):
        error = {"message": body.decode(errors="replace").strip() or f"HTTP {status}"}
    if status == 402:
        error["type"] = "card_error"
    elif status >= 500:
        error["type"] = "api_error"
    else:
        error.setdefault("type", "invalid_request_error")
    return json.dumps({"error": error}, indent=2).encode()
