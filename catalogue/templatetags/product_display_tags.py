"""Template tags for how the product page shows a product.

``{% load product_display_tags %}`` gives ``{% delivery_and_returns %}``: one line on what
delivery costs and how long returns take (it costs a query).

Prices and availability are read from a product's card (``catalogue.selectors``), which
``shown_amount`` helps make.
"""

from decimal import Decimal

from django import template

from store.storefront.purchase_terms import purchase_terms

register = template.Library()


def shown_amount(price) -> Decimal:
    """Return the amount a shopper sees: with tax where it is known, else before it."""
    return price.incl_tax if price.is_tax_known else price.excl_tax


@register.inclusion_tag("oscar/catalogue/partials/delivery_and_returns.html")
def delivery_and_returns() -> dict:
    """Render what delivery costs, from when it is free and the days to return, as one line."""
    return {"terms": purchase_terms()}
