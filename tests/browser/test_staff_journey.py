"""Shop staff run the shop from the dashboard in real Chromium, with JavaScript off and on.

A member of staff signs in through the dashboard's own form, puts a new product on sale in a
size with its stock and price, marks a bank-transfer order paid, dispatches a paid order with
its tracking number and refunds a card order through the local Stripe emulator. Every page is
a plain page load: the dashboard's menus, tabs and forms must work without a script, and with
one they must break no rule of the page's Content-Security-Policy.
"""

import re
from decimal import Decimal

import pytest
from django.core import mail
from oscar.core.loading import get_model

from store.payments import gateway
from store.payments.models import CardPayment
from store.payments.services import card_payment_fulfil
from store.storefront.demo_catalogue import FLAKES_CLASS
from store.storefront.services import ensure_product_class
from tests.browser.shopper import Shopper
from tests.factories import (
    CategoryFactory,
    PartnerFactory,
    bank_transfer_order,
    card_order,
    shop_staff_user,
    sized_product,
)
from tests.order_states import PAID, dispatch_event_types, order_in

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.journey("staff"),
]

Product = get_model("catalogue", "Product")

PASSWORD = "correct horse battery"
#: A product's page in the dashboard, maybe scrolled to one of its tabs.
PRODUCT_FORM = re.compile(r"/dashboard/catalogue/products/\d+/(#[\w-]+)?$")


class Staff(Shopper):
    """A member of staff at the dashboard."""

    def sign_in(self, user):
        """Sign in through the dashboard's sign-in form and land on the dashboard."""
        self.open("/dashboard/login/")
        self.page.get_by_label("Username").fill(user.username)
        self.page.get_by_label("Password").fill(PASSWORD)
        self.press("Login", then="**/dashboard/")
        self.assert_scripts_ran()

    def assert_scripts_ran(self):
        """Check the page's scripts ran with JavaScript on, and not at all with it off."""
        expected = "js" if self.javascript else "no-js"
        assert self.page.get_attribute("html", "class") == expected

    def choose(self, menu, item, then):
        """Open the dashboard menu ``menu`` and follow its entry ``item``.

        Bootstrap's script opens the menu on a click; without JavaScript it opens on hover.
        """
        navigation = self.page.get_by_role("navigation", name="Dashboard")
        heading = navigation.get_by_role("button", name=menu, exact=True)
        if self.javascript:
            heading.click()
        else:
            heading.hover()
        self.follow(item, then=then, within=navigation)

    def open_row_actions(self, row):
        """Open the "Actions" menu of a list's ``row``.

        Bootstrap's script opens it on a click; without JavaScript the click gives the button
        the focus, and the menu shows while the focus is inside it.
        """
        row.get_by_role("button", name="Actions", exact=True).click()
        row.locator(".dropdown-menu").wait_for(state="visible")

    def show_tab(self, name):
        """Click the tab ``name``: a script shows its pane, without one the link jumps to it."""
        tab = self.page.get_by_role("link", name=name, exact=True)
        tab.click()
        pane = self.page.locator(tab.get_attribute("href"))
        pane.wait_for(state="visible")
        return pane

    def field(self, name):
        """Return the form field named ``name``."""
        return self.page.locator(f'form [name="{name}"]')


@pytest.fixture
def staff(page, javascript):
    return Staff(page, javascript)


@pytest.fixture
def staff_member():
    member = shop_staff_user(first_name="Grace", last_name="Hopper")
    member.set_password(PASSWORD)
    member.save(update_fields=["password"])
    return member


