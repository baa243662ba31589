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
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import datetime
import html
import json
import re
import secrets
import string
import threading
import time
import traceback
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import ModuleType
from typing import Any
from urllib.error import HTTPError, URLError
from urllib.parse import parse_qsl, urlencode, urlsplit
from urllib.request import (
    HTTPRedirectHandler,
    OpenerDirector,
    ProxyHandler,
    Request,
    build_opener,
)

import pytest
import stripe
from aiohttp import web

LOOPBACK = "127.0.0.1"
JSON_TYPE = "application/json"
HTML_TYPE = "text/html; charset=utf-8"

# The key the emulator itself uses for its own calls to localstripe (which accepts any sk_ key).
_INTERNAL_API_KEY = "sk_test_stripe_emulator"
# An IBAN that localstripe's sepa_debit payments succeed with.
_SEPA_TEST_IBAN = "DE89370400440532013000"
_MIN_SESSION_LIFETIME = 30 * 60
_MAX_SESSION_LIFETIME = 24 * 60 * 60
_STARTUP_TIMEOUT = 10.0
_LOCALSTRIPE_TIMEOUT = 30.0
_WEBHOOK_TIMEOUT = 30.0
# Request headers that belong to one HTTP hop and are not relayed to localstripe.
_HOP_HEADERS = frozenset(
    {"host", "connection", "content-length", "keep-alive", "transfer-encoding", "accept-encoding"}
)

_SESSION_PARAMS = frozenset(
    {
        "mode",
        "line_items",
        "success_url",
        "cancel_url",
        "client_reference_id",
        "customer_email",
        "metadata",
        "expires_at",
        "payment_method_types",
        "payment_intent_data",
        "locale",
        "expand",
    }
)
_LINE_ITEM_PARAMS = frozenset({"price_data", "quantity"})
_PRICE_DATA_PARAMS = frozenset({"currency", "unit_amount", "product_data"})
_PRODUCT_DATA_PARAMS = frozenset({"name", "description"})
_PAYMENT_INTENT_DATA_PARAMS = frozenset({"metadata"})

_localstripe_started = threading.Event()


class CardDeclined(Exception):
    """The shopper's card was declined on the hosted payment page."""

    def __init__(self, message: str, code: str | None = "card_declined") -> None:
        super().__init__(message)
        self.code = code


class LocalstripeError(Exception):
    """localstripe refused a call the emulator made on the shopper's behalf."""

    def __init__(self, status: int, error: dict[str, Any]) -> None:
        super().__init__(f"localstripe answered {status}: {error.get('message')}")
        self.status = status
        self.error = error


@dataclass(frozen=True)
class RecordedRequest:
    """One HTTP request as it reached the fixture."""

    method: str
    path: str
    params: dict[str, Any]
    idempotency_key: str | None
    api_key: str | None


@dataclass
class _Reply:
    status: int
    body: bytes
    content_type: str = JSON_TYPE
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class _Incoming:
    method: str
    path: str
    query: str
    body: bytes
    headers: dict[str, str]  # names in lower case
    params: dict[str, Any]
    request_id: str

    @property
    def api_key(self) -> str | None:
        scheme, _, credential = self.headers.get("authorization", "").partition(" ")
        if scheme != "Bearer":
            return None
        return credential or None

    @property
    def idempotency_key(self) -> str | None:
        return self.headers.get("idempotency-key")


@dataclass
class _Fault:
    path_prefix: str
    remaining: int
    value: float  # an HTTP status for failures, seconds for delays


@dataclass(frozen=True)
class _SavedResult:
    fingerprint: tuple[str, str, str]
    reply: _Reply
    request_id: str


@dataclass
class _SessionRecord:
    session: dict[str, Any]
    line_items: list[dict[str, Any]]
    intent_metadata: dict[str, str]
    payment_failed: bool = False


