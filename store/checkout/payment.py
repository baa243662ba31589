"""The ways a shopper can pay, and what a bank transfer needs: the shop's account and a reference.

Bank transfer is the only method for now; card payments will add another entry to
``PAYMENT_METHODS``, and the payment-method step shows every entry as a radio choice.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

SourceType = get_model("payment", "SourceType")

BANK_TRANSFER = "bank-transfer"
BANK_TRANSFER_SOURCE_NAME = "Bank transfer"

PAYMENT_METHODS = {
    BANK_TRANSFER: _("Bank transfer"),
}


def payment_reference(order_number) -> str:
    """Return the reference the shopper quotes on their transfer, e.g. ``MW-100042``."""
    return f"MW-{order_number}"


def bank_transfer_source_type():
    """Return the payment source type of bank transfers, creating it the first time."""
    source_type, _created = SourceType.objects.get_or_create(
        code=BANK_TRANSFER, defaults={"name": BANK_TRANSFER_SOURCE_NAME}
    )
    return source_type


def bank_details() -> dict:
    """Return the shop's bank account, as set in the settings."""
    return {
        "account_name": settings.SHOP_BANK_ACCOUNT_NAME,
        "sort_code": settings.SHOP_BANK_SORT_CODE,
        "account_number": settings.SHOP_BANK_ACCOUNT_NUMBER,
        "iban": settings.SHOP_BANK_IBAN,
    }


def bank_transfer_for(order) -> dict | None:
    """Return what the shopper needs to pay ``order`` by transfer, or None if paid otherwise."""
    source = order.sources.filter(source_type__code=BANK_TRANSFER).first()
    if source is None:
        return None
    return {
        **bank_details(),
        "reference": source.reference,
        "amount": source.amount_allocated,
        "currency": source.currency,
    }
