import logging
from functools import cached_property

from oscar.apps.shipping import methods, repository

from store.shipping.selectors import delivery_methods
from store.storefront.generation import remember

logger = logging.getLogger(__name__)


class Taxed(methods.Base):
    """A delivery method whose charge carries tax, as the basket's strategy works it out.

    Staff enter delivery charges as they enter prices (with VAT or GST in them, or before US
    sales tax); the strategy says what part is tax for the shopper's address.
    """

    def __init__(self, method):
        self.method = method
        self.code = method.code
        self.name = method.name
        self.description = method.description

    def calculate(self, basket):
        charge = self.method.calculate(basket)
        return basket.strategy.delivery_charge(charge.excl_tax, charge.currency, basket)

    def spend_for_free_delivery(self, basket):
        """Return how much more ``basket`` must cost to be delivered free, or None."""
        spend = getattr(self.method, "spend_for_free_delivery", None)
        return spend(basket) if spend else None


class Repository(repository.Repository):
    """Offer the shipping methods staff keep in the dashboard, cheapest first, with their tax.

    A method limited to some countries is offered only for addresses in one of them. With no
    method set up at all, Oscar's free shipping stands in (and a warning is logged), so the
    basket and checkout keep working instead of failing. The stored methods are read once per
    storefront generation (a change to any of them starts a new one), and a repository asks
    for them once, however often it is asked: the basket page asks for the methods and for
    the default.
    """

    @cached_property
    def stored_methods(self) -> list:
        """The delivery methods staff keep, cheapest first, with their countries."""
        return remember("delivery-methods", lambda: list(delivery_methods()))

    def get_available_shipping_methods(self, basket, shipping_addr=None, **kwargs):
        """Return the stored methods that ship to ``shipping_addr``, the default first."""
        methods = self.stored_methods
        country = getattr(shipping_addr, "country", None)
        available = [
            method
            for method in methods
            if country is None or not method.countries.all() or country in method.countries.all()
        ]
        if not methods:
            logger.warning("No shipping methods are set up: offering free shipping.")
            return [Taxed(method) for method in self.methods]
        return [Taxed(method) for method in available]
