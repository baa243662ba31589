"""Forms sent back with values the page never offered get the form's own answer, not a 500.

Each case here was found by the form fuzzing sweep (test_form_fuzzing.py) as a server error in
a view Oscar or Django ships; each now answers with the page, a form error or a 404, and changes
nothing it should not.
"""

import pytest
from oscar.core.loading import get_model

from tests.factories import UserFactory, bank_transfer_order, shop_staff_user, sized_product

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")
Range = get_model("offer", "Range")
WishList = get_model("wishlists", "WishList")

HUGE_ID = "99999999999999999999"
LONG_SEARCH = "x" * 100_000


@pytest.fixture
def size():
    return sized_product(title="Zechstein bath flakes", sizes=1).children.get()


@pytest.fixture
def shoppers_order(size):
    shopper = UserFactory()
    order = bank_transfer_order(size=size, email=shopper.email)
    Order.objects.filter(pk=order.pk).update(user=shopper)
    return shopper, order


def superuser():
    return UserFactory(is_staff=True, is_superuser=True)


def test_opening_an_order_line_goes_to_its_order(django_app, shoppers_order):
    shopper, order = shoppers_order
    line = order.lines.get()

    answer = django_app.get(f"/accounts/orders/{order.number}/{line.pk}/", user=shopper)

    assert answer.status_code == 302
    assert answer.location == f"/accounts/orders/{order.number}/"


def test_an_unknown_action_on_an_order_line_goes_back_with_a_message(django_app, shoppers_order):
    shopper, order = shoppers_order
    page = django_app.get(f"/accounts/orders/{order.number}/", user=shopper)
    form = next(form for form in page.forms.values() if str(form.id).startswith("line_form"))
    form["action"].force_value("abc")

    landing = form.submit().follow()

    assert "Invalid form submission" in landing.text


def test_a_line_of_another_order_is_a_404(django_app, shoppers_order, size):
    shopper, order = shoppers_order
    someone_elses = bank_transfer_order(size=size, email="someone@example.com")

    django_app.get(
        f"/accounts/orders/{order.number}/{someone_elses.lines.get().pk}/", user=shopper, status=404
    )


def test_a_shared_email_ticked_for_deletion_is_not_saved(django_app):
    shopper = UserFactory()
    form = django_app.get("/accounts/wishlists/create/", user=shopper).forms["wishlist_form"]
    form["name"] = "Bath night"
    form["shared_emails-0-email"] = "friend@example.com"
    form["shared_emails-0-DELETE"] = True
    form["shared_emails-1-email"] = "not an address"
    form["shared_emails-1-DELETE"] = True

    form.submit().follow()

    wishlist = WishList.objects.get(owner=shopper)
    assert wishlist.name == "Bath night"
    assert not wishlist.shared_emails.exists()


def test_a_shared_email_is_deleted_from_a_wish_list(django_app):
    shopper = UserFactory()
    wishlist = WishList.objects.create(owner=shopper, name="Bath night", visibility="Shared")
    wishlist.shared_emails.create(email="friend@example.com")
    page = django_app.get(f"/accounts/wishlists/{wishlist.key}/update/", user=shopper)
    form = page.forms["wishlist_form"]
    form["shared_emails-0-DELETE"] = True

    form.submit().follow()

    assert not wishlist.shared_emails.exists()


def test_a_recommendation_that_is_not_a_product_id_is_a_form_error(django_app, size):
    product = size.parent
    page = django_app.get(f"/dashboard/catalogue/products/{product.pk}/", user=shop_staff_user())
    form = page.forms["create_update_product_form"]
    form["primary_recommendations-0-recommendation"].force_value("not-a-product")

    answer = form.submit()

    assert answer.status_code == 200
    assert answer.context["recommended_formset"].errors


def test_a_range_with_a_category_id_no_row_could_have_is_a_form_error(django_app):
    form = django_app.get("/dashboard/ranges/create/", user=shop_staff_user()).forms[
        "create_update_range_form"
    ]
    form["name"] = "Spring flakes"
    form["included_categories"].force_value([HUGE_ID])

    answer = form.submit()

    assert answer.status_code == 200
    assert "included_categories" in answer.context["form"].errors
    assert not Range.objects.filter(name="Spring flakes").exists()


@pytest.mark.parametrize(
    ("path", "field"),
    [
        ("/dashboard/partners/", "name"),
        ("/dashboard/users/", "email"),
        ("/dashboard/users/", "name"),
    ],
)
def test_a_dashboard_search_too_long_for_the_database_is_a_form_error(django_app, path, field):
    answer = django_app.get(path, {field: LONG_SEARCH, "search": "Search"}, user=superuser())

    assert answer.status_code == 200
    assert field in answer.context["form"].errors


def test_an_admin_search_too_long_for_the_database_shows_why(django_app, shoppers_order):
    answer = django_app.get("/admin/order/order/", {"q": LONG_SEARCH}, user=superuser())

    assert answer.status_code == 200
    assert "Searches are limited to 200 characters." in answer.text


def test_an_admin_order_line_naming_no_product_is_a_form_error(django_app, shoppers_order):
    _shopper, order = shoppers_order
    page = django_app.get(f"/admin/order/order/{order.pk}/change/", user=superuser())
    form = page.forms["order_form"]
    form["lines-0-product"].force_value("not-a-product")
    form["user"].force_value("abc")

    answer = form.submit("_save")

    assert answer.status_code == 200
    assert answer.context["errors"]
    assert Order.objects.get(pk=order.pk).user == _shopper
