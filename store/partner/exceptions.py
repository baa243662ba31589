"""Errors raised when stock cannot be allocated."""

from django.utils.translation import gettext as _


class InsufficientStock(Exception):
    """Raised when an allocation asks for more units than a stock record has free."""

    def __init__(self, *, product_name: str, requested: int, available: int):
        self.product_name = product_name
        self.requested = requested
        self.available = max(available, 0)
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """The sentence shown to the shopper."""
        if self.available == 0:
            return _("Sorry, %(product)s sold out while you were checking out.") % {
                "product": self.product_name
            }
        return _(
            "Sorry, %(product)s sold out while you were checking out: only %(available)d left."
        ) % {"product": self.product_name, "available": self.available}
