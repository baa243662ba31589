"""Search reads descriptions, sorting by price uses a product's cheapest size, and PostgreSQL
answers the search from its index."""

from decimal import Decimal

import pytest
from django.db import connection
from oscar.core.loading import get_model

from store.search.selectors import product_listing
from tests.factories import ParentProductFactory, SizeFactory

Product = get_model("catalogue", "Product")

pytestmark = pytest.mark.django_db


def product_with_prices(title: str, *prices: str):
    product = ParentProductFactory(title=title, description="Magnesium for the bath.")
    for index, price in enumerate(prices):
        SizeFactory(parent=product, title=f"{index + 1} kg", stockrecord__price=Decimal(price))
    return product


def titles(response) -> list[str]:
    return [product.title for product in response.context["products"]]


def test_search_finds_a_product_by_a_word_only_in_its_description(client):
    ParentProductFactory(title="Zechstein flakes", description="Mined from an ancient seabed.")
    ParentProductFactory(title="Magnesium oil", description="Sprayed onto the skin.")

    response = client.get("/search/", {"q": "seabed"})

    assert titles(response) == ["Zechstein flakes"]


@pytest.mark.parametrize(
    ("sort_by", "expected"),
    [
        ("price-asc", ["Big tub", "Oil", "Sample"]),
        ("price-desc", ["Sample", "Oil", "Big tub"]),
    ],
)
def test_sorting_by_price_uses_each_products_cheapest_size(client, sort_by, expected):
    product_with_prices("Big tub", "40.00", "5.00")
    product_with_prices("Sample", "12.00")
    product_with_prices("Oil", "30.00", "7.50")

    response = client.get("/catalogue/", {"sort_by": sort_by})

    assert titles(response) == expected


@pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text index is PostgreSQL's")
def test_postgresql_answers_a_search_from_the_full_text_index():
    Product.objects.bulk_create(
        Product(title=f"Bath salt {index}", slug=f"bath-salt-{index}", description="Plain salt.")
        for index in range(2000)
    )
    ParentProductFactory(title="Zechstein flakes", description="Mined from an ancient seabed.")
    sql, params = product_listing(query="seabed").query.sql_with_params()

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE catalogue_product")
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert "Bitmap Index Scan on catalogue_product_search_idx" in plan
