"""Oscar's basket line form, with a quantity box written without the template engine."""

from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.apps.basket import forms as oscar_forms

from store.basket.widgets import NumberInput


class BasketLineForm(oscar_forms.BasketLineForm):
    """Oscar's form for a basket line: its quantity box is the same, written more cheaply."""

    quantity = forms.IntegerField(
        label=_("Quantity"),
        min_value=0,
        required=False,
        initial=1,
        widget=NumberInput(attrs={"class": "form-control"}),
    )
