"""A product the shop hides cannot be bought: not added to a basket, not carried into an order.

Each test submits the real HTML forms (WebTest, no JavaScript). A product page form kept open
in a tab while staff hide the product is the way a shopper meets this, so the forms are taken
from the page while the product is public and sent after it was hidden.
"""

import pytest
from oscar.core.loading import get_model
from webtest.forms import Submit

from tests.checkout_journey import add_to_basket, checkout_as_guest, checkout_shop

pytestmark = pytest.mark.django_db

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
Product = get_model("catalogue", "Product")


@pytest.fixture
def shop(settings):
    return checkout_shop(settings)


def hide(product):
    Product.objects.filter(pk=product.pk).update(is_public=False)


def add_to_basket_form(app, shop, size):
    """Return the product page's add-to-basket form, set to one ``size``."""
    form = app.get(shop["product"].get_absolute_url()).forms["add_to_basket_form"]
    form["child_id"] = str(size.pk)
    return form


def basket_line_count():
    return sum(basket.lines.count() for basket in Basket.objects.all())


def remove_line(basket_page, title):
    """Press the basket's "Remove <title>" button, as a shopper without JavaScript does."""
    form = basket_page.forms["basket_formset"]
    for controls in form.fields.values():
        for control in controls:
            if isinstance(control, Submit) and control.attrs.get("aria-label") == f"Remove {title}":
                return form.submit(control.name, value=control.attrs.get("value")).maybe_follow()
    raise AssertionError(f"no button to remove {title!r}")


def test_a_size_of_a_hidden_product_cannot_be_added(django_app, shop):
    form = add_to_basket_form(django_app, shop, shop["size"])
    hide(shop["product"])

    form.submit(status=404)
    form.action = f"/basket/add/{shop['size'].pk}/"
    form.submit(status=404)

    assert basket_line_count() == 0


def test_a_hidden_size_cannot_be_added(django_app, shop):
    form = add_to_basket_form(django_app, shop, shop["size"])
    hide(shop["size"])

    refused = form.submit().maybe_follow()
    form.action = f"/basket/add/{shop['size'].pk}/"
    form.submit(status=404)

    assert "Select a valid choice" in refused.text
    assert basket_line_count() == 0


def test_a_public_size_still_goes_in(django_app, shop):
    add_to_basket_form(django_app, shop, shop["size"]).submit().maybe_follow()

    assert basket_line_count() == 1


@pytest.mark.parametrize("hidden", ["product", "size"])
def test_a_size_hidden_during_checkout_is_not_ordered(django_app, shop, hidden):
    add_to_basket(django_app, shop, quantity=2)
    preview = checkout_as_guest(django_app, shop)
    hide(shop[hidden])

    basket_page = preview.forms["place_order_form"].submit().follow()

    assert basket_page.request.path == "/basket/"
    assert "'2 kg' is no longer available to buy (it is no longer sold)" in basket_page.html.text
    assert "No longer sold" in basket_page.html.select_one("#basket_formset").text
    assert not Order.objects.exists()
    assert Basket.objects.get().status == Basket.OPEN


def test_the_shopper_removes_the_hidden_size_and_orders_the_rest(django_app, shop):
    other_size = shop["product"].children.get(title="1 kg")
    add_to_basket_form(django_app, shop, other_size).submit().maybe_follow()
    add_to_basket(django_app, shop)
    preview = checkout_as_guest(django_app, shop)
    hide(shop["size"])
    basket_page = preview.forms["place_order_form"].submit().follow()

    basket_page = remove_line(basket_page, "2 kg")
    preview = django_app.get("/checkout/preview/")
    thank_you = preview.forms["place_order_form"].submit().follow()

    assert thank_you.request.path == "/checkout/thank-you/"
    order = Order.objects.get()
    assert [line.product for line in order.lines.all()] == [other_size]
