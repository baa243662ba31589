"""Whatever the basket, its discount, totals, VAT, order and card charge agree to the penny.

Hypothesis draws baskets of one to six lines (prices £0.01 to £500.00, 1 to 20 of each), a
voucher for a percentage off (1% to 100%), for a fixed amount off (£0.01 to £100.00) or none,
and free, fixed or free-over-a-threshold delivery. Each basket is priced and placed as an order
the way checkout does it, and every figure is checked against the same sums done in whole pennies
by the test itself; the VAT (UK, 20%, in the prices) of each line and of delivery is a sixth of
its price after discounts, rounded half up. Each example's rows and price changes are rolled
back before the next.
"""

from contextlib import contextmanager
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.template.loader import render_to_string
from hypothesis import example, given
from hypothesis import strategies as st
from oscar.apps.shipping.methods import Free
from oscar.core.loading import get_class, get_model
from oscar.templatetags.currency_filters import currency

from store.payments import gateway
from tests.factories import Benefit, ParentProductFactory, SizeFactory, VoucherFactory

Applicator = get_class("offer.applicator", "Applicator")
Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
OrderAndItemCharges = get_model("shipping", "OrderAndItemCharges")
OrderCreator = get_class("order.utils", "OrderCreator")
OrderNumberGenerator = get_class("order.utils", "OrderNumberGenerator")
OrderTotalCalculator = get_class("checkout.calculators", "OrderTotalCalculator")
Selector = get_class("partner.strategy", "Selector")
Taxed = get_class("shipping.repository", "Taxed")
StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db

PENNY = Decimal("0.01")
FREE, FIXED, FREE_OVER = "free", "fixed", "free over a threshold"


@dataclass(frozen=True)
class Case:
    """A basket to price: (unit price, quantity) lines, a voucher and a delivery charge."""

    lines: tuple[tuple[Decimal, int], ...]
    voucher: tuple[str, Decimal] | None  # (Benefit.PERCENTAGE or Benefit.FIXED, its value)
    shipping: tuple[str, Decimal, Decimal | None]  # (kind, charge, free-over threshold)


def money(low: str, high: str):
    return st.decimals(min_value=Decimal(low), max_value=Decimal(high), places=2)


cases = st.builds(
    Case,
    lines=st.lists(
        st.tuples(money("0.01", "500.00"), st.integers(min_value=1, max_value=20)),
        min_size=1,
        max_size=6,
    ).map(tuple),
    voucher=st.one_of(
        st.none(),
        st.tuples(st.just(Benefit.PERCENTAGE), money("1", "100")),
        st.tuples(st.just(Benefit.FIXED), money("0.01", "100.00")),
    ),
    shipping=st.one_of(
        st.just((FREE, Decimal("0.00"), None)),
        st.tuples(st.just(FIXED), money("0.01", "20.00"), st.none()),
        st.tuples(st.just(FREE_OVER), money("0.01", "20.00"), money("0.01", "1000.00")),
    ),
)


@dataclass(frozen=True)
class Expected:
    """The figures a shopper should see, worked out in whole pennies."""

    before_discount: int
    discount: int
    basket: int
    shipping: int
    total: int


