"""Oscar's basket formset, checking the lines' ids against the lines it was built from."""

from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import BaseModelFormSet, modelformset_factory
from django.utils.functional import cached_property
from oscar.apps.basket import formsets
from oscar.core.loading import get_class, get_model

from store.basket.widgets import HiddenInput

Line = get_model("basket", "Line")
BasketLineForm = get_class("basket.forms", "BasketLineForm")


class LoadedLineField(forms.ModelChoiceField):
    """The hidden id of a basket line, found among the lines already loaded.

    Django's field looks each line up with a query of its own, and copies a queryset for every
    form to do so; a form only gets this far for a line of the basket (Oscar skips the
    others), which the formset has loaded already, so this field holds no queryset at all.
    """

    def __init__(self, *args, lines_by_id: dict, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.lines_by_id = lines_by_id

    def to_python(self, value):
        if value in self.empty_values:
            return None
        self.validate_no_null_characters(value)
        try:
            return self.lines_by_id[int(value)]
        except (KeyError, TypeError, ValueError):
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            ) from None


class BaseBasketLineFormSet(formsets.BaseBasketLineFormSet):
    """Oscar's basket formset, whose forms check their line's id without a query each and
    write it in a hidden input without the template engine."""

    def add_fields(self, form, index) -> None:
        """Add the line's hidden id, as Django's model formsets do, then Oscar's other fields."""
        self._pk_field = Line._meta.pk
        line = form.instance
        form.fields[self._pk_field.name] = LoadedLineField(
            None,
            initial=None if index is None or line._state.adding else line.pk,
            required=False,
            widget=HiddenInput,
            lines_by_id=self.lines_by_id,
        )
        super(BaseModelFormSet, self).add_fields(form, index)

    @cached_property
    def lines_by_id(self) -> dict:
        """Return the formset's lines by their ids."""
        return {line.pk: line for line in self.get_queryset()}


BasketLineFormSet = modelformset_factory(
    Line, form=BasketLineForm, formset=BaseBasketLineFormSet, extra=0, can_delete=True
)
