from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PaymentsConfig(AppConfig):
    """Card payments through Stripe Checkout: sessions, webhooks and refunds."""

    name = "store.payments"
    label = "payments"
    verbose_name = _("Card payments")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        """Register the Stripe settings check."""
        from store.payments import checks  # noqa: F401  (registers the check on import)
