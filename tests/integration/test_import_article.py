"""manage.py import_article: the seed article in as drafts, again without duplicates, safely."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from content import selectors, services
from content.models import Article, Citation, ConditionPage, Revision, Status
from tests.content_factories import CitationFactory

pytestmark = pytest.mark.django_db

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seed" / "000_3b8c502e2795d89f.txt"
HTML_EXPORT = Path(__file__).resolve().parents[1] / "fixtures" / "article_export.html"
TITLE = "Magnesium Has a Neuroprotective Effect"


def import_article(path: Path) -> str:
    """Run the command on ``path`` and return what it printed."""
    out = StringIO()
    call_command("import_article", str(path), stdout=out)
    return out.getvalue()


def row_counts() -> tuple[int, int, int, int]:
    return (
        Article.objects.count(),
        ConditionPage.objects.count(),
        Citation.objects.count(),
        Revision.objects.count(),
    )


def cited_keys(page) -> list[str]:
    return [link.citation.key for link in page.citation_links.select_related("citation")]


def test_the_seed_becomes_one_draft_article_five_draft_condition_pages_and_three_citations():
    output = import_article(SEED)

    assert output.splitlines()[0] == (
        f"Imported {TITLE}: 1 article, 5 condition pages, 3 citations "
        "(created 9, updated 0, skipped 0)"
    )
    article = Article.objects.get()
    assert (article.title, article.slug, article.status) == (
        TITLE,
        "magnesium-has-a-neuroprotective-effect",
        Status.DRAFT,
    )
    assert "<h2>Summary: analgesic (pain relief) effects of magnesium</h2>" in article.body
    assert article.body.count("<li>") == 4
    assert "javascript" not in article.body.lower()
    pages = list(ConditionPage.objects.order_by("position"))
    assert [(page.position, page.title) for page in pages] == [
        (1, "Migraine Headaches"),
        (2, "Neuropathic Pain"),
        (3, "Fibromyalgia"),
        (4, "Period Pain"),
        (5, "Surgery and Post-Operative Pain"),
    ]
    for page in pages:
        assert page.status == Status.DRAFT
        assert page.source_article == article
        assert page.body.startswith("<p>") and page.summary
        assert [r.action for r in selectors.revisions_of(page)] == [Revision.Action.IMPORTED]
    assert [r.action for r in selectors.revisions_of(article)] == [Revision.Action.IMPORTED]


def test_citations_are_rows_linked_to_the_pages_whose_text_cites_them():
    import_article(SEED)

    assert set(Citation.objects.values_list("key", flat=True)) == {
        "thomas-2000",
        "shin-2020",
        "libako-2010",
    }
    thomas = Citation.objects.get(key="thomas-2000")
    assert (thomas.year, thomas.journal, thomas.pmid) == (2000, "Clinica Chimica Acta", "10767394")
    assert Citation.objects.get(key="shin-2020").doi == "10.3390/nu12082184"
    migraine = ConditionPage.objects.get(slug="migraine-headaches")
    assert cited_keys(migraine) == ["thomas-2000", "shin-2020"]
    assert cited_keys(ConditionPage.objects.get(slug="fibromyalgia")) == []
    assert cited_keys(ConditionPage.objects.get(slug="period-pain")) == ["libako-2010"]
    assert cited_keys(Article.objects.get()) == ["libako-2010"]
    assert "(Thomas et al., 2000)" in migraine.body


def test_the_article_and_its_pages_show_their_opening_sentences_once():
    import_article(SEED)

    article = Article.objects.get()
    assert article.summary.startswith("Excessive neurotransmitter release of glutamate")
    assert "Excessive neurotransmitter" not in article.body
    assert article.body.startswith("<p>Magnesium can come to the rescue.")
    migraine = ConditionPage.objects.get(slug="migraine-headaches")
    assert migraine.summary.endswith("electrical flashes around the visual periphery.")
    assert migraine.body.startswith("<p>Migraines can be accompanied by light sensitivity")
    assert "visual periphery" not in migraine.body


def test_each_condition_page_gets_only_the_mechanisms_that_fit_it():
    import_article(SEED)

    mechanisms = dict(ConditionPage.objects.values_list("slug", "mechanism"))
    for slug in ["migraine-headaches", "neuropathic-pain", "fibromyalgia"]:
        assert mechanisms[slug].startswith("<ul><li>As an antagonist and dampener of the N")
        assert mechanisms[slug].count("<li>") == 1
    assert mechanisms["surgery-and-post-operative-pain"] == mechanisms["neuropathic-pain"]
    period = mechanisms["period-pain"]
    assert period.count("<li>") == 2
    assert "<li>Relaxation of pressure via control" in period
    assert "<li>Anti-inflammatory effects:" in period and "(Libako, 2010)" in period
    assert not any("nitric oxide" in mechanism for mechanism in mechanisms.values())


def test_importing_again_updates_the_same_rows_and_brings_back_the_imported_text():
    import_article(SEED)
    page = ConditionPage.objects.get(slug="period-pain")
    page.body = "<p>An editor's rewrite.</p>"
    services.page_save(page=page, skip_permission_checks=True)
    articles, pages, citations, revisions = row_counts()

    output = import_article(SEED)

    assert "(created 0, updated 9, skipped 0)" in output
    assert row_counts() == (articles, pages, citations, revisions + 6)
    page.refresh_from_db()
    assert page.body.startswith("<p>Dysmenorrhea, or period pain, can be alleviated")
    assert selectors.revisions_of(page).first().action == Revision.Action.IMPORTED


def test_the_html_export_makes_the_same_rows_as_the_text_export():
    import_article(HTML_EXPORT)
    bodies = {page.slug: (page.body, page.mechanism) for page in ConditionPage.objects.all()}
    article_body = Article.objects.get().body

    output = import_article(SEED)

    assert "(created 0, updated 9, skipped 0)" in output
    assert {page.slug: (page.body, page.mechanism) for page in ConditionPage.objects.all()} == (
        bodies
    )
    assert Article.objects.get().body == article_body


def test_a_published_page_is_skipped_and_a_page_in_review_is_updated_in_review():
    import_article(SEED)
    migraine = ConditionPage.objects.get(slug="migraine-headaches")
    migraine.reviewed_by = "A. Reviewer, MPharm"
    migraine.reviewed_on = timezone.localdate()
    services.page_save(page=migraine, skip_permission_checks=True)
    services.page_publish(page=migraine, skip_permission_checks=True)
    published_body = migraine.body = "<p>The reviewed, published wording.</p>"
    services.page_save(page=migraine, skip_permission_checks=True)
    fibromyalgia = ConditionPage.objects.get(slug="fibromyalgia")
    services.page_submit_for_review(page=fibromyalgia, skip_permission_checks=True)
    migraine_revisions = selectors.revisions_of(migraine).count()

    output = import_article(SEED)

    assert "(created 0, updated 8, skipped 1)" in output
    assert "Skipped Migraine Headaches: it is published" in output
    migraine.refresh_from_db()
    assert (migraine.status, migraine.body) == (Status.PUBLISHED, published_body)
    assert selectors.revisions_of(migraine).count() == migraine_revisions
    fibromyalgia.refresh_from_db()
    assert fibromyalgia.status == Status.IN_REVIEW
    assert selectors.revisions_of(fibromyalgia).first().action == Revision.Action.IMPORTED


def test_an_editors_corrections_to_a_citation_are_kept():
    CitationFactory(key="libako-2010", authors="Libako P, Nowacki W", year=2010, title="Corrected")

    output = import_article(SEED)

    assert "(created 8, updated 1, skipped 0)" in output
    libako = Citation.objects.get(key="libako-2010")
    assert (libako.authors, libako.title) == ("Libako P, Nowacki W", "Corrected")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The file is empty"),
        (b"\xff\xfe\x00M\x00a\x00g", "not UTF-8 text"),
        (b"A Title\n\nBath salts and nothing else.\n", "No condition sections found"),
    ],
)
def test_bad_input_is_refused_with_a_reason_and_nothing_is_written(tmp_path, content, message):
    path = tmp_path / "export.txt"
    path.write_bytes(content)

    with pytest.raises(CommandError, match=message):
        import_article(path)

    assert row_counts() == (0, 0, 0, 0)


def test_a_missing_file_or_a_folder_is_refused(tmp_path):
    with pytest.raises(CommandError, match="No file at"):
        import_article(tmp_path / "missing.txt")
    with pytest.raises(CommandError, match="Cannot read"):
        import_article(tmp_path)

    assert row_counts() == (0, 0, 0, 0)


def test_a_failure_part_way_through_undoes_the_whole_import(tmp_path):
    path = tmp_path / "export.html"
    path.write_text(
        f"<h1>{'Very long title ' * 15}</h1><h2>Period Pain</h2><p>Cramps ease (Shin 2020).</p>",
        encoding="utf-8",
    )

    with pytest.raises(CommandError, match="at most 200 characters"):
        import_article(path)

    assert row_counts() == (0, 0, 0, 0)
