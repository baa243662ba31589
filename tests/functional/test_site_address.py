"""Every absolute link the shop makes starts with SHOP_BASE_URL, whatever host a request names.

The shop is reached here as ``testserver`` while its public address is set elsewhere: emails,
the sitemap, canonical addresses, structured data and Stripe's return links must all use the
setting, so a shop behind a proxy or on another port never sends people where nothing answers.
"""

from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core import mail

from store.storefront.services import site_sync
from tests.checkout_journey import add_to_basket, checkout_as_guest, checkout_shop
from tests.content_factories import ConditionPageFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PUBLIC = "https://shop.example:8443"


@pytest.fixture
def shop(settings):
    """A shop deployed at PUBLIC, its site record brought in line as `migrate` does."""
    settings.SHOP_BASE_URL = PUBLIC
    settings.OSCAR_URL_SCHEMA = "https"
    site_sync()
    return checkout_shop(settings)


def test_the_confirmation_email_links_to_the_order_on_the_public_address(
    django_app, shop, django_capture_on_commit_callbacks
):
    add_to_basket(django_app, shop)
    preview = checkout_as_guest(django_app, shop)

    with django_capture_on_commit_callbacks(execute=True):
        preview.forms["place_order_form"].submit()

    (confirmation,) = mail.outbox
    status_links = [word for word in confirmation.body.split() if "/order-status/" in word]
    assert status_links
    assert all(link.startswith(f"{PUBLIC}/accounts/order-status/") for link in status_links)


def test_stripe_is_sent_back_to_the_public_address(django_app, shop, card_payments):
    add_to_basket(django_app, shop)
    preview = checkout_as_guest(django_app, shop, method="card")

    answer = preview.forms["place_order_form"].submit()

    session = card_payments.session(urlsplit(answer.location).path.rsplit("/", 1)[-1])
    assert session["success_url"].startswith(f"{PUBLIC}/checkout/card/")
    assert session["cancel_url"].startswith(f"{PUBLIC}/checkout/card/")


def test_the_sitemap_and_canonical_addresses_use_the_public_address(django_app, shop):
    page = ConditionPageFactory(published=True, products=[shop["product"]])

    sitemap = django_app.get("/sitemap.xml")
    condition = django_app.get(page.get_absolute_url())

    locations = [loc.text for loc in BeautifulSoup(sitemap.content, "html.parser").find_all("loc")]
    assert f"{PUBLIC}{page.get_absolute_url()}" in locations
    assert all(location.startswith(f"{PUBLIC}/") for location in locations)
    canonical = condition.html.find("link", rel="canonical")["href"]
    assert canonical == f"{PUBLIC}{page.get_absolute_url()}"
    assert "http://testserver" not in condition.text


def test_the_password_reset_email_links_to_the_public_https_address(
    django_app, shop, django_capture_on_commit_callbacks
):
    UserFactory(email="ada@example.com")
    form = django_app.get("/password-reset/").forms["password_reset_form"]
    form["email"] = "ada@example.com"

    with django_capture_on_commit_callbacks(execute=True):
        form.submit()

    (reset,) = mail.outbox
    links = [word for word in reset.body.split() if "://" in word]
    assert links
    assert all(link.startswith(f"{PUBLIC}/password-reset/") for link in links), links
