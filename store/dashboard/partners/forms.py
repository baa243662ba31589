from django import forms
from oscar.apps.dashboard.partners import forms as oscar_forms

#: The longest search the partner list takes; SQLite refuses patterns past 50,000 bytes.
SEARCH_MAX_LENGTH = 200


class PartnerSearchForm(oscar_forms.PartnerSearchForm):
    """Oscar's partner search, refusing a name longer than any partner's."""

    name = forms.CharField(
        required=False,
        max_length=SEARCH_MAX_LENGTH,
        label=oscar_forms.PartnerSearchForm.base_fields["name"].label,
    )
