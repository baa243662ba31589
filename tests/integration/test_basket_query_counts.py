"""The basket and checkout cost the same SQL queries with thirty lines as with one.

Each line is a size of a different product with a picture and attribute values, as in the demo
shop, and the basket carries a voucher and a site offer that both discount every line.
"""

from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model

from tests.checkout_journey import checkout_shop
from tests.factories import (
    UserFactory,
    VoucherFactory,
    VoucherOfferFactory,
    described_sized_product,
)

ConditionalOffer = get_model("offer", "ConditionalOffer")

pytestmark = pytest.mark.django_db

# Queries each page or form costs, savepoints of ATOMIC_REQUESTS included: a few above today's
# count, far below what a query per line would add.
MOST_QUERIES = {
    "guest": {
        "basket": 35,
        "update quantities": 56,
        "add to basket": 76,
        "shipping address": 34,
        "shipping method": 37,
        "payment method": 40,
        "preview": 37,
        "thank you": 27,
    },
    "customer": {
        "basket": 43,
        "update quantities": 59,
        "add to basket": 79,
        "shipping address": 38,
        "shipping method": 40,
        "payment method": 43,
        "preview": 40,
        "thank you": 30,
    },
}

DELIVERY_ADDRESS = {
    "first_name": "Ada",
    "last_name": "Lovelace",
    "line1": "1 Bath Street",
    "line4": "Bristol",
    "postcode": "BS1 1AA",
    "country": "GB",
}


@pytest.fixture
def voucher_code(settings) -> str:
    """Set up checkout with a 5% site offer and a 10% voucher, which combine; return its code."""
    checkout_shop(settings)
    VoucherOfferFactory(
        offer_type=ConditionalOffer.SITE,
        name="5% off everything",
        benefit__value=Decimal("5.00"),
        exclusive=False,
    )
    return VoucherFactory(offer__exclusive=False).code


def a_size_of_a_new_product():
    """Return one size of a product made for the purpose."""
    return described_sized_product(sizes=2).children.order_by("pk").first()


def add_to_basket(shopper: Client, size):
    """Add one of ``size`` to the basket, as the product page's form sends it."""
    return shopper.post(f"/basket/add/{size.parent_id}/", {"child_id": size.pk, "quantity": 1})


def queries_of(send, expected_status: int = 200):
    """Return the queries ``send`` costs, and its response."""
    with CaptureQueriesContext(connection) as captured:
        response = send()
    assert response.status_code == expected_status, response
    return len(captured), response


def looked_at_twice(shopper: Client, url: str):
    """Return the queries the second look at ``url`` costs, and its response."""
    assert shopper.get(url).status_code == 200
    return queries_of(lambda: shopper.get(url))


def quantities_raised(basket_page) -> dict:
    """Return the basket's form as sent with the first line's quantity raised to 2."""
    formset = basket_page.context["formset"]
    management = formset.management_form
    data = {management.add_prefix(name): value for name, value in management.initial.items()}
    for index, form in enumerate(formset.forms):
        data[form.add_prefix("id")] = form.instance.pk
        data[form.add_prefix("quantity")] = 2 if index == 0 else form.instance.quantity
    return data


def queries_per_page(shopper_kind: str, *, lines: int, voucher_code: str) -> dict[str, int]:
    """Fill a new shopper's basket with ``lines`` sizes and the voucher, then buy them.

    Return what the basket page, its forms and each checkout page cost.
    """
    cache.clear()
    shopper = Client()
    if shopper_kind == "customer":
        shopper.force_login(UserFactory())
    for _ in range(lines):
        assert add_to_basket(shopper, a_size_of_a_new_product()).status_code == 302
    assert shopper.post("/basket/vouchers/add/", {"code": voucher_code}).status_code == 302
    counts = {}

    counts["basket"], page = looked_at_twice(shopper, "/basket/")
    assert len(page.context["formset"].forms) == lines
    assert len(page.context["basket"].offer_applications) == 2, "the offer and the voucher"
    counts["update quantities"], _ = queries_of(
        lambda: shopper.post("/basket/", quantities_raised(page)), expected_status=302
    )
    size = a_size_of_a_new_product()
    counts["add to basket"], _ = queries_of(
        lambda: add_to_basket(shopper, size), expected_status=302
    )

    if shopper_kind == "guest":
        shopper.post("/checkout/", {"username": "guest@example.com", "options": "anonymous"})
    counts["shipping address"], _ = looked_at_twice(shopper, "/checkout/shipping-address/")
    assert shopper.post("/checkout/shipping-address/", DELIVERY_ADDRESS).status_code == 302
    counts["shipping method"], _ = looked_at_twice(shopper, "/checkout/shipping-method/")
    assert (
        shopper.post("/checkout/shipping-method/", {"method_code": "standard"}).status_code == 302
    )
    counts["payment method"], _ = looked_at_twice(shopper, "/checkout/payment-method/")
    assert shopper.post("/checkout/payment-method/", {"method": "bank-transfer"}).status_code == 302
    counts["preview"], page = looked_at_twice(shopper, "/checkout/preview/")
    assert page.content.decode().count('class="order-line-image"') == lines + 1
    assert shopper.post("/checkout/preview/", {"action": "place_order"}).status_code == 302
    counts["thank you"], page = looked_at_twice(shopper, "/checkout/thank-you/")
    assert page.content.decode().count('class="order-line-image"') == lines + 1
    return counts


@pytest.mark.parametrize("shopper_kind", ["guest", "customer"])
def test_basket_and_checkout_cost_the_same_queries_with_one_line_as_with_thirty(
    shopper_kind, voucher_code
):
    one = queries_per_page(shopper_kind, lines=1, voucher_code=voucher_code)
    thirty = queries_per_page(shopper_kind, lines=30, voucher_code=voucher_code)

    grown = {page: (one[page], thirty[page]) for page in one if one[page] != thirty[page]}
    assert not grown, f"queries with 1 line and with 30 lines: {grown}"
    over = {
        page: count for page, count in thirty.items() if count > MOST_QUERIES[shopper_kind][page]
    }
    assert not over, f"more queries than {MOST_QUERIES[shopper_kind]}: {over}"
