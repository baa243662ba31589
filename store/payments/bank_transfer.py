"""Bank transfer: the order waits for the shopper's transfer, which staff mark as received.

The shopper sees the shop's account and a reference on the thank-you page and in the
confirmation email. Staff record the money as it arrives (in parts, if it comes in parts); an
order whose money has not arrived in ``SHOP_BANK_TRANSFER_DAYS`` days is cancelled by
``manage.py cancel_unpaid_orders``.
"""

from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_class, get_model
from oscar.templatetags.currency_filters import currency

from store.checkout.methods import PaymentMethod, PaymentStart
from store.order.emails import ORDER_PAID, order_email_send
from store.order.selectors import staff_name
from store.order.services import order_cancel, order_status_change
from store.order.statuses import AWAITING_PAYMENT, BEING_PROCESSED
from store.payments.selectors import BANK_TRANSFER, bank_transfer_owed, bank_transfer_source
from store.payments.services import PAID, payment_event_type

EventHandler = get_class("order.processing", "EventHandler")
Order = get_model("order", "Order")
PaymentEvent = get_model("order", "PaymentEvent")


class BankTransfer(PaymentMethod):
    """Pay into the shop's account, quoting the order's reference; always offered."""

    code = BANK_TRANSFER
    name = _("Bank transfer")
    source_name = "Bank transfer"
    description = _(
        "With a bank transfer, you place the order now and we show you our bank details and "
        "your payment reference. We send your order once the money has arrived."
    )
    preview_note = _(
        "You will see our bank details and your payment reference once you have placed the order."
    )
    thank_you_template = "oscar/checkout/partials/bank_transfer.html"
    email_html_template = "oscar/communication/emails/partials/bank_transfer.html"
    email_text_template = "oscar/communication/emails/partials/bank_transfer.txt"
    dashboard_template = "oscar/dashboard/orders/partials/bank_transfer.html"

    def start(self, *, order_number, amount, currency, email) -> PaymentStart:
        return PaymentStart(reference=payment_reference(order_number))

    def thank_you_context(self, order) -> dict:
        return {"bank_transfer": bank_transfer_for(order)}

    def email_context(self, order) -> dict:
        return {"bank_transfer": bank_transfer_for(order)}

    def dashboard_context(self, order) -> dict:
        return {"bank_transfer": bank_transfer_for(order), "owed": bank_transfer_owed(order)}


def payment_reference(order_number) -> str:
    """Return the reference the shopper quotes on their transfer, e.g. ``MW-100042``."""
    return f"MW-{order_number}"


def bank_details() -> dict:
    """Return the shop's bank account, as set in the settings."""
    return {
        "account_name": settings.SHOP_BANK_ACCOUNT_NAME,
        "sort_code": settings.SHOP_BANK_SORT_CODE,
        "account_number": settings.SHOP_BANK_ACCOUNT_NUMBER,
        "iban": settings.SHOP_BANK_IBAN,
    }


def bank_transfer_for(order) -> dict | None:
    """Return what the shopper needs to pay ``order`` by transfer, or None if paid otherwise."""
    source = bank_transfer_source(order)
    if source is None:
        return None
    return {
        **bank_details(),
        "reference": source.reference,
        "amount": source.amount_allocated,
        "currency": source.currency,
    }


class BankTransferError(Exception):
    """Refuse to change a bank-transfer order; ``message`` tells staff why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class OrderAlreadyPaid(BankTransferError):
    """Refuse to mark paid an order whose money is all in already."""


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
    handler = EventHandler(user=user)
    lines = list(order.lines.all()) if fully_paid else None
    event = handler.handle_payment_event(
        order,
        payment_event_type(PAID),
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
        order_email_send(order, ORDER_PAID)
    else:
        note = _("%(note)s %(owed)s still owed.") % {
            "note": note,
            "owed": currency(owed - amount, source.currency),
        }
    handler.create_note(order, str(note))
    return event


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
        email_context={"unpaid_days": days},
    )
