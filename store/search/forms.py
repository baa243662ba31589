from django import forms
from django.utils.translation import gettext_lazy as _


class SearchInput(forms.TextInput):
    """Render a search box as ``<input type="search">``."""

    input_type = "search"


class SearchForm(forms.Form):
    """Read the search words and the sort order from the query string."""

    RELEVANCY = "relevancy"
    NEWEST = "newest"
    PRICE_HIGH_TO_LOW = "price-desc"
    PRICE_LOW_TO_HIGH = "price-asc"
    TITLE_A_TO_Z = "title-asc"
    TITLE_Z_TO_A = "title-desc"

    SORT_BY_CHOICES = [
        (RELEVANCY, _("Relevancy")),
        (NEWEST, _("Newest")),
        (PRICE_LOW_TO_HIGH, _("Price low to high")),
        (PRICE_HIGH_TO_LOW, _("Price high to low")),
        (TITLE_A_TO_Z, _("Title A to Z")),
        (TITLE_Z_TO_A, _("Title Z to A")),
    ]

    q = forms.CharField(
        required=False,
        max_length=200,
        label=_("Search"),
        widget=SearchInput({"placeholder": _("Search"), "class": "form-control"}),
    )
    sort_by = forms.ChoiceField(
        label=_("Sort by"),
        choices=SORT_BY_CHOICES,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "id_search_%s")
        super().__init__(*args, **kwargs)

    @property
    def query(self) -> str:
        """Return the cleaned search words, or an empty string."""
        return self.cleaned_data.get("q", "").strip() if self.is_valid() else ""

    @property
    def sort(self) -> str:
        """Return the chosen sort order, relevancy when none or an unknown one was asked for."""
        if self.is_valid() and self.cleaned_data.get("sort_by"):
            return self.cleaned_data["sort_by"]
        return self.RELEVANCY


class BrowseCategoryForm(SearchForm):
    """The sort form shown above the full catalogue."""


class CategoryForm(SearchForm):
    """The sort form shown above a category's products."""
