"""Tell a posted value that can be a row's id from one that was typed or tampered with.

Django hands a form's raw values to the database in several places (``pk__in`` lookups, the
options of a re-shown select), where ``abc`` raises ``ValueError`` and a number past 2**63
overflows SQLite. Checking first turns such input into a form error or a 404.
"""

from django import forms
from django.core.exceptions import ValidationError

#: The largest integer any database the shop runs on stores in an id column.
MAX_ROW_ID = 2**63 - 1


def is_row_id(value: object) -> bool:
    """Return whether ``value`` is a whole number a table's id column could hold."""
    text = str(value)
    return text.isascii() and text.isdigit() and int(text) <= MAX_ROW_ID


def row_ids(values: list) -> list:
    """Return those of ``values`` that could be ids, dropping the rest."""
    return [value for value in values if is_row_id(value)]


class RowIdMultipleChoiceField(forms.ModelMultipleChoiceField):
    """A choice of several rows that refuses a value no id could have, before any query."""

    def clean(self, value):
        for choice in value or ():
            if choice not in self.empty_values and not is_row_id(choice):
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": choice},
                )
        return super().clean(value)
