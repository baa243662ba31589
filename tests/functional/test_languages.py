"""The shop is offered only in the language it is written in, English, so no page comes out
half translated: Oscar's own words in German beside the shop's in English.

The translation machinery stays: a language listed in LANGUAGES gets the footer's language form
and addresses under its own prefix. Addresses under the prefixes of the languages once offered,
/de/ and /fr/, are now simply not found.
"""

import pytest
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from tests.content_factories import ConditionPageFactory
from tests.content_pages import soup
from tests.factories import CategoryFactory, sized_product

pytestmark = pytest.mark.django_db


@pytest.fixture
def old_addresses():
    """Addresses a shopper may have kept from when German and French were offered."""
    category = CategoryFactory(name="Bath flakes")
    product = sized_product(title="Zechstein bath flakes", category=category)
    condition = ConditionPageFactory(published=True)
    return [
        "/de/",
        "/fr/",
        f"/de{category.get_absolute_url()}",
        f"/fr{product.get_absolute_url()}",
        f"/de{condition.get_absolute_url()}",
        "/de/basket/",
        "/fr/checkout/",
        "/de/accounts/login/",
    ]


def test_the_shop_offers_english_only():
    assert [code for code, _name in settings.LANGUAGES] == ["en-gb"]


def test_no_page_has_a_language_form(client):
    page = soup(client.get("/"))

    assert page.find(id="language_selector") is None
    assert page.find("select", attrs={"name": "language"}) is None
    assert page.html["lang"] == "en-gb"


def test_an_address_under_an_old_language_prefix_is_not_found(client, old_addresses):
    for address in old_addresses:
        response = client.get(address)

        assert response.status_code == 404, address
        assert soup(response).html["lang"] == "en-gb", address


def test_a_language_form_left_open_in_an_old_tab_ends_on_the_not_found_page(client):
    response = client.post("/i18n/setlang/", {"language": "de", "next": "/basket/"}, follow=True)

    assert response.status_code == 404
    assert soup(response).html["lang"] == "en-gb"
    assert client.get("/basket/").status_code == 200


def test_a_second_language_brings_back_the_form_and_its_addresses(client, settings):
    settings.LANGUAGES = [("en-gb", _("English")), ("de", _("German"))]

    form = soup(client.get("/")).find(id="language_selector")

    assert form is not None
    assert [option["value"] for option in form.find_all("option")] == ["en-gb", "de"]
    assert client.get("/de/basket/").status_code == 200
