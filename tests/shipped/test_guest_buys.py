"""Guests buy from the shop exactly as `make run` builds it and the deployment serves it.

The shop is the demo one: its products, sizes, prices, shipping countries and methods come
from the seed commands alone. A guest who only reads and clicks what the pages show buys two
sizes and pays by bank transfer, or pays by card on the Stripe emulator's page; the emails
arrive over SMTP and their links lead back to this shop, on the port it is served on.
"""

import re
from urllib.parse import urlsplit

import pytest

from tests.browser.shopper import GUEST_EMAIL, starting_with
from tests.card_payments import WEBHOOK_SECRET
from tests.shipped.people import FLAKES, pictures_that_do_not_load
from tests.shipped.servers import links_in

pytestmark = pytest.mark.slow


@pytest.mark.journey("shipped-bank-transfer")
def test_a_guest_buys_two_sizes_by_bank_transfer_on_the_demo_shop(guest, shipped_shop):
    guest.open("/")
    assert pictures_that_do_not_load(guest.page) == []
    main = guest.page.locator("main")
    guest.follow(starting_with("Bath flakes"), then="**/catalogue/category/**", within=main)
    assert pictures_that_do_not_load(guest.page) == []
    guest.follow(FLAKES, then="**/catalogue/**", within=guest.page.locator("main"))
    assert guest.page.get_by_role("img", name=re.compile(FLAKES)).count() >= 1
    assert pictures_that_do_not_load(guest.page) == []
    guest.add_size("1 kg £9.95")
    guest.add_size("2 kg £16.95")

    guest.open_basket()
    assert pictures_that_do_not_load(guest.page) == []
    guest.pay_by("Bank transfer")
    guest.press("Place order", then="**/checkout/thank-you/")

    thank_you = guest.text()
    assert "£30.85" in thank_you  # £9.95 + £16.95, and £3.95 for standard delivery
    number = re.search(r"MW-(\d+)", thank_you).group(1)
    mail = shipped_shop.mail.wait_for(to=GUEST_EMAIL, subject_contains=number)
    links = links_in(mail)
    assert links, "the confirmation email has no link"
    assert all(link.startswith(f"{shipped_shop.url}/") for link in links), links
    status_link = next(link for link in links if "/order-status/" in link)
    assert guest.open(status_link).status == 200
    guest.page.get_by_label("Email address").fill(GUEST_EMAIL)
    guest.press("Submit", then="**/order-status/**")
    assert number in guest.text()
    assert "Awaiting payment" in guest.text()


@pytest.mark.journey("shipped-card")
def test_a_guest_pays_by_card_on_the_demo_shop(guest, shipped_shop):
    shipped_shop.stripe.deliver_to(f"{shipped_shop.url}/payments/stripe/webhook/", WEBHOOK_SECRET)
    guest.fill_basket("Magnesium oil spray", "250 ml £11.95")
    guest.pay_by("Card (debit or credit)")

    guest.press("Place order", then="**/pay/cs_*")
    assert urlsplit(guest.page.url).port == urlsplit(shipped_shop.stripe.api_base).port
    assert "Pay 15.90 GBP" in guest.text()  # £11.95 and £3.95 for standard delivery
    guest.press("Pay", then=f"{shipped_shop.url}/checkout/thank-you/")

    assert "£15.90 was paid by card" in guest.text()
    assert ("checkout.session.completed", 200) in shipped_shop.stripe.deliveries


@pytest.mark.journey("shipped-vat")
def test_basket_stripe_and_receipt_agree_on_the_vat_of_a_discounted_order(guest, shipped_shop):
    """Two sizes of Dead Sea flakes (£8.95 and £15.95), the demo's 10% voucher, paid delivery.

    10% of £24.90 is £2.49, shared by value as 89p and £1.60: lines of £8.06 and £14.35 hold
    VAT of £1.34 and £2.39 (a sixth, rounded half up); delivery £3.95 holds 66p. Total £26.36,
    of which VAT £4.39.
    """
    shipped_shop.stripe.deliver_to(f"{shipped_shop.url}/payments/stripe/webhook/", WEBHOOK_SECRET)
    guest.open("/")
    main = guest.page.locator("main")
    guest.follow(starting_with("Bath flakes"), then="**/catalogue/category/**", within=main)
    guest.follow("Dead Sea magnesium bath flakes", then="**/catalogue/**", within=main)
    assert "£8.95 incl. VAT" in " ".join(guest.page.locator(".product_main").inner_text().split())
    guest.add_size("1 kg £8.95")
    guest.add_size("2 kg £15.95")
    guest.open_basket()
    guest.page.get_by_label("Voucher code").fill("WELCOME10")
    guest.press("Add voucher", then="**/basket/")
    totals = " ".join(guest.page.locator("#basket_totals").inner_text().split())
    assert "-£2.49" in totals
    assert "Includes VAT £4.39" in totals

    guest.pay_by("Card (debit or credit)")
    assert "Includes VAT £4.39" in " ".join(guest.text().split())
    guest.press("Place order", then="**/pay/cs_*")
    assert "Pay 26.36 GBP" in guest.text()
    guest.press("Pay", then=f"{shipped_shop.url}/checkout/thank-you/")
    number = guest.order_number()

    mail = shipped_shop.mail.wait_for(to=GUEST_EMAIL, subject_contains=number)
    receipt_link = next(link for link in links_in(mail) if "/receipts/" in link)
    assert guest.open(receipt_link).status == 200
    receipt = " ".join(guest.text().split())
    assert "VAT receipt" in receipt
    assert "GB 123 4567 89" in receipt
    for figure in ("£8.06", "£1.34", "£14.35", "£2.39", "£3.95", "£0.66", "£4.39", "£26.36"):
        assert figure in receipt
