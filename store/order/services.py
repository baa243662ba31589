"""The one place an order's status moves: the dashboard, bank transfers, card payments and the
commands all come here.

Each move locks the order row (SELECT ... FOR UPDATE) and checks the shop's rules
(``selectors.order_status_refusal``) before it writes anything, in one transaction, so a move
that is refused, or that loses a race, changes nothing. What a move does besides the status:

- cancelling gives back the stock still allocated to the order's lines, once;
- dispatching records a "Dispatched" shipping event with the carrier and tracking number,
  consumes the lines' stock allocations and emails the shopper (the outbox sends it once the
  transaction commits).
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from oscar.apps.order import processing
from oscar.apps.order.exceptions import InvalidOrderStatus
from oscar.core.loading import get_model

from store.order.emails import (
    ORDER_CANCELLED,
    ORDER_DISPATCHED,
    order_email_send,
    shopper_told_of_order,
)
from store.order.models import DISPATCHED, carrier_normalised, tracking_number_normalised
from store.order.selectors import OrderFacts, order_status_refusal
from store.order.statuses import CANCELLED, SHIPPED
from store.partner.models import product_name

Order = get_model("order", "Order")
OrderNote = get_model("order", "OrderNote")
ShippingEvent = get_model("order", "ShippingEvent")
ShippingEventType = get_model("order", "ShippingEventType")
StockRecord = get_model("partner", "StockRecord")


class OrderStatusRefused(InvalidOrderStatus):
    """A status move the shop's rules refuse; ``message`` tells staff why. Nothing was changed.

    It is Oscar's InvalidOrderStatus, so Oscar's own views and callers treat it as theirs.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@transaction.atomic
def order_status_change(
    *,
    order,
    new_status: str,
    user=None,
    note: str = "",
    expected_status: str | None = None,
    email_context: dict | None = None,
) -> bool:
    """Move ``order`` to ``new_status`` if the shop's rules allow it now; return whether it moved.

    An order already in ``new_status`` is left as it is (False). ``expected_status`` is the
    status the order had when staff chose the move: if it has changed since, nothing is done.
    Cancelling releases the stock still allocated to the order's lines and emails a shopper who
    was told the order was placed (with ``email_context``). ``note``, if given, is kept on the
    order in ``user``'s name. Raise OrderStatusRefused, changing nothing, when the
    move is not allowed. ``order`` is brought up to date with the status it ends in.
    """
    locked = _order_locked(order)
    if locked.status == new_status:
        order.status = locked.status
        return False
    if expected_status is not None and locked.status != expected_status:
        raise OrderStatusRefused(
            _(
                "Order %(number)s has become %(status)s since this page was loaded: "
                "nothing was changed."
            )
            % {"number": locked.number, "status": locked.status}
        )
    refusal = order_status_refusal(order=locked, new_status=new_status)
    if refusal:
        raise OrderStatusRefused(refusal)
    if new_status == CANCELLED:
        _stock_release(locked)
    locked.set_status(new_status)
    if note:
        _note_create(locked, note, user=user)
    if new_status == CANCELLED and shopper_told_of_order(locked):
        order_email_send(locked, ORDER_CANCELLED, **(email_context or {}))
    order.status = locked.status
    return True


def order_cancel(*, order, user=None, note: str = "", email_context: dict | None = None) -> bool:
    """Cancel ``order`` and release its stock; return False if it was cancelled already.

    ``email_context`` adds to what the cancellation email says. Raise OrderStatusRefused,
    changing nothing, if it may not be cancelled (it was dispatched).
    """
    return order_status_change(
        order=order, new_status=CANCELLED, user=user, note=note, email_context=email_context
    )


