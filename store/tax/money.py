"""Tax arithmetic on Decimal money, rounded half up to the penny as HMRC allows, per line."""

from decimal import ROUND_HALF_UP, Decimal

PENNY = Decimal("0.01")


def to_pennies(amount: Decimal) -> Decimal:
    """Round ``amount`` half up to whole pennies."""
    return amount.quantize(PENNY, rounding=ROUND_HALF_UP)


def tax_in_gross(gross: Decimal, rate: Decimal) -> Decimal:
    """Return the tax inside ``gross``, a price including tax at ``rate``: £1.49 of £8.95 at 20%."""
    return to_pennies(gross * rate / (1 + rate))


def tax_on_net(net: Decimal, rate: Decimal) -> Decimal:
    """Return the tax ``rate`` adds to ``net``, a price before tax."""
    return to_pennies(net * rate)


def gross_at_rate(gross: Decimal, *, entered_at: Decimal, charged_at: Decimal) -> Decimal:
    """Return ``gross``, entered with tax at ``entered_at``, with tax at ``charged_at`` instead.

    The price before tax stays the same: £8.95 entered with UK VAT (20%) is £8.65 with German
    VAT (19%).
    """
    if entered_at == charged_at:
        return gross
    return to_pennies(gross * (1 + charged_at) / (1 + entered_at))
