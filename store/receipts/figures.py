"""The money on a tax document: each charge's net, tax and gross, their totals by tax rate, and
how a refund is split across those rates. Pure sums in Decimal, no database.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from store.offer.pennies import PENNY, share_in_pennies
from store.partner.models import product_name

NOTHING = Decimal("0.00")


class FiguresDisagree(Exception):
    """An order's lines and shipping do not add up to its totals, so no document is drawn."""


@dataclass(frozen=True)
class Amounts:
    """An amount of money with its tax: ``gross`` is ``net`` plus ``tax``."""

    net: Decimal
    tax: Decimal
    gross: Decimal

    @classmethod
    def of(cls, *, gross: Decimal, net: Decimal) -> "Amounts":
        """Return the amounts of a charge of ``gross`` that is ``net`` before tax."""
        return cls(net=net, tax=gross - net, gross=gross)

    def __add__(self, other: "Amounts") -> "Amounts":
        return Amounts(
            net=self.net + other.net, tax=self.tax + other.tax, gross=self.gross + other.gross
        )

    def __sub__(self, other: "Amounts") -> "Amounts":
        return Amounts(
            net=self.net - other.net, tax=self.tax - other.tax, gross=self.gross - other.gross
        )


ZERO = Amounts(net=NOTHING, tax=NOTHING, gross=NOTHING)


@dataclass(frozen=True)
class RateTotal:
    """What was charged at one tax rate (a fraction, 0.2 for 20%; None when not known)."""

    rate: Decimal | None
    amounts: Amounts


@dataclass(frozen=True)
class Charge:
    """One row of a receipt: an order line, or the delivery.

    ``unit_price`` is before discounts, with tax where the market's prices include it;
    ``discount`` is what came off the row (with tax, likewise), and ``amounts`` are after it.
    """

    description: str
    quantity: int
    unit_price: Decimal | None
    discount: Decimal
    rate: Decimal | None
    amounts: Amounts


@dataclass(frozen=True)
class ReceiptFigures:
    """Every figure of an order's receipt, agreeing to the penny with the order's totals."""

    lines: list[Charge]
    shipping: Charge
    rates: list[RateTotal]
    totals: Amounts


def line_charge(line, *, prices_include_tax: bool) -> Charge:
    """Return the receipt row of order ``line``, named after its product if it still exists."""
    if prices_include_tax:
        unit_price = line.unit_price_incl_tax
        discount = line.line_price_before_discounts_incl_tax - line.line_price_incl_tax
    else:
        unit_price = line.unit_price_excl_tax
        discount = line.line_price_before_discounts_excl_tax - line.line_price_excl_tax
    return Charge(
        description=product_name(line.product) if line.product else line.title,
        quantity=line.quantity,
        unit_price=unit_price,
        discount=discount,
        rate=line.tax_rate,
        amounts=Amounts.of(gross=line.line_price_incl_tax, net=line.line_price_excl_tax),
    )


def shipping_charge(order) -> Charge:
    """Return the receipt row of the delivery of ``order``, after any discount on it."""
    return Charge(
        description=_("Delivery: %(method)s") % {"method": order.shipping_method},
        quantity=1,
        unit_price=None,
        discount=NOTHING,
        rate=order.shipping_tax_rate,
        amounts=Amounts.of(gross=order.shipping_incl_tax, net=order.shipping_excl_tax),
    )


def total_of(amounts: Iterable[Amounts]) -> Amounts:
    """Return ``amounts`` added up."""
    return sum(amounts, ZERO)


def totals_by_rate(charges: Iterable[Charge | RateTotal]) -> list[RateTotal]:
    """Return the amounts of ``charges`` added up per tax rate, highest first, unknown last."""
    by_rate: dict[Decimal | None, Amounts] = {}
    for charge in charges:
        by_rate[charge.rate] = by_rate.get(charge.rate, ZERO) + charge.amounts
    known = sorted((rate for rate in by_rate if rate is not None), reverse=True)
    order = [*known, None] if None in by_rate else known
    return [RateTotal(rate=rate, amounts=by_rate[rate]) for rate in order]


def receipt_figures(order, lines: Iterable, *, prices_include_tax: bool) -> ReceiptFigures:
    """Return the figures of the receipt of ``order`` with its ``lines``.

    Raise FiguresDisagree when the lines and shipping do not add up to the order's totals, with
    and without tax: a receipt never shows figures other than those the shopper was charged.
    """
    charges = [line_charge(line, prices_include_tax=prices_include_tax) for line in lines]
    shipping = shipping_charge(order)
    totals = total_of(charge.amounts for charge in [*charges, shipping])
    if (totals.net, totals.gross) != (order.total_excl_tax, order.total_incl_tax):
        raise FiguresDisagree(
            f"Order {order.number}: lines and shipping come to {totals.net} net and "
            f"{totals.gross} gross, the order to {order.total_excl_tax} and {order.total_incl_tax}."
        )
    return ReceiptFigures(
        lines=charges,
        shipping=shipping,
        rates=totals_by_rate([*charges, shipping]),
        totals=totals,
    )


def credit_split(*, amount: Decimal, uncredited: list[RateTotal]) -> list[RateTotal]:
    """Return ``amount`` given back split across the tax rates of what is not yet credited.

    The gross amount is shared among the rates in proportion to their uncredited gross, in
    whole pennies (``share_in_pennies``); the tax of each rate's share is in the proportion its
    uncredited tax bears to its uncredited gross, rounded to the penny. Crediting all that is
    left therefore gives back exactly the tax charged at each rate, however many refunds it
    took. Raise ValueError when ``amount`` is not more than nothing or more than is left.
    """
    parts = [part for part in uncredited if part.amounts.gross > 0]
    left = sum((part.amounts.gross for part in parts), NOTHING)
    if amount <= 0 or amount > left:
        raise ValueError(f"{amount} cannot be credited: {left} is left to credit.")
    shares = share_in_pennies(total=amount, weights=[part.amounts.gross for part in parts])
    split = []
    for part, gross in zip(parts, shares, strict=True):
        if not gross:
            continue
        tax = (gross * part.amounts.tax / part.amounts.gross).quantize(PENNY, ROUND_HALF_UP)
        tax = min(max(tax, NOTHING), gross)
        split.append(RateTotal(rate=part.rate, amounts=Amounts.of(gross=gross, net=gross - tax)))
    return split
