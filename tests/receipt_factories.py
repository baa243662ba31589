"""Orders with the tax figures their receipts show, set on the orders themselves.

The tax each line and the delivery were charged is written straight onto the order here, out of
the prices they were sold at, so the receipt tests prove the documents whatever the tax engine
does at checkout.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from oscar.core.loading import get_model

from tests.checkout_journey import ship_to_the_uk
from tests.factories import sized_product
from tests.order_states import order_of

BillingAddress = get_model("order", "BillingAddress")
Country = get_model("address", "Country")
StockRecord = get_model("partner", "StockRecord")

PENNY = Decimal("0.01")


@dataclass(frozen=True)
class Item:
    """A line to order: ``quantity`` at ``price`` each (tax in), taxed at ``rate`` (None: not
    known), with ``discount`` taken off the line."""

    price: str
    quantity: int = 1
    rate: str | None = "0.20"
    discount: str = "0.00"


def net_of(gross: Decimal, rate: Decimal | None) -> Decimal:
    """Return ``gross`` without tax at ``rate``, to the penny."""
    if rate is None:
        return gross
    return (gross / (1 + rate)).quantize(PENNY, rounding=ROUND_HALF_UP)


def charge_tax(order, items: list[Item], *, shipping: str | None = None, shipping_rate=None):
    """Make ``order`` charge each line (in order) as its item says and, if ``shipping`` is
    given, that much for delivery at ``shipping_rate``; its totals follow."""
    for line, item in zip(order.lines.order_by("pk"), items, strict=True):
        rate = Decimal(item.rate) if item.rate is not None else None
        before = line.line_price_before_discounts_incl_tax
        line.tax_rate = rate
        line.unit_price_excl_tax = net_of(line.unit_price_incl_tax, rate)
        line.line_price_before_discounts_excl_tax = net_of(before, rate)
        line.line_price_incl_tax = before - Decimal(item.discount)
        line.line_price_excl_tax = net_of(line.line_price_incl_tax, rate)
        line.save()
    if shipping is not None:
        order.shipping_tax_rate = Decimal(shipping_rate) if shipping_rate is not None else None
        order.shipping_incl_tax = Decimal(shipping)
        order.shipping_excl_tax = net_of(order.shipping_incl_tax, order.shipping_tax_rate)
    lines = list(order.lines.all())
    order.total_incl_tax = sum(line.line_price_incl_tax for line in lines) + order.shipping_incl_tax
    order.total_excl_tax = sum(line.line_price_excl_tax for line in lines) + order.shipping_excl_tax
    order.save()
    return order


def taxed_order(
    items: list[Item], *, shipping: str = "3.95", shipping_rate: str | None = "0.20", user=None
):
    """Place an order for ``items`` (each its own product), billed to Ada Lovelace in Bristol and
    made ``user``'s if given, charging the tax the items say and ``shipping`` for delivery."""
    ship_to_the_uk()
    sizes = {}
    for index, item in enumerate(items):
        size = sized_product(title=f"Zechstein bath flakes {index + 1}", sizes=1).children.get()
        StockRecord.objects.filter(product=size).update(price=Decimal(item.price))
        sizes[size] = item.quantity
    order = order_of(sizes)
    order.user = user
    order.billing_address = BillingAddress.objects.create(
        first_name="Ada",
        last_name="Lovelace",
        line1="1 Bath Street",
        line4="Bristol",
        postcode="BS1 1AA",
        country=Country.objects.get(iso_3166_1_a2="GB"),
    )
    return charge_tax(order, items, shipping=shipping, shipping_rate=shipping_rate)


def two_rate_order(**kwargs):
    """Return an order charging VAT at two rates, with a discount and taxed delivery:

    - two at £6.50 at 20%: £13.00, of which £2.17 VAT;
    - one at £11.50 at 5%, £1.15 off: £10.35, of which £0.49 VAT;
    - delivery £3.95 at 20%, of which £0.66 VAT.

    In all £27.30, of which £3.32 VAT: £2.83 of £16.95 at 20%, £0.49 of £10.35 at 5%.
    """
    return taxed_order(
        [Item("6.50", quantity=2, rate="0.20"), Item("11.50", rate="0.05", discount="1.15")],
        shipping="3.95",
        shipping_rate="0.20",
        **kwargs,
    )