@transaction.atomic
def order_dispatch(*, order, carrier: str, tracking_number: str, user=None) -> ShippingEvent:
    """Record that the whole of ``order`` left with ``carrier`` under ``tracking_number``.

    The order must be paid in full, in a status that may move to "Shipped", and not dispatched
    before. Record a "Dispatched" shipping event for every line, consume the lines' stock
    allocations (the units leave the stock), move the order to "Shipped", note who dispatched
    it, and once the transaction commits email the shopper the tracking number and the link to
    their order's page. Raise OrderStatusRefused, changing nothing, otherwise.
    """
    locked = _order_locked(order)
    facts = OrderFacts(locked)
    refusal = order_status_refusal(order=locked, new_status=SHIPPED, by_dispatch=True, facts=facts)
    if refusal:
        raise OrderStatusRefused(refusal)
    event = ShippingEvent(
        order=locked,
        event_type=_dispatched_event_type(),
        carrier=carrier_normalised(carrier),
        tracking_number=tracking_number_normalised(tracking_number),
    )
    try:
        event.full_clean()
    except ValidationError as error:
        raise OrderStatusRefused(" ".join(error.messages)) from error
    lines = _lines_locked(locked)
    _stock_consumable_or_refuse(locked, lines)

    event.save()
    for line in lines:
        event.line_quantities.create(line=line, quantity=line.quantity)
    held = [line for line in lines if _holds_allocation(line)]
    if held:
        processing.EventHandler(user=user).consume_stock_allocations(
            locked, held, [line.num_allocated for line in held]
        )
    locked.set_status(SHIPPED)
    _note_create(
        locked,
        _("Dispatched with %(carrier)s, tracking number %(tracking)s.")
        % {"carrier": event.carrier, "tracking": event.tracking_number},
        user=user,
    )
    order.status = locked.status
    order_email_send(locked, ORDER_DISPATCHED, dispatch=event)
    return event


def _order_locked(order):
    """Return ``order`` read again with its row locked until the transaction ends."""
    return Order.objects.select_for_update().get(pk=order.pk)


def _lines_locked(order) -> list:
    """Return the lines of locked ``order`` with their rows and their stock records' locked.

    The stock records are read apart: PostgreSQL cannot lock the nullable side of the join.
    """
    lines = list(order.lines.select_for_update().order_by("pk"))
    records = StockRecord.objects.select_for_update().in_bulk(
        [line.stockrecord_id for line in lines if line.stockrecord_id is not None]
    )
    for line in lines:
        if line.stockrecord_id is not None:
            line.stockrecord = records[line.stockrecord_id]
    return lines


def _holds_allocation(line) -> bool:
    """Return whether ``line`` still holds stock allocated to it (not consumed, not released)."""
    return (
        line.stockrecord_id is not None
        and line.stockrecord.can_track_allocations
        and not line.allocation_cancelled
        and line.num_allocated > 0
    )


def _stock_release(order) -> None:
    """Give back the stock the lines of ``order`` still hold; lines consumed or released already
    are left alone, so releasing twice gives back nothing more."""
    held = [line for line in _lines_locked(order) if _holds_allocation(line)]
    if held:
        processing.EventHandler().cancel_stock_allocations(
            order, held, [line.num_allocated for line in held]
        )


def _stock_consumable_or_refuse(order, lines) -> None:
    """Raise OrderStatusRefused unless the stock records can give up every line's allocation."""
    for line in lines:
        if not _holds_allocation(line):
            continue
        if not line.stockrecord.is_allocation_consumption_possible(line.num_allocated):
            raise OrderStatusRefused(
                _(
                    "Order %(number)s cannot be dispatched: the stock of %(title)s shows fewer "
                    "units than the order holds. Correct the stock first."
                )
                % {
                    "number": order.number,
                    "title": product_name(line.product) if line.product_id else line.title,
                }
            )


def _dispatched_event_type():
    """Return the "Dispatched" shipping event type, which a migration makes."""
    return ShippingEventType.objects.get(code=DISPATCHED)


def _note_create(order, message: str, *, user) -> None:
    """Keep ``message`` on ``order`` as a system note in ``user``'s name."""
    OrderNote.objects.create(order=order, message=message, note_type=OrderNote.SYSTEM, user=user)