class _Rejected(Exception):
    """A request Stripe would refuse, with the error body it would send."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        param: str | None = None,
        code: str | None = None,
        error_type: str = "invalid_request_error",
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.param = param
        self.code = code
        self.error_type = error_type

    def reply(self) -> _Reply:
        error: dict[str, Any] = {"type": self.error_type, "message": self.message}
        if self.param is not None:
            error["param"] = self.param
        if self.code is not None:
            error["code"] = self.code
        return _json_reply(self.status, {"error": error})


def _json_reply(status: int, payload: Any) -> _Reply:
    return _Reply(status, json.dumps(payload, indent=2).encode())


def _new_id(prefix: str, length: int) -> str:
    alphabet = string.ascii_letters + string.digits
    return prefix + "".join(secrets.choice(alphabet) for _ in range(length))


def decode_form(pairs: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """Rebuild the nested parameters the stripe library flattened into form fields.

    ``line_items[0][price_data][currency]=gbp`` becomes
    ``{"line_items": [{"price_data": {"currency": "gbp"}}]}``; ``name[]`` appends to a list.
    Values stay strings, as they travel.
    """
    root: dict[str, Any] = {}
    for key, value in pairs:
        name, _, rest = key.partition("[")
        parts = [name, *re.findall(r"\[([^\]]*)\]", "[" + rest)] if rest else [name]
        node = root
        for depth, part in enumerate(parts):
            slot = part or str(len(node))
            if depth == len(parts) - 1:
                node[slot] = value
                break
            child = node.setdefault(slot, {})
            if not isinstance(child, dict):
                raise _Rejected(400, f"Invalid parameter: {key} clashes with another field.")
            node = child
    return _with_lists(root)


def _request_params(form: str) -> tuple[dict[str, Any], _Rejected | None]:
    """Decode a request's form fields, or say how they cannot be decoded."""
    try:
        return decode_form(parse_qsl(form, keep_blank_values=True)), None
    except _Rejected as rejected:
        return {}, rejected


def _with_lists(node: dict[str, Any]) -> Any:
    converted = {
        key: _with_lists(value) if isinstance(value, dict) else value for key, value in node.items()
    }
    indexes = sorted(int(key) for key in converted if key.isdigit())
    if converted and len(indexes) == len(converted) and indexes == list(range(len(indexes))):
        return [converted[str(index)] for index in indexes]
    return converted


def encode_form(params: dict[str, Any], prefix: str = "") -> list[tuple[str, str]]:
    """Flatten nested parameters into form fields the way the stripe library does."""
    fields: list[tuple[str, str]] = []
    for key, value in params.items():
        name = f"{prefix}[{key}]" if prefix else str(key)
        if value is None:
            continue
        if isinstance(value, dict):
            fields.extend(encode_form(value, name))
        elif isinstance(value, list | tuple):
            fields.extend(encode_form(dict(enumerate(value)), name))
        elif isinstance(value, bool):
            fields.append((name, "true" if value else "false"))
        else:
            fields.append((name, str(value)))
    return fields


def signed_webhook(event: dict, secret: str, *, timestamp: int | None = None) -> tuple[bytes, str]:
    """Return the JSON body of ``event`` and its ``Stripe-Signature`` header under ``secret``."""
    payload = json.dumps(event, indent=2)
    header = stripe.WebhookSignature.generate_signature_header(payload, secret, timestamp)
    return payload.encode(), header


class _NoRedirects(HTTPRedirectHandler):
    """Hand redirects back as HTTP errors, as Stripe's webhook sender does not follow them."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def _http_request(url: str, **options: Any) -> Request:
    """Build a request for a plain http URL, the only kind the emulator calls."""
    if urlsplit(url).scheme != "http":
        raise ValueError(f"The Stripe emulator calls only http URLs, not {url!r}")
    return Request(url, **options)  # noqa: S310 - the scheme is checked above


def _plain_opener() -> OpenerDirector:
    """Open loopback URLs directly: no proxy from the environment, no redirects followed."""
    return build_opener(ProxyHandler({}), _NoRedirects())


def _load_localstripe() -> ModuleType:
    """Import localstripe's server module without its route-registration deprecation noise."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        from localstripe import server

    return server


def _keep_in_memory() -> None:
    """Stand in for localstripe's save of its whole store to a shared file after every write."""


