import oscar.apps.customer.apps as apps
from django.db import transaction
from django.db.models.signals import post_save


class CustomerConfig(apps.CustomerConfig):
    name = "store.customer"

    def ready(self):
        """Oscar's set-up, and a check for waiting shoppers whenever a size's stock is saved."""
        super().ready()
        from oscar.core.loading import get_model

        post_save.connect(
            queue_back_in_stock_alerts,
            sender=get_model("partner", "StockRecord"),
            dispatch_uid="store.customer.back_in_stock",
        )


def queue_back_in_stock_alerts(sender, instance, raw: bool = False, **kwargs) -> None:
    """Once a stock record saved with units free is committed, email whoever waits for it."""
    if raw or (instance.net_stock_level or 0) <= 0:
        return
    from store.customer.tasks import send_back_in_stock_alerts

    product_id = instance.product_id

    def queue_alerts() -> None:
        send_back_in_stock_alerts.delay(product_id)

    transaction.on_commit(queue_alerts, robust=True)
