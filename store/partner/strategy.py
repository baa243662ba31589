from oscar.apps.partner import strategy
from oscar.core.loading import get_class

NotForSale = get_class("partner.availability", "NotForSale")


def is_on_sale(product) -> bool:
    """Return whether ``product`` is shown in the shop: it, and a size's parent, are public."""
    if not product.is_public:
        return False
    return not product.is_child or product.parent.is_public


class OnSaleOnly:
    """Availability policy mixin: a product the shop hides cannot be bought.

    Basket add, the basket page and checkout's "basket is valid" step all ask the strategy,
    so a hidden product (or a size of a hidden parent) is refused when it is added, and a
    line whose product was hidden after it went in stops the order from being placed.
    """

    def availability_policy(self, product, stockrecord):
        if not is_on_sale(product):
            return NotForSale()
        return super().availability_policy(product, stockrecord)

    def parent_availability_policy(self, product, children_stock):
        if not product.is_public:
            return NotForSale()
        return super().parent_availability_policy(product, children_stock)


class Default(OnSaleOnly, strategy.Default):
    """Oscar's default strategy (first stock record, stock required, no tax), on sale only."""


class Selector(strategy.Selector):
    """Give every shopper the shop's strategy."""

    def strategy(self, request=None, user=None, **kwargs):
        """Return the strategy for this request."""
        return Default(request)
