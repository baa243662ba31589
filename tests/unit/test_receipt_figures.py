"""The sums behind the tax documents, without the database: totals by rate, figures that must
agree with the order, and refunds split across rates to the penny."""

from decimal import Decimal
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store.receipts.figures import (
    Amounts,
    FiguresDisagree,
    RateTotal,
    credit_split,
    receipt_figures,
)
from store.receipts.templatetags.receipt_tags import tax_percent

PENNY = Decimal("0.01")


def line(gross: str, net: str, rate: str | None, *, before: str | None = None):
    """Return an order line as the figures read it: no product, so it is named by its title."""
    return SimpleNamespace(
        product=None,
        title="Zechstein bath flakes (1 kg)",
        quantity=1,
        unit_price_incl_tax=Decimal(before or gross),
        unit_price_excl_tax=Decimal(net),
        line_price_incl_tax=Decimal(gross),
        line_price_excl_tax=Decimal(net),
        line_price_before_discounts_incl_tax=Decimal(before or gross),
        line_price_before_discounts_excl_tax=Decimal(net),
        tax_rate=Decimal(rate) if rate is not None else None,
    )


def amounts(net: str, tax: str, gross: str) -> Amounts:
    return Amounts(net=Decimal(net), tax=Decimal(tax), gross=Decimal(gross))


def order(total_incl_tax: str, total_excl_tax: str):
    return SimpleNamespace(
        number="100001",
        shipping_method="Standard delivery",
        shipping_incl_tax=Decimal("3.95"),
        shipping_excl_tax=Decimal("3.29"),
        shipping_tax_rate=Decimal("0.2"),
        total_incl_tax=Decimal(total_incl_tax),
        total_excl_tax=Decimal(total_excl_tax),
    )


@pytest.mark.parametrize(
    ("rate", "shown"),
    [
        (Decimal("0.2000"), "20%"),
        (Decimal("0.0500"), "5%"),
        (Decimal("0.1750"), "17.5%"),
        (Decimal("0"), "0%"),
        (None, "\N{EN DASH}"),
    ],
)
def test_a_rate_is_shown_as_a_percentage(rate, shown):
    assert tax_percent(rate) == shown


def test_the_figures_add_up_by_rate_with_the_unknown_rate_last():
    lines = [
        line("13.00", "10.83", "0.2"),
        line("4.00", "4.00", None),
        line("10.35", "9.86", "0.05"),
    ]

    figures = receipt_figures(order("31.30", "27.98"), lines, prices_include_tax=True)

    assert [(part.rate, part.amounts) for part in figures.rates] == [
        (Decimal("0.2"), amounts("14.12", "2.83", "16.95")),
        (Decimal("0.05"), amounts("9.86", "0.49", "10.35")),
        (None, amounts("4.00", "0.00", "4.00")),
    ]
    assert figures.totals == amounts("27.98", "3.32", "31.30")


def test_a_discount_is_what_came_off_the_line():
    discounted = line("10.35", "8.62", "0.2", before="11.50")

    figures = receipt_figures(order("14.30", "11.91"), [discounted], prices_include_tax=True)

    assert figures.lines[0].discount == Decimal("1.15")
    assert figures.lines[0].unit_price == Decimal("11.50")


def test_figures_that_do_not_add_up_to_the_order_are_refused():
    lines = [line("13.00", "10.83", "0.2")]

    with pytest.raises(FiguresDisagree, match="Order 100001"):
        receipt_figures(order("17.00", "14.12"), lines, prices_include_tax=True)


def test_a_refund_larger_than_what_is_left_is_refused():
    left = [RateTotal(Decimal("0.2"), amounts("5.00", "1.00", "6.00"))]

    with pytest.raises(ValueError, match=r"6\.00 is left"):
        credit_split(amount=Decimal("6.01"), uncredited=left)


pennies = st.integers(min_value=1, max_value=50_000).map(lambda n: Decimal(n) * PENNY)
rates = st.sampled_from([Decimal("0.2"), Decimal("0.05"), Decimal("0"), Decimal("0.1")])


@st.composite
def charged_by_rate(draw) -> list[RateTotal]:
    """Draw what an order charged at one to three rates, its tax worked out from each gross."""
    chosen = draw(st.lists(rates, min_size=1, max_size=3, unique=True))
    parts = []
    for rate in chosen:
        gross = draw(pennies)
        tax = (gross * rate / (1 + rate)).quantize(PENNY)
        parts.append(RateTotal(rate, Amounts.of(gross=gross, net=gross - tax)))
    return parts


@given(charged=charged_by_rate(), cuts=st.lists(st.floats(0.01, 0.99), max_size=4))
def test_refunds_in_any_pieces_give_back_exactly_what_each_rate_charged(charged, cuts):
    left = list(charged)
    credited: dict = {}
    while sum(part.amounts.gross for part in left) > 0:
        remaining = sum(part.amounts.gross for part in left)
        cut = Decimal(str(cuts.pop())) if cuts else Decimal(1)
        amount = max(PENNY, (remaining * cut).quantize(PENNY))

        split = credit_split(amount=amount, uncredited=left)

        assert sum(part.amounts.gross for part in split) == amount
        for part in split:
            assert Decimal(0) <= part.amounts.tax <= part.amounts.gross
            credited[part.rate] = credited.get(part.rate, Amounts.of(gross=0, net=0)) + part.amounts
        left = [
            RateTotal(part.rate, part.amounts - credited.get(part.rate, Amounts.of(gross=0, net=0)))
            for part in charged
        ]
    assert credited == {part.rate: part.amounts for part in charged}
