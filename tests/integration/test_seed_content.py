"""The demo content: one published article, five reviewed condition pages, shared citations."""

import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from oscar.core.loading import get_model

from content import demo_content
from content.models import (
    Article,
    ArticleCitation,
    Citation,
    ConditionCitation,
    ConditionPage,
    ConditionProduct,
    Revision,
    Status,
)
from content.selectors import revisions_of
from store.storefront.demo_catalogue import PRODUCTS

Product = get_model("catalogue", "Product")

pytestmark = pytest.mark.django_db

CITATION_KEYS = ("thomas-2000", "shin-2020", "libako-2010")
CURE_CLAIM = re.compile(r"\bcur(e|es|ed|ing)\b", re.IGNORECASE)


def run(command: str) -> str:
    """Run the management command ``command`` and return what it printed."""
    out = StringIO()
    call_command(command, stdout=out)
    return out.getvalue()


@pytest.fixture
def seeded():
    """Seed the demo shop, then the demo content, and return what seed_content printed."""
    run("seed_shop")
    return run("seed_content")


def row_counts() -> dict[str, int]:
    """Return how many rows each content table holds, revisions included."""
    models = (
        Article,
        ArticleCitation,
        Citation,
        ConditionCitation,
        ConditionPage,
        ConditionProduct,
        Revision,
    )
    return {model.__name__: model.objects.count() for model in models}


def test_seed_publishes_one_live_article_with_its_three_citations(seeded):
    article = Article.objects.live().get()

    assert article.status == Status.PUBLISHED
    assert article.first_published_at is not None
    assert article.byline and article.seo_title and article.meta_description
    for tag in ("<p>", "<h2>", "<ul>"):
        assert tag in article.body
    assert list(article.citation_links.values_list("citation__key", flat=True)) == list(
        CITATION_KEYS
    )


def test_seed_publishes_five_reviewed_cited_condition_pages_linked_to_parent_products(seeded):
    article = Article.objects.get()
    pages = list(ConditionPage.objects.live())

    assert [page.title for page in pages] == [
        "Migraine headaches",
        "Neuropathic pain",
        "Fibromyalgia",
        "Period pain",
        "Surgery and post-operative pain",
    ]
    assert [page.position for page in pages] == [1, 2, 3, 4, 5]
    for page in pages:
        assert page.citation_links.exists()
        assert "demo" in page.reviewed_by.lower()
        assert page.reviewed_on is not None
        assert page.reviewed_on <= timezone.localdate()
        assert page.mechanism.strip()
        assert page.source_article == article
        links = list(page.product_links.select_related("product"))
        assert links
        for link in links:
            assert link.product.is_parent
            assert link.usage_note


def test_the_migraine_page_cites_thomas_and_shin(seeded):
    migraine = ConditionPage.objects.get(slug="migraine-headaches")

    assert list(migraine.citation_links.values_list("citation__key", flat=True)) == [
        "thomas-2000",
        "shin-2020",
    ]


def test_pages_link_products_of_the_demo_catalogue_by_upc(seeded):
    catalogue_upcs = {spec.upc for spec in PRODUCTS}

    linked = set(ConditionProduct.objects.values_list("product__upc", flat=True))

    assert linked <= catalogue_upcs
    flakes = {upc for upc in linked if upc.startswith("MW-FLAKES-")}
    oils = {upc for upc in linked if upc.startswith("MW-OIL-")}
    assert flakes and oils


def test_each_citation_key_exists_once_and_passes_validation(seeded):
    for key in CITATION_KEYS:
        assert Citation.objects.filter(key=key).count() == 1
        Citation.objects.get(key=key).full_clean()


def test_every_new_page_has_a_system_revision_for_its_creation_and_its_publication(seeded):
    pages = [Article.objects.get(), *ConditionPage.objects.all()]

    for page in pages:
        revisions = list(revisions_of(page))
        assert [revision.action for revision in revisions] == [
            Revision.Action.PUBLISHED,
            Revision.Action.CREATED,
        ]
        assert all(revision.user is None for revision in revisions)


def test_the_demo_text_makes_no_cure_claims():
    texts = [demo_content.ARTICLE.body, demo_content.ARTICLE.summary]
    for spec in demo_content.CONDITIONS:
        texts += [spec.body, spec.summary, spec.mechanism]
        texts += [use.usage_note for use in spec.products]

    for text in texts:
        assert not CURE_CLAIM.search(text)


def test_seed_prints_a_one_line_summary(seeded):
    assert seeded.count("\n") == 1
    assert "1 article, 5 condition pages, 3 citations" in seeded
    assert re.search(r"\(created [1-9]\d* rows\)$", seeded.strip())


def test_running_the_seed_again_changes_no_counts_and_no_revisions(seeded):
    counts = row_counts()

    output = run("seed_content")

    assert row_counts() == counts
    assert "(created 0 rows)" in output


def test_running_the_seed_again_keeps_what_editors_changed(seeded):
    ConditionPage.objects.filter(slug="fibromyalgia").update(title="Fibromyalgia and magnesium")
    Article.objects.update(status=Status.DRAFT)

    run("seed_content")

    assert ConditionPage.objects.get(slug="fibromyalgia").title == "Fibromyalgia and magnesium"
    assert Article.objects.get().status == Status.DRAFT


def test_the_seed_adds_a_page_that_was_deleted_and_leaves_the_others_alone(seeded):
    ConditionPage.objects.filter(slug="period-pain").delete()
    revisions = Revision.objects.count()

    run("seed_content")

    assert ConditionPage.objects.live().count() == 5
    assert ConditionPage.objects.get(slug="period-pain").position == 4
    assert Revision.objects.count() == revisions + 2


def test_a_citation_the_importer_made_first_is_kept_and_used():
    run("seed_shop")
    imported = Citation.objects.create(
        key="shin-2020", authors="Shin HJ, et al.", year=2020, title="Magnesium and Pain"
    )

    run("seed_content")

    assert Citation.objects.filter(key="shin-2020").get() == imported
    assert Citation.objects.get(key="shin-2020").authors == "Shin HJ, et al."
    neuropathic = ConditionPage.objects.get(slug="neuropathic-pain")
    assert list(neuropathic.citations.all()) == [imported]


def test_without_the_demo_shop_the_seed_says_to_run_seed_shop_and_writes_nothing():
    assert not Product.objects.exists()

    with pytest.raises(CommandError, match=r"Run `manage\.py seed_shop` first"):
        run("seed_content")

    assert set(row_counts().values()) == {0}
