from oscar.apps.catalogue import views
from oscar.core.loading import get_class

from catalogue.selectors import (
    browsable_products_in_order,
    product_page_products,
    recommended_products,
)

CustomerHistoryManager = get_class("customer.history", "CustomerHistoryManager")

RELATED_PRODUCTS_SHOWN = 6


class ProductDetailView(views.ProductDetailView):
    """Oscar's product page, costing the same queries however many sizes a product has.

    The product comes with its sizes, their stock and attributes, its images and attributes;
    the recommended and recently viewed products come with what their cards read.
    """

    def get_queryset(self):
        return product_page_products()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["recommended_products"] = recommended_products(
            self.object, limit=RELATED_PRODUCTS_SHOWN
        )
        context["recently_viewed_products"] = self.recently_viewed_products()
        return context

    def recently_viewed_products(self) -> list:
        """Return the products in the shopper's history cookie, latest first, but this one."""
        ids = CustomerHistoryManager.extract(self.request)
        latest = [pk for pk in reversed(ids) if isinstance(pk, int) and pk != self.object.pk]
        return browsable_products_in_order(latest[:RELATED_PRODUCTS_SHOWN])
