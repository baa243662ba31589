"""System checks for the Stripe settings."""

from django.conf import settings
from django.core.checks import Warning, register


@register("payments", deploy=False)
def check_stripe_settings(app_configs=None, **kwargs) -> list[Warning]:
    """Warn when cards are on but Stripe's webhooks cannot be verified."""
    if settings.STRIPE_SECRET_KEY and not settings.STRIPE_WEBHOOK_SECRET:
        return [
            Warning(
                "STRIPE_SECRET_KEY is set but STRIPE_WEBHOOK_SECRET is not: every webhook will "
                "be refused, so orders paid by shoppers who do not come back stay unpaid.",
                hint="Set STRIPE_WEBHOOK_SECRET to the endpoint's signing secret (whsec_...).",
                id="payments.W001",
            )
        ]
    return []
