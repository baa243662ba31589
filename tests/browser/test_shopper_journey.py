"""A guest shops in real Chromium, with JavaScript off and on: from the home page to paying.

The shopper searches, browses a category, sorts it, picks a size, fills and edits the basket,
applies a voucher and checks out as a guest, paying by bank transfer; a second journey pays by
card on the local Stripe emulator's stand-in for Stripe's page. Every form is checked just
before it is sent: it must work without a script. With JavaScript on, adding to the basket
happens without a page load; everything else is the same journey. Each page on the way is
checked by axe, and the key ones are saved as screenshots.
"""

from decimal import Decimal
from urllib.parse import parse_qs, urlsplit

import pytest
from oscar.core.loading import get_model
from oscar.test.factories import create_voucher

from tests.browser.shopper import GUEST_EMAIL, Shopper, choose_size, fill_guest_address
from tests.card_payments import WEBHOOK_SECRET
from tests.checkout_journey import checkout_shop
from tests.factories import CategoryFactory, sized_product

pytestmark = pytest.mark.django_db(transaction=True)

Order = get_model("order", "Order")
ProductCategory = get_model("catalogue", "ProductCategory")
StockRecord = get_model("partner", "StockRecord")

WEBHOOK = "/payments/stripe/webhook/"
VOUCHER_CODE = "BATHTIME"
# The checkout's pages, in order, up to placing the order.
CHECKOUT_STEPS = [
    "/checkout/",
    "/checkout/shipping-address/",
    "/checkout/shipping-method/",
    "/checkout/payment-method/",
    "/checkout/preview/",
]


class Guest(Shopper):
    """A guest buying bath flakes, who checks what each page says as they go."""

    def __init__(self, page, javascript, check_accessibility, screenshot):
        super().__init__(page, javascript)
        self.check_accessibility = check_accessibility
        self.screenshot = screenshot

    def look_at(self, name):
        """Check the page with axe and keep a screenshot of it as ``name``."""
        self.check_accessibility(name)
        self.screenshot(f"shopper-{name}")

    def search(self, words):
        """Type ``words`` into the header's search box and send it."""
        self.page.get_by_label("Search the shop").fill(words)
        self.press("Search", then="**/search/?q=*")

    def browse_category(self, name):
        """Open the category ``name`` from the header's "Shop by category" menu.

        The menu is a <details> disclosure: it opens and closes the same with or without
        scripts, and its links are plain links.
        """
        menu = self.page.get_by_role("navigation", name="Shop")
        menu.locator("summary").click()
        loaded = len(self.pages_loaded)
        self.follow(name, then="**/catalogue/category/**", within=menu)
        assert len(self.pages_loaded) == loaded + 1

    def sort_by(self, order):
        """Choose ``order`` in the listing's "Sort by" box and send it."""
        self.page.get_by_label("Sort by").select_option(label=order)
        self.press("Sort", then="**/catalogue/category/**sort_by=*")

    def product_titles(self):
        """Return the titles of the product cards listed, in order."""
        return [title.strip() for title in self.page.locator(".product_pod h3").all_inner_texts()]

    def add_to_basket(self, size, quantity=1):
        """Choose ``size`` and ``quantity`` on the product page and add them to the basket.

        Without scripts the form is sent and the product page comes back with a message; with
        them the page stays where it is and only its messages and header basket change.
        """
        choose_size(self.page, size)
        self.page.get_by_label("Quantity").fill(str(quantity))
        loaded = len(self.pages_loaded)
        if self.javascript:
            # Mark the header's basket: the one the shop answers with has no mark.
            self.page.locator("#mini-basket").evaluate("basket => basket.dataset.before = 'add'")
            self.button("Add to basket").click()
            self.page.locator("#mini-basket:not([data-before])").wait_for()
            assert len(self.pages_loaded) == loaded
        else:
            self.press("Add to basket", then=f"**{self.path()}")
            assert len(self.pages_loaded) == loaded + 1
        assert "added to your basket" in self.page.locator("#messages").inner_text()

    def mini_basket_total(self):
        """Return the basket total the page's header shows."""
        return self.page.locator("#mini-basket .basket-mini-total").inner_text().strip()

    def basket_line(self, item):
        """Return the basket's row for ``item``."""
        return self.page.locator("tr.basket-items", has=self.page.get_by_role("link", name=item))

    def change_quantity(self, item, quantity):
        """Type a new quantity for ``item`` in the basket and update it."""
        line = self.basket_line(item)
        line.get_by_label(f"Quantity of {item}").fill(str(quantity))
        self.press("Update", then="**/basket/", within=line)

    def apply_voucher(self, code):
        """Type the voucher ``code`` into the basket's voucher form and add it."""
        self.page.get_by_label("Voucher code").fill(code)
        self.press("Add voucher", then="**/basket/")

    def check_out_as_guest(self):
        """From the basket, go through checkout as a guest up to the payment-method step."""
        self.follow("Proceed to checkout", then="**/checkout/")
        self.look_at("gateway")
        self.page.get_by_label("My email address is").fill(GUEST_EMAIL)
        self.page.get_by_label("I am a new customer and want to checkout as a guest").check()
        self.press("Continue", then="**/checkout/shipping-address/")
        self.look_at("shipping-address")
        fill_guest_address(self.page)
        self.press("Continue", then="**/checkout/shipping-method/")
        self.look_at("shipping-method")
        self.press("Select option: Standard delivery", then="**/checkout/payment-method/")
        self.look_at("payment-method")

    def pay_by(self, method):
        """Choose the payment ``method`` and go on to the preview."""
        self.page.get_by_label(method).check()
        self.press("Continue", then="**/checkout/preview/")
        assert method in self.text()
        self.look_at(f"preview-{method.split()[0].lower()}")


