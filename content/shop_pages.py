"""The six pages every shop owes its customers, and the facts each shows beside its text.

Editors write a shop page's words in the dashboard. The facts that change without the words
changing (who the trader is and how to reach them, the delivery methods and their prices, the
trader named on the cancellation form) are never typed into a page: its public template shows
them beside the text, read from the settings and the database as the page is served. A page's
slot fixes both its address (``/delivery/``) and which facts it shows.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ShopPageSlot(models.TextChoices):
    """The shop's pages, each at the address its value names, in the footer's order."""

    DELIVERY = "delivery", _("Delivery")
    RETURNS = "returns", _("Returns and cancellation")
    TERMS = "terms", _("Terms and conditions")
    PRIVACY = "privacy", _("Privacy notice")
    CONTACT = "contact", _("Contact us")
    ABOUT = "about", _("About us")


#: The facts a page shows: the trader's details, the delivery methods, or the cancellation form.
TRADER, DELIVERY_METHODS, CANCELLATION_FORM = "trader", "delivery_methods", "cancellation_form"

_FACTS = {ShopPageSlot.DELIVERY: DELIVERY_METHODS, ShopPageSlot.RETURNS: CANCELLATION_FORM}


def facts_shown(slot: str) -> str:
    """Return which facts the page in ``slot`` shows beside its text."""
    return _FACTS.get(slot, TRADER)


class ShopPageSlotConverter:
    """Match a shop page's address in a URL pattern: one of the slots, nothing else."""

    regex = "|".join(slot.value for slot in ShopPageSlot)

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value
