"""Oscar's order event handler, whose status changes and dispatches follow the shop's rules.

Oscar's dashboard (the status form, the order list's bulk status change, the lines' "create
shipping event" form) and the shop's own payment code reach ``store.order.services`` through
this handler, so every path obeys the same rules.
"""

from django.utils.translation import gettext as _
from oscar.apps.order import processing

from store.order.models import DISPATCHED
from store.order.services import OrderStatusRefused, order_dispatch, order_status_change


class EventHandler(processing.EventHandler):
    """Handle order events as Oscar does, with status moves and dispatches checked by the shop.

    ``expected_status``, passed to the constructor, is the status staff saw when they chose a
    move: the move is refused if the order has changed since.
    """

    def handle_order_status_change(self, order, new_status, note_msg=None) -> bool:
        """Move ``order`` to ``new_status`` through the shop's rules; return whether it moved.

        Raise OrderStatusRefused (Oscar's InvalidOrderStatus), changing nothing, if refused.
        """
        return order_status_change(
            order=order,
            new_status=new_status,
            user=self.user,
            note=str(note_msg or ""),
            expected_status=self.kwargs.get("expected_status"),
        )

    def handle_shipping_event(self, order, event_type, lines, line_quantities, **kwargs):
        """Record a shipping event; a dispatch goes through ``order_dispatch``.

        A dispatch covers the whole order and needs the ``carrier`` and ``tracking_number``
        keyword arguments: anything less is refused with the reason.
        """
        if event_type.code != DISPATCHED:
            return super().handle_shipping_event(
                order, event_type, lines, line_quantities, **kwargs
            )
        carrier, tracking_number = kwargs.get("carrier"), kwargs.get("tracking_number")
        asked = {line.pk: quantity for line, quantity in zip(lines, line_quantities, strict=True)}
        whole = {line.pk: line.quantity for line in order.lines.all()}
        if not (carrier and tracking_number) or asked != whole:
            raise OrderStatusRefused(
                _(
                    "Order %(number)s is dispatched with the dispatch form on its page: every "
                    "line at once, with the carrier and tracking number."
                )
                % {"number": order.number}
            )
        return order_dispatch(
            order=order, carrier=carrier, tracking_number=tracking_number, user=self.user
        )
