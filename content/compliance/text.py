"""Text as a reader sees it, with every character traced back to where it came from.

The checker matches on a cleaned copy of the input: HTML tags dropped and entities decoded,
compatibility forms folded (full-width letters, ligatures), invisible format characters
(zero-width spaces) removed, curly quotes made straight. Each cleaned character remembers the
slice of the original input it came from, so a finding can point into the input as given.
"""

import html
import itertools
import re
import unicodedata
from dataclasses import dataclass

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})

#: Tags after which a new sentence starts even without a full stop (headings, list items).
_BLOCK_TAGS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt"),
        *("figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header"),
        *("hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "td", "th"),
        *("tr", "ul"),
    }
)
_MARKUP = re.compile(
    r"<!--.*?-->|<(script|style)\b.*?</\1\s*>|</?([A-Za-z][A-Za-z0-9]*)\b[^>]*>|<![^>]*>"
    r"|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?",
    re.DOTALL | re.IGNORECASE,
)

#: Short words after which a full stop does not end the sentence.
_ABBREVIATIONS = re.compile(
    r"(?:\bet al|\be\.g|\bi\.e|\bapprox|\bca|\bdr|\bmr|\bmrs|\bms|\bvs|\bfig)\.$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?]+[\"')\]]*(?=\s+[\"'\[]?[A-Z0-9\u2022])")
_LINE_BREAK = re.compile(r"\n\s*\n|\n(?=\s*[\"'\[]?[A-Z0-9\u2022*\-])|[\u2022\u00b7]")


@dataclass(frozen=True)
class Text:
    """The cleaned text, and for each of its characters the original slice it came from."""

    source: str
    clean: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Return the original slice behind the cleaned slice ``start:end``."""
        return self.starts[start], self.ends[end - 1]


def _clean_pieces(piece: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """Return the cleaned characters of ``piece``, each traced to ``start:end``."""
    readable = unicodedata.normalize("NFKC", piece.translate(_QUOTES))
    return [
        (character, start, end) for character in readable if unicodedata.category(character) != "Cf"
    ]


def _build(source: str, pieces: list[tuple[str, int, int]]) -> Text:
    """Assemble a :class:`Text` from its traced characters."""
    return Text(
        source=source,
        clean="".join(character for character, _, _ in pieces),
        starts=tuple(start for _, start, _ in pieces),
        ends=tuple(end for _, _, end in pieces),
    )


def plain_text(text: str) -> Text:
    """Return ``text`` as a reader sees it, traced character by character."""
    pieces: list[tuple[str, int, int]] = []
    for index, character in enumerate(text):
        pieces.extend(_clean_pieces(character, index, index + 1))
    return _build(text, pieces)


def html_text(markup: str) -> Text:
    """Return the words of ``markup``: tags, comments, scripts and attributes dropped.

    Entities are decoded and traced to the whole entity; a block-level tag (a paragraph, a
    heading, a list item, a line break) ends a sentence.
    """
    pieces: list[tuple[str, int, int]] = []
    position = 0
    for match in _MARKUP.finditer(markup):
        pieces.extend(_html_data(markup, position, match.start()))
        raw = match.group()
        if raw.startswith("&"):
            pieces.extend(_clean_pieces(html.unescape(raw), match.start(), match.end()))
        elif (match.group(2) or "").lower() in _BLOCK_TAGS:
            pieces.extend([("\n", match.start(), match.end())] * 2)
        position = match.end()
    pieces.extend(_html_data(markup, position, len(markup)))
    return _build(markup, pieces)


def _html_data(markup: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """Return the text between two tags; a line break there is only a space."""
    pieces = []
    for index in range(start, end):
        character = " " if markup[index] in "\r\n\t" else markup[index]
        pieces.extend(_clean_pieces(character, index, index + 1))
    return pieces


def sentences(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` of each sentence of ``text``, surrounding space trimmed.

    A sentence ends at a full stop, question or exclamation mark before a capital (not after
    "et al." or "e.g."), at a blank line, at a line break before a capital or a bullet, and
    at a bullet.
    """
    cuts = {0, len(text)}
    for match in _SENTENCE_END.finditer(text):
        if not _ABBREVIATIONS.search(text[max(0, match.start() - 8) : match.start() + 1]):
            cuts.add(match.end())
    for match in _LINE_BREAK.finditer(text):
        cuts.update((match.start(), match.end()))
    spans = []
    ordered = sorted(cuts)
    for start, end in itertools.pairwise(ordered):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans
