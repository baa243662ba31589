"""Looking at the shop writes nothing to the database, not even the first thumbnail of an image."""

import re

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import connection
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model

from tests.factories import UserFactory, browsing_catalogue

Basket = get_model("basket", "Basket")

pytestmark = pytest.mark.django_db

WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE)\b", re.IGNORECASE)
THUMBNAIL = re.compile(r'src="/media/(cache/[^"]+)"')


@pytest.fixture
def catalogue():
    cache.clear()
    return browsing_catalogue(products=3, sizes=2)


@pytest.fixture
def shop(catalogue):
    category, products = catalogue
    return {
        "home": "/",
        "catalogue": "/catalogue/",
        "category": category.get_absolute_url(),
        "search": "/search/?q=flakes",
        "product": products[0].get_absolute_url(),
    }


@pytest.mark.parametrize("page", ["home", "catalogue", "category", "search", "product"])
def test_the_first_look_at_a_page_writes_nothing(client, shop, page):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(shop[page])

    assert response.status_code == 200
    assert [query["sql"] for query in queries if WRITE.match(query["sql"])] == []
    thumbnails = THUMBNAIL.findall(response.content.decode())
    assert thumbnails, "the page shows no product thumbnail"
    assert all(default_storage.exists(name) for name in thumbnails)


def test_browsing_page_after_page_writes_nothing(client, shop):
    with CaptureQueriesContext(connection) as queries:
        for url in [*shop.values(), *shop.values()]:
            assert client.get(url).status_code == 200

    assert [query["sql"] for query in queries if WRITE.match(query["sql"])] == []


def test_an_anonymous_shopper_with_a_basket_browses_without_writing(client, catalogue, shop):
    _, products = catalogue
    size = products[0].children.first()
    client.post(f"/basket/add/{products[0].pk}/", {"child_id": size.pk, "quantity": 1})
    assert client.cookies[settings.OSCAR_BASKET_COOKIE_OPEN].value

    with CaptureQueriesContext(connection) as queries:
        for url in shop.values():
            assert client.get(url).status_code == 200

    assert [query["sql"] for query in queries if WRITE.match(query["sql"])] == []


def test_a_signed_in_shopper_browses_without_a_basket_being_written(client, shop):
    client.force_login(UserFactory())

    with CaptureQueriesContext(connection) as queries:
        for url in [*shop.values(), "/basket/"]:
            assert client.get(url).status_code == 200

    assert [query["sql"] for query in queries if WRITE.match(query["sql"])] == []


def test_a_signed_in_shoppers_first_product_goes_into_a_basket_saved_then(client, catalogue):
    _, products = catalogue
    shopper = UserFactory()
    client.force_login(shopper)
    size = products[0].children.first()

    client.post(f"/basket/add/{products[0].pk}/", {"child_id": size.pk, "quantity": 2})

    basket = Basket.open.get(owner=shopper)
    assert basket.lines.get().quantity == 2
