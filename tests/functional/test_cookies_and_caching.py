"""Every cookie the shop sets is SameSite (and Secure on HTTPS); personal pages are never cached.

Oscar's basket cookie and Django's language cookie used to go out without SameSite, and the
language cookie without Secure even in production; account, order and dashboard pages said
nothing to shared caches.
"""

import pytest

from tests.checkout_journey import add_to_basket, checkout_shop
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery"


def cookie_header(response, name: str) -> str:
    """Return the Set-Cookie header the shop sent for ``name``."""
    headers = [value.strip() for key, value in response.headerlist if key == "Set-Cookie"]
    found = [header for header in headers if header.startswith(f"{name}=")]
    assert found, f"no {name} cookie in {headers}"
    return found[0]


@pytest.fixture
def shop(settings):
    return checkout_shop(settings)


def test_a_guests_basket_cookie_is_samesite_and_http_only(django_app, shop):
    page = django_app.get(shop["product"].get_absolute_url())
    form = page.forms["add_to_basket_form"]
    form["child_id"] = str(shop["size"].pk)

    answer = form.submit()

    header = cookie_header(answer, "oscar_open_basket")
    assert "SameSite=Lax" in header
    assert "HttpOnly" in header


def test_the_language_cookie_is_samesite_and_secure_on_an_https_site(django_app, settings):
    # The footer offers the language form once the shop speaks a second language.
    settings.LANGUAGES = [("en-gb", "English"), ("de", "German")]
    form = django_app.get("/").forms["language_selector"]
    form["language"] = "de"
    settings.SESSION_COOKIE_SECURE = True  # as in production, where the shop is HTTPS only

    answer = form.submit()

    header = cookie_header(answer, "django_language")
    assert "SameSite=Lax" in header
    assert "Secure" in header
    assert "HttpOnly" in header


def test_account_pages_are_private_and_never_stored(django_app):
    shopper = UserFactory(email="ada@example.com")

    answer = django_app.get("/accounts/", user=shopper)

    assert "private" in answer.headers["Cache-Control"]
    assert "no-store" in answer.headers["Cache-Control"]


def test_a_guests_basket_and_checkout_are_private(django_app, shop):
    add_to_basket(django_app, shop)

    for path in ("/basket/", "/checkout/"):
        answer = django_app.get(path)
        assert "private" in answer.headers["Cache-Control"], path


def test_the_dashboard_is_private(django_app):
    staff = UserFactory(is_staff=True, is_superuser=True)

    answer = django_app.get("/dashboard/", user=staff)

    assert "no-store" in answer.headers["Cache-Control"]


def test_a_public_product_page_for_a_guest_stays_cacheable(django_app, shop):
    answer = django_app.get(shop["product"].get_absolute_url())

    assert "private" not in answer.headers.get("Cache-Control", "")
