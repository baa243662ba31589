"""Every public page ends with the trader's identity and links to the shop's own pages, and the
checkout preview says what delivery costs and how to cancel before the shopper places the order.

The error pages are public pages too: the 404 page and the 500 page carry the same footer.
"""

import pytest
from django.test import Client
from django.urls import path
from oscar.core.loading import get_model

from content.shop_pages import ShopPageSlot
from store import urls as shop_urls
from tests.checkout_journey import add_to_basket, checkout_as_guest, checkout_shop
from tests.content_factories import ArticleFactory, ShopPageFactory
from tests.content_pages import soup
from tests.factories import CategoryFactory, sized_product
from tests.trader import ADDRESS

OrderAndItemCharges = get_model("shipping", "OrderAndItemCharges")

pytestmark = pytest.mark.django_db

FOOTER_LINKS = [
    ("Delivery", "/delivery/"),
    ("Returns and cancellation", "/returns/"),
    ("Terms", "/terms/"),
    ("Privacy", "/privacy/"),
    ("Contact", "/contact/"),
    ("About", "/about/"),
]


def server_error(request):
    raise RuntimeError("Something broke while building the page.")


#: The shop's URLs and one that fails, for the 500 page (``pytest.mark.urls``).
urlpatterns = [path("server-error/", server_error), *shop_urls.urlpatterns]
handler404 = shop_urls.handler404
handler500 = shop_urls.handler500


@pytest.fixture
def public_pages(trader):
    """The address of one page of each kind a shopper or reader comes to."""
    category = CategoryFactory(name="Bath flakes")
    product = sized_product(title="Zechstein bath flakes", category=category)
    article = ArticleFactory(published=True)
    for slot in ShopPageSlot:
        ShopPageFactory(published=True, slug=slot)
    return {
        "home": "/",
        "category": category.get_absolute_url(),
        "product": product.get_absolute_url(),
        "basket": "/basket/",
        "article": article.get_absolute_url(),
        **{f"{slot.label} page": f"/{slot}/" for slot in ShopPageSlot},
    }


def assert_has_the_footer(response) -> None:
    """Check the page's footer names the trader and links to every shop page."""
    footer = soup(response).find("footer", class_="site-footer")
    assert footer is not None, "the page has no footer"
    identity = footer.find(class_="trader")
    assert identity is not None, "the footer does not name the trader"
    text = " ".join(identity.get_text().split())
    assert "Brine & Flake Ltd, company number 12345678." in text
    assert "VAT number: GB 987 6543 21." in text
    assert f"Registered address: {', '.join(ADDRESS)}." in text
    assert footer.find("a", href="mailto:help@brine.example")
    assert footer.find("a", href="tel:+441606123456")
    nav = footer.find("nav", attrs={"aria-label": "Shop information"})
    links = [(link.get_text(strip=True), link["href"]) for link in nav.find_all("a")]
    assert links == FOOTER_LINKS


@pytest.mark.parametrize(
    "page",
    ["home", "category", "product", "basket", "article"]
    + [f"{slot.label} page" for slot in ShopPageSlot],
)
def test_every_public_page_ends_with_the_trader_and_the_shop_page_links(client, public_pages, page):
    response = client.get(public_pages[page])

    assert response.status_code == 200
    assert_has_the_footer(response)


def test_the_not_found_page_has_the_footer(client, trader):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert_has_the_footer(response)


@pytest.mark.urls(__name__)
def test_the_server_error_page_has_the_footer(trader):
    response = Client(raise_request_exception=False).get("/server-error/")

    assert response.status_code == 500
    assert "Server error" in response.content.decode()
    assert_has_the_footer(response)


def test_every_checkout_step_has_the_footer_and_the_preview_states_delivery_and_cancelling(
    django_app, trader
):
    shop = checkout_shop(trader)
    add_to_basket(django_app, shop)

    preview = checkout_as_guest(django_app, shop)

    assert_has_the_footer(preview)
    before = preview.html.find("section", id="before-place-order")
    text = " ".join(before.get_text(" ").split())
    assert "Delivery by Standard delivery costs £3.95." in text
    assert "You may cancel your order within 14 days of receiving it" in text
    assert before.find("a", href="/returns/").get_text() == "How to cancel and return goods"
    assert before.find_next("form", id="place_order_form") is not None


def test_the_preview_says_delivery_is_free_when_the_order_reaches_the_threshold(django_app, trader):
    shop = checkout_shop(trader)
    OrderAndItemCharges.objects.filter(code="standard").update(free_shipping_threshold=5)
    add_to_basket(django_app, shop)

    preview = checkout_as_guest(django_app, shop)

    text = preview.html.find("section", id="before-place-order").get_text()
    assert "Delivery by Standard delivery is free." in " ".join(text.split())
