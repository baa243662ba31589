"""Each market's tax, from the basket through checkout to the order, card charge and receipt.

A guest buys one £10.00 and one £20.00 size with a 10% voucher and £5.00 delivery, paying by
card on the local Stripe emulator. The figures each market should show were worked out by hand,
per line, rounded half up to the penny:

- uk: VAT 20% in the prices. Lines £9.00 and £18.00 after the voucher hold £1.50 and £3.00;
  delivery £5.00 holds 83p (83.3p). Total £32.00, of which VAT £5.33.
- au: GST 10% in the prices: 82p (81.8p), £1.64 (163.6p) and 45p (45.5p). GST £2.91.
- eu, trader in Ireland (23%), delivered to France (20%, One-Stop-Shop): the prices before VAT
  stay, so £10.00 becomes £9.76 and £20.00 £19.51; 10% of £29.27 is £2.93, shared by value as
  98p and £1.95, leaving £8.78 and £17.56 (VAT £1.46 and £2.93); delivery £4.88 (VAT 81p).
  Total £31.22, of which VAT £5.20.
- eu, delivered to Ireland: the prices as entered; VAT £1.68, £3.37 and 93p. VAT £5.98.
- us, prices before sales tax: lines £9.00 and £18.00 after the voucher. New York (4%, on
  delivery too) adds 36p, 72p and 20p: total £33.28. California (7.25%, not on delivery) adds
  65p (65.25p) and £1.31 (130.5p): total £33.96. Oregon is not a state the shop collects in:
  total £32.00 and no tax.
"""

from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from oscar.core.loading import get_model

from store.receipts.selectors import signed_url
from tests.checkout_journey import (
    add_to_basket,
    checkout_as_guest,
    checkout_shop,
    choose_shipping_and_payment,
    guest_address_form,
)
from tests.factories import ParentProductFactory, SizeFactory, VoucherFactory

pytestmark = pytest.mark.django_db

Country = get_model("address", "Country")
Order = get_model("order", "Order")
OrderAndItemCharges = get_model("shipping", "OrderAndItemCharges")


@dataclass(frozen=True)
class Case:
    """A market, an address, and the figures the order should hold (space-separated pounds)."""

    market: str
    trader_country: str
    country: str
    state: str
    lines: str  # each line's price after the voucher, as entered (with or before tax)
    line_taxes: str
    shipping: str  # the delivery charge as entered, and its tax
    totals: str  # the order's total and its tax
    tax_shown: str  # how the checkout preview names the tax


CASES = [
    Case(
        "uk", "GB", "GB", "", "9.00 18.00", "1.50 3.00", "5.00 0.83", "32.00 5.33", "Includes VAT"
    ),
    Case(
        "au", "AU", "AU", "", "9.00 18.00", "0.82 1.64", "5.00 0.45", "32.00 2.91", "Includes GST"
    ),
    Case(
        "eu", "IE", "FR", "", "8.78 17.56", "1.46 2.93", "4.88 0.81", "31.22 5.20", "Includes VAT"
    ),
    Case(
        "eu", "IE", "IE", "", "9.00 18.00", "1.68 3.37", "5.00 0.93", "32.00 5.98", "Includes VAT"
    ),
    Case(
        "us",
        "US",
        "US",
        "New York",
        "9.00 18.00",
        "0.36 0.72",
        "5.00 0.20",
        "33.28 1.28",
        "Sales tax",
    ),
    Case("us", "US", "US", "ca", "9.00 18.00", "0.65 1.31", "5.00 0.00", "33.96 1.96", "Sales tax"),
    Case("us", "US", "US", "OR", "9.00 18.00", "0.00 0.00", "5.00 0.00", "32.00 0.00", "Sales tax"),
]


POSTCODES = {"GB": "SW1A 1AA", "AU": "2000", "FR": "75001", "IE": "D02 X285", "US": "10001"}


@pytest.fixture(params=CASES, ids=lambda case: f"{case.market}-{case.country}-{case.state}")
def case(request, settings, card_payments):
    case = request.param
    settings.CLAIMS_MARKET = case.market
    settings.SHOP_TRADER_COUNTRY = case.trader_country
    settings.OSCAR_OFFERS_INCL_TAX = case.market != "us"
    for code in {case.country, "GB"}:
        Country.objects.update_or_create(
            iso_3166_1_a2=code,
            defaults={"printable_name": code, "name": code, "is_shipping_country": True},
        )
    for code, name, price in [("standard", "Standard", "5.00"), ("express", "Express", "9.00")]:
        OrderAndItemCharges.objects.create(
            code=code, name=f"{name} delivery", price_per_order=Decimal(price)
        )
    return case


@pytest.fixture
def sizes():
    parent = ParentProductFactory(title="Zechstein bath flakes")
    return [
        SizeFactory(parent=parent, title="1 kg", stockrecord__price=Decimal("10.00")),
        SizeFactory(parent=parent, title="2 kg", stockrecord__price=Decimal("20.00")),
    ]


