"""Reads about orders: the money in and out, their dispatches, and which status moves are open.

``order_status_refusal`` holds the shop's rules for moving an order from one status to another.
The services enforce it under a row lock; the dashboard's status list offers what it allows.
"""

from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from django.db.models import DecimalField, QuerySet, Sum, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext as _
from oscar.core.loading import get_model
from oscar.templatetags.currency_filters import currency

from store.order.models import DISPATCHED
from store.order.statuses import (
    BEING_PROCESSED,
    CANCELLED,
    PARTLY_REFUNDED,
    REFUNDED,
    SHIPPED,
)

Order = get_model("order", "Order")
ShippingEvent = get_model("order", "ShippingEvent")


@dataclass(frozen=True)
class OrderMoney:
    """What an order costs, and what its payment sources say was taken and given back."""

    currency: str
    total: Decimal
    paid: Decimal
    refunded: Decimal

    @property
    def paid_in_full(self) -> bool:
        """Return whether everything the order costs has been received."""
        return self.paid >= self.total

    @property
    def refunded_in_full(self) -> bool:
        """Return whether money was received and all of it has been given back."""
        return self.paid > 0 and self.refunded >= self.paid

    @property
    def partly_refunded(self) -> bool:
        """Return whether some, but not all, of the money received has been given back."""
        return 0 < self.refunded < self.paid


def order_money(order) -> OrderMoney:
    """Return what ``order`` costs and what its payment sources have debited and refunded."""
    zero = Value(Decimal("0.00"), output_field=DecimalField(max_digits=12, decimal_places=2))
    sums = order.sources.aggregate(
        paid=Coalesce(Sum("amount_debited"), zero), refunded=Coalesce(Sum("amount_refunded"), zero)
    )
    return OrderMoney(
        currency=order.currency,
        total=order.total_incl_tax,
        paid=sums["paid"],
        refunded=sums["refunded"],
    )


def order_dispatches(order) -> QuerySet:
    """Return the dispatches of ``order`` (carrier, tracking number, when), newest first."""
    return ShippingEvent.objects.filter(order=order, event_type__code=DISPATCHED).order_by(
        "-date_created", "-pk"
    )


class OrderFacts:
    """What the status rules read about one order, each read at most once."""

    def __init__(self, order) -> None:
        self.order = order

    @cached_property
    def money(self) -> OrderMoney:
        return order_money(self.order)

    @cached_property
    def dispatched(self) -> bool:
        return order_dispatches(self.order).exists()


def order_status_refusal(
    *, order, new_status: str, by_dispatch: bool = False, facts: OrderFacts | None = None
) -> str | None:
    """Return why ``order`` may not move to ``new_status`` now, or None if it may.

    The move must be one OSCAR_ORDER_STATUS_PIPELINE allows from the order's status, and:

    - "Being processed" needs the order paid in full;
    - "Shipped" is reached only by dispatching the order (``by_dispatch``), once, paid in full;
    - "Cancelled" is refused once the order has been dispatched: its stock has gone;
    - "Partly refunded" and "Refunded" need that much of the money given back.
    """
    facts = facts or OrderFacts(order)
    names = {"number": order.number, "status": order.status, "new_status": new_status}
    if new_status not in Order.all_statuses():
        return _("“%(new_status)s” is not an order status.") % names
    if new_status == SHIPPED and by_dispatch and facts.dispatched:
        return _("Order %(number)s has been dispatched already.") % names
    if new_status not in order.available_statuses():
        return _("Order %(number)s is %(status)s: it cannot move to %(new_status)s.") % names
    if new_status == SHIPPED and not by_dispatch:
        return (
            _(
                "Order %(number)s is marked %(new_status)s by dispatching it, with the carrier and "
                "tracking number."
            )
            % names
        )
    if new_status == CANCELLED and facts.dispatched:
        return (
            _("Order %(number)s has been dispatched, so it cannot be cancelled: refund it instead.")
            % names
        )
    if new_status in (BEING_PROCESSED, SHIPPED, PARTLY_REFUNDED, REFUNDED):
        return _money_refusal(facts.money, new_status=new_status, names=names)
    return None


def order_status_choices(order) -> list[str]:
    """Return the statuses staff may move ``order`` to from the status list: those allowed now."""
    facts = OrderFacts(order)
    return [
        status
        for status in order.available_statuses()
        if order_status_refusal(order=order, new_status=status, facts=facts) is None
    ]


def order_status_path(order) -> str:
    """Return the address at which the shopper follows ``order``: their account's order page,
    or for a guest the order-status page the order's verification hash opens.
    """
    if order.user_id:
        return reverse("customer:order", kwargs={"order_number": order.number})
    return reverse(
        "customer:anon-order",
        kwargs={"order_number": order.number, "hash": order.verification_hash()},
    )


def _money_refusal(money: OrderMoney, *, new_status: str, names: dict) -> str | None:
    """Return why the money of an order does not allow ``new_status``, or None if it does."""
    amounts = {
        **names,
        "paid": currency(money.paid, money.currency),
        "total": currency(money.total, money.currency),
        "refunded": currency(money.refunded, money.currency),
    }
    if new_status in (BEING_PROCESSED, SHIPPED) and not money.paid_in_full:
        if new_status == SHIPPED:
            return (
                _(
                    "Order %(number)s cannot be dispatched before it is paid in full: %(paid)s of "
                    "%(total)s received."
                )
                % amounts
            )
        return (
            _(
                "Order %(number)s cannot be processed before it is paid in full: %(paid)s of "
                "%(total)s received."
            )
            % amounts
        )
    if new_status == REFUNDED and not money.refunded_in_full:
        return (
            _(
                "Order %(number)s cannot be marked %(new_status)s: %(refunded)s of the %(paid)s "
                "received has been refunded."
            )
            % amounts
        )
    if new_status == PARTLY_REFUNDED and not money.partly_refunded:
        return (
            _(
                "Order %(number)s cannot be marked %(new_status)s: %(refunded)s of the %(paid)s "
                "received has been refunded."
            )
            % amounts
        )
    return None


def staff_name(user) -> str:
    """Name ``user`` in an order note: their full name, or their username."""
    return user.get_full_name() or user.get_username()
