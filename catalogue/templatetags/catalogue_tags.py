"""Template tags for the catalogue's products, wherever a page shows them.

``{% load catalogue_tags %}`` gives:

* ``{% product_json_ld product %}``: the product as schema.org Product with its offers.
* ``{% basket_sizes product as sizes %}``: a parent product's sizes for a plain <select>.

Both read prices and stock through the request's Oscar strategy, from what was prefetched with
the product (``catalogue.selectors``): no query of their own.
"""

from dataclasses import dataclass
from decimal import Decimal

from django import template
from django.utils.safestring import SafeString
from oscar.core.loading import get_class

from catalogue.structured_data import product_data
from store.json_ld import json_ld_script
from store.storefront.site import absolute_url

Selector = get_class("partner.strategy", "Selector")

register = template.Library()


def _strategy(context):
    request = context.get("request")
    strategy = getattr(request, "strategy", None)
    return strategy or Selector().strategy(request=request)


@register.simple_tag(takes_context=True)
def product_json_ld(context, product) -> SafeString:
    """Return ``product`` as a schema.org Product JSON-LD element, with prices and stock."""
    return json_ld_script(product_data(product, absolute=absolute_url, strategy=_strategy(context)))


@dataclass(frozen=True)
class SizeChoice:
    """One size of a product, as an <option> of the add-to-basket form shows it."""

    pk: int
    title: str
    price: Decimal | None
    currency: str
    available: bool
    selected: bool


@register.simple_tag(takes_context=True)
def basket_sizes(context, product) -> list[SizeChoice]:
    """Return ``product``'s public sizes with price and availability, the first buyable chosen.

    Reads the sizes and stock records prefetched with the product: no query of its own.
    """
    strategy = _strategy(context)
    choices, chosen = [], False
    for size in product.get_public_children():
        info = strategy.fetch_for_product(size)
        price = None
        if info.price.exists:
            price = info.price.incl_tax if info.price.is_tax_known else info.price.excl_tax
        available = info.availability.is_available_to_buy and price is not None
        choices.append(
            SizeChoice(
                pk=size.pk,
                title=size.size_label(),
                price=price,
                currency=info.price.currency if price is not None else "",
                available=available,
                selected=available and not chosen,
            )
        )
        chosen = chosen or available
    return choices
