"""Every shop page costs the same SQL queries, and the same cache reads, however many products
and sizes it shows."""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model

from tests.content_factories import ConditionPageFactory
from tests.factories import browsing_catalogue, sized_product
from tests.integration.counting_cache import COUNTING_CACHES, CountingCache

Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db

# Queries an anonymous shopper's page costs, savepoints of ATOMIC_REQUESTS included; a few
# above today's count, far below what one query per product or size would add.
MOST_QUERIES = {
    "home": 12,
    "catalogue": 14,
    "category": 16,
    "search": 12,
    "product": 28,
    "condition": 14,
}


def page_urls(category, products) -> dict[str, str]:
    condition = ConditionPageFactory(published=True, products=products)
    return {
        "home": "/",
        "catalogue": "/catalogue/",
        "category": category.get_absolute_url(),
        "search": "/search/?q=flakes",
        "product": products[0].get_absolute_url(),
        "condition": condition.get_absolute_url(),
    }


def second_look(page: str, *, products: int, sizes: int):
    """Make a catalogue afresh, look at ``page`` once, and return a client and the address for
    a second look."""
    Product.objects.all().delete()
    Category.objects.all().delete()
    cache.clear()
    category, made = browsing_catalogue(products=products, sizes=sizes)
    shopper = Client()
    for product in made[1:]:
        shopper.get(product.get_absolute_url())
    url = page_urls(category, made)[page]
    assert shopper.get(url).status_code == 200
    return shopper, url


def queries_on(page: str, *, products: int, sizes: int) -> int:
    """Return the queries a second look at ``page`` costs, in a catalogue made afresh."""
    shopper, url = second_look(page, products=products, sizes=sizes)
    with CaptureQueriesContext(connection) as queries:
        response = shopper.get(url)
    assert response.status_code == 200
    return len(queries)


def cache_reads_on(page: str, *, products: int, sizes: int) -> int:
    """Return the cache reads a second look at ``page`` costs, in a catalogue made afresh."""
    shopper, url = second_look(page, products=products, sizes=sizes)
    CountingCache.reads = 0
    assert shopper.get(url).status_code == 200
    return CountingCache.reads


@pytest.mark.parametrize("page", MOST_QUERIES)
def test_page_costs_the_same_queries_for_a_small_and_a_large_catalogue(page):
    small = queries_on(page, products=2, sizes=2)
    large = queries_on(page, products=10, sizes=4)

    assert small == large, f"{page}: {small} queries with 2 products, {large} with 10"
    assert large <= MOST_QUERIES[page]


@pytest.mark.parametrize("page", MOST_QUERIES)
@override_settings(CACHES=COUNTING_CACHES)
def test_page_reads_the_cache_as_often_for_a_small_and_a_large_catalogue(page):
    small = cache_reads_on(page, products=2, sizes=2)
    large = cache_reads_on(page, products=10, sizes=4)

    assert small == large, f"{page}: {small} cache reads with 2 products, {large} with 10"


def test_the_product_page_lists_sizes_recommended_and_recently_viewed_products(client):
    _, made = browsing_catalogue(products=8, sizes=4)
    for product in made[1:]:
        client.get(product.get_absolute_url())

    response = client.get(made[0].get_absolute_url())

    assert len(response.context["recommended_products"]) == 6
    assert len(response.context["recently_viewed_products"]) == 6
    document = BeautifulSoup(response.content.decode(), "html.parser")
    assert len(document.select("#add_to_basket_form input[name=child_id]")) == 4


def test_an_out_of_stock_size_is_listed_as_sold_out(client):
    product = sized_product(sizes=2)
    one_kg, two_kg = product.children.order_by("title")
    StockRecord.objects.filter(product=two_kg).update(num_in_stock=0)

    page = client.get(product.get_absolute_url()).content.decode()
    sizes = BeautifulSoup(page, "html.parser").select("input[name=child_id]")

    assert [(size["value"], size.has_attr("disabled")) for size in sizes] == [
        (str(one_kg.pk), False),
        (str(two_kg.pk), True),
    ]
    assert "Sold out" in sizes[1].find_parent("label").get_text()


def test_a_product_out_of_stock_in_every_size_says_so(client):
    product = sized_product(sizes=2)
    StockRecord.objects.filter(product__parent=product).update(num_in_stock=0)

    response = client.get(product.get_absolute_url())

    assert response.status_code == 200
    assert "Every size is out of stock" in response.content.decode()
