from django.db import transaction
from oscar.apps.partner.abstract_models import AbstractStockRecord

from store.partner.exceptions import InsufficientStock


class StockRecord(AbstractStockRecord):
    """Oscar's stock record, whose allocation can never oversell."""

    def allocate(self, quantity):
        """Allocate ``quantity`` units, or raise InsufficientStock and change nothing.

        The row is locked (SELECT ... FOR UPDATE) before the free units are counted, so two
        checkouts allocating the same size at once queue up instead of both seeing the same
        free units. The lock is held until the surrounding transaction ends.
        """
        if not self.can_track_allocations:
            return
        with transaction.atomic():
            locked = type(self).objects.select_for_update().get(pk=self.pk)
            free = locked.net_stock_level
            if quantity > free:
                raise InsufficientStock(
                    product_name=product_name(self.product),
                    requested=quantity,
                    available=free,
                )
            super().allocate(quantity)

    allocate.alters_data = True


def product_name(product) -> str:
    """Name a product for the shopper: "Zechstein bath flakes (2 kg)" for a size."""
    if product.is_child and product.title and product.parent_id:
        return f"{product.parent.get_title()} ({product.size_label()})"
    return product.get_title()


from oscar.apps.partner.models import *  # noqa: E402, F403  (a forked Oscar app keeps its models)
