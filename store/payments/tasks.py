"""The payments' periodic tasks, started by beat (``CELERY_BEAT_SCHEDULE``)."""

import logging

from celery import shared_task
from django.conf import settings

from store.celery import JOB_OPTIONS
from store.payments.housekeeping import card_payments_reconcile, unpaid_orders_cancel

logger = logging.getLogger("store.payments")


@shared_task(**JOB_OPTIONS)
def reconcile_card_payments() -> int:
    """Settle the card payments whose webhook never came; return how many were settled."""
    settled = 0
    for outcome in card_payments_reconcile():
        if outcome.error:
            logger.warning("Order %s: not reconciled (%s)", outcome.order_number, outcome.error)
        settled += outcome.settled
    return settled


@shared_task(**JOB_OPTIONS)
def cancel_unpaid_orders() -> int:
    """Cancel bank-transfer orders unpaid for ``SHOP_BANK_TRANSFER_DAYS``; return how many."""
    cancelled = list(unpaid_orders_cancel(days=settings.SHOP_BANK_TRANSFER_DAYS))
    for order in cancelled:
        logger.info("Order %s: cancelled, no bank transfer received", order.number)
    return len(cancelled)
