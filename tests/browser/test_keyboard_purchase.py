"""A guest buys with the keyboard alone, from a product page to the bank-transfer thank-you page.

No mouse: focus moves with Tab (and Shift+Tab), text is typed, choices are made with the arrow
keys and Space, buttons and links are pressed with Enter. The browser's own "fill", "click" and
"select" helpers are never used, so every control on the way must be reachable and usable from
the keyboard, and wherever the focus lands on a link or a button it must be visible.
"""

import pytest
from oscar.core.loading import get_model

from tests.browser.shopper import GUEST_ADDRESS, GUEST_EMAIL, Shopper
from tests.checkout_journey import checkout_shop

pytestmark = pytest.mark.django_db(transaction=True)

Order = get_model("order", "Order")

#: Enough presses of Tab to cross the busiest page on the way (the product page).
MAX_TABS = 80


class KeyboardShopper(Shopper):
    """A shopper without a mouse."""

    def focused_is(self, control):
        """Return True when ``control`` (a locator) has the keyboard focus."""
        return control.evaluate("element => element === document.activeElement")

    def tab_to(self, role, name, backwards=False):
        """Press Tab (Shift+Tab if ``backwards``) until the ``role`` called ``name`` has focus.

        Return the focused control. Fail, saying where the focus got stuck, after MAX_TABS.
        """
        control = self.page.get_by_role(role, name=name, exact=True)
        key = "Shift+Tab" if backwards else "Tab"
        for _ in range(MAX_TABS):
            if control.count() == 1 and self.focused_is(control):
                if role in ("link", "button"):
                    self.assert_focus_is_visible()
                return control
            self.page.keyboard.press(key)
        focused = self.page.evaluate("document.activeElement && document.activeElement.outerHTML")
        pytest.fail(
            f"{MAX_TABS} presses of {key} on {self.path()} never reached the {role} {name!r}; "
            f"the focus is on {focused[:200]!r}"
        )

    def assert_focus_is_visible(self):
        """Fail unless the focused element draws an outline or a focus ring around itself."""
        style = self.page.evaluate(
            """() => {
                const style = getComputedStyle(document.activeElement);
                return {outline: style.outlineStyle, width: style.outlineWidth,
                        shadow: style.boxShadow};
            }"""
        )
        outlined = style["outline"] != "none" and style["width"] != "0px"
        assert outlined or style["shadow"] != "none", f"no visible focus on {self.path()}: {style}"

    def type_into(self, role, name, text):
        """Tab to the field ``name``, select what it holds and type ``text`` over it."""
        self.tab_to(role, name)
        self.page.keyboard.press("Control+A")
        self.page.keyboard.type(text)

    def enter(self, role, name, then, backwards=False):
        """Tab to the link or button ``name`` and press Enter: the page at ``then``."""
        self.tab_to(role, name, backwards=backwards)
        with self.page.expect_navigation(url=then):
            self.page.keyboard.press("Enter")


@pytest.fixture
def shop(settings):
    return checkout_shop(settings)


@pytest.mark.journey("keyboard")
def test_a_guest_buys_flakes_with_the_keyboard_alone(shop, page, javascript):
    shopper = KeyboardShopper(page, javascript)
    shopper.open(shop["product"].get_absolute_url())

    # Tab lands on the size chosen already, the first; an arrow key moves to the next and takes it.
    one_kg = shopper.tab_to("radio", "1 kg £6.50")
    assert one_kg.is_checked()
    page.keyboard.press("ArrowDown")
    two_kg = page.get_by_role("radio", name="2 kg £11.50", exact=True)
    assert shopper.focused_is(two_kg)
    assert two_kg.is_checked()
    shopper.type_into("spinbutton", "Quantity", "2")
    if javascript:
        shopper.tab_to("button", "Add to basket")
        page.keyboard.press("Enter")
        page.locator("#messages").get_by_text("added to your basket").wait_for()
    else:
        shopper.enter("button", "Add to basket", then=f"**{shop['product'].get_absolute_url()}")
    assert "2 copies of" in page.locator("#messages").inner_text()

    # The basket's message sits above the form: with scripts the page stayed put and the focus
    # is still on the button, so the shopper goes back up to it; without them a new page opened.
    shopper.enter("link", "Checkout now", then="**/checkout/", backwards=javascript)
    shopper.type_into("textbox", "My email address is", GUEST_EMAIL)
    guest = shopper.tab_to("radio", "I am a new customer and want to checkout as a guest")
    page.keyboard.press("Space")
    assert guest.is_checked()
    shopper.enter("button", "Continue", then="**/checkout/shipping-address/")

    for label, value in GUEST_ADDRESS:
        shopper.type_into("textbox", label, value)
    # Back up a field with Shift+Tab to put the first name right.
    shopper.tab_to("textbox", "First name", backwards=True)
    page.keyboard.press("End")
    page.keyboard.type(" King")
    shopper.enter("button", "Continue", then="**/checkout/shipping-method/")
    shopper.enter("button", "Select option: Standard delivery", then="**/checkout/payment-method/")

    bank_transfer = shopper.tab_to("radio", "Bank transfer")
    page.keyboard.press("Space")
    assert bank_transfer.is_checked()
    shopper.enter("button", "Continue", then="**/checkout/preview/")
    shopper.enter("button", "Place order", then="**/checkout/thank-you/")

    order = Order.objects.get()
    thank_you = shopper.text()
    assert order.number in thank_you
    assert f"MW-{order.number}" in thank_you
    assert "£26.95" in thank_you
    assert order.shipping_address.first_name == "Ada King"
    assert order.lines.get().quantity == 2
    assert shopper.paths_loaded("/checkout/") == [
        "/checkout/",
        "/checkout/shipping-address/",
        "/checkout/shipping-method/",
        "/checkout/payment-method/",
        "/checkout/preview/",
        "/checkout/thank-you/",
    ]
