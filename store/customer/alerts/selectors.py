"""Which size of a product a shopper may ask to hear about."""

from oscar.core.loading import get_class, get_model

Product = get_model("catalogue", "Product")
Selector = get_class("partner.strategy", "Selector")


def sold_out_size(parent, size_id: str | None):
    """Return the size of ``parent`` numbered ``size_id`` if it cannot be bought now, else None
    (no number, not a number, not one of its sizes, or one that is in stock)."""
    if not size_id or not size_id.isdigit():
        return None
    size = parent.children.filter(pk=int(size_id)).first()
    if size is None:
        return None
    purchase = Selector().strategy().fetch_for_product(size)
    return None if purchase.availability.is_available_to_buy else size
