"""Template tags for the catalogue's products, wherever a page shows them.

``{% load catalogue_tags %}`` gives:

* ``{% product_json_ld product %}``: the product as schema.org Product with its offers.
* ``{% basket_sizes product as sizes %}``: a parent product's sizes for an add-to-basket form.

Both read prices and stock through the request's Oscar strategy, from what was prefetched with
the product (``catalogue.selectors``): no query of their own.
"""

from dataclasses import dataclass, replace
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
    """One size of a product, as an add-to-basket form offers it."""

    pk: int
    title: str
    price: Decimal | None
    currency: str
    available: bool
    selected: bool


@register.simple_tag(takes_context=True)
def basket_sizes(context, product, chosen=None) -> list[SizeChoice]:
    """Return ``product``'s public sizes with price and availability, one buyable size chosen:
    the one whose primary key is ``chosen`` (the size a shopper sent), else the first.

    Reads the sizes and stock records prefetched with the product: no query of its own.
    """
    strategy = _strategy(context)
    choices = []
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
                selected=False,
            )
        )
    buyable = [choice.pk for choice in choices if choice.available]
    pick = next((pk for pk in buyable if str(pk) == str(chosen)), buyable[0] if buyable else None)
    return [replace(choice, selected=choice.pk == pick) for choice in choices]
