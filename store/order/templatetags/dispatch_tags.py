"""Template tags for the shopper's order pages: how their order was dispatched."""

from django import template

from store.order.selectors import order_dispatches as dispatches_of

register = template.Library()


@register.simple_tag
def order_dispatches(order) -> list:
    """Return the dispatches of ``order``, newest first: ``{% order_dispatches order as x %}``."""
    return list(dispatches_of(order))
