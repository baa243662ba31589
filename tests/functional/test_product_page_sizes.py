"""The product page offers sizes as radio buttons with their prices, and says under the basket
button what delivery costs, from the database, and how long returns take.

Each test reads or sends the page's real HTML form (WebTest, no JavaScript).
"""

from decimal import Decimal

import pytest
from oscar.core.loading import get_model

from tests.factories import ParentProductFactory, StockRecordFactory, sized_product
from tests.review_factories import ProductReviewFactory

pytestmark = pytest.mark.django_db

OrderAndItemCharges = get_model("shipping", "OrderAndItemCharges")
Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")


@pytest.fixture
def flakes():
    """Flakes in 1 kg (£6.50), 2 kg (£11.50) and 3 kg (£16.50)."""
    return sized_product(title="Zechstein bath flakes", sizes=3)


def size_tiles(page) -> list[tuple[str, str, bool, bool]]:
    """Return each size the form offers: its label's words, its value, checked, disabled."""
    fieldset = page.html.select_one("#add_to_basket_form fieldset")
    assert fieldset.legend.get_text(strip=True) == "Size"
    return [
        (
            " ".join(label.get_text(" ").split()),
            label.input["value"],
            label.input.has_attr("checked"),
            label.input.has_attr("disabled"),
        )
        for label in fieldset.select("label")
    ]


def purchase_terms(page) -> str:
    return " ".join(page.html.select_one(".product_main .purchase-terms").get_text(" ").split())


def test_each_size_is_a_radio_button_with_its_price_the_first_chosen(django_app, flakes):
    one, two, three = flakes.children.order_by("title")

    page = django_app.get(flakes.get_absolute_url())

    assert size_tiles(page) == [
        ("1 kg £6.50", str(one.pk), True, False),
        ("2 kg £11.50", str(two.pk), False, False),
        ("3 kg £16.50", str(three.pk), False, False),
    ]
    radios = page.html.select("input[type=radio][name=child_id]")
    assert all(radio.has_attr("required") for radio in radios)
    price = " ".join(page.html.select_one(".product_main .price_color").get_text(" ").split())
    assert price == "from £6.50 incl. VAT"


def test_a_sold_out_size_is_shown_but_cannot_be_chosen(django_app, flakes):
    one, two, three = flakes.children.order_by("title")
    StockRecord.objects.filter(product=one).update(num_in_stock=0)

    page = django_app.get(flakes.get_absolute_url())

    assert size_tiles(page) == [
        ("1 kg Sold out", str(one.pk), False, True),
        ("2 kg £11.50", str(two.pk), True, False),
        ("3 kg £16.50", str(three.pk), False, False),
    ]


def test_the_chosen_size_goes_into_the_basket(django_app, flakes):
    two = flakes.children.get(title="2 kg")
    form = django_app.get(flakes.get_absolute_url()).forms["add_to_basket_form"]

    form["child_id"] = str(two.pk)
    form["quantity"] = "2"
    answer = form.submit().maybe_follow()

    assert "have been added to your basket" in answer.text
    basket = " ".join(django_app.get("/basket/").html.select_one("main").get_text(" ").split())
    assert "2 kg" in basket
    assert "Basket total £23.00" in basket


def test_the_size_sent_stays_chosen_when_the_form_comes_back_with_an_error(django_app, flakes):
    three = flakes.children.get(title="3 kg")
    form = django_app.get(flakes.get_absolute_url()).forms["add_to_basket_form"]

    form["child_id"] = str(three.pk)
    form["quantity"] = "0"
    page = form.submit().maybe_follow()

    assert page.request.path == flakes.get_absolute_url()
    assert [checked for _, _, checked, _ in size_tiles(page)] == [False, False, True]


def test_the_delivery_line_gives_the_cheapest_charge_and_free_threshold_stored(django_app, flakes):
    OrderAndItemCharges.objects.create(
        code="express", name="Express", price_per_order=Decimal("7.95")
    )
    OrderAndItemCharges.objects.create(
        code="standard",
        name="Standard",
        price_per_order=Decimal("4.25"),
        free_shipping_threshold=Decimal("50.00"),
    )

    page = django_app.get(flakes.get_absolute_url())

    assert purchase_terms(page) == "Delivery from £4.25, free over £50.00 · 14-day returns"
    links = page.html.select(".purchase-terms a")
    assert [link["href"] for link in links] == ["/delivery/", "/returns/"]

    OrderAndItemCharges.objects.filter(code="standard").update(
        price_per_order=Decimal("3.50"), free_shipping_threshold=None
    )
    page = django_app.get(flakes.get_absolute_url())
    assert purchase_terms(page) == "Delivery from £3.50 · 14-day returns"


def test_with_no_delivery_method_the_line_says_delivery_is_free(django_app, flakes):
    page = django_app.get(flakes.get_absolute_url())

    assert purchase_terms(page) == "Free delivery · 14-day returns"


def test_a_product_without_sizes_keeps_oscars_form_and_the_delivery_line(django_app):
    OrderAndItemCharges.objects.create(
        code="standard", name="Standard", price_per_order=Decimal("3.95")
    )
    soap = ParentProductFactory(title="Magnesium soap", structure=Product.STANDALONE)
    StockRecordFactory(product=soap, price=Decimal("4.25"))

    page = django_app.get(soap.get_absolute_url())

    assert page.html.select_one(".product_main fieldset") is None
    price = " ".join(page.html.select_one(".product_main .price_color").get_text(" ").split())
    assert price == "£4.25 incl. VAT"
    assert purchase_terms(page) == "Delivery from £3.95 · 14-day returns"
    page.forms["add_to_basket_form"].submit().maybe_follow()
    assert "Magnesium soap" in django_app.get("/basket/").text


def test_the_product_page_shows_stars_only_with_approved_reviews(django_app, flakes):
    ProductReviewFactory(product=flakes, score=3)
    page = django_app.get(flakes.get_absolute_url())
    assert page.html.select_one(".product_main .star-rating") is None

    ProductReviewFactory(product=flakes, score=3, approved=True)
    page = django_app.get(flakes.get_absolute_url())
    rating = " ".join(page.html.select_one(".product_main .product-rating").get_text(" ").split())
    assert rating == "Rated 3 out of 5 1 customer review"
