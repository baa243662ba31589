"""The basket's controls are real form buttons, and adding to it works as a plain form.

Each test submits the HTML forms as the shop serves them (WebTest, no JavaScript), pressing the
buttons a shopper sees: "Remove", "Save for later", "Move to basket", the voucher form. The last
tests cover what the page's script relies on when it adds to the basket without a page load,
and show the plain form does the same job when the script is not there.
"""

import re

import pytest
from oscar.core.loading import get_model
from oscar.test.factories import create_voucher
from webtest.forms import Submit

from tests.checkout_journey import checkout_shop
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

Basket = get_model("basket", "Basket")

#: The add-to-basket address store/js/shop.js recognises (kept in step with its pattern).
ADD_TO_BASKET = re.compile(r"/basket/add/\d+/?$")


@pytest.fixture
def shop(settings):
    return checkout_shop(settings)


def add(app, shop, title, quantity=1):
    """Add ``quantity`` of the size ``title`` from the product page, as its form is sent."""
    page = app.get(shop["product"].get_absolute_url())
    form = page.forms["add_to_basket_form"]
    form["child_id"] = str(shop["product"].children.get(title=title).pk)
    form["quantity"] = str(quantity)
    return form.submit()


def basket_lines(page):
    """Return the basket page's lines as their descriptions, in order."""
    return [
        row.select_one("h2").get_text(strip=True)
        for row in page.html.select("#basket_formset tr.basket-items")
    ]


def button_named(form, label):
    """Return the name and value of the submit button of ``form`` labelled ``label``."""
    for controls in form.fields.values():
        for control in controls:
            if isinstance(control, Submit) and control.attrs.get("aria-label") == label:
                return control.name, control.attrs.get("value")
    raise AssertionError(f"no button {label!r} in the form")


def press(form, label):
    """Send ``form`` by its button ``label``, following the redirect."""
    name, value = button_named(form, label)
    return form.submit(name, value=value).maybe_follow()


def test_remove_is_a_button_of_the_basket_form(django_app, shop):
    add(django_app, shop, "1 kg")
    add(django_app, shop, "2 kg")
    basket = django_app.get("/basket/")
    assert basket_lines(basket) == ["1 kg", "2 kg"]
    assert not basket.html.select('a[href="#"]')

    after = press(basket.forms["basket_formset"], "Remove 1 kg")

    assert after.request.path == "/basket/"
    assert basket_lines(after) == ["2 kg"]


def test_changing_a_quantity_keeps_the_other_lines(django_app, shop):
    add(django_app, shop, "1 kg")
    add(django_app, shop, "2 kg")
    form = django_app.get("/basket/").forms["basket_formset"]
    form["form-1-quantity"] = "3"

    after = form.submit().maybe_follow()

    assert basket_lines(after) == ["1 kg", "2 kg"]
    assert Basket.objects.get().all_lines().get(product__title="2 kg").quantity == 3


def test_save_for_later_and_back_again_with_buttons(django_app, shop):
    shopper = UserFactory()
    django_app.set_user(shopper)
    add(django_app, shop, "1 kg")
    add(django_app, shop, "2 kg")
    basket = django_app.get("/basket/")

    basket = press(basket.forms["basket_formset"], "Save 2 kg for later")

    assert basket_lines(basket) == ["1 kg"]
    saved = basket.forms["saved_basket_formset"]
    assert Basket.saved.get(owner=shopper).all_lines().get().product.title == "2 kg"

    basket = press(saved, "Move 2 kg to basket")

    assert basket_lines(basket) == ["1 kg", "2 kg"]
    assert "saved_basket_formset" not in basket.forms


def test_a_saved_item_can_be_removed_with_a_button(django_app, shop):
    shopper = UserFactory()
    django_app.set_user(shopper)
    add(django_app, shop, "1 kg")
    basket = press(django_app.get("/basket/").forms["basket_formset"], "Save 1 kg for later")

    basket = press(basket.forms["saved_basket_formset"], "Remove 1 kg from the saved items")

    assert not Basket.saved.get(owner=shopper).all_lines().exists()
    assert "saved_basket_formset" not in basket.forms


def test_the_voucher_form_is_shown_labelled_and_applies_the_discount(django_app, shop):
    create_voucher(name="Bath time", code="BATHTIME")
    add(django_app, shop, "2 kg", quantity=2)
    basket = django_app.get("/basket/")
    code = basket.html.select_one("#voucher_form input[name=code]")
    label = basket.html.select_one(f"label[for={code['id']}]")
    assert label.get_text(strip=True) == "Voucher code"
    assert not code.find_parents(style=True)

    form = basket.forms["voucher_form"]
    form["code"] = "bathtime"
    after = form.submit().maybe_follow()

    totals = after.html.select_one("#basket_totals").get_text(" ", strip=True)
    assert "Bath time (BATHTIME)" in totals
    assert "-£4.60" in totals  # 20% off £23.00


def test_adding_to_the_basket_answers_with_the_page_the_script_reads(django_app, shop):
    """The plain form and the script's fallback: the product page, updated, comes back.

    The script sends the same form, follows the same redirect and takes the header basket
    (#mini-basket) and the messages (#messages) from the page it lands on.
    """
    product_page = django_app.get(shop["product"].get_absolute_url())
    form = product_page.forms["add_to_basket_form"]
    assert form.method.lower() == "post"
    assert ADD_TO_BASKET.search(form.action)
    assert product_page.html.select_one("#mini-basket") is not None

    answer = add(django_app, shop, "2 kg", quantity=2)

    assert answer.status_code == 302
    landed = answer.follow()
    assert landed.request.path == shop["product"].get_absolute_url()
    assert "have been added to your basket" in landed.html.select_one("#messages").get_text()
    mini_basket = landed.html.select_one("#mini-basket")
    assert "£23.00" in mini_basket.select_one(".basket-mini-total").get_text()
    assert mini_basket.select_one(".basket-mini-count").get_text(" ", strip=True) == "2 items"


def test_a_refused_add_comes_back_with_its_reason(django_app, shop):
    answer = add(django_app, shop, "2 kg", quantity=0)

    landed = answer.maybe_follow()
    assert landed.html.select_one("#messages").get_text(strip=True)
    assert Basket.objects.filter(lines__isnull=False).count() == 0


def test_the_script_that_adds_to_the_basket_is_served_with_every_shop_page(django_app, shop):
    page = django_app.get(shop["product"].get_absolute_url())

    scripts = {
        script["src"].rsplit("/", 1)[-1]: script["src"]
        for script in page.html.select("script[src]")
    }

    # Before site.js, which starts the page's scripts once every file has had its say.
    assert list(scripts).index("shop.js") < list(scripts).index("site.js")
    assert "fetch(" in django_app.get(scripts["shop.js"]).text
