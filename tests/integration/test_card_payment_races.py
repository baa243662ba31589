"""Card payments under concurrency, on PostgreSQL with real threads and real transactions.

Each thread has its own database connection, as concurrent requests do; a barrier starts them
together. Stripe is the local emulator, reached over real HTTP by the real library.
"""

import threading
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from oscar.core.loading import get_model

from store.payments.models import CardPayment, StripeEvent
from store.payments.selectors import card_link_token
from tests.card_payments import WEBHOOK_SECRET
from tests.factories import card_order
from tests.integration.test_stock_race import basket_with, make_size, place_order, postgres_only
from tests.stripe_emulator import signed_webhook

pytestmark = [postgres_only, pytest.mark.django_db(transaction=True)]

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
PaymentEvent = get_model("order", "PaymentEvent")

WEBHOOK = "/payments/stripe/webhook/"


def run_together(*actions):
    """Run each action in its own thread, started at the same moment; return their results."""
    barrier = threading.Barrier(len(actions))
    results = [None] * len(actions)

    def run(index, action):
        try:
            barrier.wait(timeout=30)
            results[index] = action()
        except Exception as error:  # a crash is a result the test reports
            results[index] = error
        finally:
            connection.close()

    threads = [
        threading.Thread(target=run, args=(index, action)) for index, action in enumerate(actions)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def post_webhook(payload, signature):
    response = Client().post(
        WEBHOOK, payload, content_type="application/json", HTTP_STRIPE_SIGNATURE=signature
    )
    return response.status_code


def completed_webhook(emulator, payment):
    """Pay ``payment``'s session at the emulator; return its signed completed event."""
    emulator.pay(payment.session_id)
    session = emulator.session(payment.session_id)
    return signed_webhook(emulator.event("checkout.session.completed", session), WEBHOOK_SECRET)


def assert_paid_once(payment):
    payment.refresh_from_db()
    assert payment.status == CardPayment.Status.PAID
    assert payment.order.status == "Being processed"
    assert PaymentEvent.objects.filter(event_type__name="Paid").count() == 1
    assert payment.order.sources.get().amount_debited == payment.amount
    assert len(mail.outbox) == 1


def test_the_same_webhook_delivered_twice_at_once_is_acted_on_once(card_payments):
    payment = card_order(size=make_size(num_in_stock=5))
    card_payments.pay(payment.session_id)
    event = card_payments.event(
        "checkout.session.completed", card_payments.session(payment.session_id)
    )
    payload, signature = signed_webhook(event, WEBHOOK_SECRET)

    results = run_together(
        lambda: post_webhook(payload, signature), lambda: post_webhook(payload, signature)
    )

    assert results == [200, 200]
    assert StripeEvent.objects.count() == 1
    assert_paid_once(payment)


def test_the_webhook_and_the_shoppers_return_arriving_together_settle_once(card_payments):
    payment = card_order(size=make_size(num_in_stock=5))
    card_payments.pay(payment.session_id)
    event = card_payments.event(
        "checkout.session.completed", card_payments.session(payment.session_id)
    )
    payload, signature = signed_webhook(event, WEBHOOK_SECRET)
    token = card_link_token(payment.order.number)

    results = run_together(
        lambda: post_webhook(payload, signature),
        lambda: Client().get(f"/checkout/card/{token}/paid/").status_code,
    )

    assert results == [200, 302]
    assert_paid_once(payment)


def test_twenty_card_shoppers_race_for_five_units_and_exactly_five_reach_stripe(card_payments):
    size = make_size(num_in_stock=5)
    stockrecord = size.stockrecords.get()
    baskets = [basket_with(size, 1) for _ in range(20)]

    results = run_together(
        *(
            lambda index=index, basket_id=basket_id: place_order(
                basket_id, f"racer{index}@example.com", method="card"
            )
            for index, basket_id in enumerate(baskets)
        )
    )

    assert not [result for result in results if isinstance(result, Exception)], results
    to_stripe = [response for response, _messages in results if response.status_code == 303]
    refused = [messages for response, messages in results if response.url == "/basket/"]
    assert len(to_stripe) == 5, results
    assert len(refused) == 15, results
    for messages in refused:
        assert messages == [
            "Sorry, Zechstein bath flakes (1 kg) sold out while you were checking out."
        ]
    stockrecord.refresh_from_db()
    assert stockrecord.num_allocated == 5
    assert Order.objects.count() == 5
    assert CardPayment.objects.count() == 5
    assert Basket.objects.filter(status=Basket.OPEN).count() == 15
    opened = card_payments.requests("/v1/checkout/sessions")
    created = [request for request in opened if request.path == "/v1/checkout/sessions"]
    assert len(created) == 20
    # The fifteen sessions whose orders could not be placed were closed at once.
    kept = {payment.session_id for payment in CardPayment.objects.all()}
    for response in to_stripe:
        assert urlsplit(response.url).path.rsplit("/", 1)[-1] in kept
    discarded = {
        request.path.split("/")[4] for request in opened if request.path.endswith("/expire")
    }
    assert len(discarded) == 15
    assert not discarded & kept
    assert not mail.outbox  # card orders are confirmed once paid


def test_two_simultaneous_clicks_on_place_order_open_one_session(card_payments):
    size = make_size(num_in_stock=5)
    basket_id = basket_with(size, 1)

    results = run_together(
        lambda: place_order(basket_id, "double@example.com", method="card"),
        lambda: place_order(basket_id, "double@example.com", method="card"),
    )

    payment = CardPayment.objects.get()
    assert sorted(response.url for response, _messages in results) == [payment.session_url] * 2
    assert len(card_payments.requests("/v1/checkout/sessions")) == 1
    assert size.stockrecords.get().num_allocated == 1
