"""The shopper reads their receipt and credit notes as web pages: through the signed link in the
order confirmation email without signing in, or from their account's order page. Nobody else
reads them, a tampered link is a 404, and looking at a document writes nothing."""

import re
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model

from store.payments.bank_transfer import bank_transfer_mark_paid
from store.receipts.selectors import signed_url
from store.receipts.services import credit_note_issue
from tests.checkout_journey import add_to_basket, checkout_as_guest, checkout_shop
from tests.factories import UserFactory
from tests.functional.test_order_status_staff import guest_status_page
from tests.receipt_factories import Item, taxed_order, two_rate_order

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")
SourceType = get_model("payment", "SourceType")

WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE)\b", re.IGNORECASE)
MINUS, DASH = "\N{MINUS SIGN}", "\N{EN DASH}"


@pytest.fixture
def shopper():
    return UserFactory(first_name="Ada", last_name="Lovelace")


def path_of(url: str) -> str:
    return url.removeprefix("http://testserver")


def cells(page, selector: str) -> list[list[str]]:
    """Return the text of each cell of each row ``selector`` finds on ``page``."""
    soup = BeautifulSoup(page.content, "html.parser")
    return [
        [" ".join(cell.get_text(" ").split()) for cell in row.find_all(["th", "td"])]
        for row in soup.select(selector)
    ]


def definitions(page, selector: str) -> dict[str, str]:
    soup = BeautifulSoup(page.content, "html.parser").select_one(selector)
    return {
        term.get_text(strip=True): term.find_next_sibling("dd").get_text(strip=True)
        for term in soup.find_all("dt")
    }


def test_the_confirmation_email_links_to_the_receipt_which_opens_without_signing_in(
    django_app, settings, django_capture_on_commit_callbacks
):
    shop = checkout_shop(settings)
    add_to_basket(django_app, shop)
    preview = checkout_as_guest(django_app, shop)

    with django_capture_on_commit_callbacks(execute=True):
        preview.forms["place_order_form"].submit()

    (confirmation,) = mail.outbox
    order = Order.objects.get()
    link = signed_url(order.receipt)
    assert link.startswith("http://testserver/receipts/")
    assert link in confirmation.body
    html, _type = confirmation.alternatives[0]
    assert f'href="{link}"' in html
    django_app.reset()
    page = django_app.get(path_of(link))
    assert page.html.h1.get_text() == "VAT receipt"
    facts = definitions(page, ".document-facts")
    assert facts["Number"] == "R-000001"
    assert facts["Order"] == order.number
    assert page.headers["X-Robots-Tag"] == "noindex, nofollow"
    assert set(page.headers["Cache-Control"].split(", ")) == {"private", "no-store"}


@pytest.mark.parametrize(
    "tamper",
    ["last character changed", "number changed", "no signature", "credit note's salt", "junk"],
)
def test_a_tampered_or_forged_link_is_a_404(django_app, tamper):
    order = two_rate_order()
    token = path_of(signed_url(order.receipt)).split("/")[2]
    number, signature = token.split(":")
    note = credit_note_issue(order=order, amount=Decimal("1.00"), refund_reference="re_1")
    forged = {
        "last character changed": token[:-1] + ("A" if token[-1] != "A" else "B"),
        "number changed": f"R-000002:{signature}",
        "no signature": number,
        "credit note's salt": path_of(signed_url(note)).split("/")[3],
        "junk": "%00" * 300,
    }[tamper]

    django_app.get(f"/receipts/{forged}/", status=404)


