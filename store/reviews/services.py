"""Write product reviews: a shopper's new review, and staff's moderation of it."""

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from content.claims import current_claims
from content.compliance import Finding, check_text

Product = get_model("catalogue", "Product")
ProductReview = get_model("reviews", "ProductReview")

#: The statuses staff may give a review.
MODERATION_STATUSES = frozenset(code for code, _label in ProductReview.STATUS_CHOICES)


def review_claim_findings(review: ProductReview) -> list[Finding]:
    """Return what in ``review``'s title and text makes a health claim in the shop's market.

    A shopper's "this cured my migraine" beside the product speaks for the shop: the claims
    checker (``content.compliance``) reads reviews with the rules for testimonials.
    """
    text = f"{review.title}\n{review.body}"
    return check_text(text, market=current_claims().code, setting="review")


def review_initial_status(*, review: ProductReview) -> int:
    """Return the status a new review starts in.

    It waits for moderation when the shop moderates every review (OSCAR_MODERATE_REVIEWS) and,
    whatever that setting says, when its words make a health claim: a review shown beside the
    product speaks for the shop, and the shop's products are not medicines.
    """
    if settings.OSCAR_MODERATE_REVIEWS or review_claim_findings(review):
        return ProductReview.FOR_MODERATION
    return ProductReview.APPROVED


def review_create(
    *,
    product: Product,
    user: AbstractBaseUser | None,
    title: str,
    body: str,
    score: int,
    name: str = "",
    email: str = "",
) -> ProductReview:
    """Save a new review of ``product`` in the status it starts in, and return it.

    Raise ValidationError, having written nothing, when the review is not valid or ``user``
    has already reviewed the product (two submissions at once included).
    """
    review = ProductReview(
        product=product,
        user=user if user is not None and user.is_authenticated else None,
        title=title,
        body=body,
        score=score,
        name=name,
        email=email,
    )
    review.status = review_initial_status(review=review)
    review.full_clean(validate_unique=False)
    try:
        with transaction.atomic():
            review.save()
    except IntegrityError as error:
        raise ValidationError(
            _("You have already reviewed this product."), code="already_reviewed"
        ) from error
    return review


def review_moderate(*, review: ProductReview, status: int) -> ProductReview:
    """Give ``review`` the moderation ``status`` and recount its product's rating."""
    if status not in MODERATION_STATUSES:
        raise ValueError(f"{status!r} is not a review status")
    review.status = status
    review.save()  # Oscar's save recounts the product's rating from its approved reviews
    return review