@pytest.fixture
def shop(settings):
    """A shop with two bath flakes in a category, a magnesium oil, and a voucher for 20% off.

    The Zechstein flakes come in 1 kg (£6.50) and 2 kg (£11.50), the Dead Sea flakes in one
    size at £8.95.
    """
    shop = checkout_shop(settings)
    for size in shop["product"].children.all():  # titled as the demo shop titles its sizes
        size.title = f"{shop['product'].title}, {size.title}"
        size.save()
    flakes = CategoryFactory(name="Bath flakes")
    ProductCategory.objects.create(product=shop["product"], category=flakes)
    dead_sea = sized_product(title="Dead Sea bath flakes", category=flakes, sizes=1)
    StockRecord.objects.filter(product__parent=dead_sea).update(price=Decimal("8.95"))
    sized_product(
        title="Magnesium oil spray",
        description="A magnesium chloride solution to spray onto the skin.",
        category=CategoryFactory(name="Magnesium oils"),
        sizes=1,
    )
    create_voucher(name="Bath time", code=VOUCHER_CODE)
    return shop


@pytest.fixture
def guest(page, javascript, check_accessibility, screenshot):
    return Guest(page, javascript, check_accessibility, screenshot)


@pytest.mark.journey("shopper")
def test_a_guest_finds_flakes_fills_the_basket_and_pays_by_bank_transfer(shop, guest):
    guest.open("/")
    guest.look_at("home")

    guest.search("flakes")
    assert "Zechstein bath flakes" in guest.product_titles()
    assert "Magnesium oil spray" not in guest.product_titles()

    guest.browse_category("Bath flakes")
    guest.look_at("category")
    guest.sort_by("Price high to low")
    assert parse_qs(urlsplit(guest.page.url).query)["sort_by"] == ["price-desc"]
    # A product's price is its cheapest size's: £8.95 for the Dead Sea flakes, then £6.50.
    assert guest.product_titles() == ["Dead Sea bath flakes", "Zechstein bath flakes"]

    guest.follow("Zechstein bath flakes", then=f"**{shop['product'].get_absolute_url()}")
    guest.look_at("product")
    guest.add_to_basket("2 kg £11.50")
    assert guest.mini_basket_total() == "£11.50"
    guest.add_to_basket("1 kg £6.50")
    assert guest.mini_basket_total() == "£18.00"

    guest.open_basket()
    guest.look_at("basket")
    guest.change_quantity("Zechstein bath flakes, 2 kg", 2)
    assert "£23.00" in guest.basket_line("Zechstein bath flakes, 2 kg").inner_text()
    guest.press("Remove Zechstein bath flakes, 1 kg", then="**/basket/")
    assert guest.basket_line("Zechstein bath flakes, 1 kg").count() == 0
    assert guest.page.locator("tr.basket-items").count() == 1
    guest.apply_voucher(VOUCHER_CODE.lower())
    totals = guest.page.locator("#basket_totals").inner_text()
    assert f"Bath time ({VOUCHER_CODE})" in totals
    assert "-£4.60" in totals  # 20% of £23.00
    assert "£22.35" in totals  # £18.40 for the flakes and £3.95 for standard delivery

    guest.check_out_as_guest()
    guest.pay_by("Bank transfer")
    guest.press("Place order", then="**/checkout/thank-you/")

    order = Order.objects.get()
    guest.look_at("thank-you")
    thank_you = guest.text()
    assert order.number in thank_you
    assert "12-34-56" in thank_you
    assert "87654321" in thank_you
    assert f"MW-{order.number}" in thank_you
    assert "£22.35" in thank_you
    assert order.total_incl_tax == order.basket_total_incl_tax + order.shipping_incl_tax
    assert str(order.total_incl_tax) == "22.35"
    assert order.status == "Awaiting payment"
    assert order.guest_email == GUEST_EMAIL
    assert guest.paths_loaded("/checkout/") == [*CHECKOUT_STEPS, "/checkout/thank-you/"]
    assert all(not sent.problems() for sent in guest.forms_sent)
    # Adding the two sizes loads the product page again each time, unless scripts add them.
    product_loads = guest.paths_loaded(shop["product"].get_absolute_url())
    assert len(product_loads) == (1 if guest.javascript else 3)
    # The basket: opened, then after the update, the removal and the voucher.
    assert guest.paths_loaded("/basket/") == ["/basket/"] * 4
    # Home, search, category, sorted, the product page's loads, the basket's four, the five
    # checkout steps and the thank-you page.
    assert len(guest.pages_loaded) == (15 if guest.javascript else 17)


