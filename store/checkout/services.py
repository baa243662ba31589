"""What happens to orders after checkout: confirmation emails, bank transfers marked paid or
cancelled unpaid."""

import logging
from datetime import datetime
from decimal import Decimal

from django.contrib.sites.models import Site
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_class, get_model
from oscar.templatetags.currency_filters import currency

from store.checkout.payment import BANK_TRANSFER, bank_transfer_for
from store.order.services import order_cancel, order_status_change
from store.order.statuses import AWAITING_PAYMENT, BEING_PROCESSED
from store.storefront.site import absolute_url

EventHandler = get_class("order.processing", "EventHandler")
OrderDispatcher = get_class("order.utils", "OrderDispatcher")
Order = get_model("order", "Order")
OrderNote = get_model("order", "OrderNote")
PaymentEvent = get_model("order", "PaymentEvent")
PaymentEventType = get_model("order", "PaymentEventType")
Source = get_model("payment", "Source")

PAID = "Paid"

logger = logging.getLogger("store.checkout")


class BankTransferError(Exception):
    """Refuse to change a bank-transfer order; ``message`` tells staff why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class OrderAlreadyPaid(BankTransferError):
    """Refuse to mark paid an order whose money is all in already."""


def bank_transfer_source(order) -> Source | None:
    """Return the bank-transfer payment source of ``order``, or None if paid otherwise."""
    return order.sources.filter(source_type__code=BANK_TRANSFER).first()


def bank_transfer_owed(order) -> Decimal | None:
    """Return what ``order`` still owes by bank transfer, or None if it is not awaiting any."""
    if order.status != AWAITING_PAYMENT:
        return None
    source = bank_transfer_source(order)
    if source is None:
        return None
    return source.amount_allocated - source.amount_debited


def order_confirmation_context(order) -> dict:
    """Return what the order confirmation email shows, without needing the shopper's request.

    Used when an order is confirmed away from the checkout, such as a card payment that Stripe
    reports by webhook after the shopper has left.
    """
    if order.user_id:
        status_path = reverse("customer:order", kwargs={"order_number": order.number})
    else:
        status_path = reverse(
            "customer:anon-order",
            kwargs={"order_number": order.number, "hash": order.verification_hash()},
        )
    site = Site.objects.get_current()
    return {
        "user": order.user,
        "order": order,
        "lines": order.lines.all(),
        "site": site,
        "status_path": status_path,
        "status_url": absolute_url(status_path),
        "bank_transfer": bank_transfer_for(order),
    }


def order_confirmation_send(order, *, card_paid: bool = False) -> None:
    """Email the order confirmation (Oscar's ORDER_PLACED message) to whoever placed ``order``.

    ``card_paid`` adds that the order was paid by card. A mail server that fails is logged, not
    raised: the order it confirms stands either way.
    """
    context = {**order_confirmation_context(order), "card_paid": card_paid}
    try:
        OrderDispatcher(logger=logger).send_order_placed_email_for_user(order, context)
    except Exception:
        logger.exception("Order #%s: the confirmation email was not sent", order.number)


def staff_name(user) -> str:
    """Name ``user`` in an order note: their full name, or their username."""
    return user.get_full_name() or user.get_username()


@transaction.atomic
def bank_transfer_mark_paid(*, order, amount: Decimal, user) -> PaymentEvent:
    """Record that ``amount`` of ``order`` arrived by bank transfer, as ``user`` says.

    Lock the order row, then check it still awaits a bank transfer and owes at least
    ``amount``; raise BankTransferError (OrderAlreadyPaid on a repeated submit) and change
    nothing otherwise. Record a "Paid" payment event, debit the source and note who marked it
    paid. The payment that settles the order names all its lines and moves it on to
    "Being processed"; a part payment leaves it awaiting the rest.
    """
    order = Order.objects.select_for_update().get(pk=order.pk)
    source = bank_transfer_source(order)
    if source is None:
        raise BankTransferError(
            _("Order %(number)s is not paid by bank transfer.") % {"number": order.number}
        )
    owed = source.amount_allocated - source.amount_debited
    if owed <= 0:
        raise OrderAlreadyPaid(
            _("Order %(number)s is already paid: nothing was changed.") % {"number": order.number}
        )
    if order.status != AWAITING_PAYMENT:
        raise BankTransferError(
            _("Order %(number)s is %(status)s, not awaiting payment: nothing was changed.")
            % {"number": order.number, "status": order.status}
        )
    if amount <= 0:
        raise BankTransferError(_("The amount received must be more than nothing."))
    if amount > owed:
        raise BankTransferError(
            _("The amount received is more than the %(owed)s still owed.")
            % {"owed": currency(owed, source.currency)}
        )

    fully_paid = amount == owed
    event_type, _created = PaymentEventType.objects.get_or_create(name=PAID)
    handler = EventHandler(user=user)
    lines = list(order.lines.all()) if fully_paid else None
    event = handler.handle_payment_event(
        order,
        event_type,
        amount,
        lines=lines,
        line_quantities=[line.quantity for line in lines] if lines else None,
        reference=source.reference,
    )
    source.debit(amount, reference=source.reference, status="Received by bank transfer")
    note = _("%(amount)s received by bank transfer, marked paid by %(user)s.") % {
        "amount": currency(amount, source.currency),
        "user": staff_name(user),
    }
    if fully_paid:
        order_status_change(order=order, new_status=BEING_PROCESSED, user=user)
    else:
        note = _("%(note)s %(owed)s still owed.") % {
            "note": note,
            "owed": currency(owed - amount, source.currency),
        }
    handler.create_note(order, str(note))
    return event


def unpaid_orders(*, placed_before: datetime):
    """Return the orders placed before ``placed_before`` still awaiting all their bank transfer.

    Orders part paid are left out: staff settle those by hand.
    """
    return Order.objects.filter(
        status=AWAITING_PAYMENT,
        date_placed__lt=placed_before,
        sources__source_type__code=BANK_TRANSFER,
        sources__amount_debited=0,
    ).distinct()


@transaction.atomic
def bank_transfer_cancel_unpaid(*, order, days: int) -> bool:
    """Cancel ``order`` for want of payment after ``days`` days and release its stock.

    Lock the order row first and return False, changing nothing, if it is no longer awaiting
    payment or some of its money has arrived (paid, part paid or cancelled meanwhile); return
    True once it is cancelled.
    """
    order = Order.objects.select_for_update().get(pk=order.pk)
    source = bank_transfer_source(order)
    if order.status != AWAITING_PAYMENT or source is None or source.amount_debited > 0:
        return False
    return order_cancel(
        order=order,
        note=str(_("Cancelled: no bank transfer received within %(days)s days.") % {"days": days}),
    )
