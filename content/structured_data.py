"""Build schema.org JSON-LD for content and product pages, and write it safely into HTML.

Not a template library (it has no ``register``): ``content_tags`` and the views use it.
"""

import json
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html, strip_tags
from django.utils.safestring import SafeString, mark_safe

from content.models import Article, Citation, ConditionPage

#: What JSON may contain but a <script> element may not: "</script>", "<!--" and friends.
#: The same escapes as Django's ``json_script``; JSON parsers read them back unchanged.
SCRIPT_ESCAPES = {
    ord("<"): "\\u003C",
    ord(">"): "\\u003E",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}

IN_STOCK = "https://schema.org/InStock"
OUT_OF_STOCK = "https://schema.org/OutOfStock"

#: Turns a path into an absolute URL, such as ``request.build_absolute_uri``.
Absolute = Callable[[str], str]


def json_ld_script(data: dict) -> SafeString:
    """Return ``data`` as a JSON-LD <script> element that no value inside can break out of."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    escaped = mark_safe(text.translate(SCRIPT_ESCAPES))  # noqa: S308  (escaped just above)
    return format_html('<script type="application/ld+json">{}</script>', escaped)


def web_url(url: str) -> str:
    """Return ``url`` if it is an http or https address, else an empty string."""
    return url if url.lower().startswith(("https://", "http://")) else ""


def publisher(absolute: Absolute) -> dict:
    """Return the shop as the schema.org Organization that publishes its pages."""
    return {"@type": "Organization", "name": settings.OSCAR_SHOP_NAME, "url": absolute("/")}


def creative_work(citation: Citation) -> dict:
    """Return a cited source as a schema.org CreativeWork."""
    authors = [
        name.strip()
        for name in citation.authors.split(",")
        if name.strip() and name.strip().lower().rstrip(".") != "et al"
    ]
    work = {
        "@type": "CreativeWork",
        "name": citation.title,
        "author": [{"@type": "Person", "name": name} for name in authors],
        "datePublished": str(citation.year),
    }
    if url := web_url(citation.link):
        work["url"] = url
    if citation.journal:
        work["isPartOf"] = {"@type": "Periodical", "name": citation.journal}
    if citation.doi:
        work["identifier"] = f"doi:{citation.doi}"
    return work


def _dates(page: Article | ConditionPage) -> dict:
    published = page.first_published_at or page.publish_at or page.created_at
    return {"datePublished": published, "dateModified": max(page.updated_at, published)}


def article_data(article: Article, *, absolute: Absolute, citations: Iterable[Citation]) -> dict:
    """Return ``article`` as a schema.org Article."""
    url = absolute(article.get_absolute_url())
    if article.byline:
        author = {"@type": "Person", "name": article.byline}
    elif article.author and article.author.get_full_name():
        author = {"@type": "Person", "name": article.author.get_full_name()}
    else:
        author = publisher(absolute)
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": article.title[:110],
        "description": article.page_description,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        **_dates(article),
        "author": author,
        "publisher": publisher(absolute),
        "citation": [creative_work(citation) for citation in citations],
    }
    if article.hero_image:
        data["image"] = absolute(article.hero_image.url)
    return data


def condition_page_data(
    page: ConditionPage, *, absolute: Absolute, citations: Iterable[Citation]
) -> dict:
    """Return ``page`` as a schema.org MedicalWebPage about its condition."""
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": page.title,
        "headline": page.title[:110],
        "description": page.page_description,
        "url": absolute(page.get_absolute_url()),
        "about": {"@type": "MedicalCondition", "name": page.title},
        **_dates(page),
        "publisher": publisher(absolute),
        "citation": [creative_work(citation) for citation in citations],
    }
    if page.reviewed_on:
        data["lastReviewed"] = page.reviewed_on
    if page.reviewed_by:
        data["reviewedBy"] = {"@type": "Person", "name": page.reviewed_by}
    source = getattr(page, "live_source_article", None)
    if source is not None:
        data["isBasedOn"] = absolute(source.get_absolute_url())
    return data


def product_data(product, *, absolute: Absolute, strategy) -> dict:
    """Return ``product`` as a schema.org Product with an Offer per size it is sold in.

    Prices and availability come from Oscar's ``strategy``, as the page's own prices do; a
    size without a price has no offer.
    """
    url = absolute(product.get_absolute_url())
    data = {"@context": "https://schema.org", "@type": "Product", "name": product.get_title()}
    description = " ".join(strip_tags(product.description or "").split())
    if description:
        data["description"] = description[:5000]
    image = product.primary_image()
    if not isinstance(image, dict):
        data["image"] = absolute(image.original.url)
    data["url"] = url
    sizes = list(product.get_public_children()) if product.is_parent else [product]
    offers = []
    for size in sizes:
        info = strategy.fetch_for_product(size)
        if not info.price.exists:
            continue
        price = info.price.incl_tax if info.price.is_tax_known else info.price.excl_tax
        offer = {
            "@type": "Offer",
            "price": f"{price:.2f}",
            "priceCurrency": info.price.currency,
            "availability": IN_STOCK if info.availability.is_available_to_buy else OUT_OF_STOCK,
            "url": url,
        }
        if size is not product:
            offer["name"] = size.get_title()
        if info.stockrecord is not None and info.stockrecord.partner_sku:
            offer["sku"] = info.stockrecord.partner_sku
        offers.append(offer)
    if len(offers) == 1:
        data["offers"] = offers[0]
    elif offers:
        data["offers"] = offers
    return data
