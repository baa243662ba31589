"""Order placement: a bank-transfer payment source, and stock allocated all or nothing."""

import logging

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from oscar.apps.checkout import mixins
from oscar.apps.payment.exceptions import UnableToTakePayment
from oscar.core.loading import get_model

from store.checkout.payment import (
    BANK_TRANSFER,
    bank_transfer_for,
    bank_transfer_source_type,
    payment_reference,
)
from store.partner.exceptions import InsufficientStock

Source = get_model("payment", "Source")

logger = logging.getLogger("oscar.checkout")


class OrderPlacementMixin(mixins.OrderPlacementMixin):
    """Oscar's order placement, made safe for the last units of a size.

    The order, its addresses, lines, payment sources and stock allocations are written in one
    savepoint. When a size sells out while the shopper checks out (the allocation re-counts
    the free units under a row lock), the savepoint is rolled back, so nothing of the order is
    left behind, and the shopper goes back to their basket, which is thawed and kept as it was.
    """

    def handle_payment(self, order_number, total, **kwargs):
        """Record the chosen payment. A bank transfer takes no money now: the order waits."""
        method = self.checkout_session.payment_method()
        if method != BANK_TRANSFER:
            raise UnableToTakePayment("Please choose how you would like to pay.")
        self.add_payment_source(
            Source(
                source_type=bank_transfer_source_type(),
                currency=total.currency,
                amount_allocated=total.incl_tax,
                amount_debited=0,
                reference=payment_reference(order_number),
            )
        )

    def handle_order_placement(
        self,
        order_number,
        user,
        basket,
        shipping_address,
        shipping_method,
        shipping_charge,
        billing_address,
        order_total,
        surcharges=None,
        **kwargs,
    ):
        """Write the whole order or nothing; send the shopper back to the basket if sold out."""
        try:
            with transaction.atomic():
                order = self.place_order(
                    order_number=order_number,
                    user=user,
                    basket=basket,
                    shipping_address=shipping_address,
                    shipping_method=shipping_method,
                    shipping_charge=shipping_charge,
                    order_total=order_total,
                    billing_address=billing_address,
                    surcharges=surcharges,
                    **kwargs,
                )
                basket.submit()
        except InsufficientStock as error:
            logger.info("Order #%s: not placed, %s", order_number, error.message)
            return self.handle_sold_out(error)
        return self.handle_successful_order(order)

    def handle_sold_out(self, error):
        """Thaw the basket and take the shopper back to it with the reason."""
        self._payment_sources = None
        self._payment_events = None
        self.restore_frozen_basket()
        messages.error(self.request, error.message)
        return redirect("basket:summary")

    def get_message_context(self, order):
        """Add the bank details and the payment reference to the confirmation email."""
        ctx = super().get_message_context(order)
        ctx["bank_transfer"] = bank_transfer_for(order)
        return ctx
