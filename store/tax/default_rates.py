"""The rates the table starts with: those in force in 2026, which staff then keep up to date.

VAT: the United Kingdom (standard, reduced) and the 27 EU member states (standard; One-Stop-Shop
sales charge the destination's rate). GST: Australia. US sales tax: the demo shop collects the
state rate (local taxes are not modelled) in four states; a state without a row is not taxed.
Zero-rated products need no row.
"""

from decimal import Decimal

VAT_AND_GST = {
    "GB": "0.20", "AU": "0.10",
    "AT": "0.20", "BE": "0.21", "BG": "0.20", "HR": "0.25", "CY": "0.19", "CZ": "0.21",
    "DK": "0.25", "EE": "0.24", "FI": "0.255", "FR": "0.20", "DE": "0.19", "GR": "0.24",
    "HU": "0.27", "IE": "0.23", "IT": "0.22", "LV": "0.21", "LT": "0.21", "LU": "0.17",
    "MT": "0.18", "NL": "0.21", "PL": "0.23", "PT": "0.23", "RO": "0.21", "SK": "0.23",
    "SI": "0.22", "ES": "0.21", "SE": "0.25",
}  # fmt: skip
REDUCED = {"GB": "0.05"}
# State rate, and whether a separately stated delivery charge is taxed there.
US_STATES = {
    "CA": ("0.0725", False), "NY": ("0.04", True), "TX": ("0.0625", True), "WA": ("0.065", True),
}  # fmt: skip


def add_default_rates(tax_rate_model, using: str = "default") -> None:
    """Fill an empty rate table (``tax_rate_model``, the migrated or the live model)."""
    rows = [tax_rate_model(country=code, rate=Decimal(rate)) for code, rate in VAT_AND_GST.items()]
    rows += [
        tax_rate_model(country=code, category="reduced", rate=Decimal(rate))
        for code, rate in REDUCED.items()
    ]
    rows += [
        tax_rate_model(country="US", region=state, rate=Decimal(rate), taxes_shipping=shipping)
        for state, (rate, shipping) in US_STATES.items()
    ]
    tax_rate_model.objects.using(using).bulk_create(rows)
