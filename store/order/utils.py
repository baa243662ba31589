"""Oscar's order creator, recording the unit prices of a discounted line in whole pennies."""

from collections import Counter
from decimal import Decimal

from oscar.apps.order import utils as oscar_utils

from store.offer.pennies import PENNY, share_in_pennies


class OrderCreator(oscar_utils.OrderCreator):
    """Place orders as Oscar does, with unit prices that add up to each line's total."""

    def create_line_price_models(self, order, order_line, basket_line):
        """Record what each unit of the line costs, grouping units that cost the same.

        Oscar divides a line's discount evenly among its discounted units (£1.70 over three is
        £0.5666…) and the database rounds each unit's price, so the prices no longer add up to
        the line. Here the discount is split into whole pennies (57p, 57p and 56p), so they do.
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

    Return None when its taxes are unknown or its discounts are not whole pennies, for Oscar's
    own breakdown to deal with.
    """
    if not line.is_tax_known:
        return None
    discounted = line.quantity_with_discount
    discount_incl_tax = line.line_price_incl_tax - line.line_price_incl_tax_incl_discounts
    discount_excl_tax = line.line_price_excl_tax - line.line_price_excl_tax_incl_discounts
    if not all(_whole_pennies(amount) for amount in (discount_incl_tax, discount_excl_tax)):
        return None
    if not discounted:
        return Counter({(line.unit_price_incl_tax, line.unit_price_excl_tax): line.quantity})
    units = [Decimal(1)] * discounted
    unit_discounts = zip(
        share_in_pennies(total=discount_incl_tax, weights=units),
        share_in_pennies(total=discount_excl_tax, weights=units),
        strict=True,
    )
    breakdown = Counter(
        (line.unit_price_incl_tax - incl_tax, line.unit_price_excl_tax - excl_tax)
        for incl_tax, excl_tax in unit_discounts
    )
    if line.quantity > discounted:
        breakdown[(line.unit_price_incl_tax, line.unit_price_excl_tax)] += (
            line.quantity - discounted
        )
    return breakdown


def _whole_pennies(amount: Decimal) -> bool:
    return amount >= 0 and amount == amount.quantize(PENNY)
