"""Oscar's order creator, recording each line's tax rate and unit prices in whole pennies."""

from collections import Counter
from decimal import Decimal

from django.db import transaction
from oscar.apps.order import utils as oscar_utils

from store.offer.pennies import PENNY, share_in_pennies
from store.receipts.services import receipt_issue


class OrderCreator(oscar_utils.OrderCreator):
    """Place orders as Oscar does, keeping tax rates, with unit prices that add up to each line."""

    @transaction.atomic
    def place_order(self, *args, **kwargs):
        """Place the order as Oscar does and issue its receipt, in the same transaction."""
        order = super().place_order(*args, **kwargs)
        receipt_issue(order=order)
        return order

    def create_order_model(self, user, basket, shipping_address, shipping_method, shipping_charge,
                           billing_address, total, order_number, status, request=None,
                           **extra_order_fields):  # fmt: skip
        """Create the order, keeping the tax rate of its delivery charge."""
        extra_order_fields.setdefault("shipping_tax_rate", getattr(shipping_charge, "rate", None))
        return super().create_order_model(
            user, basket, shipping_address, shipping_method, shipping_charge, billing_address,
            total, order_number, status, request, **extra_order_fields,
        )  # fmt: skip

    def create_line_models(self, order, basket_line, extra_line_fields=None):
        """Create the order line, keeping the tax rate it was charged at."""
        extra_line_fields = {"tax_rate": basket_line.tax_rate, **(extra_line_fields or {})}
        return super().create_line_models(order, basket_line, extra_line_fields)

    def create_line_price_models(self, order, order_line, basket_line):
        """Record what each unit of the line costs, grouping units that cost the same.

        Oscar divides a line's discount evenly among its discounted units (£1.70 over three is
        £0.5666…) and the database rounds each unit's price, so the prices no longer add up to
        the line. Here the line's totals are split into whole pennies (57p, 57p and 56p off),
        so each unit's prices, with and without tax, add up to the line's.
        """
        breakdown = unit_prices_in_pennies(basket_line)
        if breakdown is None:
            super().create_line_price_models(order, order_line, basket_line)
            return
        for (price_incl_tax, price_excl_tax), quantity in breakdown.items():
            order_line.prices.create(
                order=order,
                quantity=quantity,
                price_incl_tax=price_incl_tax,
                price_excl_tax=price_excl_tax,
                tax_code=basket_line.tax_code,
            )


def unit_prices_in_pennies(line) -> Counter | None:
    """Return how many units of basket ``line`` cost each (incl. tax, excl. tax) pair of prices.

    Units without a discount cost the unit price; the discounted ones share what is left of the
    line's total. Each unit's price before tax is its share, by price, of the line's. Return
    None when the line's taxes are unknown or its totals are not whole pennies, for Oscar's own
    breakdown to deal with.
    """
    if not line.is_tax_known:
        return None
    # Oscar's line totals are the int 0 when a discount takes a line's whole price.
    incl_tax = Decimal(line.line_price_incl_tax_incl_discounts)
    excl_tax = Decimal(line.line_price_excl_tax_incl_discounts)
    if not all(_whole_pennies(amount) for amount in (incl_tax, excl_tax)):
        return None
    units_incl_tax = unit_shares(
        line_total=incl_tax,
        unit_price=line.unit_price_incl_tax,
        quantity=line.quantity,
        discounted=line.quantity_with_discount,
    )
    if units_incl_tax is None:
        return None
    return Counter(zip(units_incl_tax, shares_by_weight(excl_tax, units_incl_tax), strict=True))


def unit_shares(
    *, line_total: Decimal, unit_price: Decimal, quantity: int, discounted: int
) -> list[Decimal] | None:
    """Return each unit's share of ``line_total``: the unit price, less its part of a discount.

    Return None when the undiscounted units alone cost more than the line.
    """
    if not discounted:
        return share_in_pennies(total=line_total, weights=[Decimal(1)] * quantity)
    full_price = [unit_price] * (quantity - discounted)
    rest = line_total - sum(full_price, Decimal(0))
    if rest < 0:
        return None
    return share_in_pennies(total=rest, weights=[Decimal(1)] * discounted) + full_price


def shares_by_weight(total: Decimal, weights: list[Decimal]) -> list[Decimal]:
    """Split ``total`` in whole pennies in proportion to ``weights``; a weight of 0 gets 0."""
    priced = [index for index, weight in enumerate(weights) if weight > 0]
    shares = [Decimal("0.00")] * len(weights)
    if not priced:
        return shares
    for index, share in zip(
        priced, share_in_pennies(total=total, weights=[weights[i] for i in priced]), strict=True
    ):
        shares[index] = share
    return shares


def _whole_pennies(amount: Decimal) -> bool:
    return amount >= 0 and amount == amount.quantize(PENNY)
