"""Staff and editors run the shipped shop with the accounts `make run` creates for them.

Staff sign in with the demo staff account, mark a guest's bank transfer paid, dispatch it with
a tracking number (the guest is emailed), and refund part of a card order through the Stripe
emulator; the demo editor imports the store's own exported article, whose closing claim the
claims check refuses to publish. Nothing is prepared for them but what the seed commands made.
"""

from pathlib import Path

import pytest

from tests.browser.shopper import GUEST_EMAIL
from tests.card_payments import WEBHOOK_SECRET
from tests.shipped.servers import links_in, text_of

pytestmark = pytest.mark.slow

IMPORTED = "Magnesium Has a Neuroprotective Effect"
SEED_ARTICLE = Path(__file__).resolve().parents[3] / "shared" / "seed" / "000_3b8c502e2795d89f.txt"


@pytest.mark.journey("shipped-staff")
def test_staff_mark_a_guests_bank_transfer_paid(guest, staff, shipped_shop):
    number = guest.buy_by_bank_transfer("Lavender magnesium bath flakes", "500 g £6.95")

    staff.sign_in_as("staff", shipped_shop.staff_password)
    staff.open_order(number)
    assert "Awaiting payment" in staff.order_status()
    mark_paid = staff.page.locator("#mark_paid_form")
    assert mark_paid.get_by_label("Amount received").input_value() == "10.90"
    staff.press("Mark paid", then=f"**/dashboard/orders/{number}/", within=mark_paid)

    assert f"Order {number} marked paid." in staff.text()
    assert "Being processed" in staff.order_status()

    dispatch = staff.page.locator("#dispatch_form")
    dispatch.get_by_label("Carrier").fill("Royal Mail")
    dispatch.get_by_label("Tracking number").fill("RM 1234 5678 GB")
    staff.press("Dispatch", then=f"**/dashboard/orders/{number}/", within=dispatch)
    assert "Shipped" in staff.order_status()
    mail = shipped_shop.mail.wait_for(to=GUEST_EMAIL, subject_contains="is on its way")
    assert "RM12345678GB" in text_of(mail)
    assert all(link.startswith(f"{shipped_shop.url}/") for link in links_in(mail))


@pytest.mark.journey("shipped-staff")
def test_staff_refund_part_of_a_card_order(guest, staff, shipped_shop):
    shipped_shop.stripe.deliver_to(f"{shipped_shop.url}/payments/stripe/webhook/", WEBHOOK_SECRET)
    number = guest.buy_by_card("Magnesium oil roll-on", "50 ml £5.95", shop_url=shipped_shop.url)

    staff.sign_in_as("staff", shipped_shop.staff_password)
    staff.open_order(number)
    assert "Up to £9.90 can be refunded" in staff.text()
    refund = staff.page.locator("#card_refund_form")
    refund.get_by_label("Amount").fill("5.00")
    staff.press("Refund", then=f"**/dashboard/orders/{number}/", within=refund)

    assert "£5.00 refunded to the shopper" in staff.text()
    assert "Partly refunded" in staff.order_status()


@pytest.mark.journey("shipped-editor")
def test_the_demo_editor_imports_the_stores_article_and_may_not_publish_its_claims(
    staff, shipped_shop
):
    staff.sign_in_as("editor", shipped_shop.editor_password, then="**/dashboard/content/articles/")
    staff.choose("Editorial", "Import an article", then="**/dashboard/content/import/")
    staff.page.get_by_label("Exported article").set_input_files(SEED_ARTICLE)
    staff.press("Import", then="**/dashboard/content/articles/")
    assert f"Imported “{IMPORTED}”" in staff.text()

    row = staff.page.locator("tr", has=staff.page.get_by_text("Magnesium Has a Neuroprotective"))
    staff.follow(
        "Magnesium Has a Neuroprotective Effect",
        then="**/dashboard/content/articles/*/",
        within=row,
    )
    assert "TREATS BOTH SYMPTOMS AND CAUSES of pain" in staff.text()
    staff.press(
        "Publish",
        then="**/dashboard/content/articles/*/publish/",
        within=staff.page.locator("#page-publish-form"),
    )
    assert "CAP Code rule 12.1" in staff.text()
    assert "is live." not in staff.text()

    staff.open("/articles/")
    assert IMPORTED not in staff.text()
