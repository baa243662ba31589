"""What the tests of the public content pages share: times, parsed pages, live content.

A pytest plugin (the root conftest names it), so its fixtures serve every test module:
``fresh_cache`` (ask for it with ``pytest.mark.usefixtures``) and ``live``.
"""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.utils import timezone

from tests.content_factories import ArticleFactory, CitationFactory, ConditionPageFactory
from tests.factories import sized_product


def ago(**delta) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(**delta)


def from_now(**delta) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(**delta)


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def live_content() -> dict:
    """Make a live article, a live condition page written from it, showing a sized product."""
    product = sized_product(title="Zechstein bath flakes", sizes=3)
    article = ArticleFactory(
        published=True,
        title="Magnesium: what the research says",
        slug="magnesium-research",
        byline="Jo Writer",
        citations=[CitationFactory(key="article-source", doi="10.1000/abc123")],
    )
    page = ConditionPageFactory(
        published=True,
        title="Migraine headaches",
        slug="migraine",
        source_article=article,
        products=[product],
    )
    return {"article": article, "page": page, "product": product}


@pytest.fixture
def fresh_cache():
    """Start and end with an empty cache, so cached content never leaks between tests."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def live():
    """A live article, a live condition page written from it, showing a sized product."""
    return live_content()
