"""The shop's own pages: delivery, returns and cancellation, terms, privacy, contact and about.

Editors write their words in the dashboard; the facts beside the words (the trader's details,
the delivery methods and prices, the trader the cancellation form is addressed to) come from
the settings and the database as each page is served, so a change there shows at once.
"""

import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model

from content.models import Status
from content.shop_pages import ShopPageSlot
from tests.content_factories import ShopPageFactory, content_writer_user, editor_user
from tests.content_pages import soup
from tests.trader import ADDRESS

OrderAndItemCharges = get_model("shipping", "OrderAndItemCharges")
Country = get_model("address", "Country")

pytestmark = pytest.mark.django_db

SHOP_PAGES = "/dashboard/content/shop-pages/"
WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE)\b", re.IGNORECASE)


def words(tag) -> str:
    """Return the text of ``tag`` with its whitespace run together, as a reader sees it."""
    return " ".join(tag.get_text(" ").split())


@pytest.fixture
def live_pages():
    """Every shop page, live, its body naming its slot."""
    return {
        slot: ShopPageFactory(published=True, slug=slot, body=f"<p>The {slot.label} text.</p>")
        for slot in ShopPageSlot
    }


@pytest.fixture
def delivery_methods():
    """Standard delivery to the UK, free from £40, and express delivery anywhere, never free."""
    uk = Country.objects.create(
        iso_3166_1_a2="GB", printable_name="United Kingdom", name="United Kingdom"
    )
    standard = OrderAndItemCharges.objects.create(
        code="standard",
        name="Standard delivery",
        description="Tracked, in 2 to 3 working days.",
        price_per_order=Decimal("3.95"),
        free_shipping_threshold=Decimal("40.00"),
    )
    standard.countries.add(uk)
    express = OrderAndItemCharges.objects.create(
        code="express", name="Express delivery", price_per_order=Decimal("7.95")
    )
    return standard, express


@pytest.mark.parametrize("slot", list(ShopPageSlot))
def test_each_live_page_answers_at_its_own_address_with_its_text(client, live_pages, slot):
    response = client.get(f"/{slot}/")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    page = soup(response)
    assert page.h1.get_text(strip=True) == slot.label
    assert f"The {slot.label} text." in page.find("article").get_text()
    assert page.find("link", rel="canonical")["href"] == f"http://testserver/{slot}/"


def test_reading_the_pages_writes_nothing(client, live_pages, delivery_methods):
    with CaptureQueriesContext(connection) as queries:
        for slot in ShopPageSlot:
            assert client.get(f"/{slot}/").status_code == 200

    assert [query["sql"] for query in queries if WRITE.match(query["sql"])] == []


@pytest.mark.parametrize("status", [Status.DRAFT, Status.IN_REVIEW])
def test_a_page_not_published_is_not_found(client, status):
    ShopPageFactory(slug=ShopPageSlot.TERMS, status=status)

    assert client.get("/terms/").status_code == 404


def test_a_page_never_written_is_not_found(client):
    assert client.get("/privacy/").status_code == 404


def test_an_address_that_names_no_page_is_not_found(client, live_pages):
    assert client.get("/shipping/").status_code == 404


@pytest.mark.parametrize("slot", [ShopPageSlot.ABOUT, ShopPageSlot.CONTACT, ShopPageSlot.TERMS])
def test_the_trader_pages_name_the_trader_from_the_settings(client, trader, live_pages, slot):
    details = soup(client.get(f"/{slot}/")).find("section", class_="shop-facts")

    text = words(details)
    assert "Brine & Flake Ltd" in text
    assert "12345678" in text
    assert "VAT number GB 987 6543 21" in text
    assert [line.strip() for line in details.address.stripped_strings] == ADDRESS
    assert details.find("a", href="mailto:help@brine.example")
    assert details.find("a", href="tel:+441606123456").get_text() == "+44 1606 123456"


def test_the_delivery_page_lists_each_method_its_price_threshold_and_countries(
    client, live_pages, delivery_methods
):
    table = soup(client.get("/delivery/")).find("table", class_="delivery-methods")

    rows = [
        [words(cell) for cell in row.find_all(["th", "td"])] for row in table.tbody.find_all("tr")
    ]
    assert rows == [
        [
            "Standard delivery",
            "Tracked, in 2 to 3 working days.",
            "£3.95",
            "£40.00 or more",
            "United Kingdom",
        ],
        ["Express delivery", "", "£7.95", "Never free", "Everywhere we deliver"],
    ]
    assert "Delivery prices include VAT." in words(table.find_parent("section"))


