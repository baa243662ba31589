"""Read product reviews: only approved ones are ever shown to shoppers."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db.models import Exists, OuterRef, QuerySet, Value
from oscar.core.loading import get_model

Product = get_model("catalogue", "Product")
ProductReview = get_model("reviews", "ProductReview")
Vote = get_model("reviews", "Vote")

#: Reviews shown on the product page itself; the rest are on the product's review list.
REVIEWS_ON_PRODUCT_PAGE = 3


def approved_reviews(
    *, product_id: int, viewer: AbstractBaseUser | AnonymousUser
) -> QuerySet[ProductReview]:
    """Return the approved reviews of a public product, with what showing one reads.

    Each comes with its author and ``viewer_has_voted``, so a page shows any number of them,
    with their vote buttons, at the same cost.
    """
    return with_viewer_votes(
        ProductReview.objects.approved().filter(product_id=product_id, product__is_public=True),
        viewer=viewer,
    )


def with_viewer_votes(
    reviews: QuerySet[ProductReview], *, viewer: AbstractBaseUser | AnonymousUser
) -> QuerySet[ProductReview]:
    """Return ``reviews`` with their authors and ``viewer_has_voted``, read in the same query."""
    if viewer.is_authenticated:
        voted = Exists(Vote.objects.filter(review=OuterRef("pk"), user=viewer))
    else:
        voted = Value(False)
    return reviews.select_related("user").annotate(viewer_has_voted=voted)


def own_review(
    *, product: Product, viewer: AbstractBaseUser | AnonymousUser
) -> ProductReview | None:
    """Return the review ``viewer`` wrote of ``product``, whatever its status, or None."""
    if not viewer.is_authenticated:
        return None
    return ProductReview.objects.filter(product=product, user=viewer).first()


@dataclass(frozen=True)
class ProductReviews:
    """What a product page shows of a product's reviews, for one viewer."""

    shown: list[ProductReview]
    count: int
    own: ProductReview | None
    may_write: bool
    must_sign_in: bool


def product_page_reviews(
    *, product: Product, viewer: AbstractBaseUser | AnonymousUser
) -> ProductReviews:
    """Return the first approved reviews of ``product``, their number, and what ``viewer`` may do.

    ``may_write`` follows Oscar's ``Product.is_review_permitted`` (one review per shopper, guests
    only when OSCAR_ALLOW_ANON_REVIEWS), from the viewer's own review already read.
    """
    own = own_review(product=product, viewer=viewer)
    signed_in_or_allowed = viewer.is_authenticated or settings.OSCAR_ALLOW_ANON_REVIEWS
    return ProductReviews(
        shown=list(
            approved_reviews(product_id=product.pk, viewer=viewer)[:REVIEWS_ON_PRODUCT_PAGE]
        ),
        count=product.num_approved_reviews,
        own=own,
        may_write=signed_in_or_allowed and own is None,
        must_sign_in=not signed_in_or_allowed,
    )
