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
from content.importer_units import sentence_case

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
    assert article.mechanisms_heading == "Summary: analgesic (pain relief) effects of magnesium"
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

    assert html.startswith("<p>Magnesium can come to the rescue.")
    assert "<h2>Summary: analgesic (pain relief) effects of magnesium</h2>" in html
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


def test_the_article_body_starts_after_the_opening_paragraph_it_shows_as_its_summary(article):
    html = render_html(article.body_blocks)

    assert article.summary == article.intro[0].text
    assert "Excessive neurotransmitter release" not in html
    assert html.startswith("<p>Magnesium can come to the rescue.")
    assert article.blocks[0] == article.intro[0]


def test_a_condition_page_body_starts_after_the_sentences_its_summary_shows(article):
    migraine, neuropathic, fibromyalgia, period, surgery = article.sections

    for section in (migraine, neuropathic, fibromyalgia, surgery):
        assert section.summary not in render_html(section.body_blocks)
    assert migraine.body_blocks[0].text.startswith("Migraines can be accompanied by light")
    assert fibromyalgia.body_blocks[0].text.startswith("It is postulated that fibromyalgia")
    assert surgery.body_blocks[0].text.startswith("However, there are better ways")
    assert len(surgery.body_blocks) == len(surgery.blocks) - 1
    # A page needs a body: a section that is all summary keeps it.
    assert period.body_blocks == period.blocks == (Paragraph(period.summary),)


def test_a_summary_cut_short_leaves_its_paragraph_whole_in_the_body():
    long_sentence = "Magnesium " + "and calcium " * 40 + "were measured."
    source = f"Notes\n\nPeriod Pain\n\n{long_sentence} Cramps eased.\n"

    (period,) = parse_article(source, filename="notes.txt").sections

    assert period.summary.endswith("…")
    assert period.body_blocks == (Paragraph(f"{long_sentence} Cramps eased."),)


@pytest.mark.parametrize(
    ("heading", "recased"),
    [
        (
            "SUMMARY: Analgesic (Pain Relief) Effects of Magnesium",
            "Summary: analgesic (pain relief) effects of magnesium",
        ),
        ("SUMMARY: How NMDA Receptors Work", "Summary: how NMDA receptors work"),
        ("MECHANISMS OF ACTION", "Mechanisms of action"),
        ("Mechanisms in Brief", "Mechanisms in brief"),
    ],
)
def test_a_heading_in_capitals_is_written_in_sentence_case_keeping_acronyms(heading, recased):
    assert sentence_case(heading) == recased


def test_each_condition_gets_only_the_mechanisms_that_fit_it_and_their_citations(article):
    nmda, relaxation, anti_inflammatory, nitric_oxide = article.mechanisms

    assert {section.slug: section.mechanisms for section in article.sections} == {
        "migraine-headaches": (nmda,),
        "neuropathic-pain": (nmda,),
        "fibromyalgia": (nmda,),
        "period-pain": (relaxation, anti_inflammatory),
        "surgery-and-post-operative-pain": (nmda,),
    }
    assert nitric_oxide.startswith("Magnesium activates the nitric oxide (NO) pathway")
    cited = {s.slug: cited_keys(s.blocks + s.mechanism_blocks) for s in article.sections}
    assert cited == {
        "migraine-headaches": ["thomas-2000", "shin-2020"],
        "neuropathic-pain": [],
        "fibromyalgia": [],
        "period-pain": ["libako-2010"],
        "surgery-and-post-operative-pain": [],
    }
    period = render_html(article.sections[3].mechanism_blocks)
    assert period.startswith("<ul><li>Relaxation of pressure") and period.count("<li>") == 2


def test_a_mechanism_that_names_a_condition_fits_it_and_one_that_fits_none_goes_nowhere():
    source = (
        "Magnesium Notes\n\nPeriod Pain\n\nCramps eased.\n\nFibromyalgia\n\nTired.\n\n"
        "SUMMARY: Mechanisms\n\n- Calms the womb muscle in period pain.\n"
        "- Widens blood vessels.\n"
    )

    period, fibromyalgia = parse_article(source, filename="notes.txt").sections

    assert period.mechanisms == ("Calms the womb muscle in period pain.",)
    assert (fibromyalgia.mechanisms, fibromyalgia.mechanism_blocks) == ((), ())


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
