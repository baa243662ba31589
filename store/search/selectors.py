"""Read the products a shopper can browse, straight from the database.

Listings cost the same handful of queries whatever they show: every relation a product card
reads is fetched with ``select_related`` or ``prefetch_related``.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, Min, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce
from oscar.core.loading import get_class, get_model

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")
SearchForm = get_class("search.forms", "SearchForm")

SEARCH_CONFIG = "english"


def product_search_vector() -> SearchVector:
    """Return the weighted full-text vector over a product's title and description."""
    return SearchVector("title", weight="A", config=SEARCH_CONFIG) + SearchVector(
        "description", weight="B", config=SEARCH_CONFIG
    )


def browsable_products() -> QuerySet:
    """Return public parent and standalone products with everything a product card reads."""
    public_children = Product.objects.public().prefetch_related(
        Prefetch("stockrecords", queryset=StockRecord.objects.select_related("partner"))
    )
    return (
        Product.objects.browsable()
        .base_queryset()
        .prefetch_public_children(queryset=public_children)
        .prefetch_related(
            Prefetch("stockrecords", queryset=StockRecord.objects.select_related("partner"))
        )
        .annotate(
            lowest_price=Coalesce(Min("stockrecords__price"), Min("children__stockrecords__price"))
        )
    )


def product_listing(
    *, query: str = "", sort: str = SearchForm.RELEVANCY, categories=None
) -> QuerySet:
    """Return the browsable products matching ``query`` in ``categories``, in ``sort`` order."""
    products = browsable_products()
    if categories is not None:
        products = products.filter(categories__in=categories).distinct()
    if query:
        products = _matching(products, query)
    return _ordered(products, sort=sort, ranked=bool(query))


def _matching(products: QuerySet, query: str) -> QuerySet:
    """Filter ``products`` by ``query``: full-text on PostgreSQL, word containment elsewhere."""
    if connection.vendor == "postgresql":
        search_query = SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG)
        return (
            products.annotate(search_vector=product_search_vector())
            .filter(search_vector=search_query)
            .annotate(rank=SearchRank(product_search_vector(), search_query))
        )
    condition = Q()
    for word in query.split():
        condition &= Q(title__icontains=word) | Q(description__icontains=word)
    return products.filter(condition)


def _ordered(products: QuerySet, *, sort: str, ranked: bool) -> QuerySet:
    """Order ``products`` by ``sort``; relevancy means rank when searching, else the newest."""
    orderings = {
        SearchForm.NEWEST: ["-date_created", "-pk"],
        SearchForm.PRICE_LOW_TO_HIGH: [F("lowest_price").asc(nulls_last=True), "title"],
        SearchForm.PRICE_HIGH_TO_LOW: [F("lowest_price").desc(nulls_last=True), "title"],
        SearchForm.TITLE_A_TO_Z: ["title", "pk"],
        SearchForm.TITLE_Z_TO_A: ["-title", "-pk"],
    }
    if sort in orderings:
        return products.order_by(*orderings[sort])
    if ranked and connection.vendor == "postgresql":
        return products.order_by("-rank", "title", "pk")
    return products.order_by("-priority", "title", "pk")