def test_the_receipt_shows_every_figure_of_the_order_and_agrees_with_it(django_app, settings):
    settings.SHOP_TRADER_VAT_NUMBER = "GB 987 6543 21"
    order = two_rate_order()

    page = django_app.get(path_of(signed_url(order.receipt)))

    assert cells(page, "table.charges tbody tr") == [
        ["Zechstein bath flakes 1 (1 kg)", "2", "£6.50", "20%", "£2.17", "£13.00"],
        [
            f"Zechstein bath flakes 2 (1 kg) Discount: {MINUS}£1.15",
            "1",
            "£11.50",
            "5%",
            "£0.49",
            "£10.35",
        ],
        [f"Delivery: {order.shipping_method}", "", "", "20%", "£0.66", "£3.95"],
    ]
    assert cells(page, "table.tax-summary tbody tr") == [
        ["20%", "£14.12", "£2.83", "£16.95"],
        ["5%", "£9.86", "£0.49", "£10.35"],
    ]
    assert definitions(page, ".totals") == {
        "Total before VAT": "£23.98",
        "VAT": "£3.32",
        "Total": "£27.30",
    }
    assert (order.total_excl_tax, order.total_incl_tax) == (Decimal("23.98"), Decimal("27.30"))
    trader = definitions(page, ".trader-numbers")
    assert trader == {"Company number": "00000000", "VAT number": "GB 987 6543 21"}
    assert "Magnesium Works Ltd" in page.html.select_one(".trader").get_text()
    customer = page.html.select_one(".customer address").get_text(" ")
    assert " ".join(customer.split()) == (
        "Ada Lovelace 1 Bath Street Bristol BS1 1AA United Kingdom guest@example.com"
    )
    assert page.html.select_one(".payment").get_text() == "Payment awaited."


def test_an_unknown_tax_rate_is_shown_as_a_dash(django_app):
    order = taxed_order([Item("6.50", rate=None)], shipping="0.00", shipping_rate=None)

    page = django_app.get(path_of(signed_url(order.receipt)))

    assert cells(page, "table.tax-summary tbody tr") == [[DASH, "£6.50", "£0.00", "£6.50"]]


def test_the_receipt_says_how_the_order_was_paid(django_app):
    order = two_rate_order()
    order.sources.create(
        source_type=SourceType.objects.create(code="bank-transfer", name="Bank transfer"),
        currency="GBP",
        amount_allocated=order.total_incl_tax,
    )
    url = path_of(signed_url(order.receipt))
    assert django_app.get(url).html.select_one(".payment").get_text() == (
        "Payment awaited. Payment method: Bank transfer."
    )

    bank_transfer_mark_paid(order=order, amount=Decimal("20.00"), user=UserFactory(staff=True))
    assert django_app.get(url).html.select_one(".payment").get_text() == (
        "£20.00 paid, £7.30 awaited. Payment method: Bank transfer."
    )

    bank_transfer_mark_paid(order=order, amount=Decimal("7.30"), user=UserFactory(staff=True))
    assert django_app.get(url).html.select_one(".payment").get_text() == (
        "Paid in full. Payment method: Bank transfer."
    )


def test_the_receipt_uses_the_wording_of_the_market(django_app, settings):
    order = two_rate_order()
    settings.CLAIMS_MARKET = "au"

    page = django_app.get(path_of(signed_url(order.receipt)))

    assert page.html.h1.get_text() == "Tax invoice"
    assert "ABN" in definitions(page, ".trader-numbers")
    assert definitions(page, ".totals")["GST"] == "£3.32"


def test_where_prices_are_before_tax_the_unit_price_is_too(django_app, settings):
    order = taxed_order([Item("10.80", rate="0.08")], shipping="0.00", shipping_rate=None)
    settings.CLAIMS_MARKET = "us"

    page = django_app.get(path_of(signed_url(order.receipt)))

    assert page.html.h1.get_text() == "Receipt"
    assert cells(page, "table.charges thead tr")[0][2] == "Unit price before sales tax"
    assert cells(page, "table.charges tbody tr")[0][2:] == ["£10.00", "8%", "£0.80", "£10.80"]


