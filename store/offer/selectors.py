"""Read what offers ask of a basket's products in one query per range, not one per line."""

from collections.abc import Iterable


def ranges_of(offers: Iterable) -> list:
    """Return the ranges the conditions and benefits of ``offers`` test products against, once each.

    A range that delegates to a proxy class decides for itself and is left out.
    """
    ranges = {}
    for offer in offers:
        for product_range in (offer.condition.range, offer.benefit.range):
            if product_range is not None and not product_range.proxy_class:
                ranges.setdefault(product_range.pk, product_range)
    return list(ranges.values())


def note_range_membership(*, ranges: Iterable, products: list) -> None:
    """Note on each of ``products`` whether each of ``ranges`` contains it, a query per range.

    ``Range.contains_product`` answers from the note (``product.range_membership``, by range
    id); a product without one is looked up as Oscar does.
    """
    for product_range in ranges:
        unknown = [p for p in products if product_range.pk not in range_membership(p)]
        if not unknown:
            continue
        contained = set(
            product_range.all_products()
            .filter(pk__in=[product.pk for product in unknown])
            .values_list("pk", flat=True)
        )
        for product in unknown:
            product.range_membership = {
                **range_membership(product),
                product_range.pk: product.pk in contained,
            }


def range_membership(product) -> dict[int, bool]:
    """Return what is noted of the ranges ``product`` is in: whether it is, by range id."""
    return getattr(product, "range_membership", {})
