"""Where Stripe sends shoppers and events back: the return and cancel links, and the webhook."""

import logging

from django.contrib import messages
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View, generic
from django.views.decorators.csrf import csrf_exempt

from store.payments import gateway
from store.payments.models import CardPayment
from store.payments.selectors import card_payment_for_token
from store.payments.services import basket_refill, card_payment_abandon, card_payment_confirm
from store.payments.webhooks import webhook_receive

logger = logging.getLogger("store.payments")


class CardPaymentMixin:
    """Find the card payment named by the signed token in the URL; 404 when forged."""

    def get_payment(self) -> CardPayment:
        payment = card_payment_for_token(self.kwargs["token"])
        if payment is None:
            raise Http404(_("This payment link is not valid."))
        return payment


class CardReturnView(CardPaymentMixin, View):
    """The shopper is back from Stripe's page after paying: settle the order, say thank you.

    Asks Stripe how the session stands and settles the order as the webhook would (whichever
    comes first does it, once). If Stripe cannot be asked, the thank-you page says the payment
    is being confirmed and the webhook settles it.
    """

    def get(self, request, *args, **kwargs):
        payment = card_payment_confirm(self.get_payment())
        request.session["checkout_order_id"] = payment.order_id
        return redirect("checkout:thank-you")


class CardCancelledView(CardPaymentMixin, generic.TemplateView):
    """The shopper left Stripe's page without paying: pay after all, or cancel the order."""

    template_name = "oscar/checkout/card_cancelled.html"

    def get(self, request, *args, **kwargs):
        payment = self.get_payment()
        if payment.status == CardPayment.Status.PAID:
            request.session["checkout_order_id"] = payment.order_id
            return redirect("checkout:thank-you")
        return self.render_to_response(self.get_context_data(payment=payment))

    def post(self, request, *args, **kwargs):
        payment = self.get_payment()
        if request.POST.get("action") == "pay":
            if payment.status == CardPayment.Status.OPEN:
                return redirect(payment.session_url)
            messages.info(request, _("This order can no longer be paid by card."))
            return redirect(request.path)
        if request.POST.get("action") != "cancel":
            return HttpResponseBadRequest(_("Choose to pay or to cancel the order."))
        try:
            payment = card_payment_abandon(payment)
        except gateway.GatewayError:
            messages.error(
                request,
                _(
                    "We could not reach our card payment provider, so your order is still "
                    "open. Please try again in a minute."
                ),
            )
            return redirect(request.path)
        if payment.status == CardPayment.Status.PAID:
            messages.info(request, _("Your payment had already gone through: the order stands."))
            request.session["checkout_order_id"] = payment.order_id
            return redirect("checkout:thank-you")
        basket_refill(request.basket, payment.order)
        messages.success(
            request,
            _("Order %(number)s is cancelled. Your items are back in your basket.")
            % {"number": payment.order.number},
        )
        return redirect("basket:summary")


@method_decorator(csrf_exempt, name="dispatch")
class StripeWebhookView(View):
    """Receive Stripe's events. A bad signature gets 400 and nothing is written."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        try:
            webhook_receive(request.body, request.headers.get("Stripe-Signature"))
        except gateway.BadSignature as error:
            logger.warning("Webhook refused: %s", error)
            return HttpResponseBadRequest("Invalid Stripe-Signature", content_type="text/plain")
        return HttpResponse("ok", content_type="text/plain")
