"""A shopper opens an account and looks after it in real Chromium, JavaScript off and on.

They register, sign out and sign back in, read their order history and one order, keep an
address book (add, edit, make default, delete) and a wish list (add a product from its page,
see it listed, remove it). Every step is a plain link or form: nothing waits for a script.
"""

import re

import pytest
from oscar.core.loading import get_model

from tests.browser.shopper import Shopper
from tests.checkout_journey import checkout_shop
from tests.factories import guest_order

pytestmark = pytest.mark.django_db(transaction=True)

Order = get_model("order", "Order")
User = get_model("auth", "User")

EMAIL = "ada@example.com"
PASSWORD = "plum-harbour-lantern-42"
SIGN_OUT = re.compile(r"^(log ?out|sign out)$", re.IGNORECASE)
#: Where the shop sends a shopper who has just registered, signed in or signed out.
HOME = re.compile(r"^https?://[^/]+/$")


class Customer(Shopper):
    """A shopper with an account."""

    def register(self, email, password):
        """Fill the registration form on the sign-in page and send it."""
        form = self.page.locator("#register_form")
        form.get_by_label("Email address").fill(email)
        form.get_by_label("Password", exact=True).fill(password)
        form.get_by_label("Confirm password").fill(password)
        self.press("Register", then=HOME, within=form)

    def sign_in(self, email, password):
        """Fill the sign-in form and send it."""
        form = self.page.locator("#login_form")
        form.get_by_label("Email address").fill(email)
        form.get_by_label("Password").fill(password)
        self.press("Sign in", then=HOME, within=form)

    def sign_out(self):
        """Open the header's account menu and use its sign-out control."""
        menu = self.page.get_by_role("navigation", name="Your account")
        menu.locator("summary").click()
        control = menu.get_by_role("link", name=SIGN_OUT).or_(
            menu.get_by_role("button", name=SIGN_OUT)
        )
        with self.page.expect_navigation(url=HOME):
            control.click()

    def account_section(self, name, then):
        """Follow ``name`` in the account pages' menu."""
        menu = self.page.get_by_role("navigation", name="Account sections")
        self.follow(name, then=then, within=menu)

    def row(self, text):
        """Return the table row that mentions ``text``."""
        return self.page.get_by_role("row").filter(has_text=text)

    def fill_address(self, line1, city, postcode):
        """Fill the address form: name, street, town and postcode."""
        self.page.get_by_label("First name").fill("Ada")
        self.page.get_by_label("Last name").fill("Lovelace")
        self.page.get_by_label("First line of address").fill(line1)
        self.page.get_by_label("City").fill(city)
        self.page.get_by_label("Post/Zip-code").fill(postcode)
        self.page.get_by_label("Country").select_option(label="United Kingdom")

    def messages(self):
        """Return the text of the messages the shop shows after an action."""
        return " ".join(self.page.locator(".alert").all_inner_texts())


@pytest.fixture
def shop(settings):
    return checkout_shop(settings)


def give_an_order(email, size):
    """Record an order for the account with ``email``, as if they had checked out."""
    order = guest_order(size=size, quantity=2, email=email)
    Order.objects.filter(pk=order.pk).update(user=User.objects.get(email=email))
    order.refresh_from_db()
    return order


@pytest.mark.journey("account")
def test_a_shopper_registers_signs_out_and_signs_back_in(
    page, javascript, shop, check_accessibility, screenshot
):
    customer = Customer(page, javascript)

    customer.open("/accounts/login/")
    check_accessibility("the sign-in and registration page")
    screenshot("account-sign-in")
    customer.register(EMAIL, PASSWORD)
    assert "Thanks for registering" in customer.messages()

    customer.sign_out()
    customer.open("/accounts/profile/")
    assert customer.path() == "/accounts/login/"
    order = give_an_order(EMAIL, shop["size"])

    customer.open("/accounts/login/")
    customer.sign_in(EMAIL, PASSWORD)
    customer.open("/accounts/")
    assert customer.path() == "/accounts/profile/"
    assert EMAIL in customer.text()
    check_accessibility("the profile page")
    screenshot("account-profile")

    customer.account_section("Order history", then="**/accounts/orders/")
    assert order.number in customer.row(order.number).inner_text()
    check_accessibility("the order history")
    screenshot("account-orders")
    customer.follow(order.number, then=f"**/accounts/orders/{order.number}/")
    assert "2 kg" in customer.row("2 kg").inner_text()
    assert "£23.00" in customer.row("Order total").inner_text()
    check_accessibility("an order")
    screenshot("account-order")


@pytest.mark.journey("account")
def test_a_shopper_keeps_an_address_book(page, javascript, shop, check_accessibility, screenshot):
    customer = Customer(page, javascript)
    customer.open("/accounts/login/")
    customer.register(EMAIL, PASSWORD)
    customer.open("/accounts/profile/")

    customer.account_section("Address book", then="**/accounts/addresses/")
    assert "There are no addresses in your address book." in customer.text()
    customer.follow("Add a new address", then="**/accounts/addresses/add/")
    check_accessibility("the new address form")
    customer.fill_address("1 Bath Street", "Bristol", "BS1 1AA")
    customer.press("Save", then="**/accounts/addresses/")
    assert "1 Bath Street" in customer.row("1 Bath Street").inner_text()

    customer.follow(
        re.compile(r"^Edit "), then="**/accounts/addresses/*/", within=customer.row("1 Bath Street")
    )
    page.get_by_label("First line of address").fill("2 Spa Road")
    customer.press("Save", then="**/accounts/addresses/")
    assert "1 Bath Street" not in customer.text()

    address = customer.row("2 Spa Road")
    customer.press("Set as default shipping address", then="**/accounts/addresses/", within=address)
    assert "Default shipping address" in customer.row("2 Spa Road").inner_text()
    check_accessibility("the address book")
    screenshot("account-addresses")

    customer.follow(re.compile(r"^Delete "), then="**/delete/", within=customer.row("2 Spa Road"))
    check_accessibility("deleting an address")
    customer.press("Delete", then="**/accounts/addresses/")
    assert "There are no addresses in your address book." in customer.text()


@pytest.mark.journey("account")
def test_a_shopper_keeps_a_wish_list(page, javascript, shop, check_accessibility, screenshot):
    customer = Customer(page, javascript)
    customer.open("/accounts/login/")
    customer.register(EMAIL, PASSWORD)
    product_url = shop["product"].get_absolute_url()

    customer.open(product_url)
    customer.press("Add to wish list", then=f"**{product_url}")
    assert "was added to your wish list" in customer.messages()
    assert "Zechstein bath flakes is in your wish list Default." in customer.text()

    customer.open("/accounts/profile/")
    customer.account_section("Wish lists", then="**/accounts/wishlists/")
    check_accessibility("the wish lists")
    customer.follow("Default", then="**/accounts/wishlists/*/", within=customer.row("Default"))
    wished = customer.row("Zechstein bath flakes")
    assert wished.count() == 1
    check_accessibility("a wish list")
    screenshot("account-wish-list")

    customer.follow(re.compile(r"^Remove "), then="**/delete/", within=wished)
    customer.press("Remove", then="**/accounts/wishlists/*/")
    assert "was removed from your 'Default' wish list" in customer.messages()
    assert "Your wish list is empty." in customer.text()

    customer.open(product_url)
    assert page.get_by_role("button", name="Add to wish list").count() == 1
