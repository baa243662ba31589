from django.utils.translation import gettext_lazy as _
from oscar.apps.partner.availability import Unavailable


class NotForSale(Unavailable):
    """Availability of a product the shop has hidden: it cannot be bought, whatever the stock."""

    message = _("No longer sold")

    def is_purchase_permitted(self, quantity):
        """Refuse any quantity, saying why."""
        return False, _("it is no longer sold")
