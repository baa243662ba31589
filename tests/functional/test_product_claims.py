"""Staff who save a product whose words make a health claim are told at once, and which rule."""

import pytest

from tests.factories import CategoryFactory, shop_staff_user, sized_product

pytestmark = pytest.mark.django_db


def flakes():
    category = CategoryFactory(name="Bath flakes")
    return sized_product(title="Zechstein bath flakes", sizes=1, category=category)


def save_description(django_app, product, description: str):
    page = django_app.get(f"/dashboard/catalogue/products/{product.pk}/", user=shop_staff_user())
    form = page.forms["create_update_product_form"]
    form["description"] = description
    return form.submit().follow()


def test_a_description_that_claims_a_cure_is_saved_with_a_warning_naming_the_rule(django_app):
    product = flakes()

    landing = save_description(django_app, product, "<p>A long soak that cures cramp.</p>")

    product.refresh_from_db()
    assert "cures cramp" in product.description
    warning = landing.html.select_one(".alert-warning").get_text(" ", strip=True)
    assert "reword this before shoppers read it" in warning
    assert "cures cramp" in warning
    assert "CAP Code rule 12.1" in warning


def test_a_plain_description_is_saved_without_a_warning(django_app):
    product = flakes()

    landing = save_description(django_app, product, "<p>Two cups in a warm bath.</p>")

    assert "reword this" not in landing.text
