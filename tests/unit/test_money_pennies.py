"""Sharing a discount among basket lines in whole pennies (no database)."""

from decimal import Decimal

import pytest

from store.offer.pennies import share_in_pennies


def pennies(*amounts: str) -> list[Decimal]:
    return [Decimal(amount) for amount in amounts]


def test_ten_percent_of_two_lines_shares_the_rounded_total_not_each_line_rounded():
    # 10% of £16.95 is £1.695 and of £6.95 is £0.695: rounded each, they would make £2.40.
    shares = share_in_pennies(total=Decimal("2.39"), weights=pennies("16.95", "6.95"))

    assert shares == pennies("1.70", "0.69")
    assert sum(shares) == Decimal("2.39")


def test_the_pennies_left_over_go_to_the_shares_rounded_down_most():
    shares = share_in_pennies(total=Decimal("1.00"), weights=pennies("1", "1", "1"))

    assert shares == pennies("0.34", "0.33", "0.33")


def test_a_share_is_never_more_than_its_weight():
    # Oscar's own split gave the last line 6p of a 10p discount on a 5p line.
    shares = share_in_pennies(total=Decimal("0.10"), weights=pennies("0.03", "0.03", "0.05"))

    assert shares == pennies("0.03", "0.03", "0.04")


def test_the_whole_of_every_weight_can_be_shared():
    weights = pennies("0.01", "499.99", "12.34")

    assert share_in_pennies(total=sum(weights), weights=weights) == weights


def test_nothing_shares_as_nothing():
    assert share_in_pennies(total=Decimal("0.00"), weights=pennies("3.00", "4.00")) == pennies(
        "0.00", "0.00"
    )
    assert share_in_pennies(total=Decimal("0.00"), weights=[]) == []


@pytest.mark.parametrize(
    ("total", "weights"),
    [
        (Decimal("0.005"), pennies("1.00")),
        (Decimal("-0.01"), pennies("1.00")),
        (Decimal("0.01"), []),
        (Decimal("0.01"), pennies("1.00", "0.00")),
    ],
)
def test_part_pennies_negative_amounts_and_empty_weights_are_refused(total, weights):
    with pytest.raises(ValueError):
        share_in_pennies(total=total, weights=weights)


def test_of_two_shares_rounded_down_alike_the_larger_weight_takes_the_penny_in_any_order():
    assert share_in_pennies(total=Decimal("2.39"), weights=pennies("6.95", "16.95")) == pennies(
        "0.69", "1.70"
    )
    assert share_in_pennies(total=Decimal("0.01"), weights=pennies("1.00", "1.00")) == pennies(
        "0.01", "0.00"
    )
