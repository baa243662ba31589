import logging

from oscar.apps.shipping import repository
from oscar.core.loading import get_model

OrderAndItemCharges = get_model("shipping", "OrderAndItemCharges")

logger = logging.getLogger(__name__)


class Repository(repository.Repository):
    """Offer the shipping methods staff keep in the dashboard, cheapest first.

    A method limited to some countries is offered only for addresses in one of them. With no
    method set up at all, Oscar's free shipping stands in (and a warning is logged), so the
    basket and checkout keep working instead of failing.
    """

    def get_available_shipping_methods(self, basket, shipping_addr=None, **kwargs):
        """Return the stored methods that ship to ``shipping_addr``, the default first."""
        methods = OrderAndItemCharges.objects.prefetch_related("countries").order_by(
            "price_per_order", "name"
        )
        country = getattr(shipping_addr, "country", None)
        available = [
            method
            for method in methods
            if country is None or not method.countries.all() or country in method.countries.all()
        ]
        if not methods:
            logger.warning("No shipping methods are set up: offering free shipping.")
            return list(self.methods)
        return available
