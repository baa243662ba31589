"""A shopper's way through checkout on the real forms (WebTest, no JavaScript), as steps."""

from decimal import Decimal

from oscar.core.loading import get_model

from tests.factories import sized_product

Country = get_model("address", "Country")
OrderAndItemCharges = get_model("shipping", "OrderAndItemCharges")

METHOD_NAMES = {
    "bank-transfer": "Bank transfer",
    "card": "Card (debit or credit)",
    "collection": "Pay on collection",
}


def ship_to_the_uk():
    """Make the United Kingdom the country the shop ships to, by standard or express delivery."""
    Country.objects.update_or_create(
        iso_3166_1_a2="GB",
        defaults={
            "iso_3166_1_a3": "GBR",
            "iso_3166_1_numeric": "826",
            "printable_name": "United Kingdom",
            "name": "United Kingdom of Great Britain and Northern Ireland",
            "is_shipping_country": True,
        },
    )
    for code, name, price in [("standard", "Standard", "3.95"), ("express", "Express", "7.95")]:
        OrderAndItemCharges.objects.get_or_create(
            code=code, defaults={"name": f"{name} delivery", "price_per_order": Decimal(price)}
        )


def checkout_shop(settings):
    """Set up a shop to check out in: bank details, UK shipping, a product in two sizes."""
    settings.SHOP_BANK_ACCOUNT_NAME = "Magnesium Works Ltd (test)"
    settings.SHOP_BANK_SORT_CODE = "12-34-56"
    settings.SHOP_BANK_ACCOUNT_NUMBER = "87654321"
    settings.SHOP_BANK_IBAN = "GB33BUKB20201555555555"
    ship_to_the_uk()
    product = sized_product(title="Zechstein bath flakes", sizes=2)
    size = product.children.get(title="2 kg")
    return {"product": product, "size": size, "stock": size.stockrecords.get()}


def add_to_basket(app, shop, quantity=1):
    """Put ``quantity`` of the shop's 2 kg size in the basket from the product page."""
    page = app.get(shop["product"].get_absolute_url())
    form = page.forms["add_to_basket_form"]
    form["child_id"] = str(shop["size"].pk)
    form["quantity"] = str(quantity)
    form.submit().maybe_follow()


def fill_address(page):
    """Fill in and send the shipping address form: the shipping-method page."""
    form = page.forms["new_shipping_address"]
    form["first_name"] = "Ada"
    form["last_name"] = "Lovelace"
    form["line1"] = "1 Bath Street"
    form["line4"] = "Bristol"
    form["postcode"] = "BS1 1AA"
    if "country" in form.fields:  # Oscar hides the field when the shop ships to one country
        form["country"] = "GB"
    return form.submit().follow()


def choose_shipping_and_payment(page, method="bank-transfer"):
    """From the shipping-method page, pick standard delivery and ``method``: the preview."""
    assert "Standard delivery" in page.text
    method_form = next(
        form
        for form in page.forms.values()
        if form.get("method_code", default=None) is not None
        and form["method_code"].value == "standard"
    )
    payment_page = method_form.submit().follow()
    assert payment_page.request.path == "/checkout/payment-method/"
    payment_form = payment_page.forms["payment_method_form"]
    payment_form["method"] = method
    preview = payment_form.submit().follow()
    assert preview.request.path == "/checkout/preview/"
    assert METHOD_NAMES[method] in preview.text
    return preview


def checkout_as_guest(app, shop, email="guest@example.com", method="bank-transfer"):
    """Go from the basket to the preview as a guest paying by ``method``."""
    gateway = app.get("/checkout/")
    form = gateway.forms[1] if "username" not in gateway.forms[0].fields else gateway.forms[0]
    form["username"] = email
    form["options"] = "anonymous"
    address_page = form.submit().follow()
    assert address_page.request.path == "/checkout/shipping-address/"
    methods_page = fill_address(address_page)
    return choose_shipping_and_payment(methods_page, method)


def guest_address_form(app, email="buyer@example.com"):
    """Go from the basket through the gateway as a guest: the delivery address form."""
    gateway = app.get("/checkout/")
    form = gateway.forms[1] if "username" not in gateway.forms[0].fields else gateway.forms[0]
    form["username"] = email
    form["options"] = "anonymous"
    return form.submit().follow().forms["new_shipping_address"]