def test_a_new_delivery_price_shows_on_the_page_without_editing_it(
    client, live_pages, delivery_methods
):
    standard, _express = delivery_methods
    standard.price_per_order = Decimal("4.50")
    standard.save()

    text = soup(client.get("/delivery/")).find("table", class_="delivery-methods").get_text()

    assert "£4.50" in text
    assert "£3.95" not in text


def test_the_returns_page_has_a_cancellation_form_addressed_to_the_trader(
    client, trader, live_pages
):
    form = soup(client.get("/returns/")).find("section", class_="cancellation-form")

    assert form.h2.get_text() == "Model cancellation form"
    text = words(form)
    assert (
        "To: Brine & Flake Ltd, 2 Salt Lane, Middlewich, CW10 9AA, United Kingdom. "
        "Email: help@brine.example"
    ) in text
    for field in (
        "cancel my/our (*) contract of sale of the following goods",
        "Ordered on (*) / received on (*):",
        "Name of consumer(s):",
        "Address of consumer(s):",
        "Signature of consumer(s) (only if this form is sent on paper):",
        "Date:",
    ):
        assert field in text


def test_the_sitemap_lists_the_live_pages_only(client):
    ShopPageFactory(published=True, slug=ShopPageSlot.DELIVERY)
    ShopPageFactory(slug=ShopPageSlot.TERMS)

    sitemap = client.get("/sitemap.xml").content.decode()

    assert "<loc>http://testserver/delivery/</loc>" in sitemap
    assert "/terms/" not in sitemap


def test_an_editor_changes_a_live_page_in_the_dashboard_and_readers_see_it(
    django_app, delivery_methods
):
    editor = editor_user()
    page = ShopPageFactory(published=True, slug=ShopPageSlot.DELIVERY)

    listing = django_app.get(SHOP_PAGES, user=editor)
    assert "Delivery" in listing.html.find("table").get_text()
    edit = django_app.get(f"{SHOP_PAGES}{page.pk}/", user=editor)
    form = edit.forms["page-form"]
    form["body"] = "<p>We now pack orders on Saturdays too.</p>"
    saved = form.submit(user=editor).follow(user=editor)

    assert "Saved “Delivery”." in saved.text
    public = django_app.get("/delivery/")
    assert "We now pack orders on Saturdays too." in public.text
    assert "Standard delivery" in public.text
    preview = django_app.get(f"{SHOP_PAGES}{page.pk}/preview/", user=editor)
    assert preview.headers["X-Robots-Tag"] == "noindex, nofollow"
    assert "We now pack orders on Saturdays too." in preview.text
    assert "Standard delivery" in preview.text


def test_an_editor_publishes_a_draft_page_and_it_goes_live(django_app, live_pages):
    editor = editor_user()
    page = live_pages[ShopPageSlot.PRIVACY]
    page.status = Status.DRAFT
    page.save()
    assert django_app.get("/privacy/", status=404)

    edit = django_app.get(f"{SHOP_PAGES}{page.pk}/", user=editor)
    published = edit.forms["page-publish-form"].submit(user=editor).follow(user=editor)

    assert "“Privacy notice” is live." in published.text
    assert "The Privacy notice text." in django_app.get("/privacy/").text


def test_the_claims_check_refuses_a_health_claim_on_a_live_page(django_app, live_pages):
    editor = editor_user()
    page = live_pages[ShopPageSlot.ABOUT]

    form = django_app.get(f"{SHOP_PAGES}{page.pk}/", user=editor).forms["page-form"]
    form["body"] = "<p>Our magnesium flakes cure migraines.</p>"
    refused = form.submit(user=editor)

    assert refused.status_code == 200
    assert "cure" in refused.html.select_one(".alert-danger").get_text()
    page.refresh_from_db()
    assert page.body == "<p>The About us text.</p>"


def test_a_content_writer_without_the_publish_permission_cannot_change_a_live_page(
    django_app, live_pages
):
    writer = content_writer_user()
    page = live_pages[ShopPageSlot.TERMS]

    form = django_app.get(f"{SHOP_PAGES}{page.pk}/", user=writer).forms["page-form"]
    form["body"] = "<p>New terms nobody approved.</p>"
    form.submit(user=writer, status=403)

    page.refresh_from_db()
    assert page.body == "<p>The Terms and conditions text.</p>"
