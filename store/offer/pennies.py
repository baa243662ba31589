"""Split an amount of money into whole-penny shares that add up to it exactly."""

from collections.abc import Sequence
from decimal import ROUND_DOWN, Decimal

PENNY = Decimal("0.01")


def share_in_pennies(*, total: Decimal, weights: Sequence[Decimal]) -> list[Decimal]:
    """Return ``total`` split in proportion to ``weights``, in whole pennies adding up to ``total``.

    This is the largest-remainder method: each share is first rounded down to the penny, then the
    pennies left over go one each to the shares that lost most to that rounding (of two that lost
    the same, the larger weight first, then the earlier). Every share is less than a penny from
    its exact proportion, so when ``total`` is at most the sum of ``weights`` and the weights are
    whole pennies, no share is larger than its own weight.
    """
    if total < 0 or total != total.quantize(PENNY):
        raise ValueError(f"Only a whole number of pennies can be shared, not {total}.")
    if any(weight <= 0 for weight in weights):
        raise ValueError("Every share needs a weight above zero.")
    if not weights:
        if total:
            raise ValueError(f"{total} cannot be shared among nothing.")
        return []
    weight_sum = sum(weights, Decimal(0))
    exact = [total * weight / weight_sum for weight in weights]
    shares = [share.quantize(PENNY, rounding=ROUND_DOWN) for share in exact]
    pennies_left = int((total - sum(shares, Decimal(0))) / PENNY)
    most_rounded_down = sorted(
        range(len(shares)), key=lambda index: (shares[index] - exact[index], -weights[index])
    )
    for index in most_rounded_down[:pennies_left]:
        shares[index] += PENNY
    return shares