class _LocalstripeServer:
    """localstripe's aiohttp app on 127.0.0.1, on its own event loop in a daemon thread.

    localstripe schedules webhooks and delayed charge updates with ``asyncio.ensure_future``, so
    the loop keeps running between requests. Its app and store are module globals and its app
    binds to the first loop that serves it, so it can run once per process.
    """

    def __init__(self) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run_loop, name="localstripe", daemon=True)
        self._runner: web.AppRunner | None = None
        self._store: Any = None

    @property
    def addresses(self) -> list[tuple[Any, ...]]:
        """Name the socket addresses the server listens on."""
        return list(self._runner.addresses) if self._runner else []

    def start(self) -> str:
        """Serve localstripe from a fresh, memory-only store and return its base URL."""
        if _localstripe_started.is_set():
            raise RuntimeError(
                "localstripe runs once per process (its app and data are module globals): "
                "share the session-scoped stripe_emulator fixture."
            )
        _localstripe_started.set()
        server = _load_localstripe()
        self._store = server.store
        self._store.clear()
        self._store.dump_to_disk = _keep_in_memory
        self._thread.start()
        opening = asyncio.run_coroutine_threadsafe(self._open(server.app), self._loop)
        port = opening.result(timeout=_STARTUP_TIMEOUT)
        return f"http://{LOOPBACK}:{port}"

    def stop(self) -> None:
        """Close the listening socket, cancel localstripe's pending tasks and end the loop."""
        if not self._thread.is_alive():
            return
        closing = asyncio.run_coroutine_threadsafe(self._close(), self._loop)
        closing.result(timeout=_STARTUP_TIMEOUT)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=_STARTUP_TIMEOUT)
        del self._store.dump_to_disk

    def _run_loop(self) -> None:
        asyncio.set_event_loop(self._loop)
        try:
            self._loop.run_forever()
            self._loop.run_until_complete(self._loop.shutdown_asyncgens())
        finally:
            self._loop.close()

    async def _open(self, app: web.Application) -> int:
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, LOOPBACK, 0).start()
        return self._runner.addresses[0][1]

    async def _close(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
        pending = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)


class _FixtureServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, emulator: StripeEmulator) -> None:
        super().__init__((LOOPBACK, 0), _FixtureHandler)
        self.emulator = emulator


