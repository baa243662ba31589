"""Number the storefront's state, so cached pages are retired the moment anything they show changes.

Every cached page and fragment is filed under the current generation. Any saved or deleted
row of an app whose data shoppers see (products, sizes, stock, prices, categories, offers,
reviews, tax rates, delivery methods, content pages, the site) starts a new generation once
its transaction commits; pages of the old one are never read again and expire on their own.

One number for the whole storefront, rather than one per product, because a single price
shows on its product page, its category, the search results, the home page and every
condition page that links it: tracking which page shows what is where cached shops go wrong,
and a small shop changes far less often than it is viewed. A sale changes stock, so it starts
a new generation too; each page is then rendered once more.

Times set in advance (an offer's start and end, a page's go-live and expiry dates) change what
shoppers see without any row changing; ``next_scheduled_change`` tells how long a page may be
kept, so it is not shown past such a moment.
"""

import logging
import time
from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import F, Min, Q
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone
from oscar.core.loading import get_model

from content.models import Article, ConditionPage, ShopPage, Status
from store.storefront.models import StorefrontGeneration

ConditionalOffer = get_model("offer", "ConditionalOffer")

logger = logging.getLogger(__name__)

GENERATION_KEY = "storefront:generation"
#: How long the shared cache's copy of the generation lives: the longest a change made while
#: the cache could not be told may go unseen once it is back.
COPY_SECONDS = 60
#: Stands for "no change scheduled" where the next change's moment is kept.
NEVER = float("inf")

T = TypeVar("T")

#: The apps whose rows shoppers see on the storefront's pages.
SHOPPER_FACING_APPS = frozenset(
    {
        "catalogue",
        "partner",
        "offer",
        "reviews",
        "tax",
        "shipping",
        "content",
        "flatpages",
        "sites",
    }
)


def current_generation() -> int:
    """Return the storefront's current generation.

    The database holds it. A cache every web process shares (Redis) holds a copy, so a page
    served from that cache asks the database nothing; a cache in each process's own memory
    could not see another process's change, so then the database is read every time. The copy
    is only ever added when missing and replaced by a change, so a slow reader cannot put back
    an older number.
    """
    if settings.CACHE_IS_SHARED:
        value = safely(cache.get, GENERATION_KEY)
        if value:
            return value
    value = StorefrontGeneration.objects.values_list("value", flat=True).first() or 1
    if settings.CACHE_IS_SHARED:
        safely(cache.add, GENERATION_KEY, value, COPY_SECONDS)
    return value


def start_new_generation() -> None:
    """Retire every cached page and fragment, once the current transaction commits."""
    transaction.on_commit(_raise_generation, robust=True)


def _raise_generation() -> None:
    if not StorefrontGeneration.objects.update(value=F("value") + 1):
        StorefrontGeneration.objects.create(value=2)
    if settings.CACHE_IS_SHARED:
        value = StorefrontGeneration.objects.values_list("value", flat=True).get()
        safely(cache.set, GENERATION_KEY, value, COPY_SECONDS)


def safely(operation: Callable, *args):
    """Run a cache operation; a cache that is down answers None instead of failing."""
    try:
        return operation(*args)
    except Exception:  # the cache is a help: a failure of it must not cost a page or a change
        logger.warning("The cache is unavailable.", exc_info=True)
        return None


def start_new_generation_on_change(sender, **kwargs) -> None:
    """Start a new generation when a row of a shopper-facing app is saved or deleted."""
    if sender._meta.app_label in SHOPPER_FACING_APPS:
        start_new_generation()


def start_new_generation_on_relation_change(sender, action: str, **kwargs) -> None:
    """Start a new generation when a many-to-many link between shopper-facing rows changes."""
    if action.startswith("post_") and kwargs["model"]._meta.app_label in SHOPPER_FACING_APPS:
        start_new_generation()


def watch_the_storefront() -> None:
    """Connect the signals that start new generations (called once, at start-up)."""
    post_save.connect(start_new_generation_on_change, dispatch_uid="storefront-generation-save")
    post_delete.connect(start_new_generation_on_change, dispatch_uid="storefront-generation-delete")
    m2m_changed.connect(
        start_new_generation_on_relation_change, dispatch_uid="storefront-generation-m2m"
    )


def next_scheduled_change(*, now: datetime) -> datetime | None:
    """Return the next moment an offer or a content page starts or stops showing, if any."""
    offers = ConditionalOffer.objects.filter(status=ConditionalOffer.OPEN)
    scheduled = [(offers, ("start_datetime", "end_datetime"))] + [
        (model.objects.filter(status=Status.PUBLISHED), ("publish_at", "expire_at"))
        for model in (Article, ConditionPage, ShopPage)
    ]
    moments = []
    for rows, fields in scheduled:
        firsts = {field: Min(field, filter=Q(**{f"{field}__gt": now})) for field in fields}
        moments += rows.aggregate(**firsts).values()
    upcoming = [moment for moment in moments if moment is not None]
    return min(upcoming) if upcoming else None


def seconds_to_keep(generation: int) -> int:
    """Return how long a page or fragment of ``generation`` rendered now may be kept.

    ``PAGE_CACHE_SECONDS`` at most, and never past the next scheduled change. That moment is
    looked up once per generation and kept as a moment, not a number of seconds, so the
    answer stays right as time passes.
    """
    key = f"storefront:{generation}:next-change"
    moment = safely(cache.get, key)
    if moment is None:
        upcoming = next_scheduled_change(now=timezone.now())
        moment = upcoming.timestamp() if upcoming else NEVER
        safely(cache.set, key, moment, settings.PAGE_CACHE_SECONDS)
    return int(min(settings.PAGE_CACHE_SECONDS, moment - time.time()))


def remember(name: str, compute: Callable[[], T]) -> T:
    """Return what ``compute`` returns, kept in the cache for the current generation.

    For a piece of the storefront every shopper sees alike (the category menu, the delivery
    terms); ``name`` must say everything the value depends on besides the storefront itself.
    """
    if settings.PAGE_CACHE_SECONDS <= 0:
        return compute()
    generation = current_generation()
    key = f"storefront:{generation}:{name}"
    value = safely(cache.get, key)
    if value is None:
        value = compute()
        seconds = seconds_to_keep(generation)
        if seconds > 0:
            safely(cache.set, key, value, seconds)
    return value
