"""Staff download orders as CSV from the dashboard; no cell runs as a spreadsheet formula.

A shopper chooses their own name and email address, and the files staff download open in
Excel or LibreOffice, which run any cell that starts with =, +, - or @ as a formula.
"""

import csv
import io

import pytest
from oscar.core.loading import get_model

from tests.checkout_journey import ship_to_the_uk
from tests.factories import UserFactory, guest_order, shop_staff_user, sized_product

pytestmark = pytest.mark.django_db

Country = get_model("address", "Country")
ShippingAddress = get_model("order", "ShippingAddress")

LINK = '=HYPERLINK("https://evil.example.com")'
COMMAND = "@SUM(1+1)*cmd|' /C calc'!A0"
EMAIL = "+44-7700-900123@example.com"


@pytest.fixture
def hostile_orders():
    """Place two orders from shoppers whose name or email is a spreadsheet formula.

    The first is a guest who gave the name ``COMMAND`` in their address and the email
    ``EMAIL``; the second is a registered customer whose name starts ``LINK``.
    """
    ship_to_the_uk()
    size = sized_product(title="Zechstein bath flakes", sizes=1).children.get()
    guest = guest_order(size=size, email=EMAIL)
    guest.shipping_address = ShippingAddress.objects.create(
        first_name=COMMAND,
        line1="1 Bath Street",
        line4="Bristol",
        postcode="BS1 1AA",
        country=Country.objects.get(iso_3166_1_a2="GB"),
    )
    guest.save()
    customer_order = guest_order(size=size, email="ada@example.com")
    customer_order.user = UserFactory(
        first_name=LINK, last_name="Lovelace", email="ada@example.com"
    )
    customer_order.guest_email = ""
    customer_order.save()
    return guest, customer_order


def rows_of(response):
    """Return the header and rows of a CSV download, keyed by the header's columns."""
    assert response.content_type == "text/csv"
    return list(csv.DictReader(io.StringIO(response.text)))


def test_staff_download_selected_orders_with_formulas_made_text(django_app, hostile_orders):
    guest, customer_order = hostile_orders
    staff = shop_staff_user()
    order_list = django_app.get("/dashboard/orders/", user=staff)
    form = order_list.forms["orders_form"]
    for checkbox in form.fields["selected_order"]:
        checkbox.checked = True

    download = form.submit("action", value="download_selected_orders", user=staff)

    rows = {row["Order number"]: row for row in rows_of(download)}
    assert rows[str(guest.number)]["Customer email address"] == f"'{EMAIL}"
    assert rows[str(guest.number)]["Deliver to name"] == f"'{COMMAND}"
    assert rows[str(customer_order.number)]["Customer email address"] == "ada@example.com"
    assert rows[str(customer_order.number)]["Order value"] == str(customer_order.total_incl_tax)


def test_staff_download_the_order_report_with_formulas_made_text(django_app, hostile_orders):
    guest, customer_order = hostile_orders
    staff = shop_staff_user()
    reports = django_app.get("/dashboard/reports/", user=staff)
    form = reports.forms["generate_report_form"]
    form["report_type"] = "order_report"
    form["download"] = True

    download = form.submit(user=staff)

    rows = {row["Order number"]: row for row in rows_of(download)}
    assert rows[str(customer_order.number)]["Name"] == f"'{LINK} Lovelace"
    assert rows[str(guest.number)]["Email"] == f"'{EMAIL}"
    assert rows[str(guest.number)]["Name"] == "-"  # Oscar's mark for a guest, not a formula
    assert rows[str(guest.number)]["Total incl. tax"] == str(guest.total_incl_tax)
