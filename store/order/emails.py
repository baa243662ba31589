"""The emails that tell a shopper what happened to their order after they placed it.

Each is one of Oscar's communication types (its subject and bodies are the templates
``commtype_<code>_*``, which staff may replace in the dashboard) sent through Oscar's order
dispatcher, which also keeps the record on the order. Sending writes to the outbox in the
caller's transaction, so a change that is rolled back sends nothing.
"""

from django.conf import settings
from oscar.core.loading import get_class

from store.checkout.methods import payment_method_of
from store.order.selectors import order_money, order_status_path
from store.storefront.site import absolute_url

OrderDispatcher = get_class("order.utils", "OrderDispatcher")

#: The order left the warehouse (made by a migration, with the carrier and tracking number).
ORDER_DISPATCHED = "ORDER_DISPATCHED"
#: All the money for a bank-transfer order arrived.
ORDER_PAID = "ORDER_PAID"
#: The order was cancelled: by staff, or for want of payment.
ORDER_CANCELLED = "ORDER_CANCELLED"
#: Money went back to the shopper's card.
ORDER_REFUNDED = "ORDER_REFUNDED"


def order_email_send(order, code: str, **context) -> None:
    """Email whoever placed ``order`` the message ``code``, with ``context`` beside the order,
    its lines, its money and the link to its page."""
    context = {
        "order": order,
        "lines": order.lines.all(),
        "money": order_money(order),
        "status_url": absolute_url(order_status_path(order)),
        "shop_name": settings.OSCAR_SHOP_NAME,
        **context,
    }
    dispatcher = OrderDispatcher()
    messages = dispatcher.dispatcher.get_messages(code, context)
    dispatcher.dispatch_order_messages(order, messages, code)


def shopper_told_of_order(order) -> bool:
    """Return whether the shopper was told their order was placed.

    A bank transfer is confirmed when the order is placed; a card order only once it is paid,
    so one whose payment never went through was never confirmed, and its cancelling is news
    to nobody.
    """
    method = payment_method_of(order)
    return method is None or method.confirmed_when_placed or order_money(order).paid > 0
