"""Read what a shopper is promised beside the basket button: delivery charge and returns."""

from dataclasses import dataclass
from decimal import Decimal

from store.shipping.selectors import delivery_methods
from store.storefront.generation import remember

#: Days a shopper may cancel an order once it arrives, without giving a reason: the right the
#: Consumer Contracts Regulations 2013 give, which the returns page explains.
CANCELLATION_DAYS = 14


@dataclass(frozen=True)
class PurchaseTerms:
    """The cheapest delivery charge (zero when free), the order total from which it is free
    (None when it never is), and the days a shopper has to cancel."""

    delivery_charge: Decimal
    free_from: Decimal | None
    cancellation_days: int


def purchase_terms() -> PurchaseTerms:
    """Return the terms of the cheapest delivery method checkout offers, kept per generation."""
    return remember("purchase-terms", read_purchase_terms)


def read_purchase_terms() -> PurchaseTerms:
    """Return the terms of the cheapest delivery method checkout offers, in one query.

    An order of one item pays the method's charge per order and per item. With no method set
    up, checkout delivers free (see store.shipping.repository), and so do these terms.
    """
    cheapest = delivery_methods().prefetch_related(None).first()
    if cheapest is None:
        return PurchaseTerms(Decimal("0.00"), None, CANCELLATION_DAYS)
    return PurchaseTerms(
        delivery_charge=cheapest.price_per_order + cheapest.price_per_item,
        free_from=cheapest.free_shipping_threshold,
        cancellation_days=CANCELLATION_DAYS,
    )
