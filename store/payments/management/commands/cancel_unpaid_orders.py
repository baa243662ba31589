"""Cancel bank-transfer orders whose money has not arrived in time, releasing their stock."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from store.payments.housekeeping import unpaid_orders_cancel
from store.payments.selectors import unpaid_orders


class Command(BaseCommand):
    help = (
        "Cancel orders still awaiting a bank transfer more than SHOP_BANK_TRANSFER_DAYS days "
        "after they were placed, and release their stock. The worker's beat runs it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Cancel orders placed more than this many days ago (default: the setting).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="List the orders that would be cancelled, and change nothing.",
        )

    def handle(self, *args, days: int | None, dry_run: bool, **options):
        """Cancel each overdue order in its own transaction and say how many were cancelled."""
        days = settings.SHOP_BANK_TRANSFER_DAYS if days is None else days
        if days < 0:
            raise CommandError("--days must be 0 or more.")
        if dry_run:
            overdue = list(unpaid_orders(placed_before=timezone.now() - timedelta(days=days)))
            for order in overdue:
                self.stdout.write(
                    f"Would cancel order {order.number} placed {order.date_placed:%Y-%m-%d}"
                )
            self.stdout.write(f"Dry run: {len(overdue)} unpaid order(s) would be cancelled.")
            return
        cancelled = 0
        for order in unpaid_orders_cancel(days=days):
            cancelled += 1
            self.stdout.write(f"Cancelled order {order.number}")
        self.stdout.write(self.style.SUCCESS(f"Cancelled {cancelled} unpaid order(s)."))
