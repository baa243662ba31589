"""Back-in-stock emails: everyone waiting for a size hears once, when it can be bought again."""

from django.db import transaction
from oscar.core.loading import get_class, get_model

AlertsDispatcher = get_class("customer.alerts.utils", "AlertsDispatcher")
Product = get_model("catalogue", "Product")
ProductAlert = get_model("customer", "ProductAlert")


def back_in_stock_alerts_send(product_id: int) -> None:
    """Email everyone with an active alert for ``product_id`` (a size, or its parent) if it can
    be bought now, and close their alerts.

    The product's row is locked first, so two runs for one product take turns and the second
    finds the alerts closed: each email is written to the outbox in the transaction that
    closes its alert, so it goes once. Oscar's dispatcher does the rest (availability per
    shopper, the "hurry" note, site notifications for signed-in shoppers).
    """
    with transaction.atomic():
        product = Product.objects.select_for_update().filter(pk=product_id).first()
        if product is not None:
            AlertsDispatcher().send_product_alert_email_for_user(product)


def products_with_active_alerts() -> list[int]:
    """Return the ids of the products someone is waiting for."""
    return list(
        ProductAlert.objects.filter(status=ProductAlert.ACTIVE)
        .values_list("product_id", flat=True)
        .distinct()
    )
