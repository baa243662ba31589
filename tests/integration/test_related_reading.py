"""The related reading on product pages: links to live content, worded for the market, cached."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from content import selectors, services
from content.models import Status
from tests.content_factories import ConditionPageFactory
from tests.content_pages import from_now
from tests.factories import sized_product

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_cache")]


def render(template: str, **context) -> str:
    return Template("{% load content_tags %}" + template).render(Context(context))


def related_reading(html: str) -> list[tuple[str, str]]:
    """Return the "Related reading" links in ``html`` as (text, address) pairs."""
    section = BeautifulSoup(html, "html.parser").select_one("section.related-reading")
    if section is None:
        return []
    return [(link.get_text(strip=True), link["href"]) for link in section.select("li a")]


def test_the_product_page_names_no_condition_where_the_market_forbids_it(settings, live):
    settings.CLAIMS_MARKET = "uk"
    page, article = live["page"], live["article"]
    page.neutral_title = "Magnesium and the nervous system"
    services.page_save(page=page, skip_permission_checks=True)

    html = render("{% related_content product %}", product=live["product"])

    text = BeautifulSoup(html, "html.parser").get_text()
    assert "Related reading" in text
    assert "migraine" not in text.lower()
    assert related_reading(html) == [
        ("Magnesium and the nervous system", page.get_absolute_url()),
        ("Magnesium: what the research says", article.get_absolute_url()),
    ]


def test_the_product_page_names_no_condition_in_the_us_either(settings, live):
    settings.CLAIMS_MARKET = "us"
    live["page"].neutral_title = "Magnesium and the nervous system"
    services.page_save(page=live["page"], skip_permission_checks=True)

    html = render("{% related_content product %}", product=live["product"])

    assert related_reading(html) == [
        ("Magnesium and the nervous system", live["page"].get_absolute_url()),
        ("Magnesium: what the research says", live["article"].get_absolute_url()),
    ]
    text = BeautifulSoup(html, "html.parser").get_text()
    assert "migraine" not in text.lower()
    assert "Food and Drug Administration" not in text


def test_a_page_without_a_neutral_title_is_linked_as_a_research_summary(settings):
    settings.CLAIMS_MARKET = "eu"
    product = sized_product()
    cramp = ConditionPageFactory(published=True, title="Cramp", slug="cramp", products=[product])
    sleep = ConditionPageFactory(published=True, title="Sleep", slug="sleep", products=[product])
    ConditionPageFactory(title="Draft page", neutral_title="Never shown", products=[product])

    html = render("{% related_content product %}", product=product)

    assert cramp.neutral_title == sleep.neutral_title == ""
    text = BeautifulSoup(html, "html.parser").get_text()
    assert "Cramp" not in text and "Sleep" not in text
    assert related_reading(html) == [
        ("Magnesium research summary", cramp.get_absolute_url()),
        ("Magnesium research summary (2)", sleep.get_absolute_url()),
    ]


def test_a_product_without_live_content_shows_no_related_reading(live):
    product = sized_product()
    ConditionPageFactory(status=Status.DRAFT, products=[product])
    ConditionPageFactory(published=True, publish_at=from_now(days=1), products=[product])

    assert render("{% related_content product %}", product=product).strip() == ""


def test_related_content_is_one_query_then_cached_until_content_changes(
    settings, live, django_capture_on_commit_callbacks
):
    settings.CLAIMS_MARKET = "us"
    product = live["product"]

    with CaptureQueriesContext(connection) as first:
        render("{% related_content product %}", product=product)
    with CaptureQueriesContext(connection) as second:
        render("{% related_content product %}", product=product)
    assert (len(first), len(second)) == (2, 1), "the second look reads the generation only"

    ConditionPageFactory(
        published=True, title="Sleep", neutral_title="Magnesium and rest", products=[product]
    )
    assert "Magnesium and rest" not in render("{% related_content product %}", product=product)
    with django_capture_on_commit_callbacks(execute=True):
        services.content_changed()
    assert "Magnesium and rest" in render("{% related_content product %}", product=product)


def test_related_content_at_a_chosen_time_includes_scheduled_pages(live):
    product = live["product"]
    ConditionPageFactory(
        published=True, title="Sleep", publish_at=from_now(hours=2), products=[product]
    )

    now = selectors.product_related_content(product, at=timezone.now())
    later = selectors.product_related_content(product, at=from_now(hours=3))

    assert [link.title for link in now.condition_pages] == ["Migraine headaches"]
    assert [link.title for link in later.condition_pages] == ["Migraine headaches", "Sleep"]


def test_related_content_carries_each_pages_neutral_title_in_its_one_query(live):
    product = live["product"]
    ConditionPageFactory(
        published=True, title="Sleep", neutral_title="Magnesium and rest", products=[product]
    )

    with CaptureQueriesContext(connection) as queries:
        related = selectors.product_related_content(product)

    assert len(queries) == 2, "the storefront's generation, then the related content"
    assert [(link.title, link.neutral_title) for link in related.condition_pages] == [
        ("Migraine headaches", ""),
        ("Sleep", "Magnesium and rest"),
    ]
    assert [link.url for link in related.articles] == [live["article"].get_absolute_url()]
