"""A shopper whose single-use voucher is used up while they check out still gets their order.

The shopper applies the voucher on the basket page and reaches the preview; before they press
"Place order", another shopper's order uses the voucher. They are brought back to the preview,
told why, shown the full price, and can place their order at it.
"""

from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from oscar.core.loading import get_model

from tests.checkout_journey import add_to_basket, checkout_as_guest, checkout_shop
from tests.factories import VoucherFactory, guest_order

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")
Voucher = get_model("voucher", "Voucher")

FULL_PRICE = Decimal("15.45")  # one 2 kg bag at £11.50 and standard delivery at £3.95


def totals_of(page) -> str:
    return page.html.select_one("#basket_totals").get_text(" ", strip=True)


def test_a_voucher_used_up_before_place_order_is_dropped_and_the_order_goes_ahead(
    django_app, settings
):
    shop = checkout_shop(settings)
    voucher = VoucherFactory(name="Once only", code="ONCEONLY", usage=Voucher.SINGLE_USE)
    add_to_basket(django_app, shop)
    basket = django_app.get("/basket/")
    form = basket.forms["voucher_form"]
    form["code"] = "ONCEONLY"
    form.submit().maybe_follow()
    preview = checkout_as_guest(django_app, shop)
    assert "Once only (ONCEONLY)" in totals_of(preview)
    voucher.record_usage(guest_order(size=shop["size"], email="first@example.com"), AnonymousUser())

    back = preview.forms["place_order_form"].submit()

    assert back.status_code == 302
    preview_again = back.follow()
    assert preview_again.request.path == "/checkout/preview/"
    assert "the voucher ONCEONLY was used up while you were checking out" in preview_again.text
    assert "ONCEONLY" not in totals_of(preview_again)
    assert f"£{FULL_PRICE}" in totals_of(preview_again)
    assert not Order.objects.filter(guest_email="guest@example.com").exists()

    thank_you = preview_again.forms["place_order_form"].submit().follow()

    assert thank_you.request.path == "/checkout/thank-you/"
    order = Order.objects.get(guest_email="guest@example.com")
    assert order.total_incl_tax == FULL_PRICE
    assert not order.discounts.exists()
