"""Template tags for the catalogue's products, wherever a page shows them.

``{% load catalogue_tags %}`` gives:

* ``{% product_cards products as cards %}``: the cards of a page's products, all at once;
* ``{% product_card product as card %}``: one product's card, for pages that hand the card
  template a product rather than its card (Oscar's ``render_product``); it fetches the
  product again with what a card reads;
* ``{% choose_size sizes chosen as sizes %}``: a product's sizes with the one a shopper sent
  (``chosen``) selected, else the first that can be bought;
* ``{% product_json_ld product %}``: the product as schema.org Product with its offers.

Prices and stock are read through the request's Oscar strategy, from what was prefetched with
the products (``catalogue.selectors``): no query of their own, but for ``product_card``.
"""

from collections.abc import Iterable, Sequence

from django import template
from django.utils.safestring import SafeString

from catalogue import selectors
from catalogue.structured_data import product_data
from store.json_ld import json_ld_script
from store.storefront.site import absolute_url

register = template.Library()


@register.simple_tag(takes_context=True)
def product_cards(context, products: Iterable) -> list[selectors.Card]:
    """Return the card of each of ``products``, fetched with what a card reads."""
    return selectors.product_cards(products, context.get("request"))


@register.simple_tag(takes_context=True)
def product_card(context, product) -> selectors.Card:
    """Return ``product``'s card, fetching the product again with what a card reads."""
    return selectors.product_card(product, context.get("request"))


@register.simple_tag
def choose_size(sizes: Sequence[selectors.SizeOffer], chosen=None) -> tuple:
    """Return ``sizes`` with ``chosen`` selected if it can be bought, else the first that can."""
    return selectors.with_size_chosen(sizes, chosen)


@register.simple_tag
def sold_out_sizes(sizes: Sequence[selectors.SizeOffer]) -> list:
    """Return the ``sizes`` that cannot be bought now."""
    return [size for size in sizes if not size.available]


@register.simple_tag(takes_context=True)
def product_json_ld(context, product) -> SafeString:
    """Return ``product`` as a schema.org Product JSON-LD element, with prices and stock."""
    strategy = selectors.strategy_for(context.get("request"))
    return json_ld_script(product_data(product, absolute=absolute_url, strategy=strategy))
