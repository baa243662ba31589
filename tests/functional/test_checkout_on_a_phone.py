"""Small things that make the basket and checkout quicker on a phone."""

import pytest
from oscar.core.loading import get_model

from tests.checkout_journey import (
    add_to_basket,
    checkout_as_guest,
    checkout_shop,
    guest_address_form,
)

pytestmark = pytest.mark.django_db

OrderAndItemCharges = get_model("shipping", "OrderAndItemCharges")


def test_the_delivery_address_form_says_what_each_box_is_for_so_browsers_fill_it(
    django_app, settings
):
    shop = checkout_shop(settings)
    add_to_basket(django_app, shop)

    form = guest_address_form(django_app)
    tokens = {
        field["name"]: field.get("autocomplete")
        for field in form.html.select("input, select")
        if field.get("name") in {"first_name", "last_name", "line1", "line4", "postcode"}
    }

    assert tokens == {
        "first_name": "shipping given-name",
        "last_name": "shipping family-name",
        "line1": "shipping address-line1",
        "line4": "shipping address-level2",
        "postcode": "shipping postal-code",
    }


def words(page) -> str:
    return " ".join(page.html.select_one("#basket_totals").get_text(" ").split())


def test_the_basket_says_how_much_more_makes_delivery_free(django_app, settings):
    shop = checkout_shop(settings)  # a 2 kg size at £11.50, standard delivery £3.95
    OrderAndItemCharges.objects.filter(code="standard").update(free_shipping_threshold=40)
    add_to_basket(django_app, shop, quantity=2)

    assert "Spend £17.00 more for free delivery." in words(django_app.get("/basket/"))

    add_to_basket(django_app, shop, quantity=2)  # £46.00
    totals = words(django_app.get("/basket/"))
    assert "more for free delivery" not in totals
    assert "Standard delivery £0.00" in totals


def test_the_thank_you_page_puts_the_bank_details_first_in_a_box(django_app, settings):
    shop = checkout_shop(settings)
    add_to_basket(django_app, shop)
    thank_you = checkout_as_guest(django_app, shop).forms["place_order_form"].submit().follow()

    box = thank_you.html.select_one(".payment-next-step")
    assert "Pay by bank transfer" in box.get_text()
    assert "87654321" in box.get_text()  # the account number
    text = thank_you.text
    assert text.index("Pay by bank transfer") < text.index("Your order has been placed")
