"""What a review's text may hold, and which of its words make a health claim."""

import pytest
from django.core.exceptions import ValidationError

from content.claims import medicinal_claim_words
from store.reviews.forms import TypedTextValidator


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Cured my migraine, better than my medicine", ["cured", "migraine", "medicine"]),
        ("It HEALS sore skin and treats my eczema", ["heals", "treats", "eczema"]),
        ("Period pain relief in ten minutes", ["pain", "relief"]),
        ("\uff23\uff55\uff52\uff45\uff44 my headaches", ["cured", "headaches"]),
        ("cu\u200bred my insomnia", ["cured", "insomnia"]),
        ("Cure? Cure! cure.", ["cure"]),
        ("Smells of the sea and leaves my skin soft", []),
        ("Securely packed, procured quickly, a healthy amount", []),
    ],
)
def test_the_claim_checker_finds_medicinal_words_as_a_reader_sees_them(text, words):
    assert medicinal_claim_words(text) == words


@pytest.mark.parametrize(
    "text",
    [
        "Silky water.",
        "Two handfuls,\r\n\tthen a long soak.",
        "Sehr angenehm, weiches Wasser",
        "\u00e9t\u00e9 \u2014 tr\u00e8s bien \U0001f6c1",
    ],
)
def test_typed_text_with_line_breaks_passes(text):
    TypedTextValidator(multiline=True)(text)


@pytest.mark.parametrize(
    ("text", "multiline", "code"),
    [
        ("Silky\x00water", True, "control_character"),
        ("Silky\x07water", True, "control_character"),
        ("Silky\x7fwater", True, "control_character"),
        ("Silky\u202ewater", False, "control_character"),
        ("Silky\u2066water", False, "control_character"),
        ("Silky\ud800water", True, "control_character"),
        ("Silky\nwater", False, "control_character"),
        ("!!! ???", False, "no_words"),
        ("\u200b\u200b", True, "no_words"),
    ],
)
def test_text_no_one_types_is_refused(text, multiline, code):
    with pytest.raises(ValidationError) as refused:
        TypedTextValidator(multiline=multiline)(text)

    assert refused.value.code == code