def test_the_owner_reads_their_receipt_and_credit_notes_from_their_order_page(django_app, shopper):
    order = two_rate_order(user=shopper)
    note = credit_note_issue(order=order, amount=Decimal("10.00"), refund_reference="re_1")

    order_page = django_app.get(f"/accounts/orders/{order.number}/", user=shopper)
    receipt = order_page.click(href=f"/receipts/orders/{order.number}/$")
    credit_note = receipt.click(href=f"/credit-notes/{note.number}/$")

    assert definitions(receipt, ".document-facts")["Number"] == order.receipt.number
    assert credit_note.html.h1.get_text() == "Credit note"
    facts = definitions(credit_note, ".document-facts")
    assert (facts["Number"], facts["Receipt"]) == ("CN-000001", order.receipt.number)
    assert cells(credit_note, "table.tax-summary tbody tr") == [
        ["20%", "£5.17", "£1.04", "£6.21"],
        ["5%", "£3.61", "£0.18", "£3.79"],
    ]
    assert definitions(credit_note, ".totals")["Total"] == "£10.00"
    assert order_page.click(href=f"/credit-notes/{note.number}/$").request.path == (
        credit_note.request.path
    )


def test_a_guests_order_status_page_links_its_documents_signed(django_app):
    order = two_rate_order()
    note = credit_note_issue(order=order, amount=Decimal("10.00"), refund_reference="re_1")

    status_page = guest_status_page(
        django_app, f"/accounts/order-status/{order.number}/{order.verification_hash()}/"
    )

    links = {link["href"] for link in status_page.html.select(".order-documents a")}
    assert links == {signed_url(order.receipt), signed_url(note)}
    assert django_app.get(path_of(signed_url(note))).html.h1.get_text() == "Credit note"


def test_nobody_else_reads_a_shoppers_documents(django_app, shopper):
    order = two_rate_order(user=shopper)
    note = credit_note_issue(order=order, amount=Decimal("10.00"), refund_reference="re_1")
    someone_else = UserFactory()
    receipt_url = f"/receipts/orders/{order.number}/"
    note_url = f"/receipts/orders/{order.number}/credit-notes/{note.number}/"

    django_app.get(receipt_url, user=someone_else, status=404)
    django_app.get(note_url, user=someone_else, status=404)
    unknown_note_url = f"/receipts/orders/{order.number}/credit-notes/CN-999999/"
    django_app.get(unknown_note_url, user=shopper, status=404)
    django_app.reset()
    signed_out = django_app.get(receipt_url)
    assert signed_out.status_code == 302
    assert signed_out.location.startswith("/accounts/login/?next=")


def test_the_receipt_of_a_guests_order_is_not_the_owner_page_of_anyone(django_app, shopper):
    guests = two_rate_order()

    django_app.get(f"/receipts/orders/{guests.number}/", user=shopper, status=404)


def queries_on_a_receipt(client, items: int) -> int:
    order = taxed_order([Item("6.50", rate="0.20")] * items)
    credit_note_issue(order=order, amount=Decimal("1.00"), refund_reference=f"re_{items}")
    url = path_of(signed_url(order.receipt))
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_a_receipt_costs_the_same_queries_however_many_lines_the_order_has(client):
    assert queries_on_a_receipt(client, 1) == queries_on_a_receipt(client, 6)


def test_reading_the_documents_writes_nothing(client, shopper):
    order = two_rate_order(user=shopper)
    note = credit_note_issue(order=order, amount=Decimal("10.00"), refund_reference="re_1")
    client.force_login(shopper)
    urls = [
        signed_url(order.receipt),
        signed_url(note),
        f"/receipts/orders/{order.number}/",
        f"/receipts/orders/{order.number}/credit-notes/{note.number}/",
    ]

    with CaptureQueriesContext(connection) as queries:
        for url in urls:
            assert client.get(path_of(url)).status_code == 200

    assert [query["sql"] for query in queries if WRITE.match(query["sql"])] == []


def test_the_thank_you_page_links_to_the_receipt_a_guest_can_open_later(django_app, settings):
    shop = checkout_shop(settings)
    add_to_basket(django_app, shop)
    preview = checkout_as_guest(django_app, shop)
    thank_you = preview.forms["place_order_form"].submit().follow()

    order = Order.objects.get()
    receipt = thank_you.click(description=f"Receipt {order.receipt.number}")
    assert receipt.html.h1.get_text() == "VAT receipt"
    assert settings.SHOP_TRADER_VAT_NUMBER in receipt.text
