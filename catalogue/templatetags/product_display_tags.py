"""Template tags for how product cards and the product page show a product.

``{% load product_display_tags %}`` gives:

* ``{% product_offer product as offer %}``: the price to show, whether it is a "from" price
  (the sizes cost different amounts) and the availability;
* ``{% delivery_and_returns %}``: one line on what delivery costs and how long returns take.

Prices and stock are read through the request's strategy from what was fetched with the
product (``catalogue.selectors``), with no query of their own; the delivery line costs one.
"""

from dataclasses import dataclass
from decimal import Decimal

from django import template
from oscar.apps.partner.strategy import UnavailablePrice

from catalogue.templatetags.catalogue_tags import _strategy as strategy_for
from store.storefront.purchase_terms import purchase_terms

register = template.Library()


@dataclass(frozen=True)
class Offer:
    """What a product costs and whether it can be bought, as a card or product page says it.

    ``price`` is an Oscar price; ``price_varies`` is true for a product whose sizes cost
    different amounts, so that ``price``, the cheapest, reads "from £6.50".
    """

    price: object
    availability: object
    price_varies: bool


def shown_amount(price) -> Decimal:
    """Return the amount a shopper sees: with tax where it is known, else before it."""
    return price.incl_tax if price.is_tax_known else price.excl_tax


@register.simple_tag(takes_context=True)
def product_offer(context, product) -> Offer:
    """Return ``product``'s price and availability; a parent's price is its cheapest size's."""
    strategy = strategy_for(context)
    if not product.is_parent:
        info = strategy.fetch_for_product(product)
        return Offer(info.price, info.availability, price_varies=False)
    children_stock = strategy.select_children_stockrecords(product)
    availability = strategy.parent_availability_policy(product, children_stock)
    prices = [
        price
        for price in (
            strategy.pricing_policy(size, stockrecord)
            for size, stockrecord in children_stock
            if stockrecord is not None
        )
        if price.exists
    ]
    if not prices:
        return Offer(UnavailablePrice(), availability, price_varies=False)
    amounts = {shown_amount(price) for price in prices}
    return Offer(min(prices, key=shown_amount), availability, price_varies=len(amounts) > 1)


@register.inclusion_tag("oscar/catalogue/partials/delivery_and_returns.html")
def delivery_and_returns() -> dict:
    """Render what delivery costs, from when it is free and the days to return, as one line."""
    return {"terms": purchase_terms()}
