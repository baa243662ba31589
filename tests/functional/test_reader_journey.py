"""A reader goes from the condition pages to the products and back, through the real HTML.

The demo shop and demo content are seeded as ``manage.py seed_shop`` and ``seed_content`` make
them. Every condition page lists products; every one of those products' pages links back to
each condition page that lists it by a neutral title, in every market (``content.claims``).
"""

from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command

from content.models import ConditionPage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_cache")]

MARKETS = ["uk", "eu", "us", "au"]


@pytest.fixture
def demo():
    """Seed the demo shop and its demo content, as a new installation would."""
    call_command("seed_shop", stdout=StringIO())
    call_command("seed_content", stdout=StringIO())


def document(response) -> BeautifulSoup:
    return BeautifulSoup(response.text, "html.parser")


def condition_pages(django_app) -> dict[str, str]:
    """Return the condition pages the list at /conditions/ links to, address → title."""
    listing = django_app.get("/conditions/")
    assert listing.status_code == 200
    return {
        link["href"]: link.get_text(strip=True)
        for link in document(listing).select("ul.content-list h2 a")
    }


def products_on(django_app, url: str) -> dict[str, str]:
    """Open the condition page ``url``; return the products whose card has an add-to-basket
    form, product address → form id."""
    page = django_app.get(url)
    assert page.status_code == 200
    shown = {}
    for card in document(page).select("article.linked-product"):
        form = card.select_one("form.add-to-basket")
        if form is not None:
            shown[card.h3.a["href"]] = form["id"]
    return shown


def related_reading(django_app, url: str) -> list[tuple[str, str]]:
    """Open the product page ``url``; return its "Related reading" links as (text, address)."""
    response = django_app.get(url)
    assert response.status_code == 200
    section = document(response).select_one("section.related-reading")
    assert section is not None, f"{url} has no related reading"
    assert section.h2.get_text(strip=True) == "Related reading"
    return [(link.get_text(strip=True), link["href"]) for link in section.select("li a")]


def journey(django_app) -> tuple[dict[str, str], dict[str, set[str]]]:
    """Walk every condition page; return the pages (address → title) and, for each product
    shown with a form, the addresses of the condition pages that show it."""
    pages = condition_pages(django_app)
    listed_on: dict[str, set[str]] = {}
    for page_url in pages:
        products = products_on(django_app, page_url)
        assert products, f"{page_url} shows no product that can be added to the basket"
        for product_url in products:
            listed_on.setdefault(product_url, set()).add(page_url)
    return pages, listed_on


def condition_words(titles) -> set[str]:
    """Return the words of the condition pages' titles that name a condition."""
    return {word for title in titles for word in title.lower().split() if word != "and"}


@pytest.mark.parametrize("market", MARKETS)
def test_each_product_links_back_to_its_condition_pages_without_naming_them(
    django_app, demo, settings, market
):
    settings.CLAIMS_MARKET = market
    neutral_titles = dict(ConditionPage.objects.values_list("slug", "neutral_title"))

    pages, listed_on = journey(django_app)

    assert len(pages) == 5
    assert all(neutral_titles.values()), "every demo page has its own neutral title"
    words = condition_words(pages.values())
    for product_url, page_urls in listed_on.items():
        links = related_reading(django_app, product_url)
        linked = {url: text for text, url in links}
        for page_url in page_urls:
            slug = page_url.rstrip("/").rsplit("/", 1)[-1]
            assert linked.get(page_url) == neutral_titles[slug], (product_url, page_url)
        for text, _url in links:
            assert not words & set(text.lower().replace(",", "").split()), (product_url, text)
        assert len({text for text, _url in links}) == len(links), "every link reads differently"


def test_a_page_without_a_neutral_title_is_linked_as_a_research_summary(django_app, demo):
    ConditionPage.objects.update(neutral_title="")
    _pages, listed_on = journey(django_app)

    for product_url, page_urls in listed_on.items():
        links = related_reading(django_app, product_url)
        page_links = [text for text, url in links if url in page_urls]
        expected = ["Magnesium research summary"] + [
            f"Magnesium research summary ({number})" for number in range(2, len(page_urls) + 1)
        ]
        assert page_links == expected, product_url


def test_a_reader_adds_a_product_to_the_basket_from_a_condition_page(django_app, demo):
    pages = condition_pages(django_app)
    page_url = next(iter(pages))
    products = products_on(django_app, page_url)
    product_url, form_id = next(iter(products.items()))
    title = document(django_app.get(product_url)).h1.get_text(strip=True)

    form = django_app.get(page_url).forms[form_id]
    back = form.submit().maybe_follow()
    basket = django_app.get("/basket/")

    assert back.request.path == page_url
    assert "added to your basket" in back.text
    assert basket.status_code == 200
    assert title in basket.text
    lines = document(basket).select("#basket_formset .basket-items")
    assert len(lines) == 1
