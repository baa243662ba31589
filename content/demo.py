"""Set up the demo content: the article on magnesium and pain, its citations and condition pages,
and the first version of the shop's own pages (``content.shop_page_texts``).

Each row is found by a key that does not change (a citation key, a page slug or slot) and created
only when it is missing; a row that exists is left exactly as it is, so editors' changes (and
citations another tool, such as the article importer, made first) survive. New pages go through
``content.services`` as the system (no user, permission checks skipped): saved, then published,
with their revisions.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.db import transaction
from oscar.core.loading import get_model

from content import demo_content as demo
from content.models import (
    Article,
    ArticleCitation,
    Citation,
    ConditionCitation,
    ConditionPage,
    ConditionProduct,
    ShopPage,
)
from content.services import ProductLink, page_publish, page_save
from content.shop_page_texts import SHOP_PAGES, ShopPageSpec
from content.sources import Source

Product = get_model("catalogue", "Product")

#: The tables the seed adds rows to; how much they grow is what a run created.
SEEDED_MODELS = (
    Article,
    ArticleCitation,
    Citation,
    ConditionCitation,
    ConditionPage,
    ConditionProduct,
    ShopPage,
)


class DemoProductsMissing(Exception):
    """The condition pages need demo catalogue products that are not in the database."""

    def __init__(self, upcs: Iterable[str]):
        self.upcs = tuple(sorted(upcs))
        super().__init__(f"Demo products missing: {', '.join(self.upcs)}")


@dataclass(frozen=True)
class ContentSeedSummary:
    """What the demo content holds after a run, and how many rows the run added."""

    articles: int
    condition_pages: int
    citations: int
    shop_pages: int
    created: int


@transaction.atomic
def seed_content() -> ContentSeedSummary:
    """Create and publish whatever part of the demo content and shop pages is missing; leave the
    rest alone.

    Raise DemoProductsMissing, before writing anything, when a condition page still to be made
    links a product that ``manage.py seed_shop`` has not created.
    """
    slugs = [spec.slug for spec in demo.CONDITIONS]
    existing = set(ConditionPage.objects.filter(slug__in=slugs).values_list("slug", flat=True))
    to_create = [
        (position, spec)
        for position, spec in enumerate(demo.CONDITIONS, start=1)
        if spec.slug not in existing
    ]
    product_ids = demo_product_ids(
        upcs={use.product.upc for _, spec in to_create for use in spec.products}
    )
    rows_before = _count_rows()
    citations = {spec.key: ensure_citation(spec=spec) for spec in demo.CITATIONS}
    article = ensure_article(spec=demo.ARTICLE, citations=citations)
    for position, spec in to_create:
        create_condition_page(
            spec=spec,
            position=position,
            article=article,
            citations=citations,
            product_ids=product_ids,
        )
    for spec in SHOP_PAGES:
        ensure_shop_page(spec=spec)
    return ContentSeedSummary(
        articles=1,
        condition_pages=len(demo.CONDITIONS),
        citations=len(demo.CITATIONS),
        shop_pages=len(SHOP_PAGES),
        created=_count_rows() - rows_before,
    )


def _count_rows() -> int:
    """Return how many rows the tables the seed fills hold between them."""
    return sum(model.objects.count() for model in SEEDED_MODELS)


def demo_product_ids(*, upcs: Iterable[str]) -> dict[str, int]:
    """Return the id of each product with one of ``upcs``; raise DemoProductsMissing if any lack."""
    upcs = set(upcs)
    ids = dict(Product.objects.filter(upc__in=upcs).values_list("upc", "pk"))
    if missing := upcs - ids.keys():
        raise DemoProductsMissing(missing)
    return ids


def ensure_citation(*, spec: Source) -> Citation:
    """Return the citation with the key of ``spec``, adding it when missing."""
    citation, _ = Citation.objects.get_or_create(
        key=spec.key,
        defaults={
            "authors": spec.authors,
            "year": spec.year,
            "title": spec.title,
            "journal": spec.journal,
            "doi": spec.doi,
            "pmid": spec.pmid,
            "url": spec.url,
        },
    )
    return citation


def ensure_article(*, spec: demo.ArticleSpec, citations: Mapping[str, Citation]) -> Article:
    """Return the article with the slug of ``spec``; create and publish it when missing."""
    article = Article.objects.filter(slug=spec.slug).first()
    if article is not None:
        return article
    article = Article(
        title=spec.title,
        slug=spec.slug,
        summary=spec.summary,
        body=spec.body,
        byline=spec.byline,
        seo_title=spec.seo_title,
        meta_description=spec.meta_description,
    )
    page_save(
        page=article,
        skip_permission_checks=True,
        citations=[citations[key] for key in spec.citations],
    )
    return page_publish(page=article, skip_permission_checks=True)


def create_condition_page(
    *,
    spec: demo.ConditionSpec,
    position: int,
    article: Article,
    citations: Mapping[str, Citation],
    product_ids: Mapping[str, int],
) -> ConditionPage:
    """Create the condition page of ``spec`` with its citations and products, and publish it."""
    page = ConditionPage(
        title=spec.title,
        neutral_title=spec.neutral_title,
        slug=spec.slug,
        summary=spec.summary,
        body=spec.body,
        mechanism=spec.mechanism,
        seo_title=spec.seo_title,
        meta_description=spec.meta_description,
        reviewed_by=demo.DEMO_REVIEWER,
        reviewed_on=demo.DEMO_REVIEWED_ON,
        source_article=article,
        position=position,
    )
    page_save(
        page=page,
        skip_permission_checks=True,
        citations=[citations[key] for key in spec.citations],
        products=[
            ProductLink(product_id=product_ids[use.product.upc], usage_note=use.usage_note)
            for use in spec.products
        ],
    )
    return page_publish(page=page, skip_permission_checks=True)


def ensure_shop_page(*, spec: ShopPageSpec) -> ShopPage:
    """Return the shop page in the slot of ``spec``; create and publish it when there is none."""
    page = ShopPage.objects.filter(slug=spec.slot).first()
    if page is not None:
        return page
    page = ShopPage(
        title=spec.title,
        slug=spec.slot,
        summary=spec.summary,
        body=spec.body,
        meta_description=spec.meta_description,
    )
    page_save(page=page, skip_permission_checks=True)
    return page_publish(page=page, skip_permission_checks=True)