class _FixtureHandler(BaseHTTPRequestHandler):
    """Carry one request to the emulator and its reply back; the emulator decides everything."""

    server: _FixtureServer
    server_version = "StripeEmulator/1"

    def do_GET(self) -> None:
        self._respond()

    def do_POST(self) -> None:
        self._respond()

    def do_DELETE(self) -> None:
        self._respond()

    def log_message(self, format: str, *args: Any) -> None:
        """Keep quiet: ``StripeEmulator.requests()`` records every request."""

    def _respond(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        headers = {name.lower(): value for name, value in self.headers.items()}
        request_id, reply = self.server.emulator._answer(self.command, self.path, headers, body)
        # A client that timed out has hung up; like Stripe, the work is done all the same.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.send_response(reply.status)
            self.send_header("Request-Id", request_id)
            self.send_header("Content-Type", reply.content_type)
            self.send_header("Content-Length", str(len(reply.body)))
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(reply.body)


class StripeEmulator:
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

    # Faults and records

    def reset_faults(self) -> None:
        """Forget injected failures and delays, recorded requests and used idempotency keys."""
        with self._lock:
            self._failures.clear()
            self._delays.clear()
            self._recorded.clear()
            self._idempotent_results.clear()

    def fail_next(self, path_prefix: str, *, status: int = 500, times: int = 1) -> None:
        """Answer the next ``times`` matching requests with a Stripe error, doing no work.

        The error type is ``api_error`` for 5xx and ``invalid_request_error`` for 4xx. No
        ``Stripe-Should-Retry`` header is sent, so the library's own rules decide on retries.
        """
        if not 400 <= status <= 599 or times < 1:
            raise ValueError("fail_next needs a 4xx or 5xx status and times >= 1")
        with self._lock:
            self._failures.append(_Fault(path_prefix, times, status))

    def delay_next(self, path_prefix: str, *, seconds: float, times: int = 1) -> None:
        """Sleep ``seconds`` before handling each of the next ``times`` matching requests."""
        if seconds <= 0 or times < 1:
            raise ValueError("delay_next needs seconds > 0 and times >= 1")
        with self._lock:
            self._delays.append(_Fault(path_prefix, times, seconds))

    def requests(self, path_prefix: str = "") -> list[RecordedRequest]:
        """List every request that reached the fixture under ``path_prefix``, oldest first."""
        with self._lock:
            return [request for request in self._recorded if request.path.startswith(path_prefix)]

    # Reading state

    def session(self, session_id: str) -> dict:
        """Return the current Checkout Session object."""
        with self._lock:
            return copy.deepcopy(self._record(session_id).session)

    def refund(self, refund_id: str) -> dict:
        """Return the refund object as localstripe serves it."""
        return self._localstripe_call("GET", f"/v1/refunds/{refund_id}")

    # The shopper's side of Checkout

    def pay(self, session_id: str, *, card: str = "4242424242424242") -> dict:
        """Pay an open session by card, as the shopper does on Stripe's hosted page.

        Creates a PaymentMethod, a Customer it is attached to and a confirmed PaymentIntent in
        localstripe, then completes the session. A declined card raises ``CardDeclined`` and
        leaves the session open and unpaid: localstripe declines 4000000000000002 (and its other
        "decline on attach" numbers) when the card is saved, and 4000000000000341 when charged.
        """
        session = self._open_session(session_id)
        if session["amount_total"] == 0:
            completed = self._complete(session_id, "no_payment_required", None)
        else:
            completed = self._complete(session_id, "paid", self._charge_card(session_id, card))
        self._deliver("checkout.session.completed", completed)
        return completed

    def pay_later(self, session_id: str) -> dict:
        """Complete an open session with a bank debit that has not settled yet.

        The session becomes complete and unpaid; its PaymentIntent is a sepa_debit one in
        localstripe, left unconfirmed (``requires_confirmation``) until ``settle()``.
        """
        session = self._open_session(session_id)
        if session["amount_total"] == 0:
            completed = self._complete(session_id, "no_payment_required", None)
        else:
            method = self._localstripe_call(
                "POST",
                "/v1/payment_methods",
                {"type": "sepa_debit", "sepa_debit": {"iban": _SEPA_TEST_IBAN}},
            )
            intent = self._create_intent(session_id, method["id"], "sepa_debit", confirm=False)
            completed = self._complete(session_id, "unpaid", intent["id"])
        self._deliver("checkout.session.completed", completed)
        return completed

    def settle(self, session_id: str, *, succeeded: bool) -> dict:
        """Finish the bank debit of a ``pay_later()`` session, successfully or not.

        On success the PaymentIntent is confirmed (and so refundable) and the session becomes
        paid. On failure the PaymentIntent is canceled and the session stays unpaid.
        """
        with self._lock:
            record = self._record(session_id)
            intent_id = record.session["payment_intent"]
            if (
                record.session["status"] != "complete"
                or record.session["payment_status"] != "unpaid"
                or intent_id is None
                or record.payment_failed
            ):
                raise ValueError(f"Checkout Session {session_id} has no delayed payment to settle")
        if succeeded:
            intent = self._localstripe_call("POST", f"/v1/payment_intents/{intent_id}/confirm")
            if intent["status"] != "succeeded":
                raise RuntimeError(f"localstripe left {intent_id} {intent['status']}")
            event_type = "checkout.session.async_payment_succeeded"
        else:
            self._localstripe_call("POST", f"/v1/payment_intents/{intent_id}/cancel")
            event_type = "checkout.session.async_payment_failed"
        with self._lock:
            record = self._record(session_id)
            if succeeded:
                record.session["payment_status"] = "paid"
            else:
                record.payment_failed = True
            settled = copy.deepcopy(record.session)
        self._deliver(event_type, settled)
        return settled

    def expire(self, session_id: str) -> dict:
        """Expire an open session, as Stripe does once ``expires_at`` has passed."""
        with self._lock:
            record = self._record(session_id)
            if record.session["status"] != "open":
                raise ValueError(
                    f"Checkout Session {session_id} is {record.session['status']}, not open"
                )
            expired = self._mark_expired(record)
        self._deliver("checkout.session.expired", expired)
        return expired

    # Webhooks

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
            self._webhook_secret = secret
            self.deliveries = []

    def _deliver(self, event_type: str, session: dict) -> None:
        with self._lock:
            url, secret = self._webhook_url, self._webhook_secret
        if url is None or secret is None:
            return
        payload, signature = signed_webhook(self.event(event_type, session), secret)
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
            self.deliveries.append((event_type, status))

    # Serving HTTP

    def _answer(
        self, method: str, target: str, headers: dict[str, str], body: bytes
    ) -> tuple[str, _Reply]:
        """Record, delay or fail the request as instructed, then handle it."""
        request_id = _new_id("req_", 14)
        try:
            split = urlsplit(target)
            params, undecodable = _request_params(
                body.decode() if method == "POST" else split.query
            )
            request = _Incoming(method, split.path, split.query, body, headers, params, request_id)
            self._record_request(request)
            delay = self._take_fault(self._delays, request.path)
            if delay is not None:
                time.sleep(delay)
            failure = self._take_fault(self._failures, request.path)
            if failure is not None:
                status = int(failure)
                error_type = "api_error" if status >= 500 else "invalid_request_error"
                message = f"Failure injected by the Stripe emulator ({status})."
                return request_id, _Rejected(status, message, error_type=error_type).reply()
            if undecodable is not None:
                return request_id, undecodable.reply()
            return request_id, self._route(request)
        except Exception as error:
            traceback.print_exc()
            failure_reply = _Rejected(
                500, f"The Stripe emulator failed: {error!r}", error_type="api_error"
            ).reply()
            return request_id, failure_reply

    def _record_request(self, request: _Incoming) -> None:
        recorded = RecordedRequest(
            method=request.method,
            path=request.path,
            params=request.params,
            idempotency_key=request.idempotency_key,
            api_key=request.api_key,
        )
        with self._lock:
            self._recorded.append(recorded)

    def _take_fault(self, faults: list[_Fault], path: str) -> float | None:
        with self._lock:
            for fault in faults:
                if path.startswith(fault.path_prefix):
                    fault.remaining -= 1
                    if fault.remaining == 0:
                        faults.remove(fault)
                    return fault.value
        return None

    def _route(self, request: _Incoming) -> _Reply:
        if request.path.startswith("/pay/"):
            return self._hosted_page(request)
        if not request.path.startswith("/v1/"):
            return self._unrecognized(request).reply()
        if request.api_key is None:
            return _Rejected(
                401, "You did not provide an API key (use Authorization: Bearer sk_...)."
            ).reply()
        if request.method == "POST" and request.idempotency_key:
            return self._idempotent(request)
        return self._dispatch(request)

    def _idempotent(self, request: _Incoming) -> _Reply:
        """Replay the saved result of a repeated key, or do the work once and save its result."""
        scope = (request.api_key, request.idempotency_key)
        fingerprint = (request.method, request.path, json.dumps(request.params, sort_keys=True))
        with self._lock:
            saved = self._idempotent_results.get(scope)
            busy = saved is None and scope in self._idempotent_in_flight
            if saved is None and not busy:
                self._idempotent_in_flight.add(scope)
        if busy:
            return _Rejected(
                409,
                "Another request with this idempotency key is still in progress; retry later.",
                code="idempotency_key_in_use",
            ).reply()
        if saved is not None:
            if saved.fingerprint != fingerprint:
                return _Rejected(
                    400,
                    "Keys for idempotent requests can only be used with the same parameters they "
                    f"were first used with. Try another key instead of {request.idempotency_key}.",
                    error_type="idempotency_error",
                ).reply()
            replay_headers = {"Idempotent-Replayed": "true", "Original-Request": saved.request_id}
            return replace(saved.reply, headers={**saved.reply.headers, **replay_headers})
        reply: _Reply | None = None
        try:
            reply = self._dispatch(request)
        finally:
            with self._lock:
                self._idempotent_in_flight.discard(scope)
                # As at Stripe, a request refused before its work began leaves no result to replay.
                if reply is not None and (reply.status < 300 or reply.status == 402):
                    self._idempotent_results[scope] = _SavedResult(
                        fingerprint, reply, request.request_id
                    )
        return reply

    def _dispatch(self, request: _Incoming) -> _Reply:
        try:
            if request.path.startswith("/v1/checkout/sessions"):
                return self._checkout_api(request)
            if request.method == "POST" and request.path == "/v1/refunds":
                return self._create_refund(request)
            return self._forward(request)
        except _Rejected as rejected:
            return rejected.reply()

    @staticmethod
    def _unrecognized(request: _Incoming) -> _Rejected:
        return _Rejected(404, f"Unrecognized request URL ({request.method}: {request.path}).")

    # Checkout Sessions API

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

    # Payments in localstripe

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

    # Hosted payment page

    def _hosted_page(self, request: _Incoming) -> _Reply:
        session_id = request.path.removeprefix("/pay/")
        with self._lock:
            record = self._sessions.get(session_id)
            session = copy.deepcopy(record.session) if record else None
            line_items = copy.deepcopy(record.line_items) if record else []
        if session is None:
            return _html_reply(404, "<h1>No such Checkout Session</h1>")
        if request.method == "GET":
            return _html_reply(200, _payment_page(session, line_items))
        if request.method != "POST":
            return _html_reply(405, "<h1>Method not allowed</h1>")
        card = request.params.get("card") or "4242424242424242"
        try:
            self.pay(session_id, card=str(card))
        except CardDeclined as declined:
            return _html_reply(402, _payment_page(session, line_items, notice=str(declined)))
        except ValueError as closed:
            return _html_reply(409, f"<h1>{html.escape(str(closed))}</h1>")
        except LocalstripeError as refused:
            return _html_reply(400, _payment_page(session, line_items, notice=str(refused)))
        location = session["success_url"].replace("{CHECKOUT_SESSION_ID}", session_id)
        return _Reply(303, b"", HTML_TYPE, {"Location": location})


def _html_reply(status: int, content: str) -> _Reply:
    page = (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        f"<title>Stripe Checkout (emulated)</title></head><body>{content}</body></html>\n"
    )
    return _Reply(status, page.encode(), HTML_TYPE)


def _payment_page(session: dict, line_items: list[dict], notice: str = "") -> str:
    rows = "".join(
        f"<li>{item['quantity']} &times; {html.escape(item['description'])}</li>"
        for item in line_items
    )
    total = f"{session['amount_total'] / 100:.2f} {session['currency'].upper()}"
    parts = [f"<h1>Pay {html.escape(total)}</h1>", f"<ul>{rows}</ul>"]
    if notice:
        parts.append(f"<p role='alert'>{html.escape(notice)}</p>")
    if session["status"] == "open":
        action = html.escape(f"/pay/{session['id']}")
        parts.append(
            f"<form method='post' action='{action}'>"
            "<label>Card number <input name='card' value='4242424242424242'></label>"
            "<button type='submit'>Pay</button></form>"
        )
    else:
        parts.append(f"<p>This Checkout Session is {html.escape(session['status'])}.</p>")
    if session["cancel_url"]:
        parts.append(f"<p><a href='{html.escape(session['cancel_url'])}'>Back to the shop</a></p>")
    return "\n".join(parts)


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


# Parameter checks, in Stripe's words where it has them


def _param_name(prefix: str, key: str) -> str:
    return f"{prefix}[{key}]" if prefix else key


def _reject_unknown(values: dict[str, Any], allowed: frozenset[str], prefix: str) -> None:
    for key in values:
        if key not in allowed:
            name = _param_name(prefix, key)
            raise _Rejected(400, f"Received unknown parameter: {name}", param=name)


def _as_dict(value: Any, param: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _Rejected(400, f"Invalid object: {param} must be a hash.", param=param)
    return value


def _as_int(value: Any, param: str) -> int:
    if not isinstance(value, str) or not re.fullmatch(r"-?\d+", value):
        raise _Rejected(400, f"Invalid integer: {value}", param=param)
    return int(value)


def _optional_str(params: dict[str, Any], key: str) -> str | None:
    value = params.get(key)
    if value is not None and not isinstance(value, str):
        raise _Rejected(400, f"Invalid string: {key} must be a string.", param=key)
    return value


def _metadata(value: Any, param: str) -> dict[str, str]:
    if value is None:
        return {}
    if isinstance(value, list):  # keys "0", "1", ... were decoded as a list
        value = {str(index): item for index, item in enumerate(value)}
    if not isinstance(value, dict) or not all(isinstance(item, str) for item in value.values()):
        raise _Rejected(400, "Invalid metadata: values must be strings.", param=param)
    return value


def _line_items(value: Any) -> tuple[list[dict[str, Any]], str]:
    """Check the line items and return them as Stripe's item objects, with their currency."""
    if not value:
        raise _Rejected(400, "Missing required param: line_items.", param="line_items")
    if not isinstance(value, list):
        raise _Rejected(400, "Invalid array.", param="line_items")
    items: list[dict[str, Any]] = []
    currency = None
    for index, raw in enumerate(value):
        prefix = f"line_items[{index}]"
        item = _as_dict(raw, prefix)
        _reject_unknown(item, _LINE_ITEM_PARAMS, prefix)
        if "price_data" not in item:
            raise _Rejected(400, f"Missing required param: {prefix}[price_data].", param=prefix)
        price = _as_dict(item["price_data"], f"{prefix}[price_data]")
        _reject_unknown(price, _PRICE_DATA_PARAMS, f"{prefix}[price_data]")
        item_currency = str(price.get("currency", ""))
        if not re.fullmatch(r"[A-Za-z]{3}", item_currency):
            raise _Rejected(400, "Invalid currency.", param=f"{prefix}[price_data][currency]")
        item_currency = item_currency.lower()
        if currency is not None and item_currency != currency:
            raise _Rejected(
                400,
                "All line items must use the same currency.",
                param=f"{prefix}[price_data][currency]",
            )
        currency = item_currency
        unit_amount = _as_int(price.get("unit_amount"), f"{prefix}[price_data][unit_amount]")
        if unit_amount < 0:
            raise _Rejected(
                400,
                "unit_amount must be at least 0.",
                param=f"{prefix}[price_data][unit_amount]",
            )
        product = _as_dict(price.get("product_data"), f"{prefix}[price_data][product_data]")
        _reject_unknown(product, _PRODUCT_DATA_PARAMS, f"{prefix}[price_data][product_data]")
        name = product.get("name")
        if not isinstance(name, str) or not name:
            raise _Rejected(
                400,
                f"Missing required param: {prefix}[price_data][product_data][name].",
                param=f"{prefix}[price_data][product_data][name]",
            )
        quantity = _as_int(item.get("quantity"), f"{prefix}[quantity]")
        if quantity < 1:
            raise _Rejected(400, "quantity must be at least 1.", param=f"{prefix}[quantity]")
        items.append(
            {
                "id": _new_id("li_", 24),
                "object": "item",
                "amount_discount": 0,
                "amount_subtotal": unit_amount * quantity,
                "amount_tax": 0,
                "amount_total": unit_amount * quantity,
                "currency": item_currency,
                "description": name,
                "price": {
                    "id": _new_id("price_", 24),
                    "object": "price",
                    "currency": item_currency,
                    "product": _new_id("prod_", 14),
                    "type": "one_time",
                    "unit_amount": unit_amount,
                },
                "quantity": quantity,
            }
        )
    return items, currency


# pytest fixtures


@pytest.fixture(scope="session")
def stripe_emulator() -> Iterator[StripeEmulator]:
    """Run one emulator for the whole test session."""
    emulator = StripeEmulator().start()
    try:
        yield emulator
    finally:
        emulator.stop()


@pytest.fixture
def stripe_emulator_clean(stripe_emulator: StripeEmulator) -> Iterator[StripeEmulator]:
    """Give the shared emulator to one test with no faults, records, keys or webhook target."""
    _reset(stripe_emulator)
    yield stripe_emulator
    _reset(stripe_emulator)


def _reset(emulator: StripeEmulator) -> None:
    emulator.reset_faults()
    emulator.deliver_to(None, None)
