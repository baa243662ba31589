"""The ways a shopper can pay: what checkout asks of each, and the list the shop offers.

A payment method is a subclass of :class:`PaymentMethod` named in the ``SHOP_PAYMENT_METHODS``
setting (dotted paths, in the order the payment-method step shows them). Checkout, the preview,
the thank-you page, the confirmation email and the dashboard's order page ask the order's
method what to do and show; none of them knows a method by name. Bank transfer and card
(Stripe) live in ``store.payments``.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.utils.module_loading import import_string
from oscar.core.loading import get_model

SourceType = get_model("payment", "SourceType")


@dataclass(frozen=True)
class PaymentStart:
    """What a method set going for an order about to be written.

    ``reference`` goes on the order's payment source; ``handle`` is whatever the method needs
    later, once the order is written or if it is not (a card payment's Stripe session).
    """

    reference: str
    handle: object = None


class PaymentMethod:
    """One way to pay. Subclasses set the texts and override what their method does."""

    #: Stored in the checkout session and as the code of the order's payment source type.
    code: str = ""
    #: The choice on the payment-method step, and the method's name on the preview.
    name: str = ""
    #: The payment source type's name, as staff see it on the order.
    source_name: str = ""
    #: Under the choices on the payment-method step: how paying this way goes.
    description: str = ""
    #: On the preview: what happens when the shopper places the order.
    preview_note: str = ""
    #: Beside the "Place order" button (optional): a template for what comes next.
    place_order_template: str = ""
    #: Whether the shopper is sent the order confirmation when the order is placed; a method
    #: that takes the money elsewhere first (a card on Stripe's page) confirms once paid.
    confirmed_when_placed: bool = True
    thank_you_template: str = "oscar/checkout/partials/payment_method.html"
    email_html_template: str = "oscar/communication/emails/partials/payment_method.html"
    email_text_template: str = "oscar/communication/emails/partials/payment_method.txt"
    dashboard_template: str = "oscar/dashboard/orders/partials/payment_method.html"

    def enabled(self) -> bool:
        """Say whether the shop offers this method now."""
        return True

    def source_type(self) -> SourceType:
        """Return the payment source type of this method, creating it the first time."""
        source_type, _created = SourceType.objects.get_or_create(
            code=self.code, defaults={"name": self.source_name or self.name}
        )
        return source_type

    def start(
        self, *, order_number: str, amount: Decimal, currency: str, email: str
    ) -> PaymentStart:
        """Set the payment going for an order about to be placed; take no money yet.

        Raise Oscar's ``UnableToTakePayment`` with a message for the shopper to place
        nothing.
        """
        return PaymentStart(reference=order_number)

    def placed(self, *, order, start: PaymentStart) -> None:
        """Record what the method keeps for ``order``, in the transaction that writes it."""

    def abandon(self, start: PaymentStart) -> None:
        """Undo ``start`` for an order that was not placed after all."""

    def next_url(self, order) -> str | None:
        """Return where the shopper goes once ``order`` is placed; None for the thank-you page."""
        return None

    def preview_context(self) -> dict:
        """Return what the preview's ``place_order_template`` needs."""
        return {}

    def thank_you_context(self, order) -> dict:
        """Return what the thank-you page shows of the payment of ``order``."""
        return {}

    def email_context(self, order) -> dict:
        """Return what the order confirmation email says of the payment of ``order``."""
        return {}

    def dashboard_context(self, order) -> dict:
        """Return what the dashboard's order page shows of the payment of ``order``."""
        return {}


def all_payment_methods() -> list[PaymentMethod]:
    """Return every method in ``SHOP_PAYMENT_METHODS``, offered now or not, in order."""
    return [import_string(path)() for path in settings.SHOP_PAYMENT_METHODS]


def payment_methods() -> list[PaymentMethod]:
    """Return the methods the shop offers now, in the order the shopper sees them."""
    return [method for method in all_payment_methods() if method.enabled()]


def payment_method(code: str | None) -> PaymentMethod | None:
    """Return the method on offer with ``code``, or None."""
    return next((method for method in payment_methods() if method.code == code), None)


def payment_method_of(order) -> PaymentMethod | None:
    """Return the method ``order`` is paid by (offered now or not), or None if it has none."""
    codes = {source.source_type.code for source in order.sources.select_related("source_type")}
    return next((method for method in all_payment_methods() if method.code in codes), None)
