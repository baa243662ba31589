"""Read an exported store article, plain text or HTML, into plain data: no database here.

``parse_article`` turns an export such as ``../shared/seed/000_3b8c502e2795d89f.txt`` into a
``ParsedArticle``; ``content.importing.article_import`` turns that into draft rows. The steps
(the first four in ``content.importer_units``):

1. Split the export into units: one per non-blank line of text (the store's plain-text export
   writes one paragraph a line), or one per heading, paragraph and list item of HTML.
2. Clean each unit: straight quotes for curly ones, ordinary spaces for no-break ones, whitespace
   collapsed, inline citations written one way, e.g. "(Thomas et al., 2000)" and "(Shin, 2020)".
3. Drop the "This store requires javascript…" notice and every repeat: a unit whose text, ignoring
   case, spacing and final punctuation, came earlier is left out, wherever it came.
4. Strip bullet glyphs (•, ●, ▪, -, ...) and "1." numbers: such units are list items, and
   consecutive items make one list, numbered when its first item was.
5. Tell headings from picture captions: a short line without final punctuation is a heading when
   it names a known condition or the summary, or is in Title Case and followed by a paragraph;
   otherwise it is a caption ("Magnesium detox bath") and is dropped.
6. Sort the units into the article's parts: the title (the first unit), the introduction, one
   section per condition in ``CONDITIONS`` (started by its heading in any case, or, when the
   heading is missing, by a paragraph that opens "Fibromyalgia is ..."), the summary of
   mechanisms (the list after the "SUMMARY: ..." heading, with the sentence leading into it), and
   the closing part. Another heading ends a condition section and goes to the article. The
   summary's heading is written in sentence case: "Summary: analgesic (pain relief) effects of
   magnesium", not in capitals.

Every page shows its summary (the first two sentences of its first paragraph) as its lead, so
its body starts after them: that paragraph loses those sentences, or goes when it has no more.
A page needs a body, so a section whose text is no more than its summary keeps all of it, and a
summary cut short with "…" leaves its paragraph whole.

The article's body shows the whole summary of mechanisms; a condition page's ``mechanism`` gets
only the items that fit the condition, as a list: an item fits when it names the condition, or
when an entry of ``MECHANISMS`` finds it by the item's own words and the condition's section uses
the words that entry lists for it (``CONDITIONS`` and ``MECHANISMS`` are tables in
``content.importer_topics``). An item no entry finds stays in the article only, and a condition
that no item fits gets an empty ``mechanism`` for the editor to write. A page whose text cites a
source, summary and mechanism included, lists that source; the inline citations stay as readable
text, so they stay right when an editor reorders a page's reference list.
"""

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.text import slugify

from content.importer_topics import CONDITIONS, Condition, mechanisms_fitting
from content.importer_units import (
    CITATION,
    FINAL_PUNCTUATION,
    ITEMS,
    Unit,
    clean_units,
    html_units,
    sentence_case,
    text_units,
    unique_units,
)
from content.sources import KNOWN_SOURCES, Source

SUMMARY_LIMIT = 400
SUMMARY_SENTENCES = 2
SHORT_LINE_WORDS = 12
SHORT_LINE_CHARS = 100

SUMMARY_HEADING = re.compile(r"^summary\b|\bmechanisms?\b|\banalgesic\b", re.IGNORECASE)
SENTENCE_END = re.compile(r"(?<=[.!?])([\"')]*)\s+(?=[A-Z\"(])")
SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to"}


class ArticleParseError(ValueError):
    """The export cannot be read as an article; the message says why."""


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Heading:
    text: str


@dataclass(frozen=True)
class ItemList:
    ordered: bool
    items: tuple[str, ...]


Block = Paragraph | Heading | ItemList


@dataclass(frozen=True)
class ConditionSection:
    """What the article says about one condition: the body of its condition page."""

    slug: str
    title: str
    blocks: tuple[Block, ...]
    mechanisms: tuple[str, ...]  # the items of the summary of mechanisms that fit it

    @property
    def summary(self) -> str:
        return summarise(self.blocks)

    @property
    def body_blocks(self) -> tuple[Block, ...]:
        """Return the page's body: its text after the summary it leads with."""
        return body_after_summary(self.blocks, self.summary)

    @property
    def mechanism_blocks(self) -> tuple[Block, ...]:
        """Return the items of the summary of mechanisms that fit this condition, as a list."""
        return (ItemList(ordered=False, items=self.mechanisms),) if self.mechanisms else ()