def expected_pennies(case: Case) -> Expected:
    """Work out, in integer pennies, what every page and Stripe should say for ``case``."""
    before = sum(int(price * 100) * quantity for price, quantity in case.lines)
    discount = 0
    if case.voucher:
        kind, value = case.voucher
        if kind == Benefit.PERCENTAGE:
            discount = int((before * value / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
        else:
            discount = min(int(value * 100), before)
    basket = before - discount
    kind, charge, threshold = case.shipping
    shipping = int(charge * 100)
    if kind == FREE_OVER and basket >= int(threshold * 100):
        shipping = 0
    return Expected(before, discount, basket, shipping, basket + shipping)


def pounds(pennies: int) -> Decimal:
    return Decimal(pennies) * PENNY


@contextmanager
def rolled_back():
    """Run the block in a savepoint that is always rolled back, so examples share no rows."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def shipping_method(case: Case):
    kind, charge, threshold = case.shipping
    if kind == FREE:
        return Taxed(Free())
    return Taxed(
        OrderAndItemCharges(
            code="standard",
            name="Standard delivery",
            price_per_order=charge,
            free_shipping_threshold=threshold,
        )
    )


def vat_in(price: Decimal) -> Decimal:
    """Return the UK VAT in ``price``, which includes it at 20%: a sixth, rounded half up."""
    return (price / 6).quantize(PENNY, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Catalogue:
    """Six sizes and a voucher, made once: each example sets their prices and what it gives."""

    sizes: tuple
    voucher: object

    @classmethod
    def make(cls):
        parent = ParentProductFactory()
        sizes = tuple(SizeFactory(parent=parent) for _line in range(6))
        return cls(sizes=sizes, voucher=VoucherFactory(code="MONEY"))


def priced_basket(case: Case, catalogue: Catalogue):
    """Fill a basket with ``case``'s lines and voucher and price it as the basket page does."""
    basket = Basket.objects.create()
    basket.strategy = Selector().strategy()
    for size, (price, quantity) in zip(catalogue.sizes, case.lines, strict=False):
        StockRecord.objects.filter(product=size).update(price=price)
        basket.add_product(size, quantity)
    if case.voucher:
        kind, value = case.voucher
        Benefit.objects.filter(offers__vouchers=catalogue.voucher).update(type=kind, value=value)
        basket.vouchers.add(catalogue.voucher)
    Applicator().apply(basket, AnonymousUser())
    return basket


def place_order(basket, method):
    """Place ``basket`` as an order the way checkout does; return it as saved in the database."""
    charge = method.calculate(basket)
    total = OrderTotalCalculator().calculate(basket, charge)
    order = OrderCreator().place_order(
        basket=basket,
        user=AnonymousUser(),
        total=total,
        shipping_method=method,
        shipping_charge=charge,
        order_number=OrderNumberGenerator().order_number(basket),
        guest_email="money@example.com",
    )
    return Order.objects.prefetch_related("lines__prices", "lines__discounts").get(pk=order.pk)


def shown(text: str) -> str:
    """Return ``text`` with its runs of white space made single spaces."""
    return " ".join(text.split())


def assert_basket_agrees(basket, method, expected: Expected):
    shown_discount = sum((found["discount"] for found in basket.grouped_voucher_discounts), 0)
    line_discounts = [line.discount_value for line in basket.all_lines()]
    assert shown_discount == pounds(expected.discount)
    assert sum(line_discounts, 0) == shown_discount
    for line, discount in zip(basket.all_lines(), line_discounts, strict=True):
        assert discount == Decimal(discount).quantize(PENNY)
        assert 0 <= discount <= line.line_price_incl_tax
    assert basket.total_incl_tax_excl_discounts == pounds(expected.before_discount)
    assert basket.total_incl_tax == pounds(expected.basket)
    assert basket.total_incl_tax >= 0
    assert basket.total_tax == sum(
        vat_in(line.line_price_incl_tax_incl_discounts) for line in basket.all_lines()
    )

    charge = method.calculate(basket)
    totals = render_to_string(
        "oscar/basket/partials/basket_totals.html",
        {
            "basket": basket,
            "shipping_method": method,
            "shipping_charge": charge,
            "order_total": OrderTotalCalculator().calculate(basket, charge),
        },
    )
    if expected.discount:
        assert f"-{currency(pounds(expected.discount))}" in shown(totals)
    assert currency(pounds(expected.basket)) in shown(totals)
    assert currency(pounds(expected.total)) in shown(totals)


def assert_order_agrees(order, expected: Expected):
    assert order.total_incl_tax == pounds(expected.total)
    assert order.total_incl_tax >= 0
    assert order.shipping_incl_tax == pounds(expected.shipping)
    shipping_vat = order.shipping_incl_tax - order.shipping_excl_tax
    assert shipping_vat == vat_in(order.shipping_incl_tax)
    assert order.shipping_tax_rate == Decimal("0.2")
    assert order.basket_total_before_discounts_incl_tax == pounds(expected.before_discount)
    assert order.basket_total_incl_tax == pounds(expected.basket)
    assert order.total_discount_incl_tax == pounds(expected.discount)
    assert sum((found.amount for found in order.basket_discounts), 0) == pounds(expected.discount)

    lines = list(order.lines.all())
    assert sum(line.line_price_incl_tax for line in lines) == pounds(expected.basket)
    for line in lines:
        line_discount = sum((found.amount for found in line.discounts.all()), 0)
        assert line.line_price_incl_tax == line.line_price_before_discounts_incl_tax - line_discount
        assert line.line_price_incl_tax >= 0
        assert line.line_price_incl_tax - line.line_price_excl_tax == vat_in(
            line.line_price_incl_tax
        )
        assert line.tax_rate == Decimal("0.2")
        prices = list(line.prices.all())
        assert sum(price.quantity for price in prices) == line.quantity
        assert sum(price.price_incl_tax * price.quantity for price in prices) == (
            line.line_price_incl_tax
        )
        assert sum(price.price_excl_tax * price.quantity for price in prices) == (
            line.line_price_excl_tax
        )
    line_vat = sum(line.line_price_incl_tax - line.line_price_excl_tax for line in lines)
    assert order.total_incl_tax - order.total_excl_tax == line_vat + shipping_vat

    totals = shown(render_to_string("oscar/order/partials/basket_totals.html", {"order": order}))
    if expected.discount:
        assert f"- {currency(pounds(expected.discount))}" in totals
    assert currency(pounds(expected.basket)) in totals
    assert currency(pounds(expected.total)) in totals


def assert_card_charge_agrees(order, expected: Expected):
    asked = gateway.to_minor_units(order.total_incl_tax, order.currency)
    assert asked == expected.total
    assert gateway.from_minor_units(asked, order.currency) == order.total_incl_tax


def test_every_discount_total_line_and_card_charge_agrees_to_the_penny(capsys, record_property):
    examples = []
    catalogue = Catalogue.make()

    @given(case=cases)
    @example(  # the reported basket: 10% off £16.95 + £6.95 is £2.39, leaving £21.51
        case=Case(
            lines=((Decimal("16.95"), 1), (Decimal("6.95"), 1)),
            voucher=(Benefit.PERCENTAGE, Decimal("10")),
            shipping=(FREE, Decimal("0.00"), None),
        )
    )
    @example(  # 10p off 3p + 3p + 5p: Oscar gave the 5p line a 6p discount
        case=Case(
            lines=((Decimal("0.03"), 1), (Decimal("0.03"), 1), (Decimal("0.05"), 1)),
            voucher=(Benefit.FIXED, Decimal("0.10")),
            shipping=(FIXED, Decimal("3.95"), None),
        )
    )
    def check(case):
        examples.append(case)
        expected = expected_pennies(case)
        with rolled_back():
            basket = priced_basket(case, catalogue)
            method = shipping_method(case)
            assert_basket_agrees(basket, method, expected)
            order = place_order(basket, method)
            assert_order_agrees(order, expected)
            assert_card_charge_agrees(order, expected)

    check()

    record_property("hypothesis_examples", len(examples))
    with capsys.disabled():
        print(f"\nmoney: {len(examples)} baskets checked to the penny")
