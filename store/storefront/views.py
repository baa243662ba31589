from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView

from store.storefront.selectors import featured_products, hero_condition_pages, top_level_categories
from store.storefront.site_files import robots_txt, security_txt

PLAIN_TEXT = "text/plain; charset=utf-8"


class HomeView(TemplateView):
    """Show the shop's categories, its condition pages and a selection of its products."""

    template_name = "storefront/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["categories"] = top_level_categories()
        context["products"] = featured_products()
        context["condition_pages"] = hero_condition_pages()
        context["summary"] = _("Magnesium bath flakes and oils")
        return context


class RobotsTxtView(View):
    """Tell crawlers which sections to leave alone, and where the sitemap is."""

    def get(self, request: HttpRequest) -> HttpResponse:
        return HttpResponse(robots_txt(), content_type=PLAIN_TEXT)


class SecurityTxtView(View):
    """Tell whoever finds a security problem how to reach the shop (RFC 9116)."""

    def get(self, request: HttpRequest) -> HttpResponse:
        return HttpResponse(security_txt(now=timezone.now()), content_type=PLAIN_TEXT)
