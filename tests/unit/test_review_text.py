"""What a review's text may hold, and which of its phrases make a health claim."""

import pytest
from django.core.exceptions import ValidationError

from content.compliance import check_text
from store.reviews.forms import TypedTextValidator


@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        (
            "Cured my migraine, better than my medicine",
            ["Cured my migraine", "better than my medicine"],
        ),
        ("It HEALS sore skin and treats my eczema", ["HEALS sore skin and treats my eczema"]),
        ("Period pain relief in ten minutes", ["Period pain relief"]),
        (
            "\uff23\uff55\uff52\uff45\uff44 my headaches",
            ["\uff23\uff55\uff52\uff45\uff44 my headaches"],
        ),
        ("cu\u200bred my insomnia", ["cu\u200bred my insomnia"]),
        ("Smells of the sea and leaves my skin soft", []),
        ("Securely packed, procured quickly, a healthy amount", []),
    ],
)
def test_a_review_is_read_for_health_claims_as_a_reader_sees_it(text, phrases):
    findings = check_text(text, market="uk", setting="review")

    assert [finding.phrase for finding in findings] == phrases


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
