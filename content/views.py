"""The public side of the content app: articles, condition pages and the shop's own pages,
readable without script."""

from dataclasses import dataclass

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView

from content import selectors
from content.models import Article, ConditionPage, ShopPage
from content.structured_data import article_data, condition_page_data
from store.storefront.site import absolute_url

ARTICLES_PER_PAGE = 10


@dataclass(frozen=True)
class PageMeta:
    """What the <head> says about a page: title, description, canonical address, Open Graph."""

    title: str
    description: str
    url: str
    type: str = "website"
    heading: str = ""
    image: str = ""
    image_alt: str = ""


class ArticleListView(ListView):
    """List the live articles, newest first, ten to a page."""

    template_name = "content/article_list.html"
    context_object_name = "articles"
    paginate_by = ARTICLES_PER_PAGE

    def get_queryset(self):
        return selectors.live_articles()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        number = context["page_obj"].number
        heading = _("Articles")
        title, path = heading, self.request.path
        if number > 1:
            title = _("Articles, page %(number)s") % {"number": number}
            path = f"{path}?page={number}"
        context["meta"] = PageMeta(
            title=title,
            heading=heading,
            description=_("What published research says about magnesium, in plain words."),
            url=absolute_url(path),
        )
        return context


class ArticleDetailView(DetailView):
    """Show a live article with its references and the condition pages written from it."""

    template_name = "content/article_detail.html"
    context_object_name = "article"

    def get_object(self, queryset=None) -> Article:
        article = selectors.live_article(slug=self.kwargs["slug"])
        if article is None:
            raise Http404(_("No article here."))
        return article

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        context["meta"] = PageMeta(
            title=article.page_title,
            heading=article.title,
            description=article.page_description,
            url=absolute_url(article.get_absolute_url()),
            type="article",
            image=absolute_url(article.hero_image.url) if article.hero_image else "",
            image_alt=article.hero_image_alt,
        )
        context["structured_data"] = article_data(
            article,
            absolute=absolute_url,
            citations=[link.citation for link in article.ordered_citation_links],
        )
        return context


class ConditionPageListView(ListView):
    """List the live condition pages in the editors' order."""

    template_name = "content/condition_list.html"
    context_object_name = "condition_pages"

    def get_queryset(self):
        return selectors.live_condition_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        heading = _("Magnesium research by condition")
        context["meta"] = PageMeta(
            title=heading,
            heading=heading,
            description=_(
                "Summaries of the published research on magnesium, condition by condition, "
                "with their sources."
            ),
            url=absolute_url(self.request.path),
        )
        return context


class ConditionPageDetailView(DetailView):
    """Show a live condition page: the evidence, its sources and the products that fit."""

    template_name = "content/condition_detail.html"
    context_object_name = "page"

    def get_object(self, queryset=None) -> ConditionPage:
        page = selectors.live_condition_page(slug=self.kwargs["slug"])
        if page is None:
            raise Http404(_("No condition page here."))
        return page

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = self.object
        context["meta"] = PageMeta(
            title=page.page_title,
            heading=page.title,
            description=page.page_description,
            url=absolute_url(page.get_absolute_url()),
            type="article",
        )
        context["structured_data"] = condition_page_data(
            page,
            absolute=absolute_url,
            citations=[link.citation for link in page.ordered_citation_links],
        )
        return context


class ShopPageDetailView(DetailView):
    """Show a live shop page: the editors' text and the facts beside it (``content.shop_pages``)."""

    template_name = "content/shop_page.html"
    context_object_name = "page"

    def get_object(self, queryset=None) -> ShopPage:
        page = selectors.live_shop_page(slug=self.kwargs["slug"])
        if page is None:
            raise Http404(_("No page here."))
        return page

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = self.object
        context["meta"] = PageMeta(
            title=page.page_title,
            heading=page.title,
            description=page.page_description,
            url=absolute_url(page.get_absolute_url()),
        )
        return context
