from oscar.apps.catalogue import views
from oscar.core.loading import get_class

from catalogue.selectors import (
    browsable_products_in_orders,
    product_cards,
    product_page_products,
    recommended_product_ids,
)

CustomerHistoryManager = get_class("customer.history", "CustomerHistoryManager")

RELATED_PRODUCTS_SHOWN = 6


class ProductDetailView(views.ProductDetailView):
    """Oscar's product page, costing the same queries however many sizes a product has.

    The product comes with its sizes, their stock and attributes, its images and attributes;
    ``purchase`` is its card (price, availability, sizes). The recommended and recently viewed
    products are fetched together and given as their cards, made with the product's in one go.
    """

    def get_queryset(self):
        return product_page_products()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        recommended, viewed = browsable_products_in_orders(
            recommended_product_ids(self.object, limit=RELATED_PRODUCTS_SHOWN),
            self.recently_viewed_ids(),
        )
        purchase, *cards = product_cards([self.object, *recommended, *viewed], self.request)
        context["purchase"] = purchase
        context["recommended_products"] = cards[: len(recommended)]
        context["recently_viewed_products"] = cards[len(recommended) :]
        return context

    def recently_viewed_ids(self) -> list[int]:
        """Return the products in the shopper's history cookie, latest first, but this one."""
        ids = CustomerHistoryManager.extract(self.request)
        latest = [pk for pk in reversed(ids) if isinstance(pk, int) and pk != self.object.pk]
        return latest[:RELATED_PRODUCTS_SHOWN]
