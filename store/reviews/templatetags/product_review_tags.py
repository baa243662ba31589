"""Template tags for showing a product's reviews at a fixed cost."""

from django import template

from store.reviews.selectors import ProductReviews, product_page_reviews

register = template.Library()


@register.simple_tag(takes_context=True)
def product_reviews(context, product) -> ProductReviews:
    """Return what the product page shows of ``product``'s reviews to the viewer.

    Usage: ``{% product_reviews product as reviews %}``.
    """
    return product_page_reviews(product=product, viewer=context["request"].user)
