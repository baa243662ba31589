from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.apps.checkout import forms as oscar_forms
from oscar.apps.checkout.forms import *  # noqa: F403  (a forked Oscar app keeps its forms)

from store.checkout.methods import payment_methods
from store.tax.us_states import us_state_code


class PaymentMethodForm(forms.Form):
    """Choose how to pay: one radio button per method the shop accepts."""

    method = forms.ChoiceField(
        label=_("How would you like to pay?"),
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["method"].choices = [(method.code, method.name) for method in payment_methods()]


class PasswordAskedOnlyOfReturningCustomers(forms.PasswordInput):
    """A password box the browser lets the shopper leave empty.

    On the checkout gateway only returning customers need a password; Oscar's script disables
    the box for guests, so without JavaScript a ``required`` box would stop guests for good.
    """

    def use_required_attribute(self, initial) -> bool:
        return False


class GatewayForm(oscar_forms.GatewayForm):
    """Oscar's "who are you?" checkout form, usable without JavaScript.

    The server still insists on the password of a returning customer (Django's sign-in form
    does); guests and new customers leave the box empty.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["password"].widget = PasswordAskedOnlyOfReturningCustomers(
            attrs=self.fields["password"].widget.attrs
        )


#: The autocomplete token of each address field, so browsers fill the form in one go.
ADDRESS_AUTOCOMPLETE = {
    "first_name": "given-name",
    "last_name": "family-name",
    "line1": "address-line1",
    "line2": "address-line2",
    "line3": "address-line3",
    "line4": "address-level2",
    "state": "address-level1",
    "postcode": "postal-code",
    "country": "country",
    "phone_number": "tel",
}


class ShippingAddressForm(oscar_forms.ShippingAddressForm):
    """Oscar's delivery address form, which browsers can fill in and which needs a US address's
    state, as sales tax depends on it.

    The state may be typed as its code or its name ("ny", "New York"); it is kept as the code.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name, token in ADDRESS_AUTOCOMPLETE.items():
            if name in self.fields:
                self.fields[name].widget.attrs["autocomplete"] = f"shipping {token}"

    def clean(self):
        cleaned_data = super().clean()
        country = cleaned_data.get("country") or getattr(self.instance, "country", None)
        if country is not None and country.pk == "US":
            code = us_state_code(cleaned_data.get("state") or "")
            if code:
                cleaned_data["state"] = code
            else:
                self.add_error(
                    "state",
                    _("Enter the state, as NY or New York: the sales tax depends on it."),
                )
        return cleaned_data