@pytest.mark.journey("card")
def test_a_guest_pays_by_card_on_stripes_page_and_comes_back_paid(
    shop, guest, card_payments, live_server
):
    card_payments.deliver_to(f"{live_server.url}{WEBHOOK}", WEBHOOK_SECRET)
    guest.open(shop["product"].get_absolute_url())
    guest.add_to_basket("2 kg £11.50", quantity=2)
    guest.open_basket()
    guest.check_out_as_guest()
    guest.pay_by("Card (debit or credit)")
    assert "Next: pay on Stripe's page" in guest.text()
    note = guest.page.locator("noscript")
    assert note.count() == 1
    assert "bank transfer" in note.inner_html()

    stripe_page = guest.press("Place order", then="**/pay/cs_*")

    placing = stripe_page.request.redirected_from
    assert placing.method == "POST"
    assert urlsplit(placing.url).path == "/checkout/preview/"
    assert placing.response().status == 303
    address = urlsplit(guest.page.url)
    assert (address.hostname, address.port) == ("127.0.0.1", urlsplit(card_payments.api_base).port)
    order = Order.objects.get()
    assert order.card_payment.session_id == address.path.removeprefix("/pay/")
    assert order.status == "Awaiting payment"
    assert "Pay 26.95 GBP" in guest.text()
    guest.screenshot("shopper-stripe-page")

    guest.press("Pay", then=f"{live_server.url}/checkout/thank-you/")

    guest.look_at("card-thank-you")
    thank_you = guest.text()
    assert order.number in thank_you
    assert "£26.95 was paid by card" in thank_you
    order.refresh_from_db()
    assert order.status == "Being processed"
    assert card_payments.deliveries == [("checkout.session.completed", 200)]
    assert guest.paths_loaded("/checkout/") == [*CHECKOUT_STEPS, "/checkout/thank-you/"]
    # The product page (twice without scripts), the basket, the five checkout steps, Stripe's
    # page and the thank-you page: no other round trip.
    assert len(guest.pages_loaded) == (9 if guest.javascript else 10)


def test_the_shops_own_scripts_run_only_with_javascript_on(shop, guest):
    """Show which mode the browser is in: the gateway script disables the password box."""
    guest.open(shop["product"].get_absolute_url())
    guest.add_to_basket("1 kg £6.50")
    guest.open("/checkout/")

    assert guest.page.get_by_label("Your password").is_disabled() == guest.javascript
    expected_class = "js" if guest.javascript else "no-js"
    assert guest.page.get_attribute("html", "class") == expected_class
