"""A payment method is one module and one line of settings: checkout, the thank-you page, the
email and the dashboard all ask the method, so a new one shows everywhere without more code."""

import pytest
from django.core import mail
from oscar.core.loading import get_model

from tests.checkout_journey import add_to_basket, checkout_as_guest, checkout_shop
from tests.factories import shop_staff_user

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")

PAY_ON_COLLECTION = "tests.pay_on_collection.PayOnCollection"


@pytest.fixture
def shop(settings):
    settings.SHOP_PAYMENT_METHODS = [*settings.SHOP_PAYMENT_METHODS, PAY_ON_COLLECTION]
    return checkout_shop(settings)


def test_a_registered_method_is_offered_at_checkout(django_app, shop):
    add_to_basket(django_app, shop)
    checkout_as_guest(django_app, shop)

    page = django_app.get("/checkout/payment-method/")

    choices = [
        value for value, _checked, _label in page.forms["payment_method_form"]["method"].options
    ]
    assert "collection" in choices
    assert "Pay at the counter when you collect your order" in page.text


def test_an_order_paid_on_collection_is_placed_confirmed_and_shown_to_staff(
    django_app, shop, django_capture_on_commit_callbacks
):
    add_to_basket(django_app, shop)
    preview = checkout_as_guest(django_app, shop, method="collection")
    assert "Bring your order number when you come to collect and pay." in preview.text

    with django_capture_on_commit_callbacks(execute=True):
        thank_you = preview.forms["place_order_form"].submit().follow()

    order = Order.objects.get()
    source = order.sources.get()
    assert (source.source_type.code, source.amount_allocated) == (
        "collection",
        order.total_incl_tax,
    )
    assert "You chose to pay by Pay on collection." in thank_you.text
    assert "Payment: Pay on collection" in mail.outbox[0].body
    dashboard = django_app.get(f"/dashboard/orders/{order.number}/", user=shop_staff_user())
    assert "The shopper chose to pay by Pay on collection." in dashboard.text


def test_a_method_taken_off_the_list_is_refused_at_the_preview(django_app, shop, settings):
    add_to_basket(django_app, shop)
    preview = checkout_as_guest(django_app, shop, method="collection")
    settings.SHOP_PAYMENT_METHODS = [
        path for path in settings.SHOP_PAYMENT_METHODS if path != PAY_ON_COLLECTION
    ]

    answer = preview.forms["place_order_form"].submit().follow()

    assert answer.request.path == "/checkout/payment-method/"
    assert not Order.objects.exists()
