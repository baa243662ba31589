"""Serve the storefront's public pages to anonymous shoppers from the cache.

A page is taken from the cache, or kept in it, only for a visitor who carries nothing of their
own: no session (so nobody is signed in), no basket, no pending message. Such a visitor sees
exactly what any other would, but for two things, and both are handled:

- the forms' CSRF token: the kept copy has a placeholder where the token was, and each visitor
  gets their own token put in its place;
- the product page's "recently viewed" list, read from a cookie: the list is part of the key,
  and a page served from the cache records the visit in that cookie as the page itself does.

Pages are filed under the storefront's generation (``store.storefront.generation``), so any
change to what shoppers see retires them all at once. They are kept in Django's default cache:
Redis when ``REDIS_URL`` is set, each process's memory otherwise. A cache that is down costs a
render, never a page.
"""

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from oscar.core.loading import get_class

from store.storefront.generation import current_generation, safely, seconds_to_keep

CustomerHistoryManager = get_class("customer.history", "CustomerHistoryManager")

#: The pages kept for anonymous shoppers, by view name.
CACHED_VIEWS = frozenset(
    {
        "home",
        "catalogue:index",
        "catalogue:category",
        "catalogue:detail",
        "search:search",
        "content:article-list",
        "content:article-detail",
        "content:condition-list",
        "content:condition-detail",
        "content:shop-page",
    }
)
PRODUCT_PAGE = "catalogue:detail"
#: Query parameters a cached page may have; any other means the page is rendered afresh, so
#: made-up addresses cannot fill the cache.
KNOWN_PARAMETERS = frozenset({"page", "q", "sort_by"})
CSRF_VALUE = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
TOKEN_PLACEHOLDER = b"\x00csrf-token\x00"
#: Headers the middleware further out sets again on every response.
HEADERS_NOT_KEPT = frozenset({"content-length", "vary", "set-cookie"})
#: A ``<pre>`` or ``<textarea>`` (whose blank space shows as written), or a run of blank space
#: that breaks a line anywhere else (which a browser shows as a single space).
BLANK_RUN = re.compile(rb"(<(?:pre|textarea)\b.*?</(?:pre|textarea)>)|[ \t\r]*\n\s*", re.S | re.I)


@dataclass(frozen=True)
class KeptPage:
    """A rendered page as kept in the cache: its body with the token taken out, its headers."""

    body: bytes
    headers: tuple[tuple[str, str], ...]
    viewed_product_id: int | None

    def response_for(self, request: HttpRequest) -> HttpResponse:
        """Return the page for ``request``, with its own CSRF token and viewing history."""
        body = self.body
        if TOKEN_PLACEHOLDER in body:
            body = body.replace(TOKEN_PLACEHOLDER, get_token(request).encode())
        response = HttpResponse(body)
        for name, value in self.headers:
            response[name] = value
        if self.viewed_product_id is not None:
            record_product_view(request, response, self.viewed_product_id)
        response["X-Page-Cache"] = "hit"
        return response


def without_indentation(body: bytes) -> bytes:
    """Return ``body`` with each run of blank space that breaks a line written as one line break.

    The templates indent their markup and leave blank lines where tags were; a browser shows
    such a run as a single space, except inside ``<pre>`` and ``<textarea>``, which are left as
    written. A page is kept once and sent many times: a condition page with 50 products loses
    about a third of its bytes.
    """
    return BLANK_RUN.sub(lambda match: match.group(1) or b"\n", body)


def record_product_view(request: HttpRequest, response: HttpResponse, product_id: int) -> None:
    """Add the product to the visitor's recently viewed cookie, as its page does."""
    history = CustomerHistoryManager
    ids = history.add(history.extract(request, response), product_id)
    response.set_cookie(history.cookie_name, json.dumps(ids), **history.cookie_kwargs)


def carries_nothing_personal(request: HttpRequest) -> bool:
    """Return whether the visitor has no session, basket or pending message."""
    personal = {
        settings.SESSION_COOKIE_NAME,
        settings.OSCAR_BASKET_COOKIE_OPEN,
        CookieStorage.cookie_name,
    }
    return personal.isdisjoint(request.COOKIES)


def page_key(request: HttpRequest, view_name: str, generation: int) -> str:
    """Return the cache key of the page ``request`` asks for, in ``generation``."""
    parts = [request.get_full_path(), request.LANGUAGE_CODE]
    if view_name == PRODUCT_PAGE:
        parts.append(repr(CustomerHistoryManager.extract(request)))
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return f"page:{generation}:{digest}"


class AnonymousPageCacheMiddleware:
    """Answer anonymous shoppers' storefront pages from the cache, and keep those it renders.

    Sits after the session, CSRF, authentication and message middleware, so a page served from
    the cache still gets its CSRF cookie, and before the view, so it costs no page queries.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        key = getattr(request, "page_cache_key", None)
        if key and response.get("X-Page-Cache") != "hit" and self.may_keep(request, response):
            self.keep(request, response, key)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs) -> HttpResponse | None:
        """Return the kept page for an anonymous shopper, or None to render it."""
        view_name = request.resolver_match.view_name
        if not self.is_cacheable(request, view_name):
            return None
        generation = current_generation()
        request.page_cache_key = page_key(request, view_name, generation)
        request.page_cache_generation = generation
        request.page_cache_product_id = view_kwargs.get("pk") if view_name == PRODUCT_PAGE else None
        kept = safely(cache.get, request.page_cache_key)
        if kept is None:
            return None
        return kept.response_for(request)

    @staticmethod
    def is_cacheable(request: HttpRequest, view_name: str) -> bool:
        return (
            settings.PAGE_CACHE_SECONDS > 0
            and request.method == "GET"
            and view_name in CACHED_VIEWS
            and carries_nothing_personal(request)
            and KNOWN_PARAMETERS.issuperset(request.GET)
        )

    @staticmethod
    def may_keep(request: HttpRequest, response: HttpResponse) -> bool:
        """Return whether ``response`` is the same for every anonymous shopper."""
        cookies_set = set(response.cookies)
        return (
            response.status_code == 200
            and not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
            and "private" not in response.get("Cache-Control", "")
            and cookies_set <= {settings.CSRF_COOKIE_NAME, CustomerHistoryManager.cookie_name}
            and not request.user.is_authenticated
        )

    @staticmethod
    def keep(request: HttpRequest, response: HttpResponse, key: str) -> None:
        """Keep the page, for as long as nothing scheduled changes it."""
        seconds = seconds_to_keep(request.page_cache_generation)
        if seconds <= 0:
            return
        product_id = request.page_cache_product_id
        body = without_indentation(response.content)
        kept = KeptPage(
            body=CSRF_VALUE.sub(rb"\1" + TOKEN_PLACEHOLDER + rb"\2", body),
            headers=tuple(
                (name, value)
                for name, value in response.items()
                if name.lower() not in HEADERS_NOT_KEPT
            ),
            viewed_product_id=int(product_id) if product_id is not None else None,
        )
        safely(cache.set, key, kept, seconds)
