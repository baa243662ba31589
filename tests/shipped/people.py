"""The people who use the shipped shop, each reading and clicking only what its pages show."""

import re

from tests.browser.shopper import (
    GUEST_EMAIL,
    Shopper,
    choose_size,
    fill_guest_address,
    starting_with,
)
from tests.browser.test_staff_journey import Staff

FLAKES = "Zechstein magnesium bath flakes"
#: How the thank-you page gives the order number.
ORDER_NUMBER = re.compile(r"your order number is\s+(\d+)", re.IGNORECASE)


def pictures_that_do_not_load(page) -> list[str]:
    """Fetch every picture on ``page`` in each size it offers; return those not served."""
    addresses = [picture.get_attribute("src") for picture in page.locator("img").all()]
    for source in page.locator("picture source").all():
        addresses += [entry.split()[0] for entry in source.get_attribute("srcset").split(",")]
    broken = []
    for src in addresses:
        answer = page.request.get(src)
        if answer.status != 200 or not answer.headers["content-type"].startswith("image/"):
            broken.append(f"{src}: {answer.status} {answer.headers.get('content-type')}")
    return broken


class Guest(Shopper):
    """A guest on the shipped shop, reading what the pages show."""

    def add_size(self, size: str) -> None:
        """Choose ``size`` on the product page and add one to the basket."""
        choose_size(self.page, size)
        if self.javascript:
            self.page.locator("#mini-basket").evaluate("basket => basket.dataset.before = 'add'")
            self.button("Add to basket").click()
            self.page.locator("#mini-basket:not([data-before])").wait_for()
        else:
            self.press("Add to basket", then=f"**{self.path()}")
        assert "added to your basket" in self.page.locator("#messages").inner_text()

    def check_out(self) -> None:
        """From the basket, check out as a guest to the payment step, as the pages ask."""
        self.follow("Proceed to checkout", then="**/checkout/")
        self.page.get_by_label("My email address is").fill(GUEST_EMAIL)
        self.page.get_by_label("I am a new customer and want to checkout as a guest").check()
        self.press("Continue", then="**/checkout/shipping-address/")
        fill_guest_address(self.page)
        self.press("Continue", then="**/checkout/shipping-method/")
        self.press("Select option: Standard delivery", then="**/checkout/payment-method/")

    def order_number(self) -> str:
        """Return the order number the thank-you page gives."""
        return ORDER_NUMBER.search(self.text()).group(1)

    def fill_basket(self, product: str, size: str) -> None:
        """Put one ``size`` of ``product`` in the basket from its category page; open the basket."""
        self.open("/")
        category = "Bath flakes" if "flakes" in product else "Magnesium oils"
        main = self.page.locator("main")
        self.follow(starting_with(category), then="**/catalogue/category/**", within=main)
        self.follow(product, then="**/catalogue/**", within=self.page.locator("main"))
        self.add_size(size)
        self.open_basket()

    def pay_by(self, method: str) -> None:
        """Check out as a guest paying by ``method``, up to the preview."""
        self.check_out()
        self.page.get_by_label(method).check()
        self.press("Continue", then="**/checkout/preview/")

    def buy_by_bank_transfer(self, product: str, size: str) -> str:
        """Buy one ``size`` of ``product`` by bank transfer; return the order number."""
        self.fill_basket(product, size)
        self.pay_by("Bank transfer")
        self.press("Place order", then="**/checkout/thank-you/")
        return self.order_number()

    def buy_by_card(self, product: str, size: str, *, shop_url: str) -> str:
        """Buy one ``size`` of ``product``, paying on Stripe's page; return the order number."""
        self.fill_basket(product, size)
        self.pay_by("Card (debit or credit)")
        self.press("Place order", then="**/pay/cs_*")
        self.press("Pay", then=f"{shop_url}/checkout/thank-you/")
        return self.order_number()


class ShopStaff(Staff):
    """The demo shop's own staff account, made by `create_demo_staff`."""

    def sign_in_as(self, username: str, password: str, then: str = "**/dashboard/") -> None:
        """Sign in through the dashboard's form."""
        self.open("/dashboard/login/")
        self.page.get_by_label("Username").fill(username)
        self.page.get_by_label("Password").fill(password)
        self.press("Login", then=then)
        self.assert_scripts_ran()

    def open_order(self, number: str) -> None:
        """Find the order ``number`` in the dashboard's list of orders and open it."""
        self.choose("Fulfilment", "Orders", then="**/dashboard/orders/")
        self.follow(number, then=f"**/dashboard/orders/{number}/")

    def order_status(self) -> str:
        """Return the status the order's page shows."""
        return self.page.get_by_role("table", name="Order information").inner_text()


__all__ = ["FLAKES", "GUEST_EMAIL", "Guest", "ShopStaff"]
