"""A guest checks out in real Chromium with JavaScript switched off.

The browser clicks the shop's own buttons and links; every step is a plain page load. Each form
is looked at just before it is sent: it must need no script to work. The card journey goes to the
local Stripe emulator's stand-in for Stripe's hosted page, pays there and comes back.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
from oscar.core.loading import get_model

from tests.card_payments import WEBHOOK_SECRET
from tests.checkout_journey import checkout_shop

pytestmark = pytest.mark.django_db(transaction=True)

Order = get_model("order", "Order")

GUEST_EMAIL = "guest@example.com"
WEBHOOK = "/payments/stripe/webhook/"
# The pages of checkout a guest goes through, in order, up to placing the order.
CHECKOUT_STEPS = [
    "/checkout/",
    "/checkout/shipping-address/",
    "/checkout/shipping-method/",
    "/checkout/payment-method/",
    "/checkout/preview/",
]


@dataclass(frozen=True)
class SentForm:
    """A form the shopper sent, as the browser had it just before the click."""

    page: str
    button: str
    in_a_form: bool
    method: str
    action: str | None
    script_handlers: tuple[str, ...]
    invalid_fields: tuple[str, ...]

    def problems(self):
        """Return why this form could not be sent without JavaScript (empty when it can)."""
        if not self.in_a_form:
            return [f"the {self.button!r} button is not inside a form"]
        found = [f"it has {handler}" for handler in self.script_handlers]
        if self.method != "post" and not self.action:
            found.append("it is neither a POST nor sent to a URL of its own")
        found += [f"the browser holds it back: {name!r} is invalid" for name in self.invalid_fields]
        return found


class Shopper:
    """Chromium in a guest's hands, counting the pages it loads and noting every form it sends."""

    def __init__(self, page):
        self.page = page
        self.pages_loaded = []
        self.forms_sent = []
        page.on("load", lambda loaded: self.pages_loaded.append(loaded.url))

    def open(self, path):
        """Type ``path`` into the address bar."""
        self.page.goto(path)

    def follow(self, link_name, then):
        """Click the link ``link_name`` and wait for the page at ``then``."""
        with self.page.expect_navigation(url=then):
            self.page.get_by_role("link", name=link_name, exact=True).click()

    def press(self, button_name, then, within=None):
        """Click the submit button ``button_name`` and wait for the page at ``then``.

        Return the response of the page landed on. The form is checked first, so a form that
        would need JavaScript fails the test with its reasons instead of a timeout.
        """
        button = (within or self.page).get_by_role("button", name=button_name, exact=True)
        sent = self.describe(button_name, button)
        self.forms_sent.append(sent)
        assert not sent.problems(), f"{sent.page}: {sent.problems()}"
        with self.page.expect_navigation(url=then) as navigation:
            button.click()
        return navigation.value

    def describe(self, button_name, button):
        """Return the form ``button`` belongs to, as the browser has it now."""
        page = urlsplit(self.page.url).path
        form = button.locator("xpath=ancestor::form")
        if form.count() != 1:
            return SentForm(page, button_name, False, "", None, (), ())
        handlers = tuple(
            f"{tag} {attribute}"
            for tag, element in (("form", form), ("button", button))
            for attribute in ("onsubmit", "onclick")
            if element.get_attribute(attribute) is not None
        )
        invalid = form.locator("input:invalid, select:invalid, textarea:invalid")
        return SentForm(
            page=page,
            button=button_name,
            in_a_form=True,
            method=(form.get_attribute("method") or "get").lower(),
            action=form.get_attribute("action"),
            script_handlers=handlers,
            invalid_fields=tuple(field.get_attribute("name") for field in invalid.all()),
        )

    def text(self):
        """Return the text of the page as a person reads it."""
        return self.page.locator("body").inner_text()

    def add_to_basket(self, shop, quantity):
        """Open the product page, choose the 2 kg size and ``quantity``, add them to the basket."""
        product_url = shop["product"].get_absolute_url()
        self.open(product_url)
        self.page.select_option("select[name=child_id]", label="2 kg \N{EN DASH} £11.50")
        self.page.fill("input[name=quantity]", str(quantity))
        self.press("Add to basket", then=f"**{product_url}")
        assert "added to your basket" in self.text()

    def continue_as_guest(self):
        """From the product page's basket message, go to checkout and continue as a guest.

        The password box is left empty, as a guest leaves it: the browser must not insist.
        """
        self.follow("Checkout now", then="**/checkout/")
        self.page.fill("input[name=username]", GUEST_EMAIL)
        self.page.check("input[name=options][value=anonymous]")
        self.press("Continue", then="**/checkout/shipping-address/")

    def choose_delivery_and_payment(self, method_label):
        """Fill the address, choose standard delivery and pay by ``method_label``: the preview."""
        self.page.fill("input[name=first_name]", "Ada")
        self.page.fill("input[name=last_name]", "Lovelace")
        self.page.fill("input[name=line1]", "1 Bath Street")
        self.page.fill("input[name=line4]", "Bristol")
        self.page.fill("input[name=postcode]", "BS1 1AA")
        self.press("Continue", then="**/checkout/shipping-method/")
        standard = self.page.locator(
            ".basket-items", has=self.page.get_by_role("heading", name="Standard delivery")
        )
        self.press("Select option", then="**/checkout/payment-method/", within=standard)
        self.page.get_by_label(method_label).check()
        self.press("Continue", then="**/checkout/preview/")
        assert method_label in self.text()

    def checkout(self, shop, method_label):
        """Put two bags in the basket and go through checkout up to the preview."""
        self.add_to_basket(shop, quantity=2)
        self.continue_as_guest()
        self.choose_delivery_and_payment(method_label)

    def checkout_pages_loaded(self):
        """Return the paths of the checkout pages loaded, in order."""
        paths = [urlsplit(url).path for url in self.pages_loaded]
        return [path for path in paths if path.startswith("/checkout/")]


