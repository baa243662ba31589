"""Read what checkout has been told so far, without writing to the session."""

from django.db.models import QuerySet
from django.http import HttpRequest
from oscar.apps.checkout.utils import CheckoutSessionData
from oscar.core.loading import get_model

from store.tax.selectors import TaxLocation
from store.tax.us_states import us_state_code

UserAddress = get_model("address", "UserAddress")


def delivery_location(request: HttpRequest) -> TaxLocation | None:
    """Return where the shopper's order goes, once checkout knows the delivery address.

    The session is only read: Oscar's ``CheckoutSessionData`` would create the checkout entry
    in it, and looking at a page must not write anything.
    """
    session = getattr(request, "session", None)
    if session is None:
        return None
    shipping = session.get(CheckoutSessionData.SESSION_KEY, {}).get("shipping", {})
    fields = shipping.get("new_address_fields")
    if fields:
        return location_of(fields.get("country_id", ""), fields.get("state", ""))
    address_id = shipping.get("user_address_id")
    if address_id and request.user.is_authenticated:
        address = (
            UserAddress.objects.filter(pk=address_id, user=request.user)
            .values("country_id", "state")
            .first()
        )
        if address:
            return location_of(address["country_id"], address["state"])
    return None


def location_of(country: str, state: str) -> TaxLocation:
    """Return the tax location of an address in ``country`` (ISO code) and ``state``."""
    region = us_state_code(state or "") if country == "US" else ""
    return TaxLocation(country=country, region=region, is_delivery_address=True)


def order_lines_to_show(order) -> QuerySet:
    """Return the lines of ``order`` with what the thank-you page shows of each loaded.

    Each line shows its size's picture (the parent's), links to the size and is described
    with its options, so an order of thirty lines costs the queries of an order of one.
    """
    return order.lines.select_related("product__parent").prefetch_related(
        "attributes", "product__images", "product__parent__images"
    )
