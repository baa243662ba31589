"""On a 390 x 844 phone the product page shows what a shopper needs to buy without scrolling.

The page of a product in three sizes (one sold out), with a picture, a description and a
category, is opened in a phone-sized window, with JavaScript off and on. The price, every
size's radio button and the "Add to basket" button must lie wholly within the first screen,
and the button must span (nearly) the width of the page's content.
"""

from decimal import Decimal
from io import BytesIO

import pytest
from django.core.files.base import ContentFile
from oscar.core.loading import get_model
from PIL import Image

from tests.checkout_journey import ship_to_the_uk
from tests.factories import CategoryFactory, ParentProductFactory, ProductImageFactory, SizeFactory

pytestmark = pytest.mark.django_db(transaction=True)

OrderAndItemCharges = get_model("shipping", "OrderAndItemCharges")
ProductCategory = get_model("catalogue", "ProductCategory")

PHONE = {"width": 390, "height": 844}
#: How much narrower than the page's content the basket button may be, in CSS pixels.
BUTTON_SLACK = 8


def packshot() -> ContentFile:
    """Return a product photo as large as the demo shop's."""
    buffer = BytesIO()
    Image.new("RGB", (1200, 1200), "teal").save(buffer, format="PNG")
    return ContentFile(buffer.getvalue(), name="flakes.png")


@pytest.fixture
def flakes():
    """Flakes in 1, 2 and 5 kg, the 5 kg sold out, pictured, described and in a category."""
    ship_to_the_uk()
    OrderAndItemCharges.objects.filter(code="standard").update(
        free_shipping_threshold=Decimal("40.00")
    )
    product = ParentProductFactory(
        title="Zechstein magnesium bath flakes",
        description="White flakes of magnesium chloride from the Zechstein deposit. " * 6,
    )
    for title, price, stock in [("1 kg", "9.95", 40), ("2 kg", "16.95", 25), ("5 kg", "34.95", 0)]:
        SizeFactory(
            parent=product,
            title=title,
            stockrecord__price=Decimal(price),
            stockrecord__num_in_stock=stock,
        )
    ProductImageFactory(product=product, original=packshot())
    ProductCategory.objects.create(product=product, category=CategoryFactory(name="Bath flakes"))
    return product


def box(locator) -> dict:
    """Return where ``locator`` is drawn on the page, in CSS pixels from its top left corner."""
    found = locator.bounding_box()
    assert found is not None, f"{locator} is not drawn"
    scrolled = locator.page.evaluate("() => ({x: window.scrollX, y: window.scrollY})")
    return {**found, "x": found["x"] + scrolled["x"], "y": found["y"] + scrolled["y"]}


def assert_on_first_screen(name, locator):
    where = box(locator)
    assert where["y"] >= 0, f"{name} starts above the page: {where}"
    assert where["y"] + where["height"] <= PHONE["height"], (
        f"{name} ends {where['y'] + where['height']:.0f} px down the page, "
        f"below the phone's first screen of {PHONE['height']} px"
    )
    assert where["x"] >= 0 and where["x"] + where["width"] <= PHONE["width"], (
        f"{name} sticks out sideways: {where}"
    )


def test_a_phone_shows_the_price_the_sizes_and_the_basket_button_without_scrolling(
    page, flakes, check_accessibility, screenshot
):
    page.set_viewport_size(PHONE)
    page.goto(flakes.get_absolute_url())
    screenshot("product-page-on-a-phone")

    details = page.locator(".product_main")
    price = details.locator(".price_color")
    assert " ".join(price.inner_text().split()) == "from £9.95 incl. VAT"
    assert_on_first_screen("the price", price)

    sizes = page.get_by_role("group", name="Size").get_by_role("radio")
    assert sizes.count() == 3
    for index in range(sizes.count()):
        assert_on_first_screen(f"size radio {index + 1}", sizes.nth(index))
        tile = sizes.nth(index).locator("xpath=ancestor::label")
        assert_on_first_screen(f"size tile {index + 1}", tile)
        assert box(tile)["height"] >= 44, "a size is too small to tap"
    assert page.get_by_role("radio", name="1 kg £9.95", exact=True).is_checked()
    assert page.get_by_role("radio", name="5 kg Sold out", exact=True).is_disabled()

    button = page.get_by_role("button", name="Add to basket", exact=True)
    assert_on_first_screen("the Add to basket button", button)
    content = box(details)
    assert content["width"] >= PHONE["width"] * 0.85, "the details are in a narrow column"
    assert box(button)["width"] >= content["width"] - BUTTON_SLACK, "the button is not full width"

    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    terms = " ".join(page.locator(".purchase-terms").inner_text().split())
    assert terms == "Delivery from £3.95, free over £40.00 · 14-day returns"
    check_accessibility("the product page on a phone")
