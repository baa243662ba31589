"""Card payments: open a Stripe Checkout Session for an order, and settle it.

The order is placed before the shopper pays: it waits in "Awaiting payment" with its stock
allocated while the shopper is on Stripe's page. Three paths can then settle it, and all of them
end in the same two functions here:

- ``card_payment_fulfil`` (the money arrived): called by the webhook, by the shopper's return to
  the success URL and by the daily reconciliation. Moving the payment to "paid" is a conditional
  UPDATE, so whichever path comes first records the payment and the others do nothing.
- ``card_payment_release`` (the session expired or the payment failed): cancels the order and
  gives its stock back, again once only.

Refunds are in ``store.payments.refunds``; Stripe's events arrive through
``store.payments.webhooks``.
"""

import hashlib
import logging
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_class, get_model
from oscar.templatetags.currency_filters import currency

from store.checkout.services import order_confirmation_send
from store.order.services import order_cancel, order_status_change
from store.order.statuses import AWAITING_PAYMENT, BEING_PROCESSED
from store.payments import gateway
from store.payments.models import CardPayment
from store.payments.selectors import card_payment_for_session, card_source

EventHandler = get_class("order.processing", "EventHandler")
Order = get_model("order", "Order")
PaymentEventType = get_model("order", "PaymentEventType")
Source = get_model("payment", "Source")

#: The payment event type of money received.
PAID = "Paid"

logger = logging.getLogger("store.payments")


def card_session_lifetime() -> timedelta:
    """Return how long a new Stripe page stays open: STRIPE_CHECKOUT_MINUTES within Stripe's
    limits (30 minutes to 24 hours from when Stripe creates it), a minute inside either end so
    that the library's retries, which arrive a little later, are not refused.
    """
    seconds = settings.STRIPE_CHECKOUT_MINUTES * 60
    return timedelta(seconds=min(max(seconds, 31 * 60), 24 * 60 * 60 - 60))


def card_session_open(
    *,
    order_number: str,
    amount: Decimal,
    currency_code: str,
    customer_email: str,
    success_url: str,
    cancel_url: str,
) -> gateway.CheckoutSession:
    """Open the Stripe page on which the shopper pays ``amount`` for order ``order_number``.

    The idempotency key is made of the order number and a digest of what is asked, so a retry
    of the same request (the library's own, after a timeout or a 5xx) gets the same session,
    while a changed basket, which keeps its order number, asks for a new one.
    """
    expires_at = timezone.now() + card_session_lifetime()
    minor = gateway.to_minor_units(amount, currency_code)
    asked = f"{minor}|{currency_code}|{customer_email}|{success_url}|{expires_at.timestamp():.0f}"
    digest = hashlib.sha256(asked.encode()).hexdigest()[:16]
    return gateway.checkout_session_create(
        reference=order_number,
        description=_("Order %(number)s") % {"number": order_number},
        amount=minor,
        currency=currency_code,
        customer_email=customer_email,
        success_url=success_url,
        cancel_url=cancel_url,
        expires_at=expires_at,
        idempotency_key=f"order-{order_number}-session-{digest}",
    )


def card_session_discard(session: gateway.CheckoutSession) -> None:
    """Close a session whose order could not be placed, so nobody can pay it; log a failure."""
    try:
        gateway.checkout_session_expire(session.id, idempotency_key=f"discard-{session.id}")
    except gateway.GatewayError as error:
        logger.warning("Session %s of an order not placed stays open: %s", session.id, error)


def card_payment_record(*, order, session: gateway.CheckoutSession) -> CardPayment:
    """Keep the session that will pay for ``order``, just placed, awaiting payment."""
    return CardPayment.objects.create(
        order=order,
        session_id=session.id,
        session_url=session.url,
        amount=order.total_incl_tax,
        currency=order.currency,
        expires_at=session.expires_at,
    )


@transaction.atomic
def card_payment_fulfil(session: gateway.CheckoutSession) -> CardPayment | None:
    """Record that the shopper paid for the order of ``session``, once however often called.

    Do nothing unless Stripe says the session is paid. The first call moves the payment to
    "paid" (a conditional UPDATE that later calls, concurrent or not, find already done),
    records a "Paid" payment event for every line, debits the card source, moves the order on
    to "Being processed" and emails the confirmation. An order cancelled meanwhile keeps its
    status; a note asks staff to refund or reinstate it.
    """
    payment = card_payment_for_session(session.id)
    if payment is None:
        logger.warning("Paid session %s belongs to no order of this shop", session.id)
        return None
    if not session.is_paid:
        return payment
    now = timezone.now()
    won = CardPayment.objects.filter(pk=payment.pk, status__in=CardPayment.UNSETTLED).update(
        status=CardPayment.Status.PAID,
        paid_at=now,
        payment_intent_id=session.payment_intent_id,
    )
    payment.refresh_from_db()
    if not won:
        if payment.status != CardPayment.Status.PAID:
            _note_paid_after_release(payment, session)
        return payment

    order = Order.objects.select_for_update().get(pk=payment.order_id)
    handler = EventHandler()
    lines = list(order.lines.all())
    handler.handle_payment_event(
        order,
        payment_event_type(PAID),
        payment.amount,
        lines=lines,
        line_quantities=[line.quantity for line in lines],
        reference=session.payment_intent_id or session.id,
    )
    source = card_source(order)
    source.debit(payment.amount, reference=session.payment_intent_id, status="Paid by card")
    if order.status == AWAITING_PAYMENT:
        order_status_change(
            order=order,
            new_status=BEING_PROCESSED,
            note=_("%(amount)s paid by card.")
            % {"amount": currency(payment.amount, payment.currency)},
        )
    else:
        handler.create_note(
            order,
            _(
                "%(amount)s paid by card while the order was %(status)s: "
                "refund it or reinstate the order."
            )
            % {"amount": currency(payment.amount, payment.currency), "status": order.status},
        )
    order_confirmation_send(order)
    logger.info("Order #%s: paid by card (%s)", order.number, session.id)
    return payment


