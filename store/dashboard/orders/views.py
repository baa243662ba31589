"""Oscar's order dashboard views: status moves through the shop's rules, bank transfers marked
paid, card payments refunded and orders dispatched with a tracking number.

Every change to an order needs the permission to change orders; staff who may only view them
are answered 403.
"""

from django.contrib import messages
from django.utils.translation import gettext_lazy as _
from oscar.apps.dashboard.orders import views
from oscar.templatetags.currency_filters import currency

from store.checkout.methods import payment_method_of
from store.dashboard.orders.forms import CardRefundForm, DispatchForm, MarkPaidForm
from store.dashboard.spreadsheets import spreadsheet_safe
from store.ids import row_ids
from store.order.selectors import order_dispatches, order_status_refusal
from store.order.services import OrderStatusRefused, order_dispatch
from store.order.statuses import SHIPPED
from store.payments.bank_transfer import BankTransferError, bank_transfer_mark_paid
from store.payments.models import CardPayment
from store.payments.refunds import RefundRefused, card_refund
from store.payments.selectors import bank_transfer_owed, card_payment_of

#: The permission a member of staff needs to change an order in any way.
CHANGE_ORDER = "order.change_order"

#: The shop's forms on the order page; when one is shown again with its errors, Oscar's own
#: forms on the page are drawn empty.
SHOP_FORMS = ("mark_paid_form", "card_refund_form", "dispatch_form")


def status_change_message(order, *, old_status: str, moved: bool) -> str:
    """Return what staff are told after asking to move ``order`` on from ``old_status``."""
    if not moved:
        return _("Order %(number)s is %(status)s already: nothing was changed.") % {
            "number": order.number,
            "status": order.status,
        }
    return _("Order status changed from '%(old_status)s' to '%(new_status)s'") % {
        "old_status": old_status,
        "new_status": order.status,
    }


class OrderListView(views.OrderListView):
    """Oscar's order list, whose bulk status change goes through the shop's rules.

    Its CSV download holds no cell that a spreadsheet would run as a formula.
    """

    def get_row_values(self, order):
        """Return Oscar's CSV cells for ``order``, each safe to open in a spreadsheet."""
        return {
            column: spreadsheet_safe(value)
            for column, value in super().get_row_values(order).items()
        }

    def get(self, request, *args, **kwargs):
        """Oscar's list, which opens the order a search names exactly, if the search is valid.

        Oscar looks the typed number up before its form is checked, so a NUL byte or a huge
        value would reach the database; such a search now just shows the list.
        """
        if "order_number" in request.GET and not self.form_class(request.GET).is_valid():
            return super(views.OrderListView, self).get(request, *args, **kwargs)
        return super().get(request, *args, **kwargs)

    def get_selected_ids(self, request):
        """Return the ticked orders' ids, ignoring any value that is not an id."""
        if request.POST.get(self.select_across_param, "").lower() == "1":
            return super().get_selected_ids(request)
        posted = request.POST.getlist(f"selected_{self.get_checkbox_object_name()}")
        return list(self.get_queryset().filter(pk__in=row_ids(posted)).values_list("pk", flat=True))

    def get_context_data(self, **kwargs):
        """Offer, for the bulk change, the statuses a status change can reach."""
        ctx = super().get_context_data(**kwargs)
        ctx["order_statuses"] = [name for name in ctx["order_statuses"] if name != SHIPPED]
        return ctx

    def change_order_status(self, request, order):
        """Move one order to the status chosen, or say why the shop's rules refuse it."""
        new_status = request.POST.get("new_status", "").strip()
        old_status = order.status
        note = _("Order status changed from '%(old_status)s' to '%(new_status)s'") % {
            "old_status": old_status,
            "new_status": new_status,
        }
        try:
            moved = self.get_handler(user=request.user).handle_order_status_change(
                order, new_status, note_msg=note
            )
        except OrderStatusRefused as error:
            messages.error(request, error.message)
        else:
            messages.info(request, status_change_message(order, old_status=old_status, moved=moved))


