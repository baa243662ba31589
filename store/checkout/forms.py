from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.apps.checkout.forms import *  # noqa: F403  (a forked Oscar app keeps its forms)

from store.checkout.payment import PAYMENT_METHODS


class PaymentMethodForm(forms.Form):
    """Choose how to pay: one radio button per method the shop accepts."""

    method = forms.ChoiceField(
        label=_("How would you like to pay?"),
        choices=list(PAYMENT_METHODS.items()),
        widget=forms.RadioSelect,
    )
