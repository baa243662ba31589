"""Template tags for the tax documents: rates as percentages, an order's documents, signed links."""

from decimal import Decimal

from django import template

from store.receipts import selectors

register = template.Library()

#: Shown for a tax rate that is not known: an en dash.
UNKNOWN_RATE = "\N{EN DASH}"


@register.filter
def tax_percent(rate: Decimal | None) -> str:
    """Return tax ``rate`` (a fraction) as a percentage: "20%" for 0.2000, a dash for None."""
    if rate is None:
        return UNKNOWN_RATE
    return f"{(rate * 100).normalize():f}%"


@register.simple_tag
def order_documents(order) -> selectors.OrderDocuments:
    """Return the receipt and credit notes of ``order``: ``{% order_documents order as x %}``."""
    return selectors.order_documents(order)


@register.filter
def signed_url(document) -> str:
    """Return the full address at which anyone holding it reads ``document`` (no sign-in)."""
    return selectors.signed_url(document)


@register.simple_tag
def receipt_signed_url(order) -> str:
    """Return the signed address of the receipt of ``order``, or "" if it has none."""
    receipt = selectors.receipt_of(order)
    return selectors.signed_url(receipt) if receipt else ""
