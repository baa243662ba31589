"""Oscar's percentage and fixed-amount benefits, giving each basket line a whole-penny discount.

Oscar 4.2 gives each line of a percentage offer its exact share of the discount (10% of £16.95 is
£1.695), shows the offer's discount rounded down and leaves each line to be rounded again wherever
it is priced: half up in the basket total, then by the database when the order's lines are saved.
A 10% voucher on £16.95 + £6.95 showed "-£2.39" but "£21.52 after discounts", and the order saved
£21.52 with its line discounts adding up to £2.40. Its fixed-amount benefit gives the last line
whatever the others' rounded-down shares leave, which can be more than that line costs.

Here a discount is decided once, in pennies: a percentage is taken of the discounted items' value
and rounded half up to the penny (10% of £23.90 is £2.39), a fixed amount is capped at that value,
and the discount is shared among the lines by value with ``share_in_pennies``. The lines' discounts
then add up to exactly the discount shown, so every total after it (basket, order, email, the
amount asked of Stripe) is a sum of whole pennies.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext_lazy as _
from oscar.apps.offer import benefits as oscar_benefits
from oscar.core.loading import get_classes

from store.offer.pennies import share_in_pennies

BasketDiscount, ZERO_DISCOUNT = get_classes("offer.results", ["BasketDiscount", "ZERO_DISCOUNT"])

__all__ = ["PennyAbsoluteDiscountBenefit", "PennyPercentageDiscountBenefit"]


class PennyPercentageDiscountBenefit(oscar_benefits.PercentageDiscountBenefit):
    """A percentage off, rounded half up to the penny and shared among the lines in pennies."""

    class Meta:
        app_label = "offer"
        proxy = True
        verbose_name = _("Percentage discount benefit in whole pennies")
        verbose_name_plural = _("Percentage discount benefits in whole pennies")

    def apply(
        self,
        basket,
        condition,
        offer,
        discount_percent=None,
        max_total_discount=None,
        **kwargs,
    ):
        """Discount the cheapest items in range by the percentage; return the basket discount."""
        percent = min(self.value if discount_percent is None else discount_percent, Decimal(100))
        already_discounted = sum(
            line.quantity_with_offer_discount(offer) for line in basket.all_lines()
        )
        lines = lines_to_discount(
            benefit=self,
            offer=offer,
            basket=basket,
            max_items=self._effective_max_affected_items() - already_discounted,
        )
        value = sum((price * quantity for _line, price, quantity in lines), Decimal(0))
        discount = self.round(value * percent / 100, basket.currency, round_type=ROUND_HALF_UP)
        if max_total_discount is not None:
            discount = min(discount, max_total_discount)
        return discount_lines(lines=lines, discount=discount, offer=offer)


class PennyAbsoluteDiscountBenefit(oscar_benefits.AbsoluteDiscountBenefit):
    """A fixed amount off the items in range, shared among the lines by value in pennies."""

    class Meta:
        app_label = "offer"
        proxy = True
        verbose_name = _("Absolute discount benefit in whole pennies")
        verbose_name_plural = _("Absolute discount benefits in whole pennies")

    def apply(
        self,
        basket,
        condition,
        offer,
        discount_amount=None,
        max_total_discount=None,
        **kwargs,
    ):
        """Take the amount off the items in range, never more than they cost; return it."""
        lines = lines_to_discount(
            benefit=self,
            offer=offer,
            basket=basket,
            max_items=self._effective_max_affected_items(),
        )
        value = sum((price * quantity for _line, price, quantity in lines), Decimal(0))
        amount = self.value if discount_amount is None else discount_amount
        discount = self.round(min(amount, value), basket.currency)
        if max_total_discount is not None:
            discount = min(discount, max_total_discount)
        return discount_lines(lines=lines, discount=discount, offer=offer)


def lines_to_discount(*, benefit, offer, basket, max_items: int) -> list[tuple]:
    """Return ``(line, unit price, quantity)`` for at most ``max_items`` items, cheapest first.

    Only items the offer may still discount count: those in the benefit's range and not taken by
    an offer that excludes this one.
    """
    chosen = []
    for price, line in benefit.get_applicable_lines(offer, basket):
        quantity = min(line.quantity_without_offer_discount(offer), max_items)
        if quantity > 0:
            chosen.append((line, price, quantity))
            max_items -= quantity
    return chosen


def discount_lines(*, lines: list[tuple], discount: Decimal, offer):
    """Share ``discount`` among ``lines`` by value in whole pennies and apply each share.

    Return the basket discount to show, which is exactly the sum of the lines' discounts.
    """
    if discount <= 0 or not lines:
        return ZERO_DISCOUNT
    shares = share_in_pennies(
        total=discount, weights=[price * quantity for _line, price, quantity in lines]
    )
    for (line, _price, quantity), share in zip(lines, shares, strict=True):
        oscar_benefits.apply_discount(line, share, quantity, offer)
    return BasketDiscount(discount)


# Oscar's Benefit.proxy_map loads the benefit classes by these names from the offer app's
# ``benefits`` module (get_class), so every percentage and fixed-amount offer uses those above.
PercentageDiscountBenefit = PennyPercentageDiscountBenefit
AbsoluteDiscountBenefit = PennyAbsoluteDiscountBenefit
