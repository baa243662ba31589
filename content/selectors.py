"""Read content: for the public pages (lists, pages, product links, the sitemap) and revisions.

Every function for the public pages takes ``at``, the moment to judge "live" by (now when
None), so tests and previews can ask what readers see at a chosen time. Each costs a fixed
number of queries, whatever it shows.
"""

import math
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import F, Prefetch, Q, QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from oscar.core.loading import get_model

from catalogue.selectors import Card, browsable_products, product_cards
from content.models import (
    Article,
    ArticleCitation,
    ConditionCitation,
    ConditionPage,
    ConditionProduct,
    Publishable,
    Revision,
    ShopPage,
    Status,
)
from content.services import content_version
from content.shop_pages import DELIVERY_METHODS, facts_shown
from store.shipping.selectors import delivery_methods

Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")

#: Longest a product's related content stays cached. A publish, unpublish or edit bumps
#: ``content_version()`` and so misses the cache at once; this bounds anything else.
RELATED_CONTENT_SECONDS = 15 * 60

#: The shape of the cached RelatedContent, part of its cache key: raise it whenever
#: ReadingLink or RelatedContent change, so nothing cached by an earlier release is read back.
RELATED_CONTENT_FORMAT = 2


@dataclass(frozen=True)
class ReadingLink:
    """A link to a piece of content: its title and address.

    For a condition page, ``neutral_title`` is the editors' link text that names no condition
    (``ConditionPage.neutral_title``), empty when they gave none.
    """

    title: str
    url: str
    neutral_title: str = ""


@dataclass(frozen=True)
class ProductRow:
    """A product a condition page shows: its card, and how it is used for the condition."""

    card: Card
    usage_note: str


@dataclass(frozen=True)
class RelatedContent:
    """What a product page links to: the live condition pages that show it, in the editors'
    order, and their live source articles, each once."""

    condition_pages: tuple[ReadingLink, ...] = ()
    articles: tuple[ReadingLink, ...] = ()


def live_articles(*, at: datetime | None = None) -> QuerySet[Article]:
    """Return the live articles, the most recently first published first."""
    return Article.objects.live(at=at).order_by(
        F("first_published_at").desc(nulls_last=True), "-created_at", "-pk"
    )


def live_condition_pages(*, at: datetime | None = None) -> QuerySet[ConditionPage]:
    """Return the live condition pages in the order editors gave them."""
    return ConditionPage.objects.live(at=at).order_by("position", "title", "pk")


def condition_pages_due_for_review(*, today: date) -> QuerySet[ConditionPage]:
    """Return the live condition pages never reviewed, or last reviewed
    ``CONTENT_REVIEW_EVERY_DAYS`` or more before ``today``, the longest overdue first."""
    reviewed_before = today - timedelta(days=settings.CONTENT_REVIEW_EVERY_DAYS)
    return (
        ConditionPage.objects.live()
        .filter(Q(reviewed_on__isnull=True) | Q(reviewed_on__lte=reviewed_before))
        .order_by(F("reviewed_on").asc(nulls_first=True), "title", "pk")
    )


def with_article_details(articles: QuerySet[Article], *, at: datetime) -> QuerySet[Article]:
    """Fetch what an article page shows: ordered citations and the live condition pages.

    The citations land in ``ordered_citation_links``, the condition pages written from the
    article that are live at ``at`` in ``live_condition_pages``.
    """
    return articles.select_related("author").prefetch_related(
        Prefetch(
            "citation_links",
            queryset=ArticleCitation.objects.select_related("citation").order_by("position", "pk"),
            to_attr="ordered_citation_links",
        ),
        Prefetch(
            "condition_pages", queryset=live_condition_pages(at=at), to_attr="live_condition_pages"
        ),
    )


def live_article(*, slug: str, at: datetime | None = None) -> Article | None:
    """Return the live article ``slug`` with what its page shows (``with_article_details``)."""
    at = at or timezone.now()
    return with_article_details(live_articles(at=at), at=at).filter(slug=slug).first()


