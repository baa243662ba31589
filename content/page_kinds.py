"""The kinds of content the site publishes (see ``content.kinds``): articles, condition pages
and the shop's own pages (``content.shop_pages``).

The content app registers them when it is ready (``ContentConfig.ready``).
"""

from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from content.dashboard.forms import ArticleForm, ConditionPageForm, ShopPageForm
from content.kinds import ContentKind, register
from content.models import Article, ArticleCitation, ConditionCitation, ConditionPage, ShopPage
from content.selectors import (
    mark_live_source_article,
    with_article_details,
    with_condition_page_details,
    with_shop_page_facts,
)


def condition_page_problems(page: ConditionPage) -> list[str]:
    """Return what a condition page needs besides the body: a source, a reviewer, a date."""
    problems = []
    if not page.citation_links.exists():
        problems.append(_("Add at least one citation: health claims need a source."))
    if not page.reviewed_by.strip():
        problems.append(_("Name the reviewer who checked the page against its sources."))
    if page.reviewed_on is None:
        problems.append(_("Give the date the page was reviewed."))
    elif page.reviewed_on > timezone.localdate():
        problems.append(_("The review date cannot be in the future."))
    return problems


def article_as_public(article: Article, *, at: datetime) -> Article:
    """Return ``article`` loaded as its public page loads it (``with_article_details``)."""
    return with_article_details(type(article).objects.all(), at=at).get(pk=article.pk)


def condition_page_as_public(page: ConditionPage, *, at: datetime) -> ConditionPage:
    """Return ``page`` loaded as its public page loads it, its live source article marked."""
    loaded = with_condition_page_details(type(page).objects.all()).get(pk=page.pk)
    return mark_live_source_article(loaded, at=at)


def shop_page_as_public(page: ShopPage, *, at: datetime) -> ShopPage:
    """Return ``page`` loaded as its public page loads it, with the facts it shows."""
    return with_shop_page_facts(type(page).objects.get(pk=page.pk))


def written_by(user) -> dict:
    """Start a new article with its writer as the author."""
    return {"author": user}


ARTICLE = ContentKind(
    slug="article",
    path="articles",
    model=Article,
    form_class=ArticleForm,
    public_template="content/article_detail.html",
    public_name="article",
    citation_link=ArticleCitation,
    citation_owner="article",
    load_public=article_as_public,
    initial_values=written_by,
)

CONDITION_PAGE = ContentKind(
    slug="condition",
    path="conditions",
    model=ConditionPage,
    form_class=ConditionPageForm,
    public_template="content/condition_detail.html",
    public_name="page",
    citation_link=ConditionCitation,
    citation_owner="page",
    links_products=True,
    extra_publish_problems=condition_page_problems,
    load_public=condition_page_as_public,
    text_fields=("title", "neutral_title", "summary", "seo_title", "meta_description"),
    html_fields=("body", "mechanism"),
)

SHOP_PAGE = ContentKind(
    slug="shop-page",
    path="shop-pages",
    model=ShopPage,
    form_class=ShopPageForm,
    public_template="content/shop_page.html",
    public_name="page",
    load_public=shop_page_as_public,
)


def register_page_kinds() -> None:
    """Register articles, condition pages and shop pages, in the order the dashboard lists them."""
    register(ARTICLE)
    register(CONDITION_PAGE)
    register(SHOP_PAGE)
