"""Card payments on Stripe Checkout: offered once a Stripe secret key is set.

The order is written first and waits in "Awaiting payment" while the shopper pays on
Stripe's page; ``store.payments.services`` settles it when Stripe reports the payment.
"""

import logging

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from oscar.apps.payment.exceptions import UnableToTakePayment

from store.checkout.methods import PaymentMethod, PaymentStart
from store.payments import gateway
from store.payments.models import CardPayment
from store.payments.selectors import CARD, card_link_token, card_payment_of
from store.payments.services import card_payment_record, card_session_discard, card_session_open
from store.storefront.site import absolute_url

logger = logging.getLogger("oscar.checkout")


def card_payments_enabled() -> bool:
    """Say whether the shop takes cards: it does once a Stripe secret key is set."""
    return bool(settings.STRIPE_SECRET_KEY)


class Card(PaymentMethod):
    """Pay by debit or credit card on Stripe's page, after the order is placed."""

    code = CARD
    name = _("Card (debit or credit), on Stripe's secure payment page")
    source_name = "Card (Stripe)"
    confirmed_when_placed = False
    description = _(
        "With a card, you place the order and then pay on Stripe's secure page; we never see "
        "your card number. Your browser goes there and back by itself, no JavaScript needed."
    )
    preview_note = _(
        "When you place the order we take you to Stripe's secure page to pay by card. We hold "
        "your items while you pay."
    )
    place_order_template = "oscar/checkout/partials/card_place_order.html"
    thank_you_template = "oscar/checkout/partials/card_payment.html"
    email_html_template = "oscar/communication/emails/partials/card_payment.html"
    email_text_template = "oscar/communication/emails/partials/card_payment.txt"
    dashboard_template = "oscar/dashboard/orders/partials/card_payment.html"

    def enabled(self) -> bool:
        return card_payments_enabled()

    def start(self, *, order_number, amount, currency, email) -> PaymentStart:
        """Open the Stripe page for this order, or say plainly why not and what to do."""
        token = card_link_token(order_number)
        try:
            session = card_session_open(
                order_number=order_number,
                amount=amount,
                currency_code=currency,
                customer_email=email,
                success_url=absolute_url(reverse("payments:card-return", args=[token])),
                cancel_url=absolute_url(reverse("payments:card-cancelled", args=[token])),
            )
        except gateway.GatewayUnavailable as error:
            logger.warning("Order #%s: no card session: %s", order_number, error.message)
            raise UnableToTakePayment(
                _(
                    "Our card payment provider did not answer, so no order was placed and "
                    "nothing was charged. Your basket is as you left it: please try again in "
                    "a minute, or choose bank transfer."
                )
            ) from error
        except gateway.GatewayRefused as error:
            logger.error("Order #%s: card session refused: %s", order_number, error.message)
            raise UnableToTakePayment(
                _(
                    "Card payments are not working just now, so no order was placed and "
                    "nothing was charged. Your basket is as you left it: please choose bank "
                    "transfer, or try again later."
                )
            ) from error
        return PaymentStart(reference=session.id, handle=session)

    def placed(self, *, order, start: PaymentStart) -> None:
        card_payment_record(order=order, session=start.handle)

    def abandon(self, start: PaymentStart) -> None:
        card_session_discard(start.handle)

    def next_url(self, order) -> str | None:
        """Send the shopper to Stripe's page while the order can still be paid there."""
        payment = card_payment_of(order)
        if payment is not None and payment.status == CardPayment.Status.OPEN:
            return payment.session_url
        return None

    def preview_context(self) -> dict:
        return {"card_checkout_minutes": settings.STRIPE_CHECKOUT_MINUTES}

    def thank_you_context(self, order) -> dict:
        return {"card_payment": card_payment_of(order), "card_link": card_link_token(order.number)}

    def email_context(self, order) -> dict:
        payment = card_payment_of(order)
        return {"card_paid": payment is not None and payment.status == CardPayment.Status.PAID}

    def dashboard_context(self, order) -> dict:
        return {"card_payment": card_payment_of(order)}
