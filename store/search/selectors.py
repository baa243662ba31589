"""Read the products a shopper can browse, straight from the database.

Listings cost the same handful of queries whatever they show: every relation a product card
reads is fetched with ``select_related`` or ``prefetch_related``.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Exists, F, Min, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from oscar.core.loading import get_class, get_model

Option = get_model("catalogue", "Option")
Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
StockRecord = get_model("partner", "StockRecord")
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


def public_sizes() -> QuerySet:
    """Return public products with their stock records, the cheapest first.

    Used to prefetch a parent's sizes: the first size sets the price a product card shows.
    """
    return (
        Product.objects.public()
        .annotate(size_price=Min("stockrecords__price"))
        .order_by(F("size_price").asc(nulls_last=True), "pk")
        .prefetch_related("stockrecords")
    )


def lowest_price() -> Coalesce:
    """Return the cheapest price of a product's own stock, else of its public sizes.

    Two subqueries rather than one with an OR, so each can use its foreign-key index.
    """
    own = StockRecord.objects.filter(product=OuterRef("pk"), price__isnull=False)
    sizes = StockRecord.objects.filter(
        product__parent=OuterRef("pk"), product__is_public=True, price__isnull=False
    )
    return Coalesce(
        Subquery(own.order_by("price").values("price")[:1]),
        Subquery(sizes.order_by("price").values("price")[:1]),
    )


def with_purchase_info(products: QuerySet, *, sizes: QuerySet | None = None) -> QuerySet:
    """Fetch along with ``products`` what a product card reads: class, options, images, stock.

    ``sizes`` is the queryset a parent's public children are prefetched with.
    """
    return (
        products.select_related("product_class")
        .annotate(
            has_product_class_options=Exists(
                Option.objects.filter(productclass=OuterRef("product_class"))
            ),
            has_product_options=Exists(Option.objects.filter(product=OuterRef("pk"))),
        )
        .prefetch_related(
            "images",
            "stockrecords",
            Prefetch(
                "children",
                queryset=public_sizes() if sizes is None else sizes,
                to_attr="_prefetched_public_children",
            ),
        )
    )


def browsable_products() -> QuerySet:
    """Return public parent and standalone products with everything a product card reads."""
    return with_purchase_info(Product.objects.browsable()).annotate(lowest_price=lowest_price())


def browsable_products_in_order(ids: list[int]) -> list[Product]:
    """Return the browsable products with ``ids``, in the order of ``ids``."""
    found = browsable_products().in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


def recommended_products(product: Product, *, limit: int = 6) -> list[Product]:
    """Return up to ``limit`` browsable products recommended with ``product``, best first."""
    return list(
        browsable_products()
        .filter(productrecommendation__primary=product)
        .order_by("-productrecommendation__ranking", "pk")[:limit]
    )


def product_page_products() -> QuerySet:
    """Return all products with what a product page reads, sizes and attributes included."""
    return with_purchase_info(
        Product.objects.prefetch_attribute_values(),
        sizes=public_sizes().prefetch_attribute_values(),
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
