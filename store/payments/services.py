"""Card payments: open a Stripe Checkout Session for an order, settle it, refund it.

The order is placed before the shopper pays: it waits in "Awaiting payment" with its stock
allocated while the shopper is on Stripe's page. Three paths can then settle it, and all of them
end in the same two functions here:

- ``card_payment_fulfil`` (the money arrived): called by the webhook, by the shopper's return to
  the success URL and by the daily reconciliation. Moving the payment to "paid" is a conditional
  UPDATE, so whichever path comes first records the payment and the others do nothing.
- ``card_payment_release`` (the session expired or the payment failed): cancels the order and
  gives its stock back, again once only.

Webhook events are stored by their unique id before they are acted on, so a repeated event is
answered and ignored.
"""

import hashlib
import logging
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_class, get_model
from oscar.templatetags.currency_filters import currency

from store.checkout.payment import CARD
from store.checkout.services import PAID, order_confirmation_send, staff_name
from store.order.services import OrderStatusRefused, order_cancel, order_status_change
from store.order.statuses import AWAITING_PAYMENT, BEING_PROCESSED, PARTLY_REFUNDED, REFUNDED
from store.payments import gateway
from store.payments.models import CardPayment, CardRefund, StripeEvent

EventHandler = get_class("order.processing", "EventHandler")
Order = get_model("order", "Order")
PaymentEventType = get_model("order", "PaymentEventType")
Source = get_model("payment", "Source")

#: Salt of the signed order numbers in the return and cancel links given to Stripe.
LINK_SALT = "store.payments.card-link"
#: Refund states that hold money back from the shopper (the rest gave up).
REFUND_COUNTED = ("pending", "requires_action", "succeeded")

logger = logging.getLogger("store.payments")


class RefundRefused(Exception):
    """A refund was not made; ``message`` tells staff why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def card_link_token(order_number: str) -> str:
    """Return the signed token that names order ``order_number`` in links back from Stripe."""
    return signing.dumps(order_number, salt=LINK_SALT)


def card_payment_for_token(token: str) -> CardPayment | None:
    """Return the card payment a link back from Stripe names, or None if forged or unknown."""
    try:
        order_number = signing.loads(token, salt=LINK_SALT)
    except signing.BadSignature:
        return None
    return CardPayment.objects.select_related("order").filter(order__number=order_number).first()


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


def card_payment_for_session(session_id: str) -> CardPayment | None:
    """Return the shop's payment for Stripe session ``session_id``, or None if not ours."""
    return CardPayment.objects.select_related("order").filter(session_id=session_id).first()


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
        _event_type(PAID),
        payment.amount,
        lines=lines,
        line_quantities=[line.quantity for line in lines],
        reference=session.payment_intent_id or session.id,
    )
    source = _card_source(order)
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
    order_confirmation_send(order, card_paid=True)
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


def card_payments_overdue(*, now=None) -> list[CardPayment]:
    """Return payments still open a quarter of an hour after their Stripe page closed."""
    now = now or timezone.now()
    return list(
        CardPayment.objects.select_related("order").filter(
            status=CardPayment.Status.OPEN, expires_at__lt=now - timedelta(minutes=15)
        )
    )


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
    return known


def webhook_receive(payload: bytes, signature: str | None) -> StripeEvent | None:
    """Verify a webhook, keep its event once and act on it.

    Raise ``gateway.BadSignature`` before anything is written when the signature does not
    hold. Return None for an event already received (Stripe sends some twice, sometimes at
    the same moment): the unique event id decides which delivery acts.
    """
    event = gateway.webhook_event_verify(payload, signature)
    with transaction.atomic():
        try:
            with transaction.atomic():
                stored = StripeEvent.objects.create(
                    event_id=event.id, type=event.type, payload=event.payload
                )
        except IntegrityError:
            logger.info("Webhook event %s (%s) received again: ignored", event.id, event.type)
            return None
        _event_act(event)
        stored.processed_at = timezone.now()
        stored.save(update_fields=["processed_at"])
    return stored


def _event_act(event: gateway.WebhookEvent) -> None:
    """Do what ``event`` asks of the shop; events of other kinds are only kept."""
    if event.type.startswith("checkout.session."):
        session = gateway.session_from_object(event.object)
        if event.type == "checkout.session.completed":
            card_session_settle(session)
        elif event.type == "checkout.session.async_payment_succeeded":
            card_payment_fulfil(session)
        elif event.type == "checkout.session.async_payment_failed":
            card_payment_release(session, outcome=CardPayment.Status.FAILED)
        elif event.type == "checkout.session.expired":
            card_payment_release(session, outcome=CardPayment.Status.EXPIRED)
    elif event.type in ("refund.created", "refund.updated", "refund.failed"):
        card_refund_record(gateway.refund_from_object(event.object))


def _refund_apply(payment: CardPayment, refund: CardRefund, *, by: str) -> None:
    """Count ``refund`` against ``payment`` and its order: total, payment event, source, status."""
    order = Order.objects.select_for_update().get(pk=payment.order_id)
    payment.refunded += refund.amount
    payment.save(update_fields=["refunded"])
    handler = EventHandler()
    handler.handle_payment_event(
        order, _event_type(REFUNDED), refund.amount, reference=refund.refund_id
    )
    _card_source(order).refund(refund.amount, reference=refund.refund_id, status=refund.status)
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


def _note_paid_after_release(payment: CardPayment, session: gateway.CheckoutSession) -> None:
    """Warn staff about money Stripe took for a payment the shop had already given up on."""
    logger.error("Session %s paid after it was %s", session.id, payment.status)
    EventHandler().create_note(
        payment.order,
        _("Stripe reports session %(session)s paid after it was %(status)s: check and refund.")
        % {"session": session.id, "status": payment.get_status_display()},
    )


def _event_type(name: str):
    """Return Oscar's payment event type ``name``, creating it the first time."""
    event_type, _created = PaymentEventType.objects.get_or_create(name=name)
    return event_type


def _card_source(order):
    """Return the card payment source of ``order``."""
    return order.sources.get(source_type__code=CARD)
