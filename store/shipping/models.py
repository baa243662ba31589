"""Oscar's shipping models, whose free-delivery threshold counts what the shopper sees."""

from decimal import Decimal

from oscar.apps.shipping.abstract_models import AbstractOrderAndItemCharges
from oscar.core import prices

from store.tax.regimes import current_regime


class OrderAndItemCharges(AbstractOrderAndItemCharges):
    """A charge per order and per item, free from a basket total staff choose.

    Oscar compares that total with the basket's total including tax, which is not known in the
    US before the delivery state is; there, as shoppers expect, the goods before sales tax count.
    """

    def spend_for_free_delivery(self, basket) -> Decimal | None:
        """Return how much more ``basket`` must cost to be delivered free, or None."""
        if self.free_shipping_threshold is None:
            return None
        goods = (
            basket.total_incl_tax if current_regime().prices_include_tax else basket.total_excl_tax
        )
        return (
            self.free_shipping_threshold - goods if goods < self.free_shipping_threshold else None
        )

    def calculate(self, basket):
        if self.free_shipping_threshold is not None and not self.spend_for_free_delivery(basket):
            return prices.Price(basket.currency, excl_tax=Decimal("0.00"), tax=Decimal("0.00"))
        items = sum(
            line.quantity for line in basket.all_lines() if line.product.is_shipping_required
        )
        charge = self.price_per_order + items * self.price_per_item
        return prices.Price(basket.currency, excl_tax=charge, tax=Decimal("0.00"))


from oscar.apps.shipping.models import *  # noqa: E402, F403  (a forked Oscar app keeps its models)
