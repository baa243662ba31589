"""Read the tax rate table, kept in the cache so pricing a page asks the database nothing.

The table is small (a row per country or state and category) and changes a few times a year,
so it is read whole, cached, and forgotten whenever a rate is saved
(``store.tax.apps``). A cache that is down costs a query, never a page.
"""

import logging
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.cache import cache

from store.tax.models import TaxCategory, TaxRate

logger = logging.getLogger(__name__)

CACHE_KEY = "tax:table"
ZERO = Decimal("0")


@dataclass(frozen=True)
class TaxLocation:
    """Where goods are taxed: a country (ISO code) and, for US sales tax, a state."""

    country: str
    region: str = ""
    #: True when it is the shopper's delivery address, False when the shop's own country stands in.
    is_delivery_address: bool = False


@dataclass(frozen=True)
class RateRow:
    """A rate as the table holds it."""

    rate: Decimal
    taxes_shipping: bool


@dataclass
class TaxTable:
    """Every rate, by (country, state, category)."""

    rates: dict[tuple[str, str, str], RateRow] = field(default_factory=dict)

    def row(self, location: TaxLocation, category: str) -> RateRow | None:
        """Return the row for ``category`` at ``location``: the state's, else the country's."""
        if category == TaxCategory.ZERO:
            return RateRow(ZERO, taxes_shipping=False)
        return self.rates.get((location.country, location.region, category)) or self.rates.get(
            (location.country, "", category)
        )

    def has_country(self, country: str) -> bool:
        """Return whether any rate is kept for ``country``."""
        return any(key[0] == country for key in self.rates)


def tax_table() -> TaxTable:
    """Return the rate table, from the cache when it is there."""
    try:
        table = cache.get(CACHE_KEY)
    except Exception:  # a cache that is down must not stop a sale
        logger.warning("The cache is unavailable: reading tax rates from the database.")
        return load_tax_table()
    if table is None:
        table = load_tax_table()
        try:
            cache.set(CACHE_KEY, table, None)
        except Exception:
            logger.warning("The cache is unavailable: tax rates are not kept in it.")
    return table


def load_tax_table() -> TaxTable:
    """Read the rate table from the database."""
    return TaxTable(
        rates={
            (row.country, row.region, row.category): RateRow(row.rate, row.taxes_shipping)
            for row in TaxRate.objects.all()
        }
    )


def forget_tax_table(**kwargs) -> None:
    """Drop the cached table, so the next price reads the rates as they now are."""
    try:
        cache.delete(CACHE_KEY)
    except Exception:
        logger.error("The cache is unavailable: a changed tax rate may not show until it is back.")
