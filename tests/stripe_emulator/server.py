"""The fixture's HTTP server and the routing of each request it receives.

A standard-library server on loopback carries each request to ``StripeEmulator``, which records
it, applies injected faults, checks the API key, replays repeated idempotency keys and sends it on
to the Checkout Sessions API, the refund guard, the hosted payment page or localstripe.
``RequestRouting`` is one part of ``StripeEmulator`` and works on the state its constructor sets up.
"""

from __future__ import annotations

import contextlib
import json
import time
import traceback
from dataclasses import dataclass, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from tests.stripe_emulator.forms import _request_params
from tests.stripe_emulator.messages import LOOPBACK, _Incoming, _new_id, _Rejected, _Reply

if TYPE_CHECKING:
    from tests.stripe_emulator.emulator import StripeEmulator


@dataclass(frozen=True)
class _SavedResult:
    fingerprint: tuple[str, str, str]
    reply: _Reply
    request_id: str


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


class RequestRouting:
    """Take each request from arrival to reply."""

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
