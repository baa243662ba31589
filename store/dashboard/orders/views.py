"""Oscar's order dashboard views, with bank transfers marked paid and card payments refunded."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from oscar.apps.dashboard.orders import views
from oscar.templatetags.currency_filters import currency

from store.checkout.services import BankTransferError, bank_transfer_mark_paid, bank_transfer_owed
from store.dashboard.orders.forms import CardRefundForm, MarkPaidForm
from store.payments.models import CardPayment
from store.payments.services import RefundRefused, card_refund

#: The permission a member of staff needs to mark an order paid.
CHANGE_ORDER = "order.change_order"


class OrderDetailView(views.OrderDetailView):
    """Oscar's order page, plus "mark paid" for bank transfers and "refund" for card payments."""

    order_actions = (*views.OrderDetailView.order_actions, "mark_paid", "refund_card")

    def get_context_data(self, **kwargs):
        """Add the card payment, and the forms staff may use on this order."""
        ctx = super().get_context_data(**kwargs)
        ctx["card_payment"] = self.card_payment()
        if "mark_paid_form" in kwargs or "card_refund_form" in kwargs:
            # Shown again with a refused amount: Oscar's other forms were not submitted.
            ctx["note_form"] = views.OrderNoteForm(order=self.object, user=self.request.user)
            ctx["order_status_form"] = views.OrderStatusForm(order=self.object)
        elif self.request.user.has_perm(CHANGE_ORDER):
            ctx["mark_paid_form"] = self.get_mark_paid_form()
            payment = ctx["card_payment"]
            if payment is not None and payment.refundable > 0:
                ctx["card_refund_form"] = CardRefundForm(payment=payment)
        return ctx

    def card_payment(self) -> CardPayment | None:
        """Return the order's card payment, if it was paid (or is to be paid) by card."""
        return CardPayment.objects.filter(order=self.object).first()

    def get_mark_paid_form(self, data=None) -> MarkPaidForm | None:
        """Return the mark-paid form, or None when the order is not awaiting a bank transfer."""
        owed = bank_transfer_owed(self.object)
        if owed is None and data is None:
            return None
        return MarkPaidForm(data=data, owed=owed, currency_code=self.object.currency)

    def mark_paid(self, request, order):
        """Record the money received by bank transfer, or show why it was refused."""
        if not request.user.has_perm(CHANGE_ORDER):
            raise PermissionDenied
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
        if not request.user.has_perm(CHANGE_ORDER):
            raise PermissionDenied
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
