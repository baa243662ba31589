"""What checkout does after an order is placed, away from the shopper's request."""

import logging

from django.contrib.sites.models import Site
from oscar.core.loading import get_class

from store.checkout.methods import payment_method_of
from store.order.selectors import order_status_path
from store.storefront.site import absolute_url

OrderDispatcher = get_class("order.utils", "OrderDispatcher")

logger = logging.getLogger("store.checkout")


def order_confirmation_context(order) -> dict:
    """Return what the order confirmation email shows, without needing the shopper's request.

    Used when an order is confirmed away from the checkout, such as a card payment that Stripe
    reports by webhook after the shopper has left. The order's payment method adds what it
    says about the payment.
    """
    status_path = order_status_path(order)
    method = payment_method_of(order)
    return {
        "user": order.user,
        "order": order,
        "lines": order.lines.all(),
        "site": Site.objects.get_current(),
        "status_path": status_path,
        "status_url": absolute_url(status_path),
        "payment_method": method,
        **(method.email_context(order) if method is not None else {}),
    }


def order_confirmation_send(order) -> None:
    """Email the order confirmation (Oscar's ORDER_PLACED message) to whoever placed ``order``.

    A mail server that fails is logged, not raised: the order it confirms stands either way.
    """
    context = order_confirmation_context(order)
    try:
        OrderDispatcher(logger=logger).send_order_placed_email_for_user(order, context)
    except Exception:
        logger.exception("Order #%s: the confirmation email was not sent", order.number)
