"""Saving and moderating reviews: the status a review starts in, one review per shopper."""

import pytest
from django.core.exceptions import ValidationError
from oscar.core.loading import get_model

from store.reviews.services import review_create, review_moderate
from tests.factories import UserFactory, sized_product
from tests.review_factories import ProductReviewFactory

pytestmark = pytest.mark.django_db

ProductReview = get_model("reviews", "ProductReview")

PLAIN = {"title": "Silky water", "body": "A warm bath with two handfuls.", "score": 5}
CLAIM = {"title": "Silky water", "body": "It treated my fibromyalgia.", "score": 5}


@pytest.mark.parametrize(
    ("moderate", "review", "status"),
    [
        (True, PLAIN, ProductReview.FOR_MODERATION),
        (True, CLAIM, ProductReview.FOR_MODERATION),
        (False, PLAIN, ProductReview.APPROVED),
        (False, CLAIM, ProductReview.FOR_MODERATION),
    ],
)
def test_a_new_review_waits_when_the_shop_moderates_or_it_makes_a_health_claim(
    settings, moderate, review, status
):
    settings.OSCAR_MODERATE_REVIEWS = moderate

    saved = review_create(product=sized_product(), user=UserFactory(), **review)

    assert ProductReview.objects.get(pk=saved.pk).status == status


def test_a_second_review_by_the_same_shopper_is_refused_and_not_saved():
    product, shopper = sized_product(), UserFactory()
    review_create(product=product, user=shopper, **PLAIN)

    with pytest.raises(ValidationError, match="already reviewed"):
        review_create(product=product, user=shopper, **PLAIN)

    assert ProductReview.objects.filter(product=product, user=shopper).count() == 1


def test_approving_and_rejecting_recount_the_products_rating():
    product = sized_product()
    five = ProductReviewFactory(product=product, score=5)
    ProductReviewFactory(product=product, score=2, approved=True)

    review_moderate(review=five, status=ProductReview.APPROVED)
    product.refresh_from_db()
    assert product.rating == 3.5

    review_moderate(review=five, status=ProductReview.REJECTED)
    product.refresh_from_db()
    assert product.rating == 2.0


def test_a_status_that_does_not_exist_is_refused():
    review = ProductReviewFactory()

    with pytest.raises(ValueError, match="not a review status"):
        review_moderate(review=review, status=7)

    review.refresh_from_db()
    assert review.status == ProductReview.FOR_MODERATION
