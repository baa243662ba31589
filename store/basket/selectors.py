"""Read a basket's lines with all that pricing, offers, tax and the basket's pages ask of them."""

from django.db.models import QuerySet, Sum


def lines_to_price(lines: QuerySet) -> QuerySet:
    """Return ``lines`` in the order they were added, with what each line is priced by loaded.

    Pricing a line reads its product, the size's parent and the parent's product class (for
    the tax category), the product's stock records (the strategy picks the first) and its
    options; the basket and checkout show the size's picture, which is the parent's. Loading
    them here makes a basket of thirty lines cost the queries of a basket of one.
    """
    return (
        lines.select_related(
            "stockrecord", "product__product_class", "product__parent__product_class"
        )
        .prefetch_related(
            "attributes__option",
            "product__stockrecords",
            "product__images",
            "product__parent__images",
        )
        .order_by("pk")
    )


def quantities_by_stockrecord(lines: QuerySet) -> dict[int, int]:
    """Return how many items ``lines`` hold of each stock record, by the stock record's id."""
    totals = lines.values("stockrecord").annotate(total=Sum("quantity")).order_by()
    return {row["stockrecord"]: row["total"] for row in totals}
