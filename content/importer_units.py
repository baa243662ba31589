"""Split an exported article into clean units of text: the first steps of ``content.importer``.

A unit is one line of a plain-text export (the store writes one paragraph a line) or one
heading, paragraph or list item of an HTML export, as ``(kind, text)``. Cleaning writes quotes,
spaces and inline citations one way, drops the "requires javascript" notice, strips bullet
glyphs and numbers (marking the unit a list item), and leaves out every repeat.
``sentence_case`` re-cases a heading that shouts in capitals.
"""

import re
import unicodedata
from html.parser import HTMLParser

BOILERPLATE = re.compile(r"\brequires javascript\b|\benable javascript\b", re.IGNORECASE)
LIST_MARKER = re.compile(r"^(?:(?P<number>\d{1,2}[.)])|[•●▪◦‣∙·■*\u2013\u2014-])\s+(?=\S)")
CITATION = re.compile(
    r"\(\s*(?P<surname>[A-Z][\w'-]+)(?P<et_al>\s+et\s+al\b\.?)?\s*,?\s*(?P<year>(?:18|19|20)\d\d)\s*\)"
)
FINAL_PUNCTUATION = ".!?:;,…\"'"
QUOTES = str.maketrans("\u2018\u2019\u201a\u201b\u201c\u201d\u201e", "''''\"\"\"")
WORD = re.compile(r"[^\W\d_][\w'-]*")
INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))

# Units: (kind, text), kind being "heading", "line", or one of ITEMS for a list item.
Unit = tuple[str, str]
ITEMS = {"ordered", "unordered"}


def text_units(source: str) -> list[Unit]:
    """Return each non-blank line of a plain-text export as a unit."""
    return [("line", line) for line in source.splitlines() if line.strip()]


class _HTMLUnits(HTMLParser):
    """Collect the headings, paragraphs and list items of an HTML export, in order."""

    SKIPPED = {"head", "title", "script", "style", "noscript", "template", "figcaption"}
    HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
    BLOCKS = HEADINGS | {
        "p", "li", "ul", "ol", "div", "section", "article", "blockquote", "figure", "br",
        "header", "footer", "main", "body", "dd", "dt", "td", "th", "tr", "table", "hr",
    }  # fmt: skip
    VOID = {"br", "hr", "img", "meta", "link", "input", "source", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.units: list[Unit] = []
        self.open: list[str] = []
        self.buffer: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.BLOCKS:
            self._flush()
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        if tag in self.BLOCKS:
            self._flush()
        if tag in self.open:
            while self.open.pop() != tag:
                pass

    def handle_data(self, data):
        if not self.SKIPPED.intersection(self.open):
            self.buffer.append(data)

    def close(self):
        super().close()
        self._flush()

    def _flush(self) -> None:
        text = "".join(self.buffer)
        self.buffer = []
        if not text.strip():
            return
        lists = [tag for tag in self.open if tag in {"ol", "ul"}]
        if self.HEADINGS.intersection(self.open):
            kind = "heading"
        elif "li" in self.open:
            kind = "ordered" if lists and lists[-1] == "ol" else "unordered"
        else:
            kind = "line"
        self.units.append((kind, text))


def html_units(source: str) -> list[Unit]:
    """Return the headings, paragraphs and list items of an HTML export as units, in order."""
    parser = _HTMLUnits()
    parser.feed(source)
    parser.close()
    return parser.units


def _clean_text(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(QUOTES).translate(INVISIBLE)
    text = " ".join(text.split())
    return CITATION.sub(_citation_marker, text)


def clean_units(units: list[Unit]) -> list[Unit]:
    """Return the units with clean text, without boilerplate, bullet glyphs and numbers."""
    cleaned = []
    for kind, raw in units:
        text = _clean_text(raw)
        if not text or BOILERPLATE.search(text):
            continue
        marker = LIST_MARKER.match(text)
        if marker:
            text = text[marker.end() :]
            if kind == "line":
                kind = "ordered" if marker["number"] else "unordered"
        cleaned.append((kind, text))
    return cleaned


def unique_units(units: list[Unit]) -> list[Unit]:
    """Return the units without repeats, ignoring case, spacing and final punctuation."""
    seen = set()
    unique = []
    for kind, text in units:
        key = text.rstrip(FINAL_PUNCTUATION + " ").casefold()
        if key not in seen:
            seen.add(key)
            unique.append((kind, text))
    return unique


def sentence_case(text: str) -> str:
    """Return the heading ``text`` in sentence case: "SUMMARY: Pain" as "Summary: pain".

    A word in capitals is an acronym and stays so ("NMDA"), unless it shouts: the whole text, or
    the label before its colon, is in capitals.
    """
    label, colon, _ = text.partition(":")
    shouted_up_to = len(text) if text.isupper() else len(label) if colon and label.isupper() else 0

    def recase(word: re.Match) -> str:
        is_acronym = word.start() >= shouted_up_to and len(word[0]) > 1 and word[0].isupper()
        return word[0] if is_acronym else word[0].lower()

    recased = WORD.sub(recase, text)
    return re.sub(r"[^\W\d_]", lambda letter: letter[0].upper(), recased, count=1)


def _citation_marker(match: re.Match) -> str:
    et_al = " et al." if match["et_al"] else ""
    return f"({match['surname']}{et_al}, {match['year']})"
