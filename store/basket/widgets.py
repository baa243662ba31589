"""Inputs written by Python rather than by Django's widget templates.

Django writes every input by rendering three small templates (the widget's, ``input.html`` and
``attrs.html``). The basket page has two inputs per line, so a basket of thirty lines rendered
180 templates for its inputs alone. These widgets write the same markup from the same context.
"""

from django import forms
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe


def input_html(widget: dict) -> SafeString:
    """Return the ``<input>`` Django's ``input.html`` writes for a widget's template context."""
    attributes = [("type", widget["type"]), ("name", widget["name"])]
    if widget["value"] is not None:
        attributes.append(("value", widget["value"]))
    attributes.extend(widget["attrs"].items())
    written = "".join(
        f" {name}" if value is True else f' {name}="{conditional_escape(value)}"'
        for name, value in attributes
        if value is not False
    )
    return mark_safe(f"<input{written}>")  # noqa: S308  (every value escaped just above)


class HiddenInput(forms.HiddenInput):
    """Django's hidden input, written without its templates."""

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        return input_html(self.get_context(name, value, attrs)["widget"])


class NumberInput(forms.NumberInput):
    """Django's number input, written without its templates."""

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        return input_html(self.get_context(name, value, attrs)["widget"])
