"""The products a condition page shows: cards, sizes, the basket, and what they cost in queries."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model

from tests.content_factories import CitationFactory, ConditionPageFactory
from tests.content_pages import soup
from tests.factories import (
    ParentProductFactory,
    ProductImageFactory,
    StockRecordFactory,
    sized_product,
)

OrderAndItemCharges = get_model("shipping", "OrderAndItemCharges")
Product = get_model("catalogue", "Product")

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_cache")]


def unavailable_products() -> dict:
    """Make a product of each kind that cannot be bought, and one that is not public."""
    out_of_stock = sized_product(title="Out of stock flakes", sizes=1)
    StockRecordFactory._meta.model.objects.filter(product__parent=out_of_stock).update(
        num_in_stock=0
    )
    no_stock_record = ParentProductFactory(title="Unstocked oil", structure=Product.STANDALONE)
    no_sizes = ParentProductFactory(title="Flakes with no sizes yet")
    not_public = sized_product(title="Secret flakes", sizes=1)
    Product.objects.filter(pk=not_public.pk).update(is_public=False)
    return {
        "out_of_stock": out_of_stock,
        "no_stock_record": no_stock_record,
        "no_sizes": no_sizes,
        "not_public": not_public,
    }


def test_unavailable_and_hidden_products_do_not_break_the_page(client):
    products = unavailable_products()
    buyable = sized_product(title="Buyable flakes", sizes=2)
    page = ConditionPageFactory(published=True, products=[*products.values(), buyable])

    response = client.get(page.get_absolute_url())

    assert response.status_code == 200
    document = soup(response)
    cards = {
        card.h3.get_text(strip=True): card for card in document.select("article.linked-product")
    }
    assert set(cards) == {
        "Out of stock flakes",
        "Unstocked oil",
        "Flakes with no sizes yet",
        "Buyable flakes",
    }
    for title in ["Out of stock flakes", "Unstocked oil", "Flakes with no sizes yet"]:
        assert cards[title].find("form") is None, title
        assert "Unavailable" in cards[title].get_text(), title
    assert cards["Buyable flakes"].find("form") is not None


def test_a_size_out_of_stock_is_listed_but_cannot_be_chosen(client):
    product = sized_product(title="Two sizes", sizes=2)
    first = product.children.order_by("pk").first()
    first.stockrecords.update(num_in_stock=0)
    page = ConditionPageFactory(published=True, products=[product])

    document = soup(client.get(page.get_absolute_url()))

    options = document.select(f"#child-id-{product.pk} option")
    assert [option.has_attr("disabled") for option in options] == [True, False]
    assert options[1].has_attr("selected")


def test_a_reader_adds_a_size_to_the_basket_from_the_condition_page(django_app, live):
    OrderAndItemCharges.objects.create(name="Standard delivery", price_per_order=Decimal("3.95"))
    product = live["product"]
    two_kg = product.children.get(title="2 kg")

    page = django_app.get(live["page"].get_absolute_url())
    form = page.forms[f"add-to-basket-{product.pk}"]
    form["child_id"] = str(two_kg.pk)
    form["quantity"] = "2"
    back = form.submit().maybe_follow()
    basket = django_app.get("/basket/")

    assert back.request.path == live["page"].get_absolute_url()
    assert "have been added to your basket" in back.text
    assert basket.status_code == 200
    assert "2 kg" in basket.text
    assert two_kg.stockrecords.get().price * 2 == Decimal("23.00")
    assert "£23.00" in basket.text


def condition_page_queries(client, *, products: int) -> int:
    """Return the queries a second look costs at a condition page showing ``products``."""
    made = [sized_product(sizes=3) for _ in range(products)]
    for product in made:
        ProductImageFactory(product=product)
    page = ConditionPageFactory(
        published=True,
        products=made,
        citations=[CitationFactory() for _ in range(products)],
    )
    url = page.get_absolute_url()
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert len(soup(response).select("article.linked-product form")) == products
    return len(queries)


def test_a_condition_page_costs_the_same_queries_for_one_product_or_five(client):
    one = condition_page_queries(client, products=1)
    five = condition_page_queries(client, products=5)

    assert one == five, f"{one} queries with 1 product, {five} with 5"
    assert five <= 17
