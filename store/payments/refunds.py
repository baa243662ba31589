"""Card refunds: made by staff on the dashboard, or reported by Stripe from its own dashboard.

A refund is counted against the payment and the order (a payment event, the card source and
the order's status) once, whichever way it arrives. Once Stripe says the money went back, the
refund gets its credit note (``store.receipts``), once too, in the same transaction.
"""

import logging
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _
from oscar.core.loading import get_class, get_model
from oscar.templatetags.currency_filters import currency

from store.order.emails import ORDER_REFUNDED, order_email_send
from store.order.selectors import staff_name
from store.order.services import OrderStatusRefused, order_status_change
from store.order.statuses import PARTLY_REFUNDED, REFUNDED
from store.payments import gateway
from store.payments.models import CardPayment, CardRefund
from store.payments.selectors import card_source
from store.payments.services import payment_event_type
from store.receipts.models import CreditNote
from store.receipts.services import credit_note_issue

EventHandler = get_class("order.processing", "EventHandler")
Order = get_model("order", "Order")

#: Refund states that hold money back from the shopper (the rest gave up).
REFUND_COUNTED = ("pending", "requires_action", "succeeded")
#: The refund state in which the money has gone back: the refund gets its credit note.
REFUND_SUCCEEDED = "succeeded"

logger = logging.getLogger("store.payments")


class RefundRefused(Exception):
    """A refund was not made; ``message`` tells staff why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@transaction.atomic
def card_refund(
    *, payment: CardPayment, amount: Decimal, refunded_seen: Decimal, user
) -> CardRefund:
    """Give ``amount`` of a card payment back through Stripe, as ``user`` asks.

    ``refunded_seen`` is how much had been refunded when staff filled in the form: if it
    changed meanwhile (another refund, or the same form sent twice) nothing is refunded.
    Never refund more than was paid and not yet refunded. The Stripe call carries an
    idempotency key made of the order number and the refund's position, so retrying after a
    timeout returns the refund Stripe may already have made instead of making a second one.
    Raise ``RefundRefused`` with the reason otherwise.
    """
    payment = CardPayment.objects.select_for_update().select_related("order").get(pk=payment.pk)
    order = payment.order
    if payment.status != CardPayment.Status.PAID:
        raise RefundRefused(
            _("Order %(number)s has no card payment to refund.") % {"number": order.number}
        )
    if payment.refunded != refunded_seen:
        raise RefundRefused(
            _(
                "%(refunded)s has been refunded since this page was loaded, so nothing was "
                "refunded now. Check the order and try again if more is due."
            )
            % {"refunded": currency(payment.refunded, payment.currency)}
        )
    if amount <= 0:
        raise RefundRefused(_("The refund must be more than nothing."))
    if amount > payment.refundable:
        raise RefundRefused(
            _("At most %(refundable)s can be refunded: nothing was refunded.")
            % {"refundable": currency(payment.refundable, payment.currency)}
        )
    position = payment.refunds.count() + 1
    # The payment's own PaymentIntent keeps the key unique across shops sharing one Stripe
    # account (or a database started afresh), whose order numbers repeat.
    key = f"order-{order.number}-{payment.payment_intent_id}-refund-{position}"
    try:
        refund = gateway.refund_create(
            payment_intent_id=payment.payment_intent_id,
            amount=gateway.to_minor_units(amount, payment.currency),
            reference=order.number,
            idempotency_key=key,
        )
    except gateway.GatewayUnavailable as error:
        raise RefundRefused(
            _(
                "Stripe did not answer, so the refund may or may not have been made. "
                "Try again: the same refund is never made twice."
            )
        ) from error
    except gateway.GatewayRefused as error:
        raise RefundRefused(
            _("Stripe refused the refund: %(reason)s") % {"reason": error.message}
        ) from error
    card_refund_row = CardRefund.objects.create(
        payment=payment,
        refund_id=refund.id,
        idempotency_key=key,
        amount=amount,
        status=refund.status,
        created_by=user,
    )
    _refund_apply(payment, card_refund_row, by=staff_name(user))
    _credit_note_when_succeeded(payment, card_refund_row)
    return card_refund_row


@transaction.atomic
def card_refund_record(refund: gateway.Refund) -> CardRefund | None:
    """Keep a refund Stripe reports by webhook: one made here, or in Stripe's own dashboard.

    A refund already known only has its status brought up to date; a refund that failed or
    was cancelled gives its amount back to what may still be refunded.
    """
    payment = (
        CardPayment.objects.select_for_update()
        .select_related("order")
        .filter(payment_intent_id=refund.payment_intent_id)
        .exclude(payment_intent_id="")
        .first()
    )
    if payment is None:
        logger.warning("Refund %s is for no card payment of this shop", refund.id)
        return None
    known = CardRefund.objects.filter(refund_id=refund.id).first()
    if known is None:
        known = CardRefund.objects.create(
            payment=payment,
            refund_id=refund.id,
            amount=gateway.from_minor_units(refund.amount, refund.currency),
            status=refund.status,
        )
        if refund.status in REFUND_COUNTED:
            _refund_apply(payment, known, by=_("Stripe's dashboard"))
        _credit_note_when_succeeded(payment, known)
        return known
    if known.status in REFUND_COUNTED and refund.status not in REFUND_COUNTED:
        payment.refunded -= known.amount
        payment.save(update_fields=["refunded"])
        EventHandler().create_note(
            payment.order,
            _("Refund %(refund)s of %(amount)s %(status)s at Stripe: the money was not returned.")
            % {
                "refund": refund.id,
                "amount": currency(known.amount, payment.currency),
                "status": refund.status,
            },
        )
    known.status = refund.status
    known.save(update_fields=["status"])
    _credit_note_when_succeeded(payment, known)
    return known


def _credit_note_when_succeeded(payment: CardPayment, refund: CardRefund) -> None:
    """Issue the credit note of ``refund`` if Stripe has given the money back, and email the
    shopper; a refund that has its note already keeps it, and is not emailed about again."""
    if refund.status != REFUND_SUCCEEDED:
        return
    if CreditNote.objects.filter(refund_reference=refund.refund_id).exists():
        return
    credit_note_issue(order=payment.order, amount=refund.amount, refund_reference=refund.refund_id)
    order_email_send(payment.order, ORDER_REFUNDED, refund_amount=refund.amount)


def _refund_apply(payment: CardPayment, refund: CardRefund, *, by: str) -> None:
    """Count ``refund`` against ``payment`` and its order: total, payment event, source, status."""
    order = Order.objects.select_for_update().get(pk=payment.order_id)
    payment.refunded += refund.amount
    payment.save(update_fields=["refunded"])
    handler = EventHandler()
    handler.handle_payment_event(
        order, payment_event_type(REFUNDED), refund.amount, reference=refund.refund_id
    )
    card_source(order).refund(refund.amount, reference=refund.refund_id, status=refund.status)
    note = _("%(amount)s refunded by card (%(refund)s), by %(who)s.") % {
        "amount": currency(refund.amount, payment.currency),
        "refund": refund.refund_id,
        "who": by,
    }
    new_status = REFUNDED if payment.refunded == payment.amount else PARTLY_REFUNDED
    try:
        moved = order_status_change(order=order, new_status=new_status, note=note)
    except OrderStatusRefused:
        moved = False
    if not moved:
        handler.create_note(order, note)