@transaction.atomic
def card_payment_processing(session: gateway.CheckoutSession) -> CardPayment | None:
    """Note that the shopper finished on Stripe's page with a method that pays later.

    The stock stays allocated; the payment moves on when Stripe says the money arrived or not.
    """
    payment = card_payment_for_session(session.id)
    if payment is None:
        return None
    won = CardPayment.objects.filter(pk=payment.pk, status=CardPayment.Status.OPEN).update(
        status=CardPayment.Status.PROCESSING, payment_intent_id=session.payment_intent_id
    )
    if won:
        EventHandler().create_note(
            payment.order,
            _("The shopper paid by a method that takes a few days; waiting for the money."),
        )
    payment.refresh_from_db()
    return payment


@transaction.atomic
def card_payment_release(
    session: gateway.CheckoutSession, *, outcome: CardPayment.Status
) -> CardPayment | None:
    """Cancel the order of an unpaid session that ``outcome`` ended (expired or failed).

    Do nothing if the payment is already settled, whichever way: a late or repeated event
    changes nothing. Otherwise give the order's stock back and cancel it, once.
    """
    payment = card_payment_for_session(session.id)
    if payment is None:
        return None
    won = CardPayment.objects.filter(pk=payment.pk, status__in=CardPayment.UNSETTLED).update(
        status=outcome
    )
    payment.refresh_from_db()
    if not won:
        return payment
    order = Order.objects.select_for_update().get(pk=payment.order_id)
    if order.status != AWAITING_PAYMENT:
        return payment
    reason = (
        _("Cancelled: the card payment page expired unpaid.")
        if outcome == CardPayment.Status.EXPIRED
        else _("Cancelled: the card payment failed.")
    )
    order_cancel(order=order, note=reason)
    logger.info("Order #%s: %s", order.number, reason)
    return payment


def card_payment_confirm(payment: CardPayment) -> CardPayment:
    """Ask Stripe how the payment stands and settle it: the shopper's return path.

    When Stripe cannot be asked, leave the payment as it is: the webhook settles it later.
    """
    if payment.status not in CardPayment.UNSETTLED:
        return payment
    try:
        session = gateway.checkout_session_retrieve(payment.session_id)
    except gateway.GatewayError as error:
        logger.warning("Session %s not checked on return: %s", payment.session_id, error)
        return payment
    return card_session_settle(session) or payment


def card_session_settle(session: gateway.CheckoutSession) -> CardPayment | None:
    """Bring the shop's payment in line with ``session`` as Stripe reports it."""
    if session.is_paid:
        return card_payment_fulfil(session)
    if session.status == "expired":
        return card_payment_release(session, outcome=CardPayment.Status.EXPIRED)
    if session.status == "complete":
        return card_payment_processing(session)
    return card_payment_for_session(session.id)


def card_payment_abandon(payment: CardPayment) -> CardPayment:
    """Cancel the order at the shopper's request: close the Stripe page first, then release.

    Stripe refuses to close a session already paid; the payment is then settled as Stripe has
    it, so an order paid a moment ago is kept, not cancelled. Raise ``gateway.GatewayError``
    when Stripe cannot be reached: nothing changes and the shopper may try again.
    """
    if payment.status not in CardPayment.UNSETTLED:
        return payment
    try:
        session = gateway.checkout_session_expire(
            payment.session_id, idempotency_key=f"abandon-{payment.session_id}"
        )
    except gateway.GatewayRefused:
        session = gateway.checkout_session_retrieve(payment.session_id)
    return card_session_settle(session) or payment


def basket_refill(basket, order) -> None:
    """Put the lines of cancelled ``order`` back into ``basket``, as far as they can be bought."""
    for line in order.lines.select_related("product"):
        product = line.product
        if product is None:
            continue
        info = basket.strategy.fetch_for_product(product)
        if info.availability.is_available_to_buy:
            basket.add_product(product, line.quantity)


def _note_paid_after_release(payment: CardPayment, session: gateway.CheckoutSession) -> None:
    """Warn staff about money Stripe took for a payment the shop had already given up on."""
    logger.error("Session %s paid after it was %s", session.id, payment.status)
    EventHandler().create_note(
        payment.order,
        _("Stripe reports session %(session)s paid after it was %(status)s: check and refund.")
        % {"session": session.id, "status": payment.get_status_display()},
    )


def payment_event_type(name: str):
    """Return Oscar's payment event type ``name``, creating it the first time."""
    event_type, _created = PaymentEventType.objects.get_or_create(name=name)
    return event_type
