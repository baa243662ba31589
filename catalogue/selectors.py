"""Read the catalogue's products as a shopper sees them, straight from the database.

Each function costs the same handful of queries whatever it returns: every relation a product
card or product page reads is fetched with ``select_related`` or ``prefetch_related``.
"""

from django.db.models import Exists, F, Min, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce
from oscar.core.loading import get_model

Option = get_model("catalogue", "Option")
Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")


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
