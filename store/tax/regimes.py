"""How each market's law has the shop show and charge tax (``CLAIMS_MARKET`` picks one)."""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from store.storefront.markets import EU_MEMBER_STATES


@dataclass(frozen=True)
class TaxRegime:
    """One market's tax: its name, whether prices include it, and what its receipt is called."""

    market: str
    #: What the tax is called on pages and receipts: VAT, GST, sales tax.
    tax_name: str
    #: True where consumer prices are shown with the tax in them (VAT, GST).
    prices_include_tax: bool
    #: The title of the document that proves a sale and its tax.
    receipt_title: str
    #: What the trader's tax registration number is called.
    tax_number_label: str
    #: Delivery countries taxed at their own rates. Elsewhere prices that include tax keep the
    #: trader's country's, and prices before tax have none added.
    destination_countries: frozenset[str] = frozenset()


EU_CODES = frozenset(country.alpha2 for country in EU_MEMBER_STATES)

REGIMES = {
    "uk": TaxRegime("uk", _("VAT"), True, _("VAT receipt"), _("VAT number")),
    # One-Stop-Shop: a sale to a consumer in another member state bears that state's VAT.
    "eu": TaxRegime("eu", _("VAT"), True, _("VAT receipt"), _("VAT number"), EU_CODES),
    "au": TaxRegime("au", _("GST"), True, _("Tax invoice"), _("ABN")),
    # Sales tax by the delivery state, in the states the rate table lists.
    "us": TaxRegime(
        "us", _("sales tax"), False, _("Receipt"), _("Sales tax permit"), frozenset({"US"})
    ),
}


def current_regime() -> TaxRegime:
    """Return the tax regime of the market the shop trades under (``CLAIMS_MARKET``)."""
    return REGIMES[settings.CLAIMS_MARKET]