@dataclass(frozen=True)
class ParsedArticle:
    """An article read from an export: its parts in order, and the sources they cite."""

    title: str
    intro: tuple[Block, ...]
    sections: tuple[ConditionSection, ...]
    mechanisms_heading: str
    mechanisms_lead: tuple[Block, ...]
    mechanisms: tuple[str, ...]
    closing: tuple[Block, ...]
    citations: tuple[Source, ...]

    @property
    def slug(self) -> str:
        return slugify(self.title)

    @property
    def mechanism_blocks(self) -> tuple[Block, ...]:
        """Return the summary of mechanisms, the text leading into it and the numbered list."""
        if not self.mechanisms:
            return ()
        return (*self.mechanisms_lead, ItemList(ordered=True, items=self.mechanisms))

    @property
    def blocks(self) -> tuple[Block, ...]:
        """Return the article's own text: introduction, summary of mechanisms, closing part."""
        heading = (Heading(self.mechanisms_heading),) if self.mechanisms_heading else ()
        mechanisms = self.mechanism_blocks or self.mechanisms_lead
        return self.intro + heading + mechanisms + self.closing

    @property
    def summary(self) -> str:
        return summarise(self.intro + self.sections[0].blocks)

    @property
    def body_blocks(self) -> tuple[Block, ...]:
        """Return the article's body: its own text after the summary it leads with."""
        return body_after_summary(self.blocks, self.summary)


def parse_article(source: str, *, filename: str) -> ParsedArticle:
    """Return the article in ``source``, an HTML export when ``filename`` ends .html or .htm."""
    if not source.strip():
        raise ArticleParseError("The file is empty.")
    if "\x00" in source:
        raise ArticleParseError("The file is not a text or HTML export.")
    is_html = filename.lower().endswith((".html", ".htm"))
    units = html_units(source) if is_html else text_units(source)
    units = _classify(unique_units(clean_units(units)))
    if not units:
        raise ArticleParseError("The file holds no article text.")
    return _assemble(units)


def render_html(blocks: tuple[Block, ...]) -> str:
    """Return ``blocks`` as HTML: paragraphs, second-level headings and lists."""
    parts = []
    for block in blocks:
        if isinstance(block, Paragraph):
            parts.append(f"<p>{html.escape(block.text, quote=False)}</p>")
        elif isinstance(block, Heading):
            parts.append(f"<h2>{html.escape(block.text, quote=False)}</h2>")
        else:
            tag = "ol" if block.ordered else "ul"
            items = "".join(f"<li>{html.escape(item, quote=False)}</li>" for item in block.items)
            parts.append(f"<{tag}>{items}</{tag}>")
    return "\n".join(parts)


def cited_keys(blocks: tuple[Block, ...]) -> list[str]:
    """Return the keys of the sources ``blocks`` cite, in order of first mention."""
    return [source.key for source in _sources_in(_texts(blocks))]


def body_after_summary(blocks: tuple[Block, ...], summary: str) -> tuple[Block, ...]:
    """Return ``blocks`` without ``summary`` at the start of their first paragraph.

    The first paragraph loses the summary's sentences, or goes when it has no more. When the
    summary is all the text, return all of it: a page needs a body.
    """
    for index, block in enumerate(blocks):
        if isinstance(block, Paragraph):
            if not block.text.startswith(summary):
                return blocks
            rest = block.text[len(summary) :].strip()
            body = blocks[:index] + (Paragraph(rest),) * bool(rest) + blocks[index + 1 :]
            return body or blocks
    return blocks


def summarise(blocks: tuple[Block, ...]) -> str:
    """Return the first two sentences of the first paragraph of ``blocks``, short enough."""
    paragraphs = [block.text for block in blocks if isinstance(block, Paragraph)]
    text = next(iter(paragraphs or _texts(blocks)), "")
    sentence_ends = [match.end(1) for match in SENTENCE_END.finditer(text)]
    if len(sentence_ends) >= SUMMARY_SENTENCES:
        text = text[: sentence_ends[SUMMARY_SENTENCES - 1]]
    if len(text) <= SUMMARY_LIMIT:
        return text
    return text[: SUMMARY_LIMIT - 1].rsplit(" ", 1)[0] + "…"


def _is_short_line(kind: str, text: str) -> bool:
    return (
        kind == "line"
        and len(text) <= SHORT_LINE_CHARS
        and len(text.split()) <= SHORT_LINE_WORDS
        and not text.endswith(tuple(FINAL_PUNCTUATION))
    )


def _is_title_case(text: str) -> bool:
    words = [word.strip("()[]\"'") for word in text.split()]
    return all(
        word[:1].isupper() or not word[:1].isalpha() or word.lower() in SMALL_WORDS
        for word in words
    )


