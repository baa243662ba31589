from oscar.apps.shipping import repository
from oscar.core.loading import get_model

OrderAndItemCharges = get_model("shipping", "OrderAndItemCharges")


class Repository(repository.Repository):
    """Offer the shipping methods staff keep in the dashboard, cheapest first.

    A method limited to some countries is offered only for addresses in one of them.
    """

    def get_available_shipping_methods(self, basket, shipping_addr=None, **kwargs):
        """Return the stored methods that ship to ``shipping_addr``, the default first."""
        methods = OrderAndItemCharges.objects.prefetch_related("countries").order_by(
            "price_per_order", "name"
        )
        country = getattr(shipping_addr, "country", None)
        return [
            method
            for method in methods
            if country is None or not method.countries.all() or country in method.countries.all()
        ]
