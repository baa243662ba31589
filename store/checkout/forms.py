from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.apps.checkout.forms import *  # noqa: F403  (a forked Oscar app keeps its forms)

from store.checkout.payment import payment_methods


class PaymentMethodForm(forms.Form):
    """Choose how to pay: one radio button per method the shop accepts."""

    method = forms.ChoiceField(
        label=_("How would you like to pay?"),
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["method"].choices = list(payment_methods().items())