class OrderDetailView(views.OrderDetailView):
    """Oscar's order page, plus "mark paid" for bank transfers, "refund" for card payments and
    "dispatch" with the carrier and tracking number; status moves follow the shop's rules."""

    order_actions = (
        *views.OrderDetailView.order_actions,
        "mark_paid",
        "refund_card",
        "dispatch_order",
    )

    def get_context_data(self, **kwargs):
        """Add what the payment method shows, the dispatches, and the forms staff may use."""
        ctx = super().get_context_data(**kwargs)
        method = payment_method_of(self.object)
        ctx["payment_method"] = method
        if method is not None:
            ctx.update(method.dashboard_context(self.object))
        ctx["dispatches"] = order_dispatches(self.object)
        ctx["shipping_events"] = self.object.shipping_events.select_related(
            "event_type"
        ).prefetch_related("line_quantities__line")
        ctx["may_change_order"] = self.request.user.has_perm(CHANGE_ORDER)
        if any(name in kwargs for name in SHOP_FORMS):
            # Shown again with a refused form: Oscar's other forms were not submitted.
            ctx["note_form"] = views.OrderNoteForm(order=self.object, user=self.request.user)
            ctx["order_status_form"] = views.OrderStatusForm(order=self.object)
        elif ctx["may_change_order"]:
            ctx["mark_paid_form"] = self.get_mark_paid_form()
            payment = ctx.get("card_payment")
            if payment is not None and payment.refundable > 0:
                ctx["card_refund_form"] = CardRefundForm(payment=payment)
            refusal = order_status_refusal(order=self.object, new_status=SHIPPED, by_dispatch=True)
            if refusal is None:
                ctx["dispatch_form"] = DispatchForm()
        return ctx

    def card_payment(self) -> CardPayment | None:
        """Return the order's card payment, if it was paid (or is to be paid) by card."""
        return card_payment_of(self.object)

    def get_mark_paid_form(self, data=None) -> MarkPaidForm | None:
        """Return the mark-paid form, or None when the order is not awaiting a bank transfer."""
        owed = bank_transfer_owed(self.object)
        if owed is None and data is None:
            return None
        return MarkPaidForm(data=data, owed=owed, currency_code=self.object.currency)

    def change_order_status(self, request, order):
        """Move the order to the status chosen, through Oscar's handler and the shop's rules,
        or say why not. The move is refused if the order changed after the page was drawn."""
        new_status = request.POST.get("new_status", "").strip()
        old_status = order.status
        handler = self.get_handler(
            user=request.user, expected_status=request.POST.get("old_status") or None
        )
        note = _("Order status changed from '%(old_status)s' to '%(new_status)s'") % {
            "old_status": old_status,
            "new_status": new_status,
        }
        try:
            moved = handler.handle_order_status_change(order, new_status, note_msg=note)
        except OrderStatusRefused as error:
            return self.reload_page(error=error.message)
        messages.info(request, status_change_message(order, old_status=old_status, moved=moved))
        return self.reload_page()

    def mark_paid(self, request, order):
        """Record the money received by bank transfer, or show why it was refused."""
        form = self.get_mark_paid_form(data=request.POST)
        if not form.is_valid():
            return self.render_to_response(
                self.get_context_data(mark_paid_form=form, active_tab="lines")
            )
        try:
            bank_transfer_mark_paid(
                order=order, amount=form.cleaned_data["amount"], user=request.user
            )
        except BankTransferError as error:
            return self.reload_page(error=error.message)
        messages.success(request, _("Order %(number)s marked paid.") % {"number": order.number})
        return self.reload_page()

    def refund_card(self, request, order):
        """Refund part or all of the card payment through Stripe, or show why not."""
        payment = self.card_payment()
        if payment is None:
            return self.reload_page(error=_("This order was not paid by card."))
        form = CardRefundForm(data=request.POST, payment=payment)
        if not form.is_valid():
            return self.render_to_response(
                self.get_context_data(card_refund_form=form, active_tab="lines")
            )
        try:
            refund = card_refund(
                payment=payment,
                amount=form.cleaned_data["amount"],
                refunded_seen=form.cleaned_data["refunded_seen"],
                user=request.user,
            )
        except RefundRefused as error:
            return self.reload_page(error=error.message)
        messages.success(
            request,
            _("%(amount)s refunded to the shopper's card (Stripe refund %(refund)s).")
            % {"amount": currency(refund.amount, payment.currency), "refund": refund.refund_id},
        )
        return self.reload_page()

    def dispatch_order(self, request, order):
        """Record that the order left with the carrier, email the shopper, or show why not."""
        form = DispatchForm(data=request.POST)
        if not form.is_valid():
            return self.render_to_response(
                self.get_context_data(dispatch_form=form, active_tab="lines")
            )
        try:
            event = order_dispatch(
                order=order,
                carrier=form.cleaned_data["carrier"],
                tracking_number=form.cleaned_data["tracking_number"],
                user=request.user,
            )
        except OrderStatusRefused as error:
            return self.reload_page(error=error.message)
        messages.success(
            request,
            _(
                "Order %(number)s dispatched with %(carrier)s, tracking number %(tracking)s. "
                "The shopper has been emailed."
            )
            % {
                "number": order.number,
                "carrier": event.carrier,
                "tracking": event.tracking_number,
            },
        )
        return self.reload_page()
