"""The article parser: an export of a store blog post, as text or HTML, read into plain data."""

from pathlib import Path

import pytest

from content.importer import (
    ArticleParseError,
    ItemList,
    Paragraph,
    ParsedArticle,
    cited_keys,
    parse_article,
    render_html,
)

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seed" / "000_3b8c502e2795d89f.txt"
HTML_EXPORT = Path(__file__).resolve().parents[1] / "fixtures" / "article_export.html"

CONDITION_TITLES = [
    "Migraine Headaches",
    "Neuropathic Pain",
    "Fibromyalgia",
    "Period Pain",
    "Surgery and Post-Operative Pain",
]


@pytest.fixture(scope="module")
def article() -> ParsedArticle:
    return parse_article(SEED.read_text(encoding="utf-8"), filename=SEED.name)


def texts(article: ParsedArticle) -> list[str]:
    """Return every heading, paragraph and list item of ``article``, title first."""
    blocks = article.body_blocks + tuple(b for s in article.sections for b in s.blocks)
    found = [article.title, *(section.title for section in article.sections)]
    for block in blocks:
        found.extend(block.items if isinstance(block, ItemList) else [block.text])
    return found


def test_the_seed_gives_the_title_without_its_repeats(article):
    assert article.title == "Magnesium Has a Neuroprotective Effect"
    assert article.slug == "magnesium-has-a-neuroprotective-effect"
    assert not any(
        text.startswith("Magnesium Has a Neuroprotective") for text in texts(article)[1:]
    )


def test_the_seed_has_exactly_the_five_condition_sections_in_order(article):
    assert [section.title for section in article.sections] == CONDITION_TITLES
    assert [section.slug for section in article.sections] == [
        "migraine-headaches",
        "neuropathic-pain",
        "fibromyalgia",
        "period-pain",
        "surgery-and-post-operative-pain",
    ]
    assert [len(section.blocks) for section in article.sections] == [3, 2, 1, 1, 3]


def test_fibromyalgia_is_found_by_its_opening_words_though_it_has_no_heading(article):
    neuropathic, fibromyalgia = article.sections[1:3]

    assert fibromyalgia.blocks[0].text.startswith("Fibromyalgia is a common chronic pain syndrome")
    assert not any("Fibromyalgia" in block.text for block in neuropathic.blocks)


def test_the_javascript_notice_and_picture_captions_are_dropped(article):
    everything = " ".join(texts(article))

    assert "javascript" not in everything.lower()
    assert "Magnesium detox bath" not in everything
    assert "Magnesium spa bath" not in everything


def test_no_paragraph_or_heading_is_repeated(article):
    found = texts(article)

    assert len(found) == len(set(found))
    assert [block.text[:30] for block in article.intro] == [
        "Excessive neurotransmitter rel",
        "Magnesium can come to the resc",
        "In this way magnesium dampens ",
    ]


def test_bullet_glyphs_numbers_and_curly_quotes_are_gone(article):
    for text in texts(article):
        assert not text.startswith(("•", "●", "▪", "-", "1.", " "))
        assert not any(character in text for character in "•\u2018\u2019\u201c\u201d\u00a0")
        assert "  " not in text


def test_the_summary_of_mechanisms_is_a_numbered_list_of_four(article):
    assert article.mechanisms_heading == "SUMMARY: Analgesic (Pain Relief) Effects of Magnesium"
    assert article.mechanisms_lead == (
        Paragraph(
            "The primary mechanisms through which magnesium produces its analgesic effects are:"
        ),
    )
    assert len(article.mechanisms) == 4
    assert article.mechanisms[0].startswith("As an antagonist and dampener of the N-methyl")
    assert article.mechanisms[1].startswith("Relaxation of pressure via control of calcium:")
    assert article.mechanisms[3].startswith("Magnesium activates the nitric oxide (NO) pathway")
    html = render_html(article.mechanism_blocks)
    assert html.count("<li>") == 4 and "<ol>" in html and "<ul>" not in html


