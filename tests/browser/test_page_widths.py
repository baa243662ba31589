"""No public page scrolls sideways, on a small phone, a large phone or a laptop.

At each width one browser profile walks the shop: the home page, a category, a product, the
basket with two lines, checkout up to the thank-you page, a condition page, an article and the
six shop pages. On every page the document must be no wider than the window; every page that
is wider is reported, with the elements that stick out past the window's right edge. With
JavaScript off, every page is also saved whole at 390 and 1280 px into var/screenshots
(git-ignored), to be looked at.
"""

from io import BytesIO

import pytest
from django.core.files.base import ContentFile
from oscar.core.loading import get_model
from PIL import Image

from content.shop_pages import ShopPageSlot
from tests.browser.conftest import SCREENSHOTS
from tests.browser.shopper import GUEST_EMAIL, choose_size, fill_guest_address
from tests.checkout_journey import checkout_shop
from tests.content_factories import ArticleFactory, ConditionPageFactory, ShopPageFactory
from tests.factories import CategoryFactory, ProductImageFactory

pytestmark = pytest.mark.django_db(transaction=True)

ProductCategory = get_model("catalogue", "ProductCategory")

#: A small phone, a common phone and a laptop, in CSS pixels.
WIDTHS = (320, 390, 1280)
#: The widths each page is photographed at, into var/screenshots, to be looked at.
SCREENSHOT_WIDTHS = (390, 1280)

MEASURE = """() => {
    const width = window.innerWidth;
    const outside = [...document.body.querySelectorAll("*")]
        .filter(element => element.getBoundingClientRect().right > width + 0.5)
        .map(element => element.tagName.toLowerCase()
            + (element.id ? "#" + element.id : "")
            + (element.classList.length ? "." + [...element.classList].join(".") : ""));
    return {scroll: document.documentElement.scrollWidth, width, outside};
}"""


def photo():
    """Return a product photo as large as a real one, so the pages show full-size thumbnails."""
    buffer = BytesIO()
    Image.new("RGB", (800, 800), "teal").save(buffer, format="PNG")
    return ContentFile(buffer.getvalue(), name="flakes.png")


@pytest.fixture
def shop(settings):
    """The checkout shop's flakes, pictured and in a category, a condition page, an article
    and every shop page, all live."""
    shop = checkout_shop(settings)
    ProductImageFactory(product=shop["product"], original=photo())
    category = CategoryFactory(name="Bath flakes")
    ProductCategory.objects.create(product=shop["product"], category=category)
    for slot in ShopPageSlot:
        ShopPageFactory(published=True, slug=slot)
    return {
        **shop,
        "category": category,
        "condition": ConditionPageFactory(published=True, title="Migraine"),
        "article": ArticleFactory(published=True),
    }


class WidthCheck:
    """One window of a given width, noting every page that is wider than it."""

    def __init__(self, page, width, javascript):
        self.page = page
        self.width = width
        self.javascript = javascript
        self.too_wide = []

    def measure(self, name):
        """Note the page on show as too wide when it scrolls sideways, and keep a picture of it."""
        found = self.page.evaluate(MEASURE)
        if found["scroll"] > found["width"]:
            self.too_wide.append(
                f"{self.width} px, {name} ({self.page.url}): {found['scroll']} px wide; "
                f"sticking out: {', '.join(found['outside'][:8])}"
            )
        self.screenshot(name)

    def open(self, name, path):
        """Open ``path`` and measure it as ``name``."""
        self.page.goto(path)
        self.measure(name)

    def press(self, button, then):
        """Press the submit button called ``button`` and wait for the page at ``then``."""
        with self.page.expect_navigation(url=then):
            self.page.get_by_role("button", name=button, exact=True).click()

    def add_size(self, size):
        """Add one of ``size`` to the basket from the product page on show."""
        choose_size(self.page, size)
        if self.javascript:
            messages = self.page.locator("#messages")
            messages.evaluate("messages => messages.replaceChildren()")
            self.page.get_by_role("button", name="Add to basket", exact=True).click()
            messages.get_by_text("added to your basket").wait_for()
        else:
            self.press("Add to basket", then=f"**{self.page.url}")

    def check_out_to_preview(self):
        """Check out as a guest paying by bank transfer, measuring the address page on the way."""
        self.page.goto("/checkout/")
        self.page.get_by_label("My email address is").fill(GUEST_EMAIL)
        self.page.get_by_label("I am a new customer and want to checkout as a guest").check()
        self.press("Continue", then="**/checkout/shipping-address/")
        self.measure("the shipping address page")
        fill_guest_address(self.page)
        self.press("Continue", then="**/checkout/shipping-method/")
        self.press("Select option: Standard delivery", then="**/checkout/payment-method/")
        self.page.get_by_label("Bank transfer").check()
        self.press("Continue", then="**/checkout/preview/")

    def screenshot(self, name):
        """Save the whole page as widths-<name>-<width>.png, at 390 and 1280 px, JavaScript off."""
        if not self.javascript and self.width in SCREENSHOT_WIDTHS:
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            slug = "-".join(name.lower().replace("the ", "").split())
            path = SCREENSHOTS / f"widths-{slug}-{self.width}.png"
            self.page.screenshot(path=path, full_page=True)


def walk_the_shop(check, shop):
    """Open every public page the shop has, at the window's width."""
    check.open("the home page", "/")
    check.open("a category", shop["category"].get_absolute_url())
    check.open("a product", shop["product"].get_absolute_url())
    check.add_size("2 kg £11.50")
    check.add_size("1 kg £6.50")
    check.open("the basket with two lines", "/basket/")
    check.check_out_to_preview()
    check.measure("the preview")
    check.press("Place order", then="**/checkout/thank-you/")
    check.measure("the thank-you page")
    check.open("a condition page", shop["condition"].get_absolute_url())
    check.open("an article", shop["article"].get_absolute_url())
    for slot in ShopPageSlot:
        check.open(f"the {slot.label} page", f"/{slot.value}/")


def test_no_public_page_scrolls_sideways(browser, live_server, javascript, settings, shop):
    settings.SHOP_BASE_URL = live_server.url
    too_wide = []
    for width in WIDTHS:
        context = browser.new_context(
            java_script_enabled=javascript,
            base_url=live_server.url,
            viewport={"width": width, "height": 800},
        )
        context.set_default_timeout(10_000)
        try:
            check = WidthCheck(context.new_page(), width, javascript)
            walk_the_shop(check, shop)
            too_wide += check.too_wide
        finally:
            context.close()
    assert not too_wide, "Pages wider than the window:\n" + "\n".join(too_wide)
