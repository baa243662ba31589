from oscar.apps.dashboard.ranges import forms

from store.ids import RowIdMultipleChoiceField


class RangeForm(forms.RangeForm):
    """Oscar's range form, refusing a category id no row could have (SQLite overflowed on it)."""

    class Meta(forms.RangeForm.Meta):
        field_classes = {
            "included_categories": RowIdMultipleChoiceField,
            "excluded_categories": RowIdMultipleChoiceField,
        }
