"""Webhook events: building them, signing them with a secret and posting them to the shop.

``signed_webhook`` gives any event the body and ``Stripe-Signature`` header Stripe would send;
``Webhooks`` (one part of ``StripeEmulator``) posts the events of the shopper's actions to the
target set with ``deliver_to()`` and records each delivery's HTTP status.
"""

from __future__ import annotations

import json
import time
from urllib.error import HTTPError, URLError

import stripe

from tests.stripe_emulator.messages import _http_request, _new_id

_WEBHOOK_TIMEOUT = 30.0


def signed_webhook(event: dict, secret: str, *, timestamp: int | None = None) -> tuple[bytes, str]:
    """Return the JSON body of ``event`` and its ``Stripe-Signature`` header under ``secret``."""
    payload = json.dumps(event, indent=2)
    header = stripe.WebhookSignature.generate_signature_header(payload, secret, timestamp)
    return payload.encode(), header


class Webhooks:
    """Build events and post them, signed, to the shop."""

    def event(self, event_type: str, obj: dict, *, event_id: str | None = None) -> dict:
        """Build a Stripe event of ``event_type`` about ``obj``."""
        return {
            "id": event_id or _new_id("evt_", 24),
            "object": "event",
            "api_version": stripe.api_version,
            "created": int(time.time()),
            "livemode": False,
            "pending_webhooks": 1,
            "request": {"id": None, "idempotency_key": None},
            "type": event_type,
            "data": {"object": obj},
        }

    def deliver_to(self, url: str | None, secret: str | None) -> None:
        """Post signed events for the shopper's actions to ``url`` from now on (None: stop).

        Each call starts a fresh ``deliveries`` list of (event type, HTTP status) pairs; the
        status is 0 when nothing answered.
        """
        with self._lock:
            self._webhook_url = url
            self._last_event = None
            self._webhook_secret = secret
            self.deliveries = []

    def deliver_again(self, url: str) -> int:
        """Post the last event delivered once more, as Stripe retries, to ``url``; return the
        HTTP status (0 when nothing answered)."""
        with self._lock:
            event, secret = self._last_event, self._webhook_secret
        assert event is not None and secret is not None, "no event was delivered yet"
        return self._post(url, event, secret)

    def _deliver(self, event_type: str, session: dict) -> None:
        with self._lock:
            url, secret = self._webhook_url, self._webhook_secret
        if url is None or secret is None:
            return
        event = self.event(event_type, session)
        with self._lock:
            self._last_event = event
        self._post(url, event, secret)

    def _post(self, url: str, event: dict, secret: str) -> int:
        payload, signature = signed_webhook(event, secret)
        request = _http_request(
            url,
            data=payload,
            method="POST",
            headers={
                "Content-Type": "application/json; charset=utf-8",
                "Stripe-Signature": signature,
                "User-Agent": "Stripe/1.0 (stripe emulator)",
            },
        )
        try:
            with self._opener.open(request, timeout=_WEBHOOK_TIMEOUT) as answer:
                status = answer.status
        except HTTPError as error:
            status = error.code
            error.close()
        except (URLError, OSError):
            status = 0
        with self._lock:
            self.deliveries.append((event["type"], status))
        return status
