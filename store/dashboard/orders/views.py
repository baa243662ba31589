"""Oscar's order dashboard views, with a way to mark a bank-transfer order paid."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from oscar.apps.dashboard.orders import views

from store.checkout.services import BankTransferError, bank_transfer_mark_paid, bank_transfer_owed
from store.dashboard.orders.forms import MarkPaidForm

#: The permission a member of staff needs to mark an order paid.
CHANGE_ORDER = "order.change_order"


class OrderDetailView(views.OrderDetailView):
    """Oscar's order page, plus the "mark paid" action for orders awaiting a bank transfer."""

    order_actions = (*views.OrderDetailView.order_actions, "mark_paid")

    def get_context_data(self, **kwargs):
        """Add the mark-paid form when the order awaits a bank transfer and the user may act."""
        ctx = super().get_context_data(**kwargs)
        if "mark_paid_form" in kwargs:
            # Shown again with a refused amount: Oscar's other forms were not submitted.
            ctx["note_form"] = views.OrderNoteForm(order=self.object, user=self.request.user)
            ctx["order_status_form"] = views.OrderStatusForm(order=self.object)
        elif self.request.user.has_perm(CHANGE_ORDER):
            ctx["mark_paid_form"] = self.get_mark_paid_form()
        return ctx

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
