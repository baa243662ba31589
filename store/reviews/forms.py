"""The shopper's review form: a score chosen with radio buttons, and text a person typed."""

import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.utils.translation import gettext_lazy as _
from oscar.apps.catalogue.reviews import forms as oscar_forms

TITLE_MAX_LENGTH = 120
BODY_MAX_LENGTH = 3000

SCORE_CHOICES = [
    (1, _("1 star: poor")),
    (2, _("2 stars: fair")),
    (3, _("3 stars: good")),
    (4, _("4 stars: very good")),
    (5, _("5 stars: excellent")),
]

#: Characters that reorder the text around them when shown: a way to make a review read other
#: than it was written.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
#: Unicode categories no one types: control characters (NUL among them) and lone surrogates.
UNTYPEABLE_CATEGORIES = frozenset({"Cc", "Cs"})
LINE_BREAKS = frozenset("\n\r\t")


class TypedTextValidator:
    """Refuse text a person could not have typed, and text with nothing in it to read."""

    def __init__(self, *, multiline: bool):
        self.multiline = multiline

    def __call__(self, value: str) -> None:
        for character in value:
            if self.multiline and character in LINE_BREAKS:
                continue
            if unicodedata.category(character) in UNTYPEABLE_CATEGORIES or (
                character in BIDI_CONTROLS
            ):
                raise ValidationError(
                    _(
                        "This contains a control character (U+%(code)04X) that cannot be shown. "
                        "Type the text again, or paste it as plain text."
                    ),
                    code="control_character",
                    params={"code": ord(character)},
                )
        if not any(character.isalnum() for character in value):
            raise ValidationError(
                _("Write a few words: only spaces or symbols is not enough."), code="no_words"
            )


class TypedTextField(forms.CharField):
    """Text a shopper types: trimmed, required, limited in length, refusing control characters.

    Django's own check for NUL characters is left out: TypedTextValidator refuses NUL along with
    every other control character, in one message.
    """

    def __init__(self, *, multiline: bool = False, **kwargs):
        kwargs.setdefault("widget", forms.Textarea if multiline else forms.TextInput)
        super().__init__(**kwargs)
        self.validators = [
            validator
            for validator in self.validators
            if not isinstance(validator, ProhibitNullCharactersValidator)
        ]
        self.validators.append(TypedTextValidator(multiline=multiline))


def review_title_field(*, label: str = _("Title")) -> TypedTextField:
    """Return the field a review's title is typed in."""
    return TypedTextField(label=label, max_length=TITLE_MAX_LENGTH)


def review_body_field(*, label: str = _("Review"), help_text: str = "") -> TypedTextField:
    """Return the field a review's text is typed in."""
    return TypedTextField(
        label=label, max_length=BODY_MAX_LENGTH, multiline=True, help_text=help_text
    )


class RefuseRepeatedFieldsMixin:
    """Refuse a submission that sends one of the form's fields more than once.

    A browser sends each of these fields once; a repeated one comes from something else, and
    which of its values was meant cannot be known.
    """

    def clean(self):
        cleaned_data = super().clean()
        if hasattr(self.data, "getlist"):
            for name in self.fields:
                if len(self.data.getlist(self.add_prefix(name))) > 1:
                    self.add_error(name, _("This field was sent more than once."))
        return cleaned_data


class ProductReviewForm(RefuseRepeatedFieldsMixin, oscar_forms.ProductReviewForm):
    """Oscar's review form with a score a browser can choose without JavaScript.

    Oscar's form shows the score as a select that its script hides behind clickable stars; here
    it is a group of five labelled radio buttons. Title and text are checked as typed text.
    """

    title = review_title_field()
    score = forms.TypedChoiceField(
        label=_("Your rating"),
        choices=SCORE_CHOICES,
        coerce=int,
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
        error_messages={
            "required": _("Choose a rating from 1 to 5 stars."),
            "invalid_choice": _("Choose a rating from 1 to 5 stars."),
        },
    )
    body = review_body_field(
        label=_("Your review"),
        help_text=_("How do you use it, and what do you like or dislike about it?"),
    )
