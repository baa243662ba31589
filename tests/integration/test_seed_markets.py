"""The demo shop can take orders as seeded: it ships to the countries of the markets it serves."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.checks import run_checks
from django.core.management import call_command
from oscar.core.loading import get_class, get_model
from oscar.test.factories import BasketFactory

from store.storefront.markets import EU_MEMBER_STATES

Country = get_model("address", "Country")
OrderAndItemCharges = get_model("shipping", "OrderAndItemCharges")
ShippingAddress = get_model("order", "ShippingAddress")
Repository = get_class("shipping.repository", "Repository")

pytestmark = pytest.mark.django_db


def seed() -> str:
    out = StringIO()
    call_command("seed_shop", stdout=out)
    return out.getvalue()


def methods_for(country_code: str) -> list[str]:
    """Return the names of the delivery methods offered to an address in ``country_code``."""
    address = ShippingAddress(country=Country.objects.get(pk=country_code))
    methods = Repository().get_available_shipping_methods(BasketFactory(), address)
    return [method.name for method in methods]


def test_a_uk_shop_ships_to_the_united_kingdom_only_by_standard_or_express_delivery():
    seed()

    assert list(Country.objects.filter(is_shipping_country=True).values_list("pk", flat=True)) == [
        "GB"
    ]
    assert Country.objects.get(pk="GB").printable_name == "United Kingdom"
    assert methods_for("GB") == ["Standard delivery", "Express delivery"]


def test_a_shop_serving_the_eu_too_ships_to_every_member_state_at_the_eu_price(settings):
    settings.SHOP_MARKETS = ["uk", "eu"]

    output = seed()

    shipping = set(Country.objects.filter(is_shipping_country=True).values_list("pk", flat=True))
    assert shipping == {"GB"} | {country.alpha2 for country in EU_MEMBER_STATES}
    assert len(shipping) == 28
    assert methods_for("FR") == ["EU tracked delivery"]
    assert methods_for("GB") == ["Standard delivery", "Express delivery"]
    eu = OrderAndItemCharges.objects.get(name="EU tracked delivery")
    assert eu.price_per_order == Decimal("9.95")
    assert "3 shipping methods to 28 countries (uk, eu)" in output


def test_us_and_australian_addresses_get_their_own_delivery(settings):
    settings.SHOP_MARKETS = ["us", "au"]

    seed()

    assert methods_for("US") == ["US tracked delivery"]
    assert methods_for("AU") == ["Australia tracked delivery"]


def test_seeding_again_adds_no_country_and_keeps_one_staff_stopped_shipping_to(settings):
    settings.SHOP_MARKETS = ["uk", "eu"]
    seed()
    Country.objects.filter(pk="MT").update(is_shipping_country=False)
    countries = Country.objects.count()

    output = seed()

    assert Country.objects.count() == countries
    assert not Country.objects.get(pk="MT").is_shipping_country
    assert "(created 0 rows)" in output


def test_an_unknown_market_is_refused_by_the_system_checks(settings):
    settings.SHOP_MARKETS = ["uk", "mars"]

    errors = [message for message in run_checks() if message.id == "storefront.E001"]

    assert len(errors) == 1
    assert "mars" in errors[0].msg
