"""A product's pages cost the same SQL queries however many reviews it has, for any viewer."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from oscar.core.loading import get_model

from tests.factories import UserFactory, sized_product
from tests.review_factories import ProductReviewFactory

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")
Vote = get_model("reviews", "Vote")


def reviewed_product(*, approved: int, viewer=None):
    """Make a product with ``approved`` approved reviews (each with a vote) and two waiting.

    When ``viewer`` is a shopper, they wrote one waiting review and voted on every other one.
    """
    product = sized_product(sizes=2)
    reviews = [ProductReviewFactory(product=product, approved=True) for _ in range(approved)]
    ProductReviewFactory(product=product, user=viewer or UserFactory())
    ProductReviewFactory(product=product)
    voter = viewer or UserFactory()
    for review in reviews:
        Vote.objects.create(review=review, user=voter, delta=Vote.UP)
    return product


def queries_on(url: str, client: Client) -> int:
    """Return the queries a second look at ``url`` costs."""
    cache.clear()
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def product_page(product) -> str:
    return product.get_absolute_url()


def review_list(product) -> str:
    return reverse(
        "catalogue:reviews-list", kwargs={"product_slug": product.slug, "product_pk": product.pk}
    )


@pytest.mark.parametrize("page", [product_page, review_list])
@pytest.mark.parametrize("viewer", ["guest", "shopper"])
def test_a_page_costs_the_same_queries_with_one_review_and_with_many(page, viewer):
    costs = []
    for approved in (1, 12):
        shopper = UserFactory() if viewer == "shopper" else None
        client = Client()
        if shopper:
            client.force_login(shopper)
        product = reviewed_product(approved=approved, viewer=shopper)
        costs.append(queries_on(page(product), client))

    assert costs[0] == costs[1], f"{costs[0]} queries with 1 review, {costs[1]} with 12"


def test_the_product_page_shows_three_approved_reviews_and_links_to_the_rest(client):
    product = reviewed_product(approved=5)

    page = client.get(product.get_absolute_url()).content.decode()

    assert page.count('<article class="review">') == 3
    assert "See all reviews" in page
    assert "5 customer reviews" in page
