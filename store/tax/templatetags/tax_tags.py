"""Template tags that say how the shop's prices carry tax, for pages, emails and receipts."""

from django import template
from django.utils.translation import gettext as _

from store.storefront.markets import country_name
from store.tax.regimes import TaxRegime, current_regime

register = template.Library()


@register.simple_tag
def tax_regime() -> TaxRegime:
    """Return the tax regime of the market the shop trades under."""
    return current_regime()


@register.simple_tag(takes_context=True)
def tax_location_note(context) -> str:
    """Say whose VAT the prices include, where that depends on the delivery country (EU shops)."""
    request = context.get("request")
    strategy = getattr(request, "strategy", None)
    if current_regime().market != "eu" or strategy is None:
        return ""
    location = strategy.location
    if location.is_delivery_address:
        return _("Prices include the VAT of %(country)s, where your order is going.") % {
            "country": country_name(location.country)
        }
    return _(
        "Prices include the VAT of %(country)s; once you give a delivery address they show "
        "your country's rate instead."
    ) % {"country": country_name(location.country)}