def test_staff_put_a_new_product_on_sale_in_a_size_with_stock_and_a_price(
    staff, staff_member, screenshot
):
    ensure_product_class(spec=FLAKES_CLASS)
    PartnerFactory(name="Magnesium Works warehouse")
    CategoryFactory(name="Bath flakes")
    staff.sign_in(staff_member)
    screenshot("staff-dashboard")

    staff.choose("Catalogue", "Products", then="**/dashboard/catalogue/")
    staff.page.get_by_label("Create a new product of type").select_option(label="Bath flakes")
    staff.press("New Product", then="**/dashboard/catalogue/products/create/bath-flakes/")
    staff.field("title").fill("Arctic magnesium bath flakes")
    staff.field("upc").fill("MW-FLAKES-ARCTIC")
    staff.field("description").fill("Flakes from a northern brine, for a warm bath.")
    categories = staff.show_tab("Categories")
    categories.get_by_label("Category:").select_option(label="Bath flakes")
    attributes = staff.show_tab("Attributes")
    attributes.get_by_label("Magnesium chloride (%)").fill("46.5")
    attributes.get_by_label("Origin").fill("Arctic brine, Norway")
    screenshot("staff-new-product")
    staff.press("Save and continue editing", then=PRODUCT_FORM)
    parent = Product.objects.get(upc="MW-FLAKES-ARCTIC")
    assert "Created product 'Arctic magnesium bath flakes'" in staff.text()

    variants = staff.show_tab("Variants")
    staff.press(
        "Add variant",
        then=f"**/dashboard/catalogue/products/{parent.pk}/create-variant/**",
        within=variants,
    )
    assert "You are currently editing a product variant of" in staff.text()
    staff.field("title").fill("2 kg")
    staff.show_tab("Attributes").get_by_label("Weight (kg)").fill("2")
    staff.show_tab("Stock and pricing")
    staff.field("stockrecords-0-partner").select_option(label="Magnesium Works warehouse")
    staff.field("stockrecords-0-partner_sku").fill("MW-FLAKES-ARCTIC-2KG")
    staff.field("stockrecords-0-num_in_stock").fill("12")
    staff.field("stockrecords-0-low_stock_threshold").fill("3")
    staff.field("stockrecords-0-price").fill("14.50")
    screenshot("staff-new-size")
    staff.press("Save and continue editing", then=PRODUCT_FORM)

    size = parent.children.get()
    assert size.attr.weight == 2
    stock = size.stockrecords.get()
    assert (stock.partner_sku, stock.num_in_stock, stock.price) == (
        "MW-FLAKES-ARCTIC-2KG",
        12,
        Decimal("14.50"),
    )
    breadcrumbs = staff.page.get_by_role("navigation", name="breadcrumb")
    staff.follow("Arctic magnesium bath flakes", then=PRODUCT_FORM, within=breadcrumbs)
    assert "2 kg" in staff.show_tab("Variants").inner_text()
    staff.follow("View on site", then=f"**{parent.get_absolute_url()}")
    product_page = staff.text()
    assert "Arctic magnesium bath flakes" in product_page
    sizes = staff.page.get_by_role("group", name="Size").locator("label").all_inner_texts()
    assert [" ".join(size.split()) for size in sizes] == ["2 kg £14.50"]
    screenshot("staff-new-product-on-sale")

    staff.open("/dashboard/catalogue/")
    row = staff.page.locator("tr", has=staff.page.get_by_text("Arctic magnesium bath flakes"))
    staff.open_row_actions(row)
    # The list's links keep its (empty) query string: ".../products/<pk>/?".
    staff.follow(
        "Edit", then=re.compile(rf"/dashboard/catalogue/products/{parent.pk}/\?$"), within=row
    )
    assert staff.field("title").input_value() == "Arctic magnesium bath flakes"