@pytest.fixture
def shop(settings):
    return checkout_shop(settings)


@pytest.fixture
def shopper(page):
    return Shopper(page)


def test_a_guest_pays_by_bank_transfer_with_javascript_off(shop, shopper, screenshot):
    shopper.checkout(shop, "Bank transfer")

    shopper.press("Place order", then="**/checkout/thank-you/")

    order = Order.objects.get()
    thank_you = shopper.text()
    assert order.number in thank_you
    assert "12-34-56" in thank_you
    assert "87654321" in thank_you
    assert f"MW-{order.number}" in thank_you
    assert "£26.95" in thank_you
    assert order.status == "Awaiting payment"
    assert order.guest_email == GUEST_EMAIL
    screenshot("bank-transfer-thank-you")
    # The product page twice (before and after adding), the five checkout steps, the thank-you.
    assert len(shopper.pages_loaded) == 8


def test_a_guest_reaches_stripe_for_a_card_order_and_comes_back_paid_with_javascript_off(
    shop, shopper, card_payments, live_server, screenshot
):
    card_payments.deliver_to(f"{live_server.url}{WEBHOOK}", WEBHOOK_SECRET)
    shopper.checkout(shop, "Card (debit or credit)")
    assert "Next: pay on Stripe's page" in shopper.text()

    stripe_page = shopper.press("Place order", then="**/pay/cs_*")

    placing = stripe_page.request.redirected_from
    assert placing.method == "POST"
    assert urlsplit(placing.url).path == "/checkout/preview/"
    assert placing.response().status == 303
    address = urlsplit(shopper.page.url)
    assert address.hostname == "127.0.0.1"
    assert address.port == urlsplit(card_payments.api_base).port
    assert address.path.startswith("/pay/cs_")
    order = Order.objects.get()
    assert order.card_payment.session_id == address.path.removeprefix("/pay/")
    assert order.status == "Awaiting payment"
    assert "Pay 26.95 GBP" in shopper.text()
    screenshot("card-stripe-page")

    shopper.press("Pay", then=f"{live_server.url}/checkout/thank-you/")

    thank_you = shopper.text()
    assert order.number in thank_you
    assert "£26.95 was paid by card" in thank_you
    order.refresh_from_db()
    assert order.status == "Being processed"
    assert card_payments.deliveries == [("checkout.session.completed", 200)]
    screenshot("card-thank-you")
    # The product page twice, the five checkout steps, Stripe's page, the thank-you.
    assert len(shopper.pages_loaded) == 9


def test_no_checkout_page_needs_javascript(shop, shopper, card_payments):
    shopper.checkout(shop, "Card (debit or credit)")
    shopper.press("Place order", then="**/pay/cs_*")

    assert shopper.checkout_pages_loaded() == CHECKOUT_STEPS
    assert [sent.page for sent in shopper.forms_sent] == [
        shop["product"].get_absolute_url(),
        *CHECKOUT_STEPS,
    ]
    assert all(not sent.problems() for sent in shopper.forms_sent)
    assert len(shopper.pages_loaded) == 8


def test_the_shops_own_scripts_do_not_run(browser, live_server, shop, shopper):
    """Show JavaScript is off: the gateway's script, which runs in a normal browser, does not.

    Oscar's script on the gateway disables the password box while "guest" is chosen. The same
    steps in a window with JavaScript on are the control: there the box is disabled.
    """
    scripted = browser.new_context(base_url=live_server.url)
    try:
        control = Shopper(scripted.new_page())
        control.add_to_basket(shop, quantity=1)
        control.follow("Checkout now", then="**/checkout/")
        assert control.page.is_disabled("input[name=password]")
    finally:
        scripted.close()

    shopper.add_to_basket(shop, quantity=1)
    shopper.follow("Checkout now", then="**/checkout/")

    assert shopper.page.is_enabled("input[name=password]")
    assert shopper.page.get_attribute("html", "class") == "no-js"
    assert len(shopper.pages_loaded) == 3
