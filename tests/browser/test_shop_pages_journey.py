"""A shopper finds the delivery prices and the cancellation form from the footer, in Chromium.

The same journey runs with JavaScript off and on. Printed, the returns page leaves out the
shop's header, menus and footer, so the cancellation form can go in the post on its own.
"""

from decimal import Decimal

import pytest
from oscar.core.loading import get_model

from content.shop_pages import ShopPageSlot
from tests.browser.shopper import Shopper
from tests.content_factories import ShopPageFactory

OrderAndItemCharges = get_model("shipping", "OrderAndItemCharges")

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def shop_pages():
    """Every shop page live, and one delivery method, free from £40."""
    for slot in ShopPageSlot:
        ShopPageFactory(published=True, slug=slot)
    OrderAndItemCharges.objects.create(
        code="standard",
        name="Standard delivery",
        price_per_order=Decimal("3.95"),
        free_shipping_threshold=Decimal("40.00"),
    )


@pytest.mark.journey("shop pages")
def test_a_shopper_reads_delivery_and_returns_from_the_footer(
    page, javascript, shop_pages, check_accessibility, screenshot, settings
):
    shopper = Shopper(page, javascript)
    footer = page.get_by_role("contentinfo")

    shopper.open("/")
    shopper.follow("Delivery", then="**/delivery/", within=footer)
    delivery = page.get_by_role("table", name="What each delivery method costs")
    assert "Standard delivery" in delivery.inner_text()
    assert "£40.00 or more" in delivery.inner_text()
    check_accessibility("the delivery page")

    shopper.follow("Returns and cancellation", then="**/returns/", within=footer)
    form = page.get_by_role("region", name="Model cancellation form")
    assert settings.SHOP_TRADER_NAME in form.inner_text()
    check_accessibility("the returns page")
    screenshot("shop-pages-returns")

    page.emulate_media(media="print")
    assert form.is_visible()
    assert not page.locator("header.header").is_visible()
    assert not footer.is_visible()