def test_staff_mark_a_bank_transfer_order_paid(staff, staff_member, screenshot):
    size = sized_product(sizes=1, title="Zechstein bath flakes").children.get()
    order = bank_transfer_order(size=size, quantity=2)
    staff.sign_in(staff_member)

    staff.choose("Fulfilment", "Orders", then="**/dashboard/orders/")
    screenshot("staff-orders")
    staff.follow(str(order.number), then=f"**/dashboard/orders/{order.number}/")
    information = staff.page.get_by_role("table", name="Order information")
    assert "Awaiting payment" in information.inner_text()
    mark_paid = staff.page.locator("#mark_paid_form")
    assert mark_paid.get_by_label("Amount received").input_value() == "13.00"
    screenshot("staff-order-awaiting-payment")

    staff.press("Mark paid", then=f"**/dashboard/orders/{order.number}/", within=mark_paid)

    assert f"Order {order.number} marked paid." in staff.text()
    order.refresh_from_db()
    assert order.status == "Being processed"
    information = staff.page.get_by_role("table", name="Order information")
    assert "Being processed" in information.inner_text()
    payments = staff.show_tab("Payment").inner_text()
    assert "Received by bank transfer" in payments
    assert f"MW-{order.number}" in payments
    assert staff.page.locator("#mark_paid_form").count() == 0
    screenshot("staff-order-paid")


def test_staff_dispatch_a_paid_order_with_its_tracking_number(staff, staff_member, screenshot):
    dispatch_event_types()
    size = sized_product(sizes=1, title="Zechstein bath flakes").children.get()
    order = order_in("Being processed", size=size, quantity=2, money=PAID)
    staff.sign_in(staff_member)
    staff.open(f"/dashboard/orders/{order.number}/")

    dispatch = staff.page.locator("#dispatch_form")
    dispatch.get_by_label("Carrier").fill("Royal Mail")
    dispatch.get_by_label("Tracking number").fill("JD0146 0000 6281")
    screenshot("staff-order-dispatch")
    staff.press("Dispatch", then=f"**/dashboard/orders/{order.number}/", within=dispatch)

    assert f"Order {order.number} dispatched with Royal Mail" in staff.text()
    dispatched = staff.page.locator(".dispatch").inner_text()
    assert "JD014600006281" in dispatched
    assert staff.page.locator("#dispatch_form").count() == 0
    order.refresh_from_db()
    assert order.status == "Shipped"
    assert [message.subject for message in mail.outbox] == [
        f"Your order {order.number} is on its way"
    ]
    screenshot("staff-order-dispatched")


@pytest.fixture
def paid_card_order(card_payments):
    """A guest's card order for two 1 kg bags (£13.00), paid on Stripe's page."""
    size = sized_product(sizes=1, title="Zechstein bath flakes").children.get()
    payment = card_order(size=size, quantity=2)
    card_payments.pay(payment.session_id)
    card_payment_fulfil(gateway.checkout_session_retrieve(payment.session_id))
    payment.refresh_from_db()
    assert payment.status == CardPayment.Status.PAID
    return payment


def test_staff_refund_part_of_a_card_order(
    staff, staff_member, paid_card_order, card_payments, screenshot
):
    number = paid_card_order.order.number
    staff.sign_in(staff_member)
    staff.choose("Fulfilment", "Orders", then="**/dashboard/orders/")
    staff.follow(str(number), then=f"**/dashboard/orders/{number}/")
    assert "Up to £13.00 can be refunded" in staff.text()

    refund = staff.page.locator("#card_refund_form")
    refund.get_by_label("Amount").fill("5.00")
    screenshot("staff-card-refund")
    staff.press("Refund", then=f"**/dashboard/orders/{number}/", within=refund)

    assert "£5.00 refunded to the shopper" in staff.text()
    assert "Up to £8.00 can be refunded" in staff.text()
    card = staff.page.locator("#card_payment").inner_text()
    assert "£5.00" in card
    paid_card_order.refresh_from_db()
    assert paid_card_order.refunded == Decimal("5.00")
    assert paid_card_order.order.status == "Partly refunded"
    made = paid_card_order.refunds.get()
    assert card_payments.refund(made.refund_id)["amount"] == 500
    payments = staff.show_tab("Payment")
    source = payments.get_by_role("row", name="Card (Stripe)").first.inner_text().split("\t")
    assert source == ["Card (Stripe)", "£13.00", "£13.00", "£5.00", paid_card_order.session_id]
    assert made.refund_id in payments.inner_text()
    screenshot("staff-card-refunded")
