"""A shopper checks out and pays by bank transfer, submitting the real forms (no JavaScript)."""

from decimal import Decimal

import pytest
from django.core import mail
from oscar.apps.checkout import signals as checkout_signals
from oscar.core.loading import get_model

from tests.checkout_journey import (
    add_to_basket,
    checkout_as_guest,
    checkout_shop,
    choose_shipping_and_payment,
    fill_address,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

Basket = get_model("basket", "Basket")
Country = get_model("address", "Country")
Order = get_model("order", "Order")
OrderAndItemCharges = get_model("shipping", "OrderAndItemCharges")
ShippingAddress = get_model("order", "ShippingAddress")
Source = get_model("payment", "Source")
StockRecord = get_model("partner", "StockRecord")


@pytest.fixture
def shop(settings):
    return checkout_shop(settings)


def test_guest_pays_by_bank_transfer(django_app, shop, django_capture_on_commit_callbacks):
    add_to_basket(django_app, shop, quantity=2)
    preview = checkout_as_guest(django_app, shop)

    with django_capture_on_commit_callbacks(execute=True):
        thank_you = preview.forms["place_order_form"].submit().follow()

    order = Order.objects.get()
    reference = f"MW-{order.number}"
    assert thank_you.request.path == "/checkout/thank-you/"
    assert order.number in thank_you.text
    assert order.total_incl_tax == Decimal("11.50") * 2 + Decimal("3.95")
    assert "£26.95" in thank_you.text
    for detail in ("Magnesium Works Ltd (test)", "12-34-56", "87654321", "GB33BUKB20201555555555"):
        assert detail in thank_you.text
    assert reference in thank_you.text

    assert order.status == "Awaiting payment"
    assert order.guest_email == "guest@example.com"
    source = Source.objects.get(order=order)
    assert source.source_type.name == "Bank transfer"
    assert source.amount_allocated == order.total_incl_tax
    assert source.amount_debited == Decimal("0.00")
    assert source.reference == reference
    shop["stock"].refresh_from_db()
    assert shop["stock"].num_allocated == 2
    assert order.basket.status == Basket.SUBMITTED

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["guest@example.com"]
    assert reference in message.body
    assert "87654321" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert reference in html
    assert "12-34-56" in html


def test_a_second_click_on_place_order_places_no_second_order(
    django_app, shop, django_capture_on_commit_callbacks
):
    add_to_basket(django_app, shop)
    preview = checkout_as_guest(django_app, shop)
    form = preview.forms["place_order_form"]

    with django_capture_on_commit_callbacks(execute=True):
        form.submit().follow()
    with django_capture_on_commit_callbacks(execute=True):
        again = form.submit().follow()

    order = Order.objects.get()
    assert again.request.path == "/checkout/thank-you/"
    assert f"Your order {order.number} has already been placed" in again.text
    assert f"MW-{order.number}" in again.text
    assert Source.objects.count() == 1
    shop["stock"].refresh_from_db()
    assert shop["stock"].num_allocated == 1
    assert len(mail.outbox) == 1


def test_signed_in_shopper_pays_by_bank_transfer(
    django_app, shop, django_capture_on_commit_callbacks
):
    user = UserFactory(email="ada@example.com")
    django_app.set_user(user)
    add_to_basket(django_app, shop)

    address_page = django_app.get("/checkout/").follow()
    assert address_page.request.path == "/checkout/shipping-address/"
    preview = choose_shipping_and_payment(fill_address(address_page))
    with django_capture_on_commit_callbacks(execute=True):
        thank_you = preview.forms["place_order_form"].submit().follow()

    order = Order.objects.get()
    assert order.user == user
    assert order.status == "Awaiting payment"
    assert f"MW-{order.number}" in thank_you.text
    assert user.addresses.count() == 1
    assert mail.outbox[0].to == ["ada@example.com"]
    assert f"MW-{order.number}" in mail.outbox[0].body


def test_a_size_that_sells_out_during_checkout_sends_the_shopper_back_to_the_basket(
    django_app, shop, django_capture_on_commit_callbacks
):
    add_to_basket(django_app, shop, quantity=3)
    preview = checkout_as_guest(django_app, shop)

    def someone_else_buys(**kwargs):
        # Another shopper takes all but one unit after this checkout's own checks have passed.
        StockRecord.objects.filter(pk=shop["stock"].pk).update(num_allocated=19)

    checkout_signals.pre_payment.connect(someone_else_buys, dispatch_uid="someone-else-buys")
    try:
        with django_capture_on_commit_callbacks(execute=True):
            basket_page = preview.forms["place_order_form"].submit().follow()
    finally:
        checkout_signals.pre_payment.disconnect(dispatch_uid="someone-else-buys")

    assert basket_page.request.path == "/basket/"
    assert (
        "Sorry, Zechstein bath flakes (2 kg) sold out while you were checking out: only 1 left."
        in basket_page.text
    )
    assert not Order.objects.exists()
    assert not Source.objects.exists()
    assert not ShippingAddress.objects.exists()
    shop["stock"].refresh_from_db()
    assert shop["stock"].num_allocated == 19
    basket = Basket.objects.get()
    assert basket.status == Basket.OPEN
    assert basket.all_lines()[0].quantity == 3
    assert not mail.outbox


def test_a_size_already_short_at_preview_is_caught_before_placing(django_app, shop):
    add_to_basket(django_app, shop, quantity=3)
    preview = checkout_as_guest(django_app, shop)
    StockRecord.objects.filter(pk=shop["stock"].pk).update(num_allocated=19)

    basket_page = preview.forms["place_order_form"].submit().follow()

    assert basket_page.request.path == "/basket/"
    assert not Order.objects.exists()
    assert Basket.objects.get().status == Basket.OPEN


def test_checkout_pages_carry_no_inline_script(django_app, shop):
    add_to_basket(django_app, shop)
    preview = checkout_as_guest(django_app, shop)
    payment_page = django_app.get("/checkout/payment-method/")
    thank_you = preview.forms["place_order_form"].submit().follow()

    for page in (payment_page, preview, thank_you):
        assert "onclick" not in page.text
        assert 'data-toggle="dropdown"' not in page.text


def test_the_checkout_gateway_lets_a_guest_leave_the_password_empty(django_app, shop):
    add_to_basket(django_app, shop)

    gateway = django_app.get("/checkout/")

    password = gateway.html.find("input", attrs={"name": "password"})
    assert password is not None
    assert not password.has_attr("required")  # only returning customers need one


def test_a_returning_customer_must_still_give_their_password(django_app, shop):
    UserFactory(email="ada@example.com")
    add_to_basket(django_app, shop)
    gateway = django_app.get("/checkout/")
    form = next(form for form in gateway.forms.values() if "options" in form.fields)
    form["username"] = "ada@example.com"
    form["options"] = "existing"

    page = form.submit()

    assert page.status_code == 200
    assert page.request.path == "/checkout/"
    assert "This field is required." in page.text