def linked_products() -> QuerySet[ConditionProduct]:
    """Return product links whose product a shopper can browse, with what its card reads.

    A product that is not public, or is a size rather than a product, is left out; one
    without stock or a price stays in and shows as unavailable.
    """
    return (
        ConditionProduct.objects.filter(product__is_public=True, product__parent__isnull=True)
        .order_by("position", "pk")
        .prefetch_related(Prefetch("product", queryset=browsable_products()))
    )


def product_rows(links: list[ConditionProduct], request: HttpRequest | None) -> list[ProductRow]:
    """Return the rows of a condition page's product ``links`` (``linked_products``), in order:
    each product's card, made for all of them at once, and its usage note."""
    cards = product_cards([link.product for link in links], request)
    return [
        ProductRow(card=card, usage_note=link.usage_note)
        for link, card in zip(links, cards, strict=True)
    ]


def with_condition_page_details(pages: QuerySet[ConditionPage]) -> QuerySet[ConditionPage]:
    """Fetch what a condition page shows: its source article, citations and products.

    The ordered citations land in ``ordered_citation_links`` and the ordered product links,
    products prefetched for product cards, in ``shown_product_links``.
    """
    return pages.select_related("source_article").prefetch_related(
        Prefetch(
            "citation_links",
            queryset=ConditionCitation.objects.select_related("citation").order_by(
                "position", "pk"
            ),
            to_attr="ordered_citation_links",
        ),
        Prefetch("product_links", queryset=linked_products(), to_attr="shown_product_links"),
    )


def mark_live_source_article(page: ConditionPage, *, at: datetime) -> ConditionPage:
    """Set ``live_source_article``: the page's source article when it is live at ``at``."""
    source = page.source_article
    page.live_source_article = source if source and source.is_live(at=at) else None
    return page


def live_condition_page(*, slug: str, at: datetime | None = None) -> ConditionPage | None:
    """Return the live condition page ``slug`` with what it shows, its live source article too.

    See ``with_condition_page_details`` and ``mark_live_source_article``.
    """
    at = at or timezone.now()
    page = with_condition_page_details(live_condition_pages(at=at)).filter(slug=slug).first()
    if page is None:
        return None
    return mark_live_source_article(page, at=at)


def with_shop_page_facts(page: ShopPage) -> ShopPage:
    """Set what ``page`` shows beside its text: ``facts`` names them (``content.shop_pages``),
    and a page that lists the delivery methods gets them in ``delivery_methods``."""
    page.facts = facts_shown(page.slug)
    page.delivery_methods = list(delivery_methods()) if page.facts == DELIVERY_METHODS else []
    return page


def live_shop_page(*, slug: str, at: datetime | None = None) -> ShopPage | None:
    """Return the live shop page ``slug`` with the facts it shows (``with_shop_page_facts``)."""
    page = ShopPage.objects.live(at=at).filter(slug=slug).first()
    return None if page is None else with_shop_page_facts(page)


def product_related_content(product, *, at: datetime | None = None) -> RelatedContent:
    """Return the live condition pages that show ``product`` and their live source articles.

    One query, cached per product and language until content is next published, edited or
    unpublished (``content_version()``), until a page or article found goes live or expires,
    or for ``RELATED_CONTENT_SECONDS`` at most. Asking with an explicit ``at`` skips the
    cache.
    """
    product_id = product.parent_id if product.parent_id else product.pk
    if at is not None:
        return _related_content(product_id, at=at)[0]
    key = (
        f"content:related:{RELATED_CONTENT_FORMAT}:v{content_version()}:"
        f"{get_language()}:{product_id}"
    )
    related = cache.get(key)
    if related is None:
        now = timezone.now()
        related, changes_at = _related_content(product_id, at=now)
        timeout = RELATED_CONTENT_SECONDS
        if changes_at is not None:
            timeout = max(1, min(timeout, math.ceil((changes_at - now).total_seconds())))
        cache.set(key, related, timeout)
    return related


