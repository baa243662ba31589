"""Prices say how they carry tax, in each market, on the product page and in the basket."""

from decimal import Decimal

import pytest
from oscar.core.loading import get_model

from tests.checkout_journey import guest_address_form
from tests.factories import ParentProductFactory, SizeFactory

pytestmark = pytest.mark.django_db

Country = get_model("address", "Country")
OrderAndItemCharges = get_model("shipping", "OrderAndItemCharges")


@pytest.fixture
def flakes():
    parent = ParentProductFactory(title="Zechstein bath flakes")
    SizeFactory(parent=parent, title="1 kg", stockrecord__price=Decimal("8.95"))
    return parent


def price_text(page) -> str:
    return " ".join(page.html.select_one(".product_main .price_color").get_text(" ").split())


def market(settings, code: str, trader_country: str) -> None:
    settings.CLAIMS_MARKET = code
    settings.SHOP_TRADER_COUNTRY = trader_country


def test_a_uk_product_page_shows_the_price_with_vat_and_no_tax_rows(django_app, flakes):
    page = django_app.get(flakes.get_absolute_url())

    assert price_text(page) == "£8.95 incl. VAT"
    information = page.html.select_one("#product-information").find_parent("section").get_text()
    assert "Tax" not in information
    assert "UPC" not in information
    assert "excl. tax" not in page.text


@pytest.mark.parametrize(
    ("code", "trader_country", "shown"),
    [("au", "AU", "£8.95 incl. GST"), ("us", "US", "£8.95 plus sales tax")],
)
def test_other_markets_say_how_their_prices_carry_tax(
    django_app, settings, flakes, code, trader_country, shown
):
    market(settings, code, trader_country)

    assert price_text(django_app.get(flakes.get_absolute_url())) == shown


def test_an_eu_price_moves_to_the_delivery_countrys_vat_and_the_basket_says_so(
    django_app, settings, flakes
):
    market(settings, "eu", "IE")
    for code in ("IE", "FR"):
        Country.objects.create(
            iso_3166_1_a2=code, printable_name=code, name=code, is_shipping_country=True
        )
    OrderAndItemCharges.objects.create(code="eu", name="EU delivery", price_per_order=Decimal("5"))
    product_page = django_app.get(flakes.get_absolute_url())
    assert price_text(product_page) == "£8.95 incl. VAT"
    form = product_page.forms["add_to_basket_form"]
    form.submit().maybe_follow()
    basket = django_app.get("/basket/")
    assert "Prices include the VAT of Ireland" in basket.text

    address = guest_address_form(django_app)
    address["first_name"], address["last_name"] = "Marie", "Curie"
    address["line1"], address["line4"], address["postcode"] = "1 rue Cuvier", "Paris", "75005"
    address["country"] = "FR"
    address.submit().follow()

    # £8.95 with Ireland's 23% is £7.28 before VAT; with France's 20% that is £8.73.
    assert price_text(django_app.get(flakes.get_absolute_url())) == "£8.73 incl. VAT"
    basket = django_app.get("/basket/")
    assert "Prices include the VAT of France, where your order is going." in basket.text
    assert "since you added it to your basket" not in basket.text  # no "price changed" warning
    assert "£8.73" in basket.html.select_one("#basket_totals").get_text()
