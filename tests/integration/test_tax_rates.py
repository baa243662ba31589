"""The tax rate table: what it starts with, how staff change it, and that it never stops a sale."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction
from oscar.core.loading import get_class

from store.tax.models import TaxCategory, TaxRate
from store.tax.selectors import TaxLocation, tax_table
from store.tax.us_states import us_state_code
from tests.factories import SizeFactory, shop_staff_user

Selector = get_class("partner.strategy", "Selector")
Default = get_class("partner.strategy", "Default")


def price_of(product, location: TaxLocation | None = None):
    return Default(location=location).fetch_for_product(product).price


@pytest.mark.django_db
def test_the_table_starts_with_the_rates_in_force():
    rates = {(row.country, row.region, row.category): row.rate for row in TaxRate.objects.all()}

    assert rates[("GB", "", TaxCategory.STANDARD)] == Decimal("0.20")
    assert rates[("GB", "", TaxCategory.REDUCED)] == Decimal("0.05")
    assert rates[("DE", "", TaxCategory.STANDARD)] == Decimal("0.19")
    assert rates[("FI", "", TaxCategory.STANDARD)] == Decimal("0.255")
    assert rates[("AU", "", TaxCategory.STANDARD)] == Decimal("0.10")
    assert rates[("US", "NY", TaxCategory.STANDARD)] == Decimal("0.04")
    assert len([key for key in rates if key[0] not in {"GB", "AU", "US"}]) == 27


@pytest.mark.django_db
def test_a_uk_price_holds_a_sixth_of_itself_as_vat_and_a_zero_rated_class_none():
    size = SizeFactory(stockrecord__price=Decimal("8.95"))

    price = price_of(size)
    assert (price.incl_tax, price.tax, price.excl_tax) == (
        Decimal("8.95"),
        Decimal("1.49"),
        Decimal("7.46"),
    )

    size.parent.product_class.tax_category = TaxCategory.ZERO
    size.parent.product_class.save()
    size.refresh_from_db()
    assert price_of(size).tax == Decimal("0.00")


@pytest.mark.django_db
def test_a_rate_staff_change_in_the_admin_is_charged_on_the_next_price(client, settings):
    settings.CLAIMS_MARKET, settings.SHOP_TRADER_COUNTRY = "eu", "IE"
    size = SizeFactory(stockrecord__price=Decimal("12.30"))
    in_france = TaxLocation("FR", is_delivery_address=True)
    assert price_of(size, in_france).incl_tax == Decimal("12.00")  # £10 before VAT, at 20%
    france = TaxRate.objects.get(country="FR", category=TaxCategory.STANDARD)

    client.force_login(shop_staff_user())
    response = client.post(
        f"/admin/tax/taxrate/{france.pk}/change/",
        {
            "country": "FR",
            "region": "",
            "category": "standard",
            "rate": "0.21",
            "taxes_shipping": "on",
        },
    )

    assert response.status_code == 302
    assert price_of(size, in_france).incl_tax == Decimal("12.10")


@pytest.mark.django_db
def test_a_rate_is_a_fraction_up_to_a_half_and_a_zero_rate_charges_nothing():
    with pytest.raises(ValidationError):
        TaxRate(country="GB", category=TaxCategory.ZERO, rate=Decimal("0.05")).full_clean()
    with pytest.raises(ValidationError):
        TaxRate(country="gb", rate=Decimal("0.20")).full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        TaxRate.objects.create(country="XX", rate=Decimal("0.75"))


@pytest.mark.django_db
def test_prices_keep_their_tax_when_the_cache_is_down(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5},
        }
    }
    size = SizeFactory(stockrecord__price=Decimal("8.95"))

    assert tax_table().row(TaxLocation("GB"), TaxCategory.STANDARD).rate == Decimal("0.20")
    assert price_of(size).tax == Decimal("1.49")
    TaxRate.objects.filter(country="GB", category="standard").get().save()  # forgets, softly


@pytest.mark.django_db(transaction=True)
def test_a_flushed_database_gets_the_default_rates_back():
    call_command("flush", interactive=False, verbosity=0)

    assert TaxRate.objects.filter(country="GB", category=TaxCategory.STANDARD).exists()
    assert TaxRate.objects.count() == 34


@pytest.mark.parametrize(
    ("typed", "code"),
    [("NY", "NY"), ("ny", "NY"), ("New York", "NY"), (" new  york ", "NY"), ("D.C.", "DC"),
     ("Narnia", ""), ("", "")],
)  # fmt: skip
def test_a_us_state_is_read_from_its_code_or_its_name(typed, code):
    assert us_state_code(typed) == code
