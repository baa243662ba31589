"""Template tags about delivery, for the basket."""

from decimal import Decimal

from django import template

register = template.Library()


@register.simple_tag
def spend_for_free_delivery(method, basket) -> Decimal | None:
    """Return how much more ``basket`` must cost for ``method`` to deliver it free, or None."""
    spend = getattr(method, "spend_for_free_delivery", None)
    return spend(basket) if spend else None
