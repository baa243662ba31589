"""A shopper browses, picks a size and fills the basket, submitting the real HTML forms."""

from decimal import Decimal

import pytest

from tests.factories import CategoryFactory, ProductClassFactory, sized_product

pytestmark = pytest.mark.django_db


@pytest.fixture
def shop():
    flakes = CategoryFactory(name="Bath flakes")
    oils = CategoryFactory(name="Magnesium oils")
    flakes_product = sized_product(
        title="Zechstein bath flakes",
        category=flakes,
        sizes=3,
        product_class=ProductClassFactory(name="Bath flakes"),
    )
    oil_product = sized_product(
        title="Magnesium oil spray",
        description="A magnesium chloride solution to spray onto the skin.",
        category=oils,
        sizes=2,
        product_class=ProductClassFactory(name="Magnesium oil"),
    )
    return {"flakes": flakes, "flakes_product": flakes_product, "oil_product": oil_product}


def test_shopper_goes_from_home_to_a_basket_with_the_size_they_chose(django_app, shop):
    home = django_app.get("/")
    assert home.status_code == 200

    category_page = home.click(
        description="Bath flakes", href=shop["flakes"].get_absolute_url(), index=0
    )
    assert "Zechstein bath flakes" in category_page.text

    product_page = category_page.click(
        description="Zechstein bath flakes", href=shop["flakes_product"].get_absolute_url(), index=0
    )
    assert product_page.status_code == 200

    form = product_page.forms["add_to_basket_form"]
    two_kg = shop["flakes_product"].children.get(title="2 kg")
    form["child_id"] = str(two_kg.pk)
    form["quantity"] = "2"
    basket_page = form.submit().maybe_follow()
    if basket_page.request.path != "/basket/":
        basket_page = django_app.get("/basket/")

    assert basket_page.status_code == 200
    assert "2 kg" in basket_page.text
    line_total = two_kg.stockrecords.get().price * 2
    assert line_total == Decimal("23.00")
    assert "£23.00" in basket_page.text


def test_catalogue_lists_both_bath_flakes_and_magnesium_oils(django_app, shop):
    catalogue = django_app.get("/catalogue/")

    assert catalogue.status_code == 200
    assert "Zechstein bath flakes" in catalogue.text
    assert "Magnesium oil spray" in catalogue.text


def test_search_for_flakes_finds_the_flakes_and_not_the_oil(django_app, shop):
    results = django_app.get("/search/", params={"q": "flakes"})

    assert results.status_code == 200
    assert "Zechstein bath flakes" in results.text
    assert "Magnesium oil spray" not in results.text
