"""The Checkout Sessions API: create, retrieve (with expansions) and expire sessions.

Sessions live in the emulator itself, since localstripe has none. ``CheckoutSessions`` is one part
of ``StripeEmulator`` and works on the state its constructor sets up; it also holds the steps the
shopper's actions take on a session.
"""

from __future__ import annotations

import copy
import time
from dataclasses import dataclass
from typing import Any

from tests.stripe_emulator.messages import _Incoming, _json_reply, _new_id, _Rejected, _Reply
from tests.stripe_emulator.params import (
    _PAYMENT_INTENT_DATA_PARAMS,
    _SESSION_PARAMS,
    _as_dict,
    _as_int,
    _line_items,
    _metadata,
    _optional_str,
    _reject_unknown,
)

_MIN_SESSION_LIFETIME = 30 * 60
_MAX_SESSION_LIFETIME = 24 * 60 * 60


@dataclass
class _SessionRecord:
    session: dict[str, Any]
    line_items: list[dict[str, Any]]
    intent_metadata: dict[str, str]
    payment_failed: bool = False


class CheckoutSessions:
    """Serve the Checkout Sessions API from the emulator's own store of sessions."""

    def session(self, session_id: str) -> dict:
        """Return the current Checkout Session object."""
        with self._lock:
            return copy.deepcopy(self._record(session_id).session)

    def _checkout_api(self, request: _Incoming) -> _Reply:
        parts = request.path.removeprefix("/v1/checkout/sessions").strip("/").split("/")
        params = dict(request.params)
        expand = params.pop("expand", [])
        if parts == [""] and request.method == "POST":
            session = self._create_session(params)
        elif len(parts) == 1 and parts[0] and request.method == "GET":
            with self._lock:
                session = copy.deepcopy(self._record(parts[0], api=True).session)
        elif len(parts) == 2 and parts[1] == "expire" and request.method == "POST":
            with self._lock:
                record = self._record(parts[0], api=True)
                if record.session["status"] != "open":
                    raise _Rejected(
                        400,
                        f"Only open Checkout Sessions can be expired; {parts[0]} is "
                        f"{record.session['status']}.",
                    )
                session = self._mark_expired(record)
        else:
            raise self._unrecognized(request)
        return _json_reply(200, self._expanded(session, expand))

    def _create_session(self, params: dict[str, Any]) -> dict:
        _reject_unknown(params, _SESSION_PARAMS, "")
        mode = params.get("mode")
        if mode is None:
            raise _Rejected(400, "Missing required param: mode.", param="mode")
        if mode != "payment":
            raise _Rejected(400, "The Stripe emulator supports only mode=payment.", param="mode")
        success_url = _optional_str(params, "success_url")
        if not success_url:
            raise _Rejected(400, "Missing required param: success_url.", param="success_url")
        line_items, currency = _line_items(params.get("line_items"))
        now = int(time.time())
        expires_at = now + _MAX_SESSION_LIFETIME
        if "expires_at" in params:
            expires_at = _as_int(params["expires_at"], "expires_at")
            if not now + _MIN_SESSION_LIFETIME <= expires_at <= now + _MAX_SESSION_LIFETIME:
                raise _Rejected(
                    400,
                    "expires_at must be between 30 minutes and 24 hours after the session "
                    "is created.",
                    param="expires_at",
                )
        intent_data = _as_dict(params.get("payment_intent_data", {}), "payment_intent_data")
        _reject_unknown(intent_data, _PAYMENT_INTENT_DATA_PARAMS, "payment_intent_data")
        method_types = params.get("payment_method_types", ["card"])
        if not isinstance(method_types, list) or not all(
            isinstance(kind, str) and kind for kind in method_types
        ):
            raise _Rejected(400, "Invalid array.", param="payment_method_types")
        total = sum(item["amount_total"] for item in line_items)
        session_id = _new_id("cs_test_", 40)
        session = {
            "id": session_id,
            "object": "checkout.session",
            "amount_subtotal": total,
            "amount_total": total,
            "cancel_url": _optional_str(params, "cancel_url"),
            "client_reference_id": _optional_str(params, "client_reference_id"),
            "created": now,
            "currency": currency,
            "customer": None,
            "customer_details": None,
            "customer_email": _optional_str(params, "customer_email"),
            "expires_at": expires_at,
            "livemode": False,
            "locale": _optional_str(params, "locale"),
            "metadata": _metadata(params.get("metadata"), "metadata"),
            "mode": mode,
            "payment_intent": None,
            "payment_method_types": method_types,
            "payment_status": "unpaid",
            "status": "open",
            "success_url": success_url,
            "total_details": {"amount_discount": 0, "amount_shipping": 0, "amount_tax": 0},
            "url": f"{self.api_base}/pay/{session_id}",
        }
        record = _SessionRecord(
            session=session,
            line_items=line_items,
            intent_metadata=_metadata(intent_data.get("metadata"), "payment_intent_data[metadata]"),
        )
        with self._lock:
            self._sessions[session_id] = record
            return copy.deepcopy(session)

    def _expanded(self, session: dict, expand: Any) -> dict:
        """Replace the expandable fields named in ``expand`` by the objects they point to."""
        if not isinstance(expand, list):
            raise _Rejected(400, "Invalid array.", param="expand")
        for path in expand:
            head = str(path).split(".")[0]
            if head == "payment_intent" and session["payment_intent"]:
                session["payment_intent"] = self._localstripe_call(
                    "GET", f"/v1/payment_intents/{session['payment_intent']}"
                )
            elif head == "line_items":
                with self._lock:
                    items = copy.deepcopy(self._record(session["id"]).line_items)
                session["line_items"] = {
                    "object": "list",
                    "data": items,
                    "has_more": False,
                    "url": f"/v1/checkout/sessions/{session['id']}/line_items",
                }
            elif head != "payment_intent":
                raise _Rejected(400, f"This property cannot be expanded ({path}).", param="expand")
        return session

    def _record(self, session_id: str, *, api: bool = False) -> _SessionRecord:
        """Find a session (the caller holds the lock); unknown ids are a 404 for the API."""
        record = self._sessions.get(session_id)
        if record is None:
            if api:
                raise _Rejected(
                    404,
                    f"No such checkout.session: '{session_id}'",
                    param="session",
                    code="resource_missing",
                )
            raise KeyError(f"No such Checkout Session: {session_id}")
        return record

    @staticmethod
    def _mark_expired(record: _SessionRecord) -> dict:
        record.session["status"] = "expired"
        record.session["url"] = None
        return copy.deepcopy(record.session)

    def _open_session(self, session_id: str) -> dict:
        with self._lock:
            session = self._record(session_id).session
            if session["status"] != "open":
                raise ValueError(f"Checkout Session {session_id} is {session['status']}, not open")
            return copy.deepcopy(session)

    def _complete(self, session_id: str, payment_status: str, intent_id: str | None) -> dict:
        with self._lock:
            session = self._record(session_id).session
            if session["status"] != "open":
                raise ValueError(f"Checkout Session {session_id} is {session['status']}, not open")
            session.update(
                status="complete",
                payment_status=payment_status,
                payment_intent=intent_id,
                url=None,
                customer_details={
                    "email": session["customer_email"],
                    "name": None,
                    "phone": None,
                    "address": None,
                    "tax_exempt": "none",
                    "tax_ids": [],
                },
            )
            return copy.deepcopy(session)
