"""10% off £16.95 + £6.95 is £2.39, leaving £21.51, on every page, email and card charge.

The basket that was reported: Oscar's percentage benefit gave the lines £1.695 and £0.695 off,
the basket showed "-£2.39" but "£21.52 after discounts", and the order saved £21.52. The shopper
submits the real forms (WebTest, no JavaScript); staff read the order in the dashboard.
"""

from decimal import Decimal
from urllib.parse import urlsplit

import pytest
from django.core import mail
from oscar.core.loading import get_model

from tests.checkout_journey import checkout_as_guest, checkout_shop
from tests.factories import VoucherFactory, shop_staff_user

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")

#: The two sizes in the basket, the voucher's share of each, and what each line costs after it.
LINES = {"2 kg": ("16.95", "1.70", "15.25"), "1 kg": ("6.95", "0.69", "6.26")}


@pytest.fixture
def shop(settings):
    """A shop whose two sizes cost £16.95 and £6.95, with a voucher TEN for 10% off everything."""
    shop = checkout_shop(settings)
    for title, (price, _discount, _after) in LINES.items():
        StockRecord.objects.filter(product__parent=shop["product"], product__title=title).update(
            price=Decimal(price)
        )
    VoucherFactory(name="Ten off", code="TEN", offer__name="Ten percent off")
    return shop


def basket_with_voucher(app, shop):
    """Put one of each size in the basket and add the voucher TEN; return the basket page."""
    for title in LINES:
        page = app.get(shop["product"].get_absolute_url())
        form = page.forms["add_to_basket_form"]
        form["child_id"] = str(shop["product"].children.get(title=title).pk)
        form.submit()
    form = app.get("/basket/").forms["voucher_form"]
    form["code"] = "TEN"
    return form.submit().maybe_follow()


def text_of(page, selector="body") -> str:
    return page.html.select_one(selector).get_text(" ", strip=True)


def assert_agrees_to_the_penny(text: str):
    """The discount, basket and order totals of the £23.90 basket, delivered for £3.95."""
    for figure in ("£23.90", "-£2.39", "£21.51", "£3.95", "£25.46"):
        assert figure in text.replace("- £", "-£")
    for off_by_a_penny in ("£2.38", "£2.40", "£21.52", "£25.47"):
        assert off_by_a_penny not in text


def test_the_basket_shows_the_voucher_and_the_total_after_it_to_the_penny(django_app, shop):
    basket = basket_with_voucher(django_app, shop)

    totals = text_of(basket, "#basket_totals")
    assert "Ten off (TEN)" in totals
    assert_agrees_to_the_penny(totals)


def test_preview_thank_you_order_and_email_agree_with_the_basket(
    django_app, shop, django_capture_on_commit_callbacks
):
    basket_with_voucher(django_app, shop)

    preview = checkout_as_guest(django_app, shop)
    assert_agrees_to_the_penny(text_of(preview, "#basket_totals"))
    with django_capture_on_commit_callbacks(execute=True):
        thank_you = preview.forms["place_order_form"].submit().follow()
    assert_agrees_to_the_penny(text_of(thank_you, "#basket_totals"))

    order = Order.objects.get()
    assert order.total_incl_tax == Decimal("25.46")
    assert order.basket_total_incl_tax == Decimal("21.51")
    assert order.total_discount_incl_tax == Decimal("2.39")
    assert [discount.amount for discount in order.basket_discounts] == [Decimal("2.39")]
    lines = {line.product.title: line for line in order.lines.all()}
    for title, (price, discount, after) in LINES.items():
        assert lines[title].line_price_before_discounts_incl_tax == Decimal(price)
        assert lines[title].line_price_incl_tax == Decimal(after)
        assert [found.amount for found in lines[title].discounts.all()] == [Decimal(discount)]

    [message] = mail.outbox
    html, _mimetype = message.alternatives[0]
    for email in (message.body, " ".join(html.split())):
        for _price, _discount, after in LINES.values():
            assert f"£{after}" in email
        assert "Ten percent off (TEN)" in email
        assert "-£2.39" in email
        assert "£21.51" in email
        assert "£25.46" in email
        assert "£21.52" not in email
    assert "Discounts, already taken off those prices:" in message.body


def test_the_dashboard_order_page_shows_the_same_discount_and_totals(django_app, shop):
    basket_with_voucher(django_app, shop)
    checkout_as_guest(django_app, shop).forms["place_order_form"].submit()
    order = Order.objects.get()

    page = django_app.get(f"/dashboard/orders/{order.number}/", user=shop_staff_user())

    assert_agrees_to_the_penny(text_of(page, "#lines"))
    discounts = text_of(page, "#discounts")
    assert "TEN" in discounts
    assert "£2.39" in discounts


def test_stripe_is_asked_for_the_order_total_in_pence(django_app, shop, card_payments):
    basket_with_voucher(django_app, shop)
    preview = checkout_as_guest(django_app, shop, method="card")
    assert_agrees_to_the_penny(text_of(preview, "#basket_totals"))

    response = preview.forms["place_order_form"].submit()

    session_id = urlsplit(response.location).path.rsplit("/", 1)[-1]
    assert card_payments.session(session_id)["amount_total"] == 2546
    assert Order.objects.get().total_incl_tax == Decimal("25.46")
