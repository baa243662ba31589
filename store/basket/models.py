"""Oscar's basket, read in a fixed number of queries, whose lines work out their tax on their
own total after discounts."""

from decimal import Decimal

from oscar.apps.basket.abstract_models import AbstractBasket, AbstractLine

from store.basket.selectors import lines_to_price, quantities_by_stockrecord
from store.tax.money import tax_in_gross, tax_on_net


class Basket(AbstractBasket):
    """Oscar's basket, whose lines come with what pricing them reads, however many there are."""

    #: The offers the basket was last priced with (the applicator notes them), or None.
    offers_considered = None

    def all_lines(self):
        """Return the basket's lines (kept for the request), with what they are priced by."""
        if self.id is not None and self._lines is None:
            self._lines = lines_to_price(self.lines.all())
        return super().all_lines()

    @property
    def num_lines(self) -> int:
        """Return how many lines the basket has, counted from its lines.

        Oscar counts them with a query of their own; a page that asks (the offers are applied
        only to a basket with lines) goes on to price the lines, so they are read anyway.
        """
        return len(self.all_lines())

    def basket_quantity(self, line) -> int:
        """Return how many items the basket holds of ``line``'s stock record.

        Oscar asks the database once per line; here the whole basket's quantities are read in
        one query, kept for as long as the lines are (Oscar forgets its lines when they change).
        """
        if self.id is None:
            return 0
        lines = self.all_lines()
        if getattr(self, "_quantities_read_with", None) is not lines:
            self._quantities = quantities_by_stockrecord(self.lines.all())
            self._quantities_read_with = lines
        return self._quantities.get(line.stockrecord_id, 0)


class Line(AbstractLine):
    """A basket line taxed per line, as HMRC allows, at the rate its price carries.

    Oscar adds up each unit's rounded tax and, after a discount, scales the price before tax
    by the ratio of two rounded unit prices, so a line's tax can be a penny from its rate. Here
    the tax is the rate applied to the line's own total after discounts, rounded once: the
    price including tax, less that tax, is the price before it. Discounts on prices that
    include tax (``OSCAR_OFFERS_INCL_TAX``) so reduce the tax in proportion, to the penny.
    """

    @property
    def tax_rate(self) -> Decimal | None:
        """Return the rate the line is taxed at, or None while it is not known."""
        return getattr(self.purchase_info.price, "rate", None)

    @property
    def _tax_is_in_price(self) -> bool:
        return getattr(self.purchase_info.price, "includes_tax", False)

    def get_warning(self):
        """Warn of a price change, but not of a line now taxed for somewhere else.

        Once an EU shopper gives a delivery address their prices carry that country's VAT; the
        basket says so, and a "price has changed" warning for every line would mislead.
        """
        taxed_elsewhere = self.tax_code and self.tax_code != self.purchase_info.price.tax_code
        if taxed_elsewhere and self.purchase_info.availability.is_available_to_buy:
            return None
        return super().get_warning()

    @property
    def line_tax(self):
        if self.tax_rate is None:
            return super().line_tax
        if self._tax_is_in_price:
            return tax_in_gross(super().line_price_incl_tax_incl_discounts, self.tax_rate)
        return tax_on_net(super().line_price_excl_tax_incl_discounts, self.tax_rate)

    @property
    def line_price_excl_tax_incl_discounts(self):
        if self.tax_rate is not None and self._tax_is_in_price:
            return super().line_price_incl_tax_incl_discounts - self.line_tax
        return as_money(super().line_price_excl_tax_incl_discounts)

    @property
    def line_price_incl_tax_incl_discounts(self):
        if self.tax_rate is not None and not self._tax_is_in_price:
            return super().line_price_excl_tax_incl_discounts + self.line_tax
        return as_money(super().line_price_incl_tax_incl_discounts)


def as_money(amount) -> Decimal | None:
    """Return ``amount`` as a Decimal: Oscar gives the int 0 for a line discounted to nothing."""
    return None if amount is None else Decimal(amount)


from oscar.apps.basket.models import *  # noqa: E402, F403  (a forked Oscar app keeps its models)
