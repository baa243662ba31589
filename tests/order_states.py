"""Orders set up in a given status with the money that goes with it, for the status-rule tests."""

from decimal import Decimal
from importlib import import_module

from django.db import connection
from django.db.migrations.loader import MigrationLoader
from oscar.apps.shipping.methods import Free
from oscar.core.loading import get_class, get_model

from store.order.models import DISPATCHED
from tests.factories import bank_transfer_order

CommunicationEventType = get_model("communication", "CommunicationEventType")
Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
ShippingEventType = get_model("order", "ShippingEventType")

#: The money an order holds: nothing in, paid in full, paid and partly or wholly refunded.
UNPAID, PAID, PARTLY_REFUNDED, REFUNDED = "unpaid", "paid", "partly refunded", "refunded"


def dispatch_event_types() -> None:
    """Make sure the rows the order app's data migration makes are there.

    A transactional test ends by emptying every table; the very same migration function then
    makes them again, against the migrated models.
    """
    if ShippingEventType.objects.filter(code=DISPATCHED).exists():
        return
    migration = import_module("store.order.migrations.0023_dispatch_event_types")
    migration.create_dispatch_event_types(MigrationLoader(connection).project_state().apps, None)


def order_in(status: str, *, size, quantity: int = 3, money: str = UNPAID):
    """Place a bank-transfer order for ``quantity`` of ``size`` (its stock allocated), give its
    payment source ``money``, and put the order in ``status`` as if it had got there."""
    order = bank_transfer_order(size=size, quantity=quantity)
    source = order.sources.get()
    if money != UNPAID:
        source.debit(order.total_incl_tax)
    if money == PARTLY_REFUNDED:
        source.refund(Decimal("1.00"))
    if money == REFUNDED:
        source.refund(order.total_incl_tax)
    Order.objects.filter(pk=order.pk).update(status=status)
    order.refresh_from_db()
    return order


def stock_of(size) -> tuple[int, int]:
    """Return (units in stock, units allocated) of ``size``."""
    record = size.stockrecords.get()
    return record.num_in_stock, record.num_allocated


def order_of(sizes: dict):
    """Place a guest order with a line for each of ``sizes`` ({size: quantity}), allocated."""
    basket = Basket.objects.create()
    basket.strategy = get_class("partner.strategy", "Selector")().strategy()
    for size, quantity in sizes.items():
        basket.add_product(size, quantity)
    method = Free()
    charge = method.calculate(basket)
    total = get_class("checkout.calculators", "OrderTotalCalculator")().calculate(basket, charge)
    return get_class("order.utils", "OrderCreator")().place_order(
        basket=basket,
        total=total,
        shipping_method=method,
        shipping_charge=charge,
        order_number=get_class("order.utils", "OrderNumberGenerator")().order_number(basket),
        guest_email="guest@example.com",
    )
