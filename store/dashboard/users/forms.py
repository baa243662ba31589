from django import forms
from oscar.apps.dashboard.users import forms as oscar_forms

from store.dashboard.partners.forms import SEARCH_MAX_LENGTH


class UserSearchForm(oscar_forms.UserSearchForm):
    """Oscar's customer search, refusing an e-mail or name longer than a search needs."""

    email = forms.CharField(
        required=False,
        max_length=SEARCH_MAX_LENGTH,
        label=oscar_forms.UserSearchForm.base_fields["email"].label,
    )
    name = forms.CharField(
        required=False,
        max_length=SEARCH_MAX_LENGTH,
        label=oscar_forms.UserSearchForm.base_fields["name"].label,
    )
