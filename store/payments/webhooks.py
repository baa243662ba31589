"""Stripe's webhook: verify each event, keep it once by its id, and act on it.

Webhook events are stored by their unique id before they are acted on, so a repeated event is
answered and ignored.
"""

import logging

from django.db import IntegrityError, transaction
from django.utils import timezone

from store.payments import gateway
from store.payments.models import CardPayment, StripeEvent
from store.payments.refunds import card_refund_record
from store.payments.services import card_payment_fulfil, card_payment_release, card_session_settle

logger = logging.getLogger("store.payments")


def webhook_receive(payload: bytes, signature: str | None) -> StripeEvent | None:
    """Verify a webhook, keep its event once and act on it.

    Raise ``gateway.BadSignature`` before anything is written when the signature does not
    hold. Return None for an event already received (Stripe sends some twice, sometimes at
    the same moment): the unique event id decides which delivery acts.
    """
    event = gateway.webhook_event_verify(payload, signature)
    with transaction.atomic():
        try:
            with transaction.atomic():
                stored = StripeEvent.objects.create(
                    event_id=event.id, type=event.type, payload=event.payload
                )
        except IntegrityError:
            logger.info("Webhook event %s (%s) received again: ignored", event.id, event.type)
            return None
        _event_act(event)
        stored.processed_at = timezone.now()
        stored.save(update_fields=["processed_at"])
    return stored


def _event_act(event: gateway.WebhookEvent) -> None:
    """Do what ``event`` asks of the shop; events of other kinds are only kept."""
    if event.type.startswith("checkout.session."):
        session = gateway.session_from_object(event.object)
        if event.type == "checkout.session.completed":
            card_session_settle(session)
        elif event.type == "checkout.session.async_payment_succeeded":
            card_payment_fulfil(session)
        elif event.type == "checkout.session.async_payment_failed":
            card_payment_release(session, outcome=CardPayment.Status.FAILED)
        elif event.type == "checkout.session.expired":
            card_payment_release(session, outcome=CardPayment.Status.EXPIRED)
    elif event.type in ("refund.created", "refund.updated", "refund.failed"):
        card_refund_record(gateway.refund_from_object(event.object))
