"""Prices that know their tax rate, so each basket line's tax is worked out on the line."""

from decimal import Decimal

from oscar.apps.partner.prices import *  # noqa: F403  (a forked Oscar module keeps its classes)
from oscar.apps.partner.prices import FixedPrice, TaxInclusiveFixedPrice
from oscar.core import prices

from store.tax.money import tax_in_gross, tax_on_net


class PriceIncludingTax(TaxInclusiveFixedPrice):
    """A price shown and charged with its VAT or GST in it, as UK, EU and Australian law want.

    ``tax_code`` names where and how it is taxed, e.g. ``FR:standard``; basket and order lines
    keep it.

    The tax of one unit is split out (rounded to the penny) for display; a basket line works
    out its own tax from its total after discounts (``store.basket.models.Line``).
    """

    includes_tax = True

    def __init__(self, currency: str, incl_tax: Decimal, rate: Decimal, tax_code: str):
        tax = tax_in_gross(incl_tax, rate)
        super().__init__(currency=currency, excl_tax=incl_tax - tax, tax=tax, tax_code=tax_code)
        self.rate = rate


class PriceBeforeTax(FixedPrice):
    """A price shown before US sales tax, which is known once the delivery state is.

    ``rate`` is None until then (Oscar calls the tax "not known").
    """

    includes_tax = False

    def __init__(
        self, currency: str, excl_tax: Decimal, rate: Decimal | None, tax_code: str | None = None
    ):
        tax = None if rate is None else tax_on_net(excl_tax, rate)
        super().__init__(currency=currency, excl_tax=excl_tax, tax=tax, tax_code=tax_code)
        self.rate = rate


class DeliveryCharge(prices.Price):
    """A delivery charge with the tax rate it carries (None while the tax is not known)."""

    def __init__(self, currency: str, excl_tax: Decimal, tax: Decimal | None, rate: Decimal | None):
        super().__init__(currency=currency, excl_tax=excl_tax, tax=tax)
        self.rate = rate
