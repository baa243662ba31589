"""Find the products a shopper searches for or lists, in the order they asked for.

A listing is the catalogue's browsable products (``catalogue.selectors``), so it costs the
same handful of queries whatever it shows.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from oscar.core.loading import get_class, get_model

from catalogue.selectors import browsable_products

ProductCategory = get_model("catalogue", "ProductCategory")
SearchForm = get_class("search.forms", "SearchForm")

SEARCH_CONFIG = "english"


def product_search_vector() -> SearchVector:
    """Return the weighted full-text vector over a product's title and description.

    The migration ``catalogue.0033_product_search_index`` indexes this exact expression on
    PostgreSQL; change both together.
    """
    return SearchVector("title", weight="A", config=SEARCH_CONFIG) + SearchVector(
        "description", weight="B", config=SEARCH_CONFIG
    )


def product_listing(
    *, query: str = "", sort: str = SearchForm.RELEVANCY, categories: QuerySet | None = None
) -> QuerySet:
    """Return the browsable products matching ``query`` in ``categories``, in ``sort`` order."""
    products = browsable_products()
    if categories is not None:
        products = products.filter(
            Exists(ProductCategory.objects.filter(product=OuterRef("pk"), category__in=categories))
        )
    if query:
        products = _matching(products, query)
    return _ordered(products, sort=sort, ranked=bool(query))


def _matching(products: QuerySet, query: str) -> QuerySet:
    """Filter ``products`` by ``query``: full-text on PostgreSQL, word containment elsewhere."""
    if connection.vendor == "postgresql":
        search_query = SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG)
        return (
            products.alias(search_vector=product_search_vector())
            .filter(search_vector=search_query)
            .annotate(rank=SearchRank(F("search_vector"), search_query))
        )
    condition = Q()
    for word in query.split():
        condition &= Q(title__icontains=word) | Q(description__icontains=word)
    return products.filter(condition)


def _ordered(products: QuerySet, *, sort: str, ranked: bool) -> QuerySet:
    """Order ``products`` by ``sort``; relevancy means rank when searching, else priority."""
    orderings = {
        SearchForm.NEWEST: ["-date_created", "-pk"],
        SearchForm.PRICE_LOW_TO_HIGH: [F("lowest_price").asc(nulls_last=True), "title", "pk"],
        SearchForm.PRICE_HIGH_TO_LOW: [F("lowest_price").desc(nulls_last=True), "title", "pk"],
        SearchForm.TITLE_A_TO_Z: ["title", "pk"],
        SearchForm.TITLE_Z_TO_A: ["-title", "-pk"],
    }
    if sort in orderings:
        return products.order_by(*orderings[sort])
    if ranked and connection.vendor == "postgresql":
        return products.order_by("-rank", "title", "pk")
    return products.order_by("-priority", "title", "pk")
