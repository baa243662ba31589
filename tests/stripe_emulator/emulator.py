"""``StripeEmulator``: localstripe and the fixture server in front of it, started and stopped.

The class puts together the parts that live in the sibling modules (the shopper's side, Checkout
Sessions, payments, webhooks, fault injection and request routing) and sets up the state they
share, guarded by one lock.
"""

from __future__ import annotations

import threading
from typing import Any

from tests.stripe_emulator.checkout import CheckoutSessions, _SessionRecord
from tests.stripe_emulator.faults import FaultInjection, _Fault
from tests.stripe_emulator.localstripe import _STARTUP_TIMEOUT, _LocalstripeServer
from tests.stripe_emulator.messages import LOOPBACK, RecordedRequest, _plain_opener
from tests.stripe_emulator.payments import Payments
from tests.stripe_emulator.server import RequestRouting, _FixtureServer, _SavedResult
from tests.stripe_emulator.shopper import ShopperSide
from tests.stripe_emulator.webhooks import Webhooks


class StripeEmulator(
    ShopperSide, CheckoutSessions, Payments, Webhooks, FaultInjection, RequestRouting
):
    """Stripe for the shop's tests: localstripe behind a fixture that serves Checkout Sessions."""

    api_base: str
    localstripe_base: str

    def __init__(self) -> None:
        self.api_base = ""
        self.localstripe_base = ""
        self.deliveries: list[tuple[str, int]] = []
        self._lock = threading.Lock()
        self._refund_lock = threading.Lock()
        self._recorded: list[RecordedRequest] = []
        self._failures: list[_Fault] = []
        self._delays: list[_Fault] = []
        self._sessions: dict[str, _SessionRecord] = {}
        self._idempotent_results: dict[tuple[str | None, str], _SavedResult] = {}
        self._idempotent_in_flight: set[tuple[str | None, str]] = set()
        self._webhook_url: str | None = None
        self._last_event: dict | None = None
        self._webhook_secret: str | None = None
        self._opener = _plain_opener()
        self._localstripe = _LocalstripeServer()
        self._fixture: _FixtureServer | None = None
        self._fixture_thread: threading.Thread | None = None

    # Life cycle

    def start(self) -> StripeEmulator:
        """Start localstripe and the fixture in front of it."""
        self.localstripe_base = self._localstripe.start()
        self._fixture = _FixtureServer(self)
        port = self._fixture.server_address[1]
        self.api_base = f"http://{LOOPBACK}:{port}"
        self._fixture_thread = threading.Thread(
            target=self._fixture.serve_forever,
            kwargs={"poll_interval": 0.1},
            name="stripe-emulator-fixture",
            daemon=True,
        )
        self._fixture_thread.start()
        return self

    def stop(self) -> None:
        """Stop the fixture, then localstripe."""
        if self._fixture is not None:
            self._fixture.shutdown()
            self._fixture.server_close()
            self._fixture_thread.join(timeout=_STARTUP_TIMEOUT)
            self._fixture = None
        self._localstripe.stop()

    @property
    def localstripe_addresses(self) -> list[tuple[Any, ...]]:
        """Name the socket addresses localstripe listens on (all on 127.0.0.1)."""
        return self._localstripe.addresses
