"""The ways a shopper can pay, and what a bank transfer needs: the shop's account and a reference.

Bank transfer is always offered; card payments (Stripe Checkout) only when a Stripe secret key is
set. The payment-method step shows each method on offer as a radio choice.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

SourceType = get_model("payment", "SourceType")

BANK_TRANSFER = "bank-transfer"
BANK_TRANSFER_SOURCE_NAME = "Bank transfer"
CARD = "card"
CARD_SOURCE_NAME = "Card (Stripe)"

METHOD_NAMES = {
    CARD: _("Card (debit or credit), on Stripe's secure payment page"),
    BANK_TRANSFER: _("Bank transfer"),
}


def card_payments_enabled() -> bool:
    """Say whether the shop takes cards: it does once a Stripe secret key is set."""
    return bool(settings.STRIPE_SECRET_KEY)


def payment_methods() -> dict:
    """Return the methods on offer now, code to name, card first when it is on."""
    return {
        code: name for code, name in METHOD_NAMES.items() if code != CARD or card_payments_enabled()
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


def card_source_type():
    """Return the payment source type of card payments, creating it the first time."""
    source_type, _created = SourceType.objects.get_or_create(
        code=CARD, defaults={"name": CARD_SOURCE_NAME}
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