def _related_content(product_id: int, *, at: datetime) -> tuple[RelatedContent, datetime | None]:
    """Return the content related to ``product_id`` at ``at``, and when that next changes.

    Published pages that are scheduled are read too, so the cache can expire when they go
    live.
    """
    pages = list(
        ConditionPage.objects.filter(
            Q(expire_at__isnull=True) | Q(expire_at__gt=at),
            status=Status.PUBLISHED,
            product_links__product_id=product_id,
        )
        .select_related("source_article")
        .only(
            "title",
            "neutral_title",
            "slug",
            "status",
            "publish_at",
            "expire_at",
            "position",
            "source_article__title",
            "source_article__slug",
            "source_article__status",
            "source_article__publish_at",
            "source_article__expire_at",
        )
        .order_by("position", "title", "pk")
    )
    condition_pages, articles = [], {}
    for page in pages:
        if not page.is_live(at=at):
            continue
        condition_pages.append(
            ReadingLink(
                title=page.title, url=page.get_absolute_url(), neutral_title=page.neutral_title
            )
        )
        source = page.source_article
        if source is not None and source.is_live(at=at):
            articles.setdefault(source.pk, ReadingLink(source.title, source.get_absolute_url()))
    related = RelatedContent(
        condition_pages=tuple(condition_pages), articles=tuple(articles.values())
    )
    return related, _next_change(pages, at=at)


def _next_change(pages: list[ConditionPage], *, at: datetime) -> datetime | None:
    """Return the first moment after ``at`` when one of ``pages`` or their articles changes."""
    items: list[Publishable] = [*pages, *(page.source_article for page in pages)]
    moments = [
        moment
        for item in items
        if item is not None and item.status == Status.PUBLISHED
        for moment in (item.publish_at, item.expire_at)
        if moment is not None and moment > at
    ]
    return min(moments, default=None)


def sitemap_articles(*, at: datetime | None = None) -> QuerySet[Article]:
    """Return the live articles for the sitemap, with only what it reads."""
    return live_articles(at=at).only("slug", "updated_at")


def sitemap_condition_pages(*, at: datetime | None = None) -> QuerySet[ConditionPage]:
    """Return the live condition pages for the sitemap, with only what it reads."""
    return live_condition_pages(at=at).only("slug", "updated_at")


def sitemap_shop_pages(*, at: datetime | None = None) -> QuerySet[ShopPage]:
    """Return the live shop pages for the sitemap, with only what it reads."""
    return ShopPage.objects.live(at=at).only("slug", "updated_at").order_by("slug")


def sitemap_products() -> QuerySet:
    """Return the products a shopper can browse: public, and not a size of another."""
    return Product.objects.browsable().only("pk", "slug", "date_updated").order_by("pk")


def sitemap_category_urls() -> list[str]:
    """Return the public categories' addresses, built from one query over the tree.

    Oscar builds a category's address from its ancestors' slugs, a query per category;
    walking the tree in path order gives each child its parent's full slug instead.
    """
    full_slugs: dict[str, str] = {}
    urls = []
    for category in Category.objects.browsable().only("pk", "path", "slug").order_by("path"):
        parent_slug = full_slugs.get(category.path[: -category.steplen])
        full_slug = (
            category.slug
            if parent_slug is None
            else f"{parent_slug}{category._slug_separator}{category.slug}"
        )
        full_slugs[category.path] = full_slug
        urls.append(
            reverse("catalogue:category", kwargs={"category_slug": full_slug, "pk": category.pk})
        )
    return urls


def revisions_of(page: Publishable) -> QuerySet[Revision]:
    """Return the page's revisions, newest first, with who made them."""
    return Revision.objects.filter(
        content_type=ContentType.objects.get_for_model(page, for_concrete_model=False),
        object_id=page.pk,
    ).select_related("user")