def buy(app, sizes, case):
    """Add both sizes and the 10% voucher, check out as a guest to ``case``'s address by card."""
    for size in sizes:
        form = app.get(size.parent.get_absolute_url()).forms["add_to_basket_form"]
        form["child_id"] = str(size.pk)
        form.submit().maybe_follow()
    VoucherFactory(code="TENOFF")
    voucher_form = app.get("/basket/").forms["voucher_form"]
    voucher_form["code"] = "TENOFF"
    voucher_form.submit().maybe_follow()

    address = guest_address_form(app)
    address["first_name"], address["last_name"] = "Ada", "Lovelace"
    address["line1"], address["line4"] = "1 Main Street", "Springfield"
    address["postcode"] = POSTCODES[case.country]
    address["state"] = case.state
    if "country" in address.fields:  # Oscar hides it when the shop ships to one country
        address["country"] = case.country
    return choose_shipping_and_payment(address.submit().follow(), method="card")


def shown(page) -> str:
    return " ".join(page.html.select_one("#basket_totals").get_text(" ").split())


def test_basket_order_and_card_charge_carry_the_same_tax_to_the_penny(
    django_app, case, sizes, card_payments
):
    total, tax = case.totals.split()
    preview = buy(django_app, sizes, case)
    assert f"{case.tax_shown} £{tax}" in shown(preview)
    assert f"£{total}" in shown(preview)

    response = preview.forms["place_order_form"].submit()
    order = Order.objects.get()
    assert str(order.total_incl_tax) == total
    assert str(order.total_tax) == tax
    lines = sorted(order.lines.all(), key=lambda line: line.line_price_incl_tax)
    before_tax = case.market == "us"
    charged = [
        line.line_price_excl_tax if before_tax else line.line_price_incl_tax for line in lines
    ]
    assert " ".join(map(str, charged)) == case.lines
    taxes = [line.line_price_incl_tax - line.line_price_excl_tax for line in lines]
    assert " ".join(map(str, taxes)) == case.line_taxes
    shipping = order.shipping_excl_tax if before_tax else order.shipping_incl_tax
    shipping_tax = order.shipping_incl_tax - order.shipping_excl_tax
    assert f"{shipping} {shipping_tax}" == case.shipping

    session_id = urlsplit(response.location).path.rsplit("/", 1)[-1]
    stripe_session = card_payments.session(session_id)
    assert stripe_session["amount_total"] == int(Decimal(total) * 100)

    receipt = django_app.get(urlsplit(signed_url(order.receipt)).path)
    summary = " ".join(receipt.html.select_one("dl.totals").get_text(" ").split())
    assert summary.endswith(f"£{tax} Total £{total}")
    rows = [" ".join(row.get_text(" ").split()) for row in receipt.html.select("tbody tr")]
    for line_tax in case.line_taxes.split():
        assert any(f"£{line_tax}" in row for row in rows), (line_tax, rows)


def test_a_us_address_needs_a_state_sales_tax_can_be_worked_out_for(django_app, settings, sizes):
    settings.CLAIMS_MARKET, settings.SHOP_TRADER_COUNTRY = "us", "US"
    Country.objects.create(
        iso_3166_1_a2="US", printable_name="US", name="US", is_shipping_country=True
    )
    form = django_app.get(sizes[0].parent.get_absolute_url()).forms["add_to_basket_form"]
    form["child_id"] = str(sizes[0].pk)
    form.submit().maybe_follow()
    address = guest_address_form(django_app)
    address["first_name"], address["last_name"] = "Ada", "Lovelace"
    address["line1"], address["line4"], address["postcode"] = (
        "1 Main Street",
        "Springfield",
        "10001",
    )
    address["state"] = "Narnia"

    page = address.submit()

    assert page.status_code == 200
    assert "Enter the state, as NY or New York: the sales tax depends on it." in page.text


def test_the_confirmation_email_gives_the_vat_of_each_line_and_of_delivery(
    django_app, settings, django_capture_on_commit_callbacks
):
    shop = checkout_shop(settings)  # a 2 kg size at £11.50, standard delivery at £3.95
    add_to_basket(django_app, shop)
    preview = checkout_as_guest(django_app, shop)

    with django_capture_on_commit_callbacks(execute=True):
        preview.forms["place_order_form"].submit()

    (confirmation,) = mail.outbox
    text = " ".join(confirmation.body.split())
    assert "price: £11.50 (VAT 20%: £1.92)" in text
    assert "Shipping: £3.95 (VAT 20%: £0.66)" in text
    assert "Order Total: £15.45 Includes VAT: £2.58" in text
    html = " ".join(
        BeautifulSoup(confirmation.alternatives[0][0], "html.parser").get_text(" ").split()
    )
    assert "VAT included in your order:" in html
    assert "Delivery (20%) £0.66 Total VAT £2.58" in html
