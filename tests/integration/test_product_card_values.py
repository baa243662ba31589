"""What a product card says, worked out for a page of products at once
(``catalogue.selectors.product_cards``): the price and whether it is a "from" price, what can
be bought, each size's price, and the picture, with no query and one cache call for the page.
"""

from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test import RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_class, get_model

from catalogue.selectors import browsable_products, product_cards
from tests.factories import (
    ParentProductFactory,
    ProductImageFactory,
    SizeFactory,
    StockRecordFactory,
    sized_product,
)
from tests.integration.counting_cache import COUNTING_CACHES, CountingCache

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")
Selector = get_class("partner.strategy", "Selector")

pytestmark = pytest.mark.django_db


def shopper_request():
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    request.strategy = Selector().strategy(request=request)
    return request


def cards_of(*products, request=None) -> dict:
    """Return the cards of ``products``, fetched as a listing fetches them, by title."""
    ids = [product.pk for product in products]
    fetched = browsable_products().filter(pk__in=ids).order_by("pk")
    return {card.title: card for card in product_cards(fetched, request or shopper_request())}


def test_a_product_whose_sizes_cost_different_amounts_is_priced_from_its_cheapest():
    flakes = sized_product(title="Zechstein flakes", sizes=3)  # £6.50, £11.50, £16.50

    card = cards_of(flakes)["Zechstein flakes"]

    assert (card.price.amount, card.price.text, card.price_varies) == (
        Decimal("6.50"),
        "£6.50",
        True,
    )
    assert card.price.includes_tax
    assert card.available
    assert [(size.title, size.price.text, size.available) for size in card.sizes] == [
        ("1 kg", "£6.50", True),
        ("2 kg", "£11.50", True),
        ("3 kg", "£16.50", True),
    ]


def test_sizes_at_one_price_and_a_product_without_sizes_are_not_from_prices():
    flakes = ParentProductFactory(title="Dead Sea flakes")
    for title in ("1 kg", "2 kg"):
        SizeFactory(parent=flakes, title=title, stockrecord__price=Decimal("8.95"))
    soap = ParentProductFactory(title="Magnesium soap", structure=Product.STANDALONE)
    StockRecordFactory(product=soap, price=Decimal("4.25"))

    cards = cards_of(flakes, soap)

    assert (cards["Dead Sea flakes"].price.text, cards["Dead Sea flakes"].price_varies) == (
        "£8.95",
        False,
    )
    assert (cards["Magnesium soap"].price.text, cards["Magnesium soap"].price_varies) == (
        "£4.25",
        False,
    )
    assert cards["Magnesium soap"].sizes == ()
    assert cards["Magnesium soap"].available


def test_a_sold_out_size_cannot_be_chosen_and_the_first_size_in_stock_is():
    flakes = sized_product(title="Zechstein flakes", sizes=3)
    StockRecord.objects.filter(product__parent=flakes, price=Decimal("6.50")).update(num_in_stock=0)

    card = cards_of(flakes)["Zechstein flakes"]

    assert [(size.title, size.available, size.selected) for size in card.sizes] == [
        ("1 kg", False, False),
        ("2 kg", True, True),
        ("3 kg", True, False),
    ]
    assert (card.price.text, card.price_varies, card.available) == ("£6.50", True, True)


def test_a_product_sold_out_in_every_size_keeps_its_price_but_cannot_be_bought():
    flakes = sized_product(title="Zechstein flakes", sizes=2)
    StockRecord.objects.filter(product__parent=flakes).update(num_in_stock=0)

    card = cards_of(flakes)["Zechstein flakes"]

    assert (card.price.text, card.price_varies) == ("£6.50", True)
    assert not card.available
    assert not any(size.available or size.selected for size in card.sizes)


def test_products_without_stock_have_no_price_and_cannot_be_bought():
    unstocked = ParentProductFactory(title="Unstocked oil", structure=Product.STANDALONE)
    no_sizes = ParentProductFactory(title="Flakes with no sizes yet")

    cards = cards_of(unstocked, no_sizes)

    for title in ("Unstocked oil", "Flakes with no sizes yet"):
        assert (cards[title].price, cards[title].price_varies, cards[title].available) == (
            None,
            False,
            False,
        ), title
    assert cards["Flakes with no sizes yet"].sizes == ()


def test_a_size_without_a_price_is_listed_but_neither_priced_nor_buyable():
    flakes = sized_product(title="Zechstein flakes", sizes=2)
    StockRecord.objects.filter(product__parent=flakes, price=Decimal("11.50")).update(price=None)

    card = cards_of(flakes)["Zechstein flakes"]

    assert [
        (size.title, size.price and size.price.text, size.available) for size in card.sizes
    ] == [
        ("1 kg", "£6.50", True),
        ("2 kg", None, False),
    ]
    assert (card.price.text, card.price_varies) == ("£6.50", False)


def test_us_prices_are_shown_before_sales_tax(settings):
    settings.CLAIMS_MARKET, settings.SHOP_TRADER_COUNTRY = "us", "US"
    flakes = sized_product(title="Zechstein flakes", sizes=2)

    card = cards_of(flakes)["Zechstein flakes"]

    assert (card.price.text, card.price.includes_tax) == ("£6.50", False)


def test_a_page_of_cards_asks_the_database_nothing_once_its_products_are_fetched():
    made = [sized_product(sizes=3) for _ in range(4)]
    for product in made:
        ProductImageFactory(product=product)
    request = shopper_request()
    products = list(browsable_products().filter(pk__in=[product.pk for product in made]))
    product_cards(products, request)  # the first prices read the tax rates, once

    with CaptureQueriesContext(connection) as queries:
        cards = product_cards(products, request)

    assert len(cards) == 4
    assert len(queries) == 0


@override_settings(CACHES=COUNTING_CACHES)
def test_a_page_of_cards_reads_all_its_pictures_with_one_cache_call():
    made = [sized_product(sizes=2) for _ in range(5)]
    for product in made:
        ProductImageFactory(product=product)
    request = shopper_request()
    products = list(browsable_products().filter(pk__in=[product.pk for product in made]))
    first = product_cards(products, request)  # makes the pictures and keeps them

    CountingCache.reads = 0
    again = product_cards(products, request)

    assert CountingCache.reads == 1
    assert [card.picture for card in again] == [card.picture for card in first]
    assert all(card.picture.src and card.picture.width for card in again)