def _is_known_heading(text: str) -> bool:
    return bool(SUMMARY_HEADING.search(text)) or any(c.is_heading(text) for c in CONDITIONS)


def _classify(units: list[Unit]) -> list[Unit]:
    """Return the units with short lines marked as headings and picture captions dropped."""
    classified = []
    for index, (kind, text) in enumerate(units):
        if index == 0 and kind == "line" and len(text.split()) <= SHORT_LINE_WORDS:
            classified.append(("heading", text.rstrip(".")))  # the title
        elif not _is_short_line(kind, text):
            classified.append((kind, text))
        else:
            following = units[index + 1] if index + 1 < len(units) else ("line", "")
            if _is_known_heading(text) or (_is_title_case(text) and not _is_short_line(*following)):
                classified.append(("heading", text))
    return classified


def _condition_starting(kind: str, text: str, seen: dict) -> Condition | None:
    """Return the condition whose section ``text`` starts: by its heading, or by a lead-in."""
    for condition in CONDITIONS:
        if kind == "heading" and condition.is_heading(text):
            return condition
        if kind == "line" and condition not in seen and condition.is_lead_in(text):
            return condition
    return None


def _assemble(units: list[Unit]) -> ParsedArticle:
    """Sort the units into title, introduction, condition sections, mechanisms and closing."""
    (title_kind, title), *rest = units
    if title_kind != "heading" or not slugify(title):
        raise ArticleParseError("The file does not start with the article's title.")
    intro: list[Unit] = []
    sections: dict[Condition, list[Unit]] = {}
    mechanisms_heading = ""
    mechanisms_lead: list[Unit] = []
    mechanisms: list[Unit] = []
    closing: list[Unit] = []
    target = intro
    for kind, text in rest:
        condition = _condition_starting(kind, text, sections)
        if condition is not None:
            target = sections.setdefault(condition, [])
            if kind == "heading":
                continue
        elif kind == "heading" and SUMMARY_HEADING.search(text) and not mechanisms_heading:
            mechanisms_heading, target = sentence_case(text), mechanisms
            continue
        elif target is mechanisms and kind == "line" and not mechanisms:
            target = mechanisms_lead
        elif (target is mechanisms or target is mechanisms_lead) and kind in ITEMS:
            target = mechanisms
        elif target is not intro and (kind == "heading" or target is mechanisms):
            target = closing
        target.append((kind, text))
    items = tuple(text for _, text in mechanisms)
    found = tuple(
        ConditionSection(
            condition.slug,
            condition.title,
            _blocks(section),
            mechanisms_fitting(condition, " ".join(text for _, text in section), items),
        )
        for condition, section in sections.items()
        if section
    )
    if not found:
        names = ", ".join(condition.title for condition in CONDITIONS)
        raise ArticleParseError(f"No condition sections found; looked for: {names}.")
    return ParsedArticle(
        title=title,
        intro=_blocks(intro),
        sections=found,
        mechanisms_heading=mechanisms_heading,
        mechanisms_lead=_blocks(mechanisms_lead),
        mechanisms=items,
        closing=_blocks(closing),
        citations=tuple(_sources_in(text for _, text in units)),
    )


def _blocks(units: list[Unit]) -> tuple[Block, ...]:
    """Return the units as blocks, consecutive list items making one list."""
    blocks: list[Block] = []
    for kind, text in units:
        if kind not in ITEMS:
            blocks.append(Heading(text) if kind == "heading" else Paragraph(text))
        elif blocks and isinstance(blocks[-1], ItemList):
            blocks[-1] = ItemList(blocks[-1].ordered, (*blocks[-1].items, text))
        else:
            blocks.append(ItemList(kind == "ordered", (text,)))
    return tuple(blocks)


def _texts(blocks: tuple[Block, ...]) -> list[str]:
    texts = []
    for block in blocks:
        texts.extend(block.items if isinstance(block, ItemList) else [block.text])
    return texts


def _citation_key(match: re.Match) -> str:
    return f"{slugify(match['surname'])}-{match['year']}"


def _sources_in(texts: Iterable[str]) -> list[Source]:
    """Return the sources cited in ``texts``, in order of first mention, each once."""
    sources: dict[str, Source] = {}
    for text in texts:
        for match in CITATION.finditer(text):
            key = _citation_key(match)
            if key in sources:
                continue
            et_al = " et al." if match["et_al"] else ""
            sources[key] = KNOWN_SOURCES.get(key) or Source(
                key=key,
                authors=f"{match['surname']}{et_al}",
                year=int(match["year"]),
                title=f"Cited in the source article as {match[0]}",
            )
    return list(sources.values())
