"""Back-in-stock tasks: one size after a restock, and every waited-for product hourly."""

from celery import shared_task

from store.celery import JOB_OPTIONS
from store.customer.alerts.services import back_in_stock_alerts_send, products_with_active_alerts


@shared_task(**JOB_OPTIONS)
def send_back_in_stock_alerts(product_id: int) -> None:
    """Email whoever waits for ``product_id`` if it is back; run twice, it emails once."""
    back_in_stock_alerts_send(product_id)


@shared_task(**JOB_OPTIONS)
def send_all_back_in_stock_alerts() -> int:
    """Check every product someone waits for (stock freed by a cancelled order, say)."""
    waited_for = products_with_active_alerts()
    for product_id in waited_for:
        back_in_stock_alerts_send(product_id)
    return len(waited_for)
