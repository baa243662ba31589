"""What travels between the emulator, its callers and localstripe.

The incoming request as the emulator sees it, the reply it sends back, the error bodies Stripe
would send for a refused request, the exceptions the shopper's actions raise, and the plain
loopback opener the emulator uses for its own calls out (to localstripe and to webhook targets).
"""

from __future__ import annotations

import json
import secrets
import string
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit
from urllib.request import (
    HTTPRedirectHandler,
    OpenerDirector,
    ProxyHandler,
    Request,
    build_opener,
)

LOOPBACK = "127.0.0.1"
JSON_TYPE = "application/json"
HTML_TYPE = "text/html; charset=utf-8"


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
