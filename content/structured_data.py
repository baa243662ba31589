"""Build schema.org JSON-LD for the articles and condition pages.

Not a template library (it has no ``register``): the views use it, and ``content_tags`` writes
it into the page.
"""

from collections.abc import Iterable

from django.conf import settings

from content.models import Article, Citation, ConditionPage
from store.json_ld import Absolute


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
