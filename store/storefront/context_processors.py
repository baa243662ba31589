"""Values every public template can use."""

import re

from django.conf import settings

from store.tax.regimes import current_regime


def phone_link(number: str) -> str:
    """Return ``number`` as a tel: address: its digits, after its + if it has one."""
    digits = re.sub(r"\D", "", number)
    if not digits:
        return ""
    return f"tel:+{digits}" if number.strip().startswith("+") else f"tel:{digits}"


def trader(request) -> dict:
    """Name the trader, as the footer, receipts and consumer pages show them."""
    return {
        "trader": {
            "name": settings.SHOP_TRADER_NAME,
            "company_number": settings.SHOP_TRADER_COMPANY_NUMBER,
            "address_lines": settings.SHOP_TRADER_ADDRESS,
            "vat_number": settings.SHOP_TRADER_VAT_NUMBER,
            "tax_number_label": current_regime().tax_number_label,
            "email": settings.SHOP_TRADER_EMAIL,
            "phone": settings.SHOP_TRADER_PHONE,
            "phone_link": phone_link(settings.SHOP_TRADER_PHONE),
        }
    }


def tax(request) -> dict:
    """Say how prices carry tax: included (VAT, GST), or shown apart (US sales tax).

    ``show_tax_separately`` is the switch Oscar's own templates read.
    """
    regime = current_regime()
    return {"tax_regime": regime, "show_tax_separately": not regime.prices_include_tax}
