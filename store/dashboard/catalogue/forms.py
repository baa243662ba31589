from oscar.apps.dashboard.catalogue import forms as oscar_forms
from oscar.apps.dashboard.catalogue.forms import *  # noqa: F403  (a forked Oscar module keeps its forms)


class ProductClassForm(oscar_forms.ProductClassForm):
    """Oscar's product type form, with how the type's products are taxed."""

    class Meta(oscar_forms.ProductClassForm.Meta):
        fields = [*oscar_forms.ProductClassForm.Meta.fields, "tax_category"]