def test_the_article_body_holds_the_introduction_mechanisms_and_closing_but_no_condition(article):
    html = render_html(article.body_blocks)

    assert html.startswith("<p>Excessive neurotransmitter release")
    assert "<h2>SUMMARY: Analgesic (Pain Relief) Effects of Magnesium</h2>" in html
    assert "Transdermal magnesium can deliver more magnesium" in html
    assert html.endswith("without the negative side effects.</p>")
    assert "Dysmenorrhea" not in html


def test_the_three_citations_are_found_and_written_one_way(article):
    assert [source.key for source in article.citations] == [
        "thomas-2000",
        "shin-2020",
        "libako-2010",
    ]
    assert [(source.year, source.journal) for source in article.citations] == [
        (2000, "Clinica Chimica Acta"),
        (2020, "Nutrients"),
        (2010, "Magnesium Research"),
    ]
    migraine = article.sections[0]
    assert cited_keys(migraine.blocks) == ["thomas-2000", "shin-2020"]
    assert cited_keys(article.mechanism_blocks) == ["libako-2010"]
    migraine_text = " ".join(block.text for block in migraine.blocks)
    assert "rose (Thomas et al., 2000)." in migraine_text
    assert migraine_text.endswith('significantly." (Shin, 2020)')
    assert "(Libako, 2010)" in article.mechanisms[2]


def test_summaries_are_the_first_two_sentences_of_the_first_paragraph(article):
    assert article.summary == (
        "Excessive neurotransmitter release of glutamate and dopamine fuels excitation and "
        "hyperactivity. And, when too much dopamine becomes oxidised it generates "
        "hydroxydopamine \u2013 a neurotoxin."
    )
    assert article.sections[0].summary.endswith("around the visual periphery.")
    assert all(0 < len(section.summary) <= 400 for section in article.sections)


def test_an_html_export_of_the_same_article_parses_the_same_way(article):
    html_article = parse_article(HTML_EXPORT.read_text(encoding="utf-8"), filename="a.HTML")

    assert html_article == article


def test_an_unknown_citation_gets_a_placeholder_for_the_editor():
    source = "Magnesium Notes\n\nPeriod Pain\n\nCramps eased with magnesium (Smith et al 2015).\n"

    parsed = parse_article(source, filename="notes.txt")

    (cited,) = parsed.citations
    assert (cited.key, cited.authors, cited.year, cited.journal) == (
        "smith-2015",
        "Smith et al.",
        2015,
        "",
    )
    assert cited.title == "Cited in the source article as (Smith et al., 2015)"


def test_condition_headings_match_in_any_case_and_text_is_escaped_as_html():
    source = "Notes\n\nPERIOD PAIN\n\nHeat & magnesium < cramps.\n\nmigraine headaches\n\nRest.\n"

    parsed = parse_article(source, filename="notes.txt")

    assert [section.title for section in parsed.sections] == ["Period Pain", "Migraine Headaches"]
    assert render_html(parsed.sections[0].blocks) == "<p>Heat &amp; magnesium &lt; cramps.</p>"


BOILERPLATE_ONLY = "This store requires javascript to be enabled for some features to work.\n"
NO_CONDITION = "A Title\n\nA paragraph about bath salts, with no condition in it.\n"
NO_TITLE = (
    "This opening paragraph reads like prose, not like a title, so the parser refuses it.\n\n"
    "Period Pain\n\nText.\n"
)


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("", "empty"),
        ("  \n\n \t\n", "empty"),
        (BOILERPLATE_ONLY, "no article text"),
        (NO_CONDITION, "No condition sections"),
        (NO_TITLE, "title"),
    ],
)
def test_input_that_is_not_an_article_is_refused_with_a_reason(source, message):
    with pytest.raises(ArticleParseError, match=message):
        parse_article(source, filename="export.txt")
