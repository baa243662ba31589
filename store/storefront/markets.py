"""The markets the shop can sell to: their shipping countries and their delivery methods.

``SHOP_MARKETS`` names the markets a shop serves; ``manage.py seed_shop`` makes their countries
shipping countries and adds each market's delivery methods, limited to those countries, so an
address in one market is never offered another market's delivery. Prices are in the shop's
currency (``SHOP_CURRENCY``).
"""

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class CountrySpec:
    """A country as ISO 3166-1 names it: two- and three-letter codes, number and short name."""

    alpha2: str
    alpha3: str
    numeric: str
    name: str


@dataclass(frozen=True)
class ShippingMethodSpec:
    """A shipping method; ``{price}`` and ``{threshold}`` in the description name its prices."""

    name: str
    description: str
    price_per_order: Decimal
    free_shipping_threshold: Decimal | None


@dataclass(frozen=True)
class MarketSpec:
    """A market the shop may sell to: where it delivers there, and how."""

    code: str
    name: str
    countries: tuple[CountrySpec, ...]
    shipping_methods: tuple[ShippingMethodSpec, ...]


UNITED_KINGDOM = CountrySpec("GB", "GBR", "826", "United Kingdom")

EU_MEMBER_STATES = (
    CountrySpec("AT", "AUT", "040", "Austria"),
    CountrySpec("BE", "BEL", "056", "Belgium"),
    CountrySpec("BG", "BGR", "100", "Bulgaria"),
    CountrySpec("HR", "HRV", "191", "Croatia"),
    CountrySpec("CY", "CYP", "196", "Cyprus"),
    CountrySpec("CZ", "CZE", "203", "Czechia"),
    CountrySpec("DK", "DNK", "208", "Denmark"),
    CountrySpec("EE", "EST", "233", "Estonia"),
    CountrySpec("FI", "FIN", "246", "Finland"),
    CountrySpec("FR", "FRA", "250", "France"),
    CountrySpec("DE", "DEU", "276", "Germany"),
    CountrySpec("GR", "GRC", "300", "Greece"),
    CountrySpec("HU", "HUN", "348", "Hungary"),
    CountrySpec("IE", "IRL", "372", "Ireland"),
    CountrySpec("IT", "ITA", "380", "Italy"),
    CountrySpec("LV", "LVA", "428", "Latvia"),
    CountrySpec("LT", "LTU", "440", "Lithuania"),
    CountrySpec("LU", "LUX", "442", "Luxembourg"),
    CountrySpec("MT", "MLT", "470", "Malta"),
    CountrySpec("NL", "NLD", "528", "Netherlands"),
    CountrySpec("PL", "POL", "616", "Poland"),
    CountrySpec("PT", "PRT", "620", "Portugal"),
    CountrySpec("RO", "ROU", "642", "Romania"),
    CountrySpec("SK", "SVK", "703", "Slovakia"),
    CountrySpec("SI", "SVN", "705", "Slovenia"),
    CountrySpec("ES", "ESP", "724", "Spain"),
    CountrySpec("SE", "SWE", "752", "Sweden"),
)

MARKETS = {
    market.code: market
    for market in (
        MarketSpec(
            code="uk",
            name="United Kingdom",
            countries=(UNITED_KINGDOM,),
            shipping_methods=(
                ShippingMethodSpec(
                    name="Standard delivery",
                    description=(
                        "Tracked, in 2 to 3 working days: {price}, free on orders over {threshold}."
                    ),
                    price_per_order=Decimal("3.95"),
                    free_shipping_threshold=Decimal("40.00"),
                ),
                ShippingMethodSpec(
                    name="Express delivery",
                    description="Next working day when ordered before 1pm: {price} on every order.",
                    price_per_order=Decimal("7.95"),
                    free_shipping_threshold=None,
                ),
            ),
        ),
        MarketSpec(
            code="eu",
            name="European Union",
            countries=EU_MEMBER_STATES,
            shipping_methods=(
                ShippingMethodSpec(
                    name="EU tracked delivery",
                    description=(
                        "Tracked, in 4 to 7 working days: {price}, free on orders over {threshold}."
                    ),
                    price_per_order=Decimal("9.95"),
                    free_shipping_threshold=Decimal("90.00"),
                ),
            ),
        ),
        MarketSpec(
            code="us",
            name="United States",
            countries=(CountrySpec("US", "USA", "840", "United States"),),
            shipping_methods=(
                ShippingMethodSpec(
                    name="US tracked delivery",
                    description="Tracked, in 5 to 10 working days: {price} on every order.",
                    price_per_order=Decimal("14.95"),
                    free_shipping_threshold=None,
                ),
            ),
        ),
        MarketSpec(
            code="au",
            name="Australia",
            countries=(CountrySpec("AU", "AUS", "036", "Australia"),),
            shipping_methods=(
                ShippingMethodSpec(
                    name="Australia tracked delivery",
                    description="Tracked, in 7 to 12 working days: {price} on every order.",
                    price_per_order=Decimal("16.95"),
                    free_shipping_threshold=None,
                ),
            ),
        ),
    )
}


def markets_named(codes: list[str]) -> list[MarketSpec]:
    """Return the markets ``codes`` names, in that order; raise KeyError on an unknown code."""
    return [MARKETS[code.strip().lower()] for code in codes]


def country_name(code: str) -> str:
    """Return the short name of the country ``code`` (ISO), or the code for one no market has."""
    for market in MARKETS.values():
        for country in market.countries:
            if country.alpha2 == code:
                return country.name
    return code
