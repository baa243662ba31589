"""Oscar's checkout with a payment-method step (the shop's methods) and a safe "Place order"."""

from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import generic
from oscar.apps.checkout import views
from oscar.apps.checkout.exceptions import FailedPreCondition
from oscar.core.loading import get_class, get_model

from store.checkout.methods import payment_method, payment_method_of, payment_methods
from store.checkout.selectors import order_lines_to_show
from store.ids import is_row_id

CheckoutSessionData = get_class("checkout.utils", "CheckoutSessionData")
PaymentMethodForm = get_class("checkout.forms", "PaymentMethodForm")
Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")


class ShippingAddressView(views.ShippingAddressView):
    """Oscar's shipping-address step, refusing a saved address that is not the shopper's.

    Oscar looks the chosen ``address_id`` up without checking it, so a value that is not a
    number, or names someone else's address, would end in a server error instead of a 404.
    """

    def post(self, request, *args, **kwargs):
        if request.user.is_authenticated and "address_id" in request.POST:
            address_id = request.POST["address_id"]
            own = is_row_id(address_id) and request.user.addresses.filter(pk=address_id).exists()
            if not own:
                raise Http404(_("There is no such address in your address book."))
        return super().post(request, *args, **kwargs)


class PaymentMethodView(views.PaymentMethodView, generic.FormView):
    """A plain form: choose how to pay (a radio button per method), kept in the session."""

    template_name = "oscar/checkout/payment_method.html"
    form_class = PaymentMethodForm
    success_url = "checkout:preview"

    def get(self, request, *args, **kwargs):
        return generic.FormView.get(self, request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["payment_methods"] = payment_methods()
        return ctx

    def get_initial(self):
        chosen = payment_method(self.checkout_session.payment_method())
        return {"method": (chosen or payment_methods()[0]).code}

    def form_valid(self, form):
        self.checkout_session.pay_by(form.cleaned_data["method"])
        return redirect(self.get_success_url())

    def get_success_url(self):
        return reverse(self.success_url)


class PaymentDetailsView(views.PaymentDetailsView):
    """Preview and place the order.

    Neither method needs payment details on this site (cards are typed on Stripe's page), so
    the payment-details page sends the shopper to the payment-method step. "Place order" locks
    the basket row first: a second click that arrives while the first is being placed waits
    for it, then goes where the first went (Stripe's page, or the thank-you page) instead of
    placing another order.
    """

    def dispatch(self, request, *args, **kwargs):
        if (
            self.preview
            and request.method == "POST"
            and request.POST.get("action") == "place_order"
            and request.basket.is_empty
        ):
            order = self.order_placed_from_this_session(request)
            if order is not None:
                self.checkout_session = CheckoutSessionData(request)
                return self.already_placed(order)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        if not self.preview:
            return redirect("checkout:payment-method")
        return super().get(request, *args, **kwargs)

    def check_payment_data_is_captured(self, request):
        if payment_method(self.checkout_session.payment_method()) is None:
            raise FailedPreCondition(
                url=reverse("checkout:payment-method"),
                message=_("Please choose how you would like to pay."),
            )

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        method = payment_method(self.checkout_session.payment_method())
        ctx["payment_method"] = method
        if method is not None:
            ctx.update(method.preview_context())
        return ctx

    def render_payment_details(self, request, **kwargs):
        """Show a refused payment's message on the preview, where "Place order" is."""
        return self.render_preview(request, **kwargs)

    def submit(self, user, basket, *args, **kwargs):
        with transaction.atomic():
            current = Basket._default_manager.select_for_update().get(pk=basket.pk)
            if current.status == Basket.SUBMITTED:
                order = Order._default_manager.filter(basket_id=basket.pk).first()
                if order is not None:
                    return self.already_placed(order)
            return super().submit(user, basket, *args, **kwargs)

    def order_placed_from_this_session(self, request):
        order_id = request.session.get("checkout_order_id")
        if order_id is None:
            return None
        return Order._default_manager.filter(pk=order_id).first()

    def already_placed(self, order):
        """Go where the click that placed ``order`` went: Stripe's page, or the thank-you page."""
        self.checkout_session.flush()
        self.request.session["checkout_order_id"] = order.pk
        method = payment_method_of(order)
        next_url = method.next_url(order) if method is not None else None
        if next_url is not None:
            return redirect(next_url)
        messages.info(
            self.request,
            _("Your order %(number)s has already been placed.") % {"number": order.number},
        )
        return redirect("checkout:thank-you")


class ThankYouView(views.ThankYouView):
    """Oscar's thank-you page, with how the payment stands, as the order's method tells it."""

    def get_context_data(self, *args, **kwargs):
        ctx = super().get_context_data(*args, **kwargs)
        ctx["lines"] = order_lines_to_show(ctx["order"])
        method = payment_method_of(ctx["order"])
        ctx["payment_method"] = method
        if method is not None:
            ctx.update(method.thank_you_context(ctx["order"]))
        return ctx
