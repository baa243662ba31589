"""Settle card payments whose Stripe page has closed but whose webhook never arrived."""

from django.core.management.base import BaseCommand

from store.payments import gateway
from store.payments.selectors import card_payments_overdue
from store.payments.services import card_session_settle


class Command(BaseCommand):
    help = (
        "Ask Stripe about card orders still awaiting payment after their payment page closed, "
        "and settle them as the webhook would have: paid orders move on, expired ones are "
        "cancelled and their stock released. A safety net for missed webhooks: run it hourly."
    )

    def handle(self, *args, **options):
        """Settle each overdue payment on its own; one Stripe failure does not stop the rest."""
        settled = 0
        for payment in card_payments_overdue():
            try:
                session = gateway.checkout_session_retrieve(payment.session_id)
            except gateway.GatewayError as error:
                self.stderr.write(f"Order {payment.order.number}: not checked ({error.message})")
                continue
            payment = card_session_settle(session)
            if payment is not None and payment.status != payment.Status.OPEN:
                settled += 1
                self.stdout.write(f"Order {payment.order.number}: {payment.get_status_display()}")
        self.stdout.write(self.style.SUCCESS(f"Settled {settled} card payment(s)."))
