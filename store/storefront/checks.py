"""System checks for the shop's address and markets."""

from django.conf import settings
from django.core.checks import Error, Warning, register

from store.storefront.markets import MARKETS


@register("storefront")
def check_markets(app_configs=None, **kwargs) -> list[Error]:
    """Refuse market codes in SHOP_MARKETS that the shop does not know."""
    unknown = [code for code in settings.SHOP_MARKETS if code.strip().lower() not in MARKETS]
    if not unknown:
        return []
    return [
        Error(
            f"SHOP_MARKETS names markets the shop does not know: {', '.join(unknown)}.",
            hint=f"Use a comma-separated list of: {', '.join(MARKETS)}.",
            id="storefront.E001",
        )
    ]


@register("storefront", deploy=True)
def check_base_url_is_https(app_configs=None, **kwargs) -> list[Warning]:
    """Warn when a deployed shop's links would send shoppers to plain HTTP."""
    if settings.SHOP_BASE_URL.startswith("https://"):
        return []
    return [
        Warning(
            f"SHOP_BASE_URL is {settings.SHOP_BASE_URL}: links in emails, the sitemap and "
            "Stripe's return address would use plain HTTP.",
            hint="Set SHOP_BASE_URL to the shop's https:// address.",
            id="storefront.W001",
        )
    ]
