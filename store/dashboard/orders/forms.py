"""The forms of the dashboard's order page: mark paid, refund, dispatch, and the status list."""

from decimal import Decimal

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _
from oscar.apps.dashboard.orders import forms as oscar_forms
from oscar.templatetags.currency_filters import currency

from store.order.models import (
    carrier_normalised,
    carrier_validator,
    tracking_number_normalised,
    tracking_number_validator,
)
from store.order.selectors import order_status_choices


class MarkPaidForm(forms.Form):
    """The amount received by bank transfer: more than nothing, no more than still owed."""

    amount = forms.DecimalField(
        label=_("Amount received"),
        max_digits=12,
        decimal_places=2,
        error_messages={"invalid": _("Enter the amount received as a number, e.g. 26.95.")},
    )

    def __init__(self, *args, owed: Decimal | None, currency_code: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.owed = owed
        self.currency_code = currency_code
        if owed is not None:
            self.fields["amount"].initial = owed

    def clean_amount(self) -> Decimal:
        """Refuse nothing or less, and more than the order still owes."""
        amount = self.cleaned_data["amount"]
        if amount <= 0:
            raise forms.ValidationError(_("The amount received must be more than nothing."))
        if self.owed is not None and amount > self.owed:
            raise forms.ValidationError(
                _("The amount received is more than the %(owed)s still owed.")
                % {"owed": currency(self.owed, self.currency_code)}
            )
        return amount


class CardRefundForm(forms.Form):
    """A refund on a card payment: more than nothing, no more than is left to refund.

    ``refunded_seen`` carries what had been refunded when the page was drawn, so a form sent
    twice, or after someone else's refund, is refused instead of refunding again.
    """

    amount = forms.DecimalField(
        label=_("Amount to refund"),
        max_digits=12,
        decimal_places=2,
        error_messages={"invalid": _("Enter the amount to refund as a number, e.g. 12.50.")},
    )
    refunded_seen = forms.DecimalField(
        max_digits=12, decimal_places=2, widget=forms.HiddenInput, min_value=0
    )

    def __init__(self, *args, payment, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.payment = payment
        self.fields["amount"].initial = payment.refundable
        self.fields["refunded_seen"].initial = payment.refunded

    def clean_amount(self) -> Decimal:
        """Refuse nothing or less, and more than is left to refund."""
        amount = self.cleaned_data["amount"]
        if amount <= 0:
            raise forms.ValidationError(_("The refund must be more than nothing."))
        if amount > self.payment.refundable:
            raise forms.ValidationError(
                _("At most %(refundable)s can be refunded.")
                % {"refundable": currency(self.payment.refundable, self.payment.currency)}
            )
        return amount


class OrderStatusForm(oscar_forms.OrderStatusForm):
    """Oscar's status list, offering only the moves the shop's rules allow the order now.

    ``old_status`` carries the status shown when the page was drawn, so a move chosen on a page
    that has gone stale (the order was paid or cancelled meanwhile) is refused.
    """

    old_status = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, order, *args, **kwargs) -> None:
        super().__init__(order, *args, **kwargs)
        self.fields["new_status"].choices = [(name, name) for name in order_status_choices(order)]
        self.fields["old_status"].initial = order.status


class DispatchForm(forms.Form):
    """The carrier that took the parcel and its tracking number, for the shopper to follow."""

    carrier = forms.CharField(
        label=_("Carrier"),
        max_length=64,
        help_text=_("For example Royal Mail, DPD or Evri."),
    )
    tracking_number = forms.CharField(
        label=_("Tracking number"),
        max_length=60,
        help_text=_("As the carrier gives it; spaces are left out."),
    )

    def clean_carrier(self) -> str:
        """Tidy the carrier's spaces and refuse control characters."""
        carrier = carrier_normalised(self.cleaned_data["carrier"])
        carrier_validator(carrier)
        return carrier

    def clean_tracking_number(self) -> str:
        """Keep the tracking number in capitals without spaces, and refuse what it cannot be."""
        tracking_number = tracking_number_normalised(self.cleaned_data["tracking_number"])
        tracking_number_validator(tracking_number)
        return tracking_number


class OrderSearchForm(oscar_forms.OrderSearchForm):
    """Oscar's order search, with every typed field kept to a sensible length.

    A search of thousands of characters is no order number or name; refused as too long, it
    leaves the list unfiltered instead of reaching the database.
    """

    max_search_length = 200

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.CharField) and field.max_length is None:
                field.max_length = self.max_search_length
                field.validators.append(MaxLengthValidator(self.max_search_length))
