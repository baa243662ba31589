"""Following a link never changes a shopper's account: what changes state is a form they send.

Adding to a wish list, making an address the default and signing out used to happen on GET in
Oscar, so an image tag on any page could do them. Each now answers a GET without changing
anything (405, or a page with the form for signing out), and the forms the pages serve still
do the job without JavaScript (WebTest submits them as a browser would).
"""

import pytest
from oscar.core.loading import get_model

from tests.checkout_journey import ship_to_the_uk
from tests.factories import UserFactory, sized_product

pytestmark = pytest.mark.django_db

Country = get_model("address", "Country")
UserAddress = get_model("address", "UserAddress")
WishList = get_model("wishlists", "WishList")

PASSWORD = "correct horse battery"


@pytest.fixture
def shopper():
    return UserFactory()


@pytest.fixture
def product():
    return sized_product(title="Zechstein bath flakes", sizes=1)


def sign_in(app, user):
    """Sign in through the login form, so the session is a real one that can be ended."""
    form = app.get("/accounts/login/").forms["login_form"]
    form["login-username"] = user.email
    form["login-password"] = PASSWORD
    form.submit("login_submit").follow()


def form_posting_to(page, action):
    return next(form for form in page.forms.values() if form.action == action)


def address(user, line1):
    ship_to_the_uk()
    return UserAddress.objects.create(
        user=user,
        first_name="Ada",
        last_name="Lovelace",
        line1=line1,
        line4="Bristol",
        postcode="BS1 1AA",
        country=Country.objects.get(iso_3166_1_a2="GB"),
    )


def test_get_adds_nothing_to_a_wish_list(django_app, shopper, product):
    django_app.get(f"/accounts/wishlists/add/{product.pk}/", user=shopper, status=405)
    assert not WishList.objects.exists()

    wishlist = WishList.objects.create(owner=shopper, name="Bath night")
    django_app.get(
        f"/accounts/wishlists/{wishlist.key}/add/{product.pk}/", user=shopper, status=405
    )
    assert not wishlist.lines.exists()


def test_the_product_page_form_adds_to_the_wish_list(django_app, shopper, product):
    page = django_app.get(product.get_absolute_url(), user=shopper)

    page.forms["add_to_wishlist_form"].submit(user=shopper).follow(user=shopper)

    assert [line.product for line in WishList.objects.get(owner=shopper).lines.all()] == [product]


def test_get_moves_nothing_between_wish_lists(django_app, shopper, product):
    bath, gifts = (WishList.objects.create(owner=shopper, name=name) for name in ("Bath", "Gifts"))
    bath.add(product)
    line = bath.lines.get()

    django_app.get(
        f"/accounts/wishlists/{bath.key}/lines/{line.pk}/move-to/{gifts.key}/",
        user=shopper,
        status=405,
    )

    line.refresh_from_db()
    assert line.wishlist == bath


def test_the_move_button_moves_a_line_to_another_wish_list(django_app, shopper, product):
    bath, gifts = (WishList.objects.create(owner=shopper, name=name) for name in ("Bath", "Gifts"))
    bath.add(product)
    line = bath.lines.get()
    page = django_app.get(f"/accounts/wishlists/{bath.key}/", user=shopper)
    form = page.forms["wishlist_lines_form"]
    button = next(
        button for button in page.html.select("button") if "Move to Gifts" in button.get_text()
    )

    form.action = button["formaction"]  # what the browser does when this button is pressed
    form.submit(user=shopper)

    line.refresh_from_db()
    assert line.wishlist == gifts


@pytest.mark.parametrize("action", ["default_for_shipping", "default_for_billing"])
def test_get_makes_no_address_the_default(django_app, shopper, action):
    home = address(shopper, "1 Bath Street")

    django_app.get(f"/accounts/addresses/{home.pk}/{action}/", user=shopper, status=405)

    home.refresh_from_db()
    assert not getattr(home, f"is_{action}")


@pytest.mark.parametrize("action", ["default_for_shipping", "default_for_billing"])
def test_the_address_book_form_makes_an_address_the_default(django_app, shopper, action):
    address(shopper, "1 Bath Street")
    work = address(shopper, "2 Mill Lane")
    book = django_app.get("/accounts/addresses/", user=shopper)

    form_posting_to(book, f"/accounts/addresses/{work.pk}/{action}/").submit(user=shopper)

    work.refresh_from_db()
    assert getattr(work, f"is_{action}")


def test_get_on_logout_asks_and_keeps_the_shopper_signed_in(django_app, shopper):
    sign_in(django_app, shopper)

    page = django_app.get("/accounts/logout/")

    assert "logout_confirm_form" in page.forms
    assert django_app.get("/accounts/profile/").status_code == 200


def test_the_logout_button_in_the_account_bar_signs_out(django_app, shopper):
    sign_in(django_app, shopper)
    page = django_app.get("/accounts/profile/")

    home = page.forms["account_logout_form"].submit().follow()

    assert home.request.path == "/"
    assert django_app.get("/accounts/profile/").status_code == 302


def test_the_confirm_page_signs_out(django_app, shopper):
    sign_in(django_app, shopper)

    django_app.get("/accounts/logout/").forms["logout_confirm_form"].submit()

    assert django_app.get("/accounts/profile/").status_code == 302
