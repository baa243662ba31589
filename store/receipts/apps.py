from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReceiptsConfig(AppConfig):
    """The shop's tax documents: a numbered receipt for every order, a credit note per refund."""

    name = "store.receipts"
    label = "receipts"
    verbose_name = _("Receipts")
