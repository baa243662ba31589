from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from store.storefront.selectors import featured_products, top_level_categories


class HomeView(TemplateView):
    """Show the shop's categories and a selection of its products."""

    template_name = "storefront/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["categories"] = top_level_categories()
        context["products"] = featured_products()
        context["summary"] = _("Magnesium bath flakes and oils")
        return context
