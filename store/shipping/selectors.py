"""Read the delivery methods, as the shop's delivery page lists them."""

from django.db.models import QuerySet
from oscar.core.loading import get_model

OrderAndItemCharges = get_model("shipping", "OrderAndItemCharges")


def delivery_methods() -> QuerySet:
    """Return the delivery methods checkout offers, cheapest first, with their countries.

    The same methods and order as the checkout's shipping repository; a method limited to no
    country is offered everywhere the shop ships.
    """
    return OrderAndItemCharges.objects.prefetch_related("countries").order_by(
        "price_per_order", "name"
    )
