"""A product card says what the product costs, "from" its cheapest size when sizes cost
different amounts, and shows stars only once the product has approved reviews."""

from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from oscar.core.loading import get_model

from tests.factories import (
    CategoryFactory,
    ParentProductFactory,
    SizeFactory,
    StockRecordFactory,
    sized_product,
)
from tests.review_factories import ProductReviewFactory

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")


@pytest.fixture
def category():
    return CategoryFactory(name="Bath flakes")


def cards(client, category) -> dict:
    """Return the category page's cards by product title, each as the text a reader sees."""
    page = BeautifulSoup(client.get(category.get_absolute_url()).content.decode(), "html.parser")
    assert page.select_one("ol.product-grid"), "the cards are not in the product grid"
    return {
        card.h3.get_text(strip=True): card for card in page.select(".product-grid > li > article")
    }


def price(card) -> str:
    return " ".join(card.select_one(".price_color").get_text(" ").split())


def test_a_product_whose_sizes_cost_different_amounts_costs_from_its_cheapest(client, category):
    sized_product(title="Zechstein flakes", sizes=3, category=category)  # £6.50, £11.50, £16.50

    card = cards(client, category)["Zechstein flakes"]

    assert price(card) == "from £6.50 incl. VAT"


def test_a_product_whose_sizes_cost_the_same_has_one_price(client, category):
    product = ParentProductFactory(title="Dead Sea flakes", category=category)
    for title in ("1 kg", "2 kg"):
        SizeFactory(parent=product, title=title, stockrecord__price=Decimal("8.95"))

    card = cards(client, category)["Dead Sea flakes"]

    assert price(card) == "£8.95 incl. VAT"


def test_a_product_without_sizes_has_its_own_price(client, category):
    product = ParentProductFactory(
        title="Magnesium soap", structure=Product.STANDALONE, category=category
    )
    StockRecordFactory(product=product, price=Decimal("4.25"))

    card = cards(client, category)["Magnesium soap"]

    assert price(card) == "£4.25 incl. VAT"
    assert "Sold out" not in card.get_text()


def test_a_us_card_says_sales_tax_is_added(client, settings, category):
    settings.CLAIMS_MARKET, settings.SHOP_TRADER_COUNTRY = "us", "US"
    sized_product(title="Zechstein flakes", sizes=2, category=category)

    assert price(cards(client, category)["Zechstein flakes"]) == "from £6.50 plus sales tax"


def test_a_product_sold_out_in_every_size_says_so(client, category):
    product = sized_product(title="Zechstein flakes", sizes=2, category=category)
    StockRecord.objects.filter(product__parent=product).update(num_in_stock=0)

    card = cards(client, category)["Zechstein flakes"]

    assert price(card) == "from £6.50 incl. VAT"
    assert "Sold out" in card.get_text()


def test_a_card_shows_no_stars_before_a_review_is_approved(client, category):
    product = sized_product(title="Zechstein flakes", sizes=2, category=category)
    ProductReviewFactory(product=product, score=5)  # waiting for moderation

    card = cards(client, category)["Zechstein flakes"]

    assert card.select(".star-rating") == []
    assert "Rated" not in card.get_text()


def test_a_card_shows_the_stars_of_approved_reviews_in_words_too(client, category):
    product = sized_product(title="Zechstein flakes", sizes=2, category=category)
    ProductReviewFactory(product=product, score=4, approved=True)
    ProductReviewFactory(product=product, score=1)  # waiting: not counted

    card = cards(client, category)["Zechstein flakes"]

    (stars,) = card.select(".star-rating")
    assert "Four" in stars["class"]
    assert len(stars.select('[aria-hidden="true"] .fa-star')) == 5
    assert stars.select_one(".sr-only").get_text() == "Rated 4 out of 5"


def test_a_cards_rating_is_the_average_of_its_approved_reviews(client, category):
    product = sized_product(title="Zechstein flakes", sizes=2, category=category)
    for score in (4, 5):
        ProductReviewFactory(product=product, score=score, approved=True)

    card = cards(client, category)["Zechstein flakes"]

    assert card.select_one(".star-rating .sr-only").get_text() == "Rated 4.5 out of 5"


def test_the_search_page_lays_its_cards_in_the_product_grid(client, category):
    sized_product(title="Zechstein flakes", sizes=2, category=category)

    page = BeautifulSoup(client.get("/search/?q=flakes").content.decode(), "html.parser")

    assert [title.get_text(strip=True) for title in page.select(".product-grid h3")] == [
        "Zechstein flakes"
    ]
