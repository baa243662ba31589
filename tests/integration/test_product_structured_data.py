"""The product page's schema.org Product data: an offer per size, read from what was prefetched."""

import json
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_class, get_model

from catalogue.selectors import product_page_products
from tests.factories import ParentProductFactory, StockRecordFactory, sized_product

Product = get_model("catalogue", "Product")
Selector = get_class("partner.strategy", "Selector")

pytestmark = pytest.mark.django_db


@pytest.fixture
def flakes():
    """A product sold in three sizes, at £6.50, £11.50 and £16.50."""
    return sized_product(title="Zechstein bath flakes", sizes=3)


def render(template: str, **context) -> str:
    return Template("{% load catalogue_tags %}" + template).render(Context(context))


def product_for_page(product):
    """Return ``product`` as the product page loads it (catalogue.selectors)."""
    return product_page_products().get(pk=product.pk)


def shopper_request():
    """Return a shopper's request whose strategy has read the tax rates, as the page's first
    price makes it do."""
    request = RequestFactory().get("/")
    request.strategy = Selector().strategy()
    assert request.strategy.table is not None
    return request


def test_the_product_json_ld_offers_each_size_with_price_and_availability(flakes):
    product = flakes
    sizes = list(product.children.order_by("pk"))
    sizes[2].stockrecords.update(num_in_stock=0)
    loaded = product_for_page(product)
    request = shopper_request()

    with CaptureQueriesContext(connection) as queries:
        html = render("{% product_json_ld product %}", product=loaded, request=request)
    data = json.loads(BeautifulSoup(html, "html.parser").script.string)

    assert len(queries) == 0
    assert data["@type"] == "Product"
    assert data["name"] == "Zechstein bath flakes"
    assert data["url"] == f"http://testserver{product.get_absolute_url()}"
    offers = data["offers"]
    assert [offer["price"] for offer in offers] == ["6.50", "11.50", "16.50"]
    assert {offer["priceCurrency"] for offer in offers} == {"GBP"}
    assert [offer["availability"] for offer in offers] == [
        "https://schema.org/InStock",
        "https://schema.org/InStock",
        "https://schema.org/OutOfStock",
    ]
    assert {offer["url"] for offer in offers} == {data["url"]}


def test_the_product_json_ld_of_a_standalone_product_has_one_offer():
    oil = ParentProductFactory(title="Magnesium oil", structure=Product.STANDALONE)
    StockRecordFactory(product=oil, price=Decimal("12.00"))

    html = render(
        "{% product_json_ld product %}", product=product_for_page(oil), request=shopper_request()
    )
    data = json.loads(BeautifulSoup(html, "html.parser").script.string)

    assert data["offers"]["@type"] == "Offer"
    assert data["offers"]["price"] == "12.00"
    assert data["offers"]["availability"] == "https://schema.org/InStock"
