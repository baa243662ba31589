"""factory_boy factories for product reviews, and the set-up the review tests share."""

import factory
from django.urls import reverse
from oscar.core.loading import get_model

from tests.factories import ParentProductFactory, UserFactory

ProductReview = get_model("reviews", "ProductReview")


class ProductReviewFactory(factory.django.DjangoModelFactory):
    """A signed-in shopper's review, waiting for moderation unless ``approved`` or ``rejected``."""

    class Meta:
        model = ProductReview

    product = factory.SubFactory(ParentProductFactory)
    user = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Soft water, calm evening {n}")
    body = "I put two handfuls in a warm bath and my skin felt soft afterwards."
    score = 4
    status = ProductReview.FOR_MODERATION

    class Params:
        approved = factory.Trait(status=ProductReview.APPROVED)
        rejected = factory.Trait(status=ProductReview.REJECTED)


def review_form_url(product) -> str:
    """Return the address of the page where ``product`` is reviewed."""
    return reverse(
        "catalogue:reviews-add", kwargs={"product_slug": product.slug, "product_pk": product.pk}
    )
