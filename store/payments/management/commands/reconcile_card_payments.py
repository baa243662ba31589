"""Settle card payments whose Stripe page has closed but whose webhook never arrived."""

from django.core.management.base import BaseCommand

from store.payments.housekeeping import card_payments_reconcile


class Command(BaseCommand):
    help = (
        "Ask Stripe about card orders still awaiting payment after their payment page closed, "
        "and settle them as the webhook would have: paid orders move on, expired ones are "
        "cancelled and their stock released. A safety net for missed webhooks: the worker's "
        "beat runs it hourly."
    )

    def handle(self, *args, **options):
        """Settle each overdue payment on its own; one Stripe failure does not stop the rest."""
        settled = 0
        for outcome in card_payments_reconcile():
            if outcome.error:
                self.stderr.write(f"Order {outcome.order_number}: not checked ({outcome.error})")
            elif outcome.settled:
                settled += 1
                status = outcome.payment.get_status_display()
                self.stdout.write(f"Order {outcome.order_number}: {status}")
        self.stdout.write(self.style.SUCCESS(f"Settled {settled} card payment(s)."))
