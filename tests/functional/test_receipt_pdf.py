"""Staff download an order's receipt and credit notes as PDF files from its dashboard page.

The receipt's first page is drawn as a picture and read back by OCR (Tesseract), so the test
proves what a person reading the file sees, not only what the PDF's text layer holds.
"""

from decimal import Decimal

import pypdfium2
import pytesseract
import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from store.receipts.models import Receipt
from store.receipts.pdf import StaticFilesOnly
from store.receipts.services import credit_note_issue
from tests.factories import PartnerFactory, UserFactory, shop_staff_user
from tests.functional.test_receipt_pages import WRITE
from tests.receipt_factories import two_rate_order

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_member():
    return shop_staff_user()


def first_page_read_by_ocr(pdf: bytes) -> str:
    """Return the text Tesseract reads on the first page of ``pdf``, drawn at 216 dots an inch."""
    page = pypdfium2.PdfDocument(pdf)[0]
    return pytesseract.image_to_string(page.render(scale=3).to_pil())


def text_of(pdf: bytes) -> str:
    """Return the text layer of every page of ``pdf``."""
    return "\n".join(page.get_textpage().get_text_bounded() for page in pypdfium2.PdfDocument(pdf))


def test_staff_download_the_receipt_from_the_order_page_and_it_reads_right(
    django_app, settings, staff_member
):
    settings.SHOP_TRADER_VAT_NUMBER = "GB 987 6543 21"
    order = two_rate_order()
    order_page = django_app.get(f"/dashboard/orders/{order.number}/", user=staff_member)

    download = order_page.click(href=f"/dashboard/orders/{order.number}/receipt/$")

    assert download.content_type == "application/pdf"
    assert download.headers["Content-Disposition"] == 'attachment; filename="R-000001.pdf"'
    seen = first_page_read_by_ocr(download.body)
    assert "VAT receipt" in seen
    assert "R-000001" in seen
    assert "GB 987 6543 21" in seen
    assert "£27.30" in text_of(download.body)


def test_staff_download_each_credit_note_from_the_order_page(django_app, staff_member):
    order = two_rate_order()
    notes = [
        credit_note_issue(order=order, amount=Decimal(amount), refund_reference=f"re_{amount}")
        for amount in ("10.00", "2.50")
    ]
    order_page = django_app.get(f"/dashboard/orders/{order.number}/", user=staff_member)

    for note in notes:
        download = order_page.click(href=f"/credit-notes/{note.number}/$")
        assert download.headers["Content-Disposition"] == (
            f'attachment; filename="{note.number}.pdf"'
        )
        text = text_of(download.body)
        assert "Credit note" in text
        assert note.number in text
        assert order.receipt.number in text
        assert f"£{note.amount}" in text


def test_drawing_a_pdf_writes_nothing(client, staff_member):
    order = two_rate_order()
    note = credit_note_issue(order=order, amount=Decimal("1.00"), refund_reference="re_1")
    client.force_login(staff_member)
    urls = [
        f"/dashboard/orders/{order.number}/receipt/",
        f"/dashboard/orders/{order.number}/credit-notes/{note.number}/",
    ]

    with CaptureQueriesContext(connection) as queries:
        for url in urls:
            assert client.get(url).status_code == 200

    assert [query["sql"] for query in queries if WRITE.match(query["sql"])] == []


def test_a_partners_user_gets_no_document_of_an_order_another_partner_supplied(django_app):
    order = two_rate_order()
    note = credit_note_issue(order=order, amount=Decimal("1.00"), refund_reference="re_1")
    partner_user = UserFactory()
    partner_user.user_permissions.add(Permission.objects.get(codename="dashboard_access"))
    PartnerFactory(name="Another warehouse").users.add(partner_user)

    django_app.get(f"/dashboard/orders/{order.number}/receipt/", user=partner_user, status=404)
    django_app.get(
        f"/dashboard/orders/{order.number}/credit-notes/{note.number}/",
        user=partner_user,
        status=404,
    )


def test_an_unknown_order_or_credit_note_is_a_404(django_app, staff_member):
    order = two_rate_order()
    Receipt.objects.filter(order=order).delete()

    django_app.get(f"/dashboard/orders/{order.number}/receipt/", user=staff_member, status=404)
    django_app.get("/dashboard/orders/999999/receipt/", user=staff_member, status=404)
    django_app.get(
        f"/dashboard/orders/{order.number}/credit-notes/CN-000001/",
        user=staff_member,
        status=404,
    )


def test_the_pdf_reads_its_stylesheet_from_the_apps_or_the_collected_static_files(
    settings, tmp_path
):
    settings.STATIC_ROOT = tmp_path
    (tmp_path / "receipts").mkdir()
    (tmp_path / "receipts" / "document.0a1b2c3d.css").write_text("@page { size: A5 }")
    fetcher = StaticFilesOnly()

    from_the_app = fetcher.fetch("http://testserver/static/receipts/document.css").read()
    collected = fetcher.fetch("http://testserver/static/receipts/document.0a1b2c3d.css").read()

    assert from_the_app.startswith(b"/* A tax document")
    assert collected == b"@page { size: A5 }"


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://elsewhere.example/style.css",
        "http://testserver/static/../../etc/passwd",
        "http://testserver/static/%2e%2e/%2e%2e/etc/passwd",
        "http://testserver/static/receipts/missing.css",
    ],
)
def test_the_pdf_fetches_nothing_but_the_shops_static_files(url):
    with pytest.raises(ValueError, match="only the shop's static files"):
        StaticFilesOnly().fetch(url)
