"""Order placement: the payment source of the chosen method, stock allocated all or nothing."""

import logging

from django.contrib import messages
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from oscar.apps.checkout import mixins
from oscar.apps.payment.exceptions import UnableToTakePayment
from oscar.core.loading import get_model

from store.checkout.methods import PaymentStart, payment_method, payment_method_of
from store.partner.exceptions import InsufficientStock

Source = get_model("payment", "Source")

logger = logging.getLogger("oscar.checkout")


class VoucherUsedUp(Exception):
    """Another order used up a voucher in the basket while this one was being placed."""

    def __init__(self, vouchers):
        super().__init__(", ".join(voucher.code for voucher in vouchers))
        self.vouchers = vouchers


class OrderPlacementMixin(mixins.OrderPlacementMixin):
    """Oscar's order placement, made safe for the last units of a size.

    The order, its addresses, lines, payment sources and stock allocations are written in one
    savepoint. When a size sells out while the shopper checks out (the allocation re-counts
    the free units under a row lock), the savepoint is rolled back, so nothing of the order is
    left behind, and the shopper goes back to their basket, which is thawed and kept as it was.
    When a voucher in the basket is used up by another order meanwhile (a single-use voucher
    raced for by several shoppers), the voucher is taken out of the basket and the shopper goes
    back to the preview, where the order can be placed at the new total.
    """

    #: The chosen payment method, and what it set going, for the order being placed.
    payment = None
    payment_start: PaymentStart | None = None

    def handle_payment(self, order_number, total, **kwargs):
        """Set the chosen method going and record the payment source; take no money here.

        A bank transfer waits for the shopper's transfer; a card payment opens Stripe's page
        for the order total, where the shopper pays once the order is placed. When the method
        cannot start (Stripe does not answer), nothing is placed and the basket is kept.
        """
        method = payment_method(self.checkout_session.payment_method())
        if method is None:
            raise UnableToTakePayment(_("Please choose how you would like to pay."))
        start = method.start(
            order_number=order_number,
            amount=total.incl_tax,
            currency=total.currency,
            email=self.customer_email(),
        )
        self.payment, self.payment_start = method, start
        self.add_payment_source(
            Source(
                source_type=method.source_type(),
                currency=total.currency,
                amount_allocated=total.incl_tax,
                amount_debited=0,
                reference=start.reference,
            )
        )

    def customer_email(self) -> str:
        """Return the email address the order confirmation goes to."""
        if self.request.user.is_authenticated:
            return self.request.user.email
        return self.checkout_session.get_guest_email() or ""

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
        """Write the whole order or nothing.

        A shopper is sent back to the basket if a size sold out, and to the preview, without
        the voucher, if a voucher was used up.
        """
        try:
            with transaction.atomic():
                self.lock_vouchers(basket=basket, user=user)
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
                self.payment.placed(order=order, start=self.payment_start)
                basket.submit()
        except InsufficientStock as error:
            logger.info("Order #%s: not placed, %s", order_number, error.message)
            return self.handle_sold_out(error)
        except VoucherUsedUp as error:
            logger.info("Order #%s: not placed, voucher used up: %s", order_number, error)
            return self.handle_voucher_used_up(basket=basket, vouchers=error.vouchers)
        return self.handle_successful_order(order)

    def lock_vouchers(self, *, basket, user) -> None:
        """Lock the basket's vouchers until the order is written; raise if any is used up.

        The row lock makes a second order for a single-use voucher wait for the first and then
        see it used, so exactly one order gets the discount. An inactive voucher is left to
        Oscar, which drops it without a word (the basket total never included it).
        """
        vouchers = basket.vouchers.select_for_update(of=("self",)).order_by("pk")
        used_up = [
            voucher
            for voucher in vouchers
            if voucher.is_active() and not voucher.is_available_to_user(user=user)[0]
        ]
        if used_up:
            raise VoucherUsedUp(used_up)

    def handle_successful_order(self, order):
        """Send the shopper where the method says (Stripe's page, for a card); else confirm.

        An order paid on another site is confirmed by email once it is paid there
        (store.payments.services).
        """
        next_url = self.payment.next_url(order) if self.payment else None
        if next_url is None:
            return super().handle_successful_order(order)
        self.checkout_session.flush()
        self.request.session["checkout_order_id"] = order.id
        response = HttpResponseRedirect(next_url)
        response.status_code = 303
        self.send_signal(self.request, response, order)
        return response

    def handle_sold_out(self, error):
        """Thaw the basket and take the shopper back to it with the reason."""
        self.abandon_placement()
        messages.error(self.request, error.message)
        return redirect("basket:summary")

    def handle_voucher_used_up(self, *, basket, vouchers):
        """Take the used-up vouchers out of the basket and show the shopper the new total."""
        self.abandon_placement()
        for voucher in vouchers:
            basket.vouchers.remove(voucher)
            messages.warning(
                self.request,
                _(
                    "Sorry, the voucher %(code)s was used up while you were checking out, so "
                    "we have taken it out of your basket. Nothing has been ordered yet: please "
                    "check the new total and place your order again."
                )
                % {"code": voucher.code},
            )
        return redirect("checkout:preview")

    def abandon_placement(self) -> None:
        """Forget this attempt's payment (closing its Stripe page) and thaw the basket."""
        if self.payment_start is not None:
            self.payment.abandon(self.payment_start)
            self.payment, self.payment_start = None, None
        self._payment_sources = None
        self._payment_events = None
        self.restore_frozen_basket()

    def get_message_context(self, order):
        """Add what the order's payment method says in the confirmation email."""
        ctx = super().get_message_context(order)
        method = payment_method_of(order)
        ctx["payment_method"] = method
        if method is not None:
            ctx.update(method.email_context(order))
        return ctx
