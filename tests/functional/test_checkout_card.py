"""A shopper pays by card on Stripe's hosted page, reached by plain redirects (no JavaScript).

Stripe is the local emulator: the real library makes real HTTP requests to a loopback server
that serves Checkout Sessions and passes payments and refunds on to localstripe. Webhooks are
signed with the library's own signing code and posted to the shop's endpoint.
"""

from decimal import Decimal
from functools import partial
from urllib.parse import urlsplit

import pytest
from django.core import mail
from oscar.core.loading import get_model

from store.payments.models import CardPayment, StripeEvent
from tests.card_payments import WEBHOOK_SECRET
from tests.checkout_journey import add_to_basket, checkout_as_guest, checkout_shop
from tests.stripe_emulator import CardDeclined, signed_webhook

pytestmark = pytest.mark.django_db

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
PaymentEvent = get_model("order", "PaymentEvent")
Source = get_model("payment", "Source")

SESSIONS = "/v1/checkout/sessions"
WEBHOOK = "/payments/stripe/webhook/"


@pytest.fixture
def shop(settings, card_payments, django_capture_on_commit_callbacks):
    """Return the checkout shop, the Stripe emulator, and ``committed``.

    The test's transaction never commits: ``with shop["committed"]():`` around a request runs
    what it queued on commit (the confirmation email) when it ends, as its commit would.
    """
    return {
        **checkout_shop(settings),
        "stripe": card_payments,
        "committed": partial(django_capture_on_commit_callbacks, execute=True),
    }


def place_card_order(app, shop, quantity=1):
    """Check out as a guest paying by card, up to the redirect to Stripe; return the session id."""
    add_to_basket(app, shop, quantity=quantity)
    preview = checkout_as_guest(app, shop, method="card")
    assert "Next: pay on Stripe's page" in preview.text
    with shop["committed"]():
        response = preview.forms["place_order_form"].submit()
    assert response.status_code == 303
    session_id = urlsplit(response.location).path.rsplit("/", 1)[-1]
    assert response.location == shop["stripe"].session(session_id)["url"]
    return session_id


def return_from_stripe(app, shop, session_id):
    """Follow Stripe's success URL back to the shop, as the shopper's browser does."""
    success_url = shop["stripe"].session(session_id)["success_url"]
    with shop["committed"]():
        response = app.get(urlsplit(success_url).path)
    return response.follow()


def deliver(client, shop, event_type, obj):
    """Post a signed webhook event to the shop; return the response."""
    payload, signature = signed_webhook(shop["stripe"].event(event_type, obj), WEBHOOK_SECRET)
    with shop["committed"]():
        return client.post(
            WEBHOOK, payload, content_type="application/json", HTTP_STRIPE_SIGNATURE=signature
        )


def allocated(stock):
    """Return how many units of ``stock`` orders hold now."""
    stock.refresh_from_db()
    return stock.num_allocated or 0


def assert_paid_once(order):
    order.refresh_from_db()
    assert order.status == "Being processed"
    assert order.card_payment.status == CardPayment.Status.PAID
    assert PaymentEvent.objects.filter(order=order, event_type__name="Paid").count() == 1
    source = Source.objects.get(order=order)
    assert source.amount_debited == order.total_incl_tax
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["guest@example.com"]
    assert order.number in mail.outbox[0].body
    assert f"Paid by card: £{order.total_incl_tax}" in mail.outbox[0].body
    assert "Pay by bank transfer" not in mail.outbox[0].body


def test_without_keys_only_bank_transfer_is_offered(django_app, settings):
    shop = checkout_shop(settings)
    settings.STRIPE_SECRET_KEY = ""
    add_to_basket(django_app, shop)
    checkout_as_guest(django_app, shop)

    page = django_app.get("/checkout/payment-method/")

    assert [value for value, *_rest in page.forms["payment_method_form"]["method"].options] == [
        "bank-transfer"
    ]


def test_with_keys_card_is_offered_first(django_app, shop):
    add_to_basket(django_app, shop)
    checkout_as_guest(django_app, shop)

    page = django_app.get("/checkout/payment-method/")

    options = [value for value, *_rest in page.forms["payment_method_form"]["method"].options]
    assert options == ["card", "bank-transfer"]


def test_placing_a_card_order_holds_the_stock_and_sends_the_shopper_to_stripe(django_app, shop):
    session_id = place_card_order(django_app, shop, quantity=2)

    order = Order.objects.get()
    session = shop["stripe"].session(session_id)
    assert order.status == "Awaiting payment"
    assert session["amount_total"] == 2695
    assert session["currency"] == "gbp"
    assert session["client_reference_id"] == order.number
    assert session["customer_email"] == "guest@example.com"
    assert order.card_payment.session_id == session_id
    assert order.card_payment.status == CardPayment.Status.OPEN
    assert allocated(shop["stock"]) == 2
    assert order.basket.status == Basket.SUBMITTED
    assert not mail.outbox  # confirmed once paid
    [create] = shop["stripe"].requests(SESSIONS)
    assert create.idempotency_key.startswith(f"order-{order.number}-session-")


def test_shopper_pays_and_returns(django_app, shop):
    session_id = place_card_order(django_app, shop)
    shop["stripe"].pay(session_id)

    thank_you = return_from_stripe(django_app, shop, session_id)

    order = Order.objects.get()
    assert thank_you.request.path == "/checkout/thank-you/"
    assert order.number in thank_you.text
    assert "was paid by card" in thank_you.text
    assert_paid_once(order)


def test_return_before_the_webhook_then_the_webhook_changes_nothing(django_app, client, shop):
    stripe = shop["stripe"]
    session_id = place_card_order(django_app, shop)
    stripe.pay(session_id)

    return_from_stripe(django_app, shop, session_id)
    answer = deliver(client, shop, "checkout.session.completed", stripe.session(session_id))

    assert answer.status_code == 200
    assert_paid_once(Order.objects.get())
    assert StripeEvent.objects.count() == 1


def test_webhook_before_the_return_then_the_return_changes_nothing(django_app, client, shop):
    stripe = shop["stripe"]
    session_id = place_card_order(django_app, shop)
    stripe.pay(session_id)

    deliver(client, shop, "checkout.session.completed", stripe.session(session_id))
    thank_you = return_from_stripe(django_app, shop, session_id)

    assert "was paid by card" in thank_you.text
    assert_paid_once(Order.objects.get())


def test_webhook_only_a_shopper_who_never_comes_back_still_gets_the_order(django_app, client, shop):
    stripe = shop["stripe"]
    session_id = place_card_order(django_app, shop)
    stripe.pay(session_id)

    deliver(client, shop, "checkout.session.completed", stripe.session(session_id))

    order = Order.objects.get()
    assert_paid_once(order)
    assert allocated(shop["stock"]) == 1


def test_stripe_failing_once_is_retried_by_the_library_with_the_same_key(django_app, shop):
    shop["stripe"].fail_next(SESSIONS, status=500, times=1)

    session_id = place_card_order(django_app, shop)

    attempts = shop["stripe"].requests(SESSIONS)
    assert len(attempts) == 2
    assert attempts[0].idempotency_key == attempts[1].idempotency_key
    assert Order.objects.get().card_payment.session_id == session_id


@pytest.mark.parametrize("fault", ["500", "timeout"])
def test_stripe_down_keeps_the_basket_places_nothing_and_says_what_to_do(django_app, shop, fault):
    stripe = shop["stripe"]
    add_to_basket(django_app, shop, quantity=2)
    preview = checkout_as_guest(django_app, shop, method="card")
    if fault == "500":
        stripe.fail_next(SESSIONS, status=500, times=3)
    else:
        stripe.delay_next(SESSIONS, seconds=1.5, times=3)

    page = preview.forms["place_order_form"].submit()

    assert page.status_code == 200
    assert "Our card payment provider did not answer, so no order was placed" in page.text
    assert "choose bank transfer" in page.text
    assert not Order.objects.exists()
    assert not Source.objects.exists()
    assert not CardPayment.objects.exists()
    basket = Basket.objects.get()
    assert basket.status == Basket.OPEN
    assert basket.all_lines()[0].quantity == 2
    assert allocated(shop["stock"]) == 0
    assert len(stripe.requests(SESSIONS)) == 3  # the first try and the library's two retries

    stripe.reset_faults()
    again = page.forms["place_order_form"].submit()
    assert again.status_code == 303
    assert Order.objects.count() == 1


def test_a_double_click_on_place_order_opens_one_session_and_places_one_order(django_app, shop):
    add_to_basket(django_app, shop)
    preview = checkout_as_guest(django_app, shop, method="card")
    form = preview.forms["place_order_form"]

    first = form.submit()
    second = form.submit()

    assert Order.objects.count() == 1
    assert len(shop["stripe"].requests(SESSIONS)) == 1
    assert second.status_code == 302
    assert second.location == first.location
    assert allocated(shop["stock"]) == 1


def test_declined_card_then_the_session_expires_and_the_stock_comes_back(django_app, client, shop):
    stripe = shop["stripe"]
    session_id = place_card_order(django_app, shop, quantity=2)
    with pytest.raises(CardDeclined):
        stripe.pay(session_id, card="4000000000000002")
    order = Order.objects.get()
    assert order.status == "Awaiting payment"

    answer = deliver(client, shop, "checkout.session.expired", stripe.expire(session_id))

    assert answer.status_code == 200
    order.refresh_from_db()
    assert order.status == "Cancelled"
    assert order.card_payment.status == CardPayment.Status.EXPIRED
    assert allocated(shop["stock"]) == 0
    assert not PaymentEvent.objects.exists()
    assert not mail.outbox


def test_shopper_leaves_stripe_and_cancels_the_order_their_items_go_back_in_the_basket(
    django_app, shop
):
    stripe = shop["stripe"]
    session_id = place_card_order(django_app, shop, quantity=2)
    cancel_path = urlsplit(stripe.session(session_id)["cancel_url"]).path

    page = django_app.get(cancel_path)
    assert "Your card payment is not finished" in page.text
    basket_page = page.forms["card_cancel_form"].submit("action", value="cancel").follow()

    assert basket_page.request.path == "/basket/"
    order = Order.objects.get()
    assert f"Order {order.number} is cancelled" in basket_page.text
    assert order.status == "Cancelled"
    assert stripe.session(session_id)["status"] == "expired"
    assert allocated(shop["stock"]) == 0
    basket = Basket.objects.get(status=Basket.OPEN)
    assert basket.all_lines()[0].quantity == 2


def test_shopper_leaves_stripe_then_goes_back_to_pay(django_app, shop):
    stripe = shop["stripe"]
    session_id = place_card_order(django_app, shop)
    cancel_path = urlsplit(stripe.session(session_id)["cancel_url"]).path

    back = django_app.get(cancel_path).forms["card_pay_form"].submit("action", value="pay")

    assert back.location == stripe.session(session_id)["url"]


def test_cancelling_an_order_already_paid_keeps_it(django_app, shop):
    stripe = shop["stripe"]
    session_id = place_card_order(django_app, shop)
    cancel_path = urlsplit(stripe.session(session_id)["cancel_url"]).path
    page = django_app.get(cancel_path)
    stripe.pay(session_id)  # in another tab, a moment before

    with shop["committed"]():
        thank_you = page.forms["card_cancel_form"].submit("action", value="cancel").follow()

    assert "Your payment had already gone through" in thank_you.text
    assert_paid_once(Order.objects.get())


def test_a_payment_that_settles_later_holds_the_stock_until_it_arrives(django_app, client, shop):
    stripe = shop["stripe"]
    session_id = place_card_order(django_app, shop)
    deliver(client, shop, "checkout.session.completed", stripe.pay_later(session_id))
    order = Order.objects.get()
    assert order.card_payment.status == CardPayment.Status.PROCESSING
    assert order.status == "Awaiting payment"
    thank_you = return_from_stripe(django_app, shop, session_id)
    assert "takes a few days" in thank_you.text

    deliver(
        client,
        shop,
        "checkout.session.async_payment_succeeded",
        stripe.settle(session_id, succeeded=True),
    )

    assert_paid_once(order)


def test_a_payment_that_fails_later_cancels_the_order_and_frees_the_stock(django_app, client, shop):
    stripe = shop["stripe"]
    session_id = place_card_order(django_app, shop, quantity=2)
    deliver(client, shop, "checkout.session.completed", stripe.pay_later(session_id))

    deliver(
        client,
        shop,
        "checkout.session.async_payment_failed",
        stripe.settle(session_id, succeeded=False),
    )

    order = Order.objects.get()
    assert order.status == "Cancelled"
    assert order.card_payment.status == CardPayment.Status.FAILED
    assert allocated(shop["stock"]) == 0


def test_events_out_of_order_settle_the_order_as_stripe_has_it(django_app, client, shop):
    stripe = shop["stripe"]
    session_id = place_card_order(django_app, shop)
    stripe.pay_later(session_id)
    settled = stripe.settle(session_id, succeeded=True)
    completed_unpaid = {**settled, "payment_status": "unpaid"}

    deliver(client, shop, "checkout.session.async_payment_succeeded", settled)
    deliver(client, shop, "checkout.session.completed", completed_unpaid)
    deliver(client, shop, "checkout.session.expired", {**settled, "status": "expired"})

    order = Order.objects.get()
    assert_paid_once(order)
    assert StripeEvent.objects.count() == 3


def test_a_forged_link_back_from_stripe_is_not_found(django_app, shop):
    place_card_order(django_app, shop)

    assert django_app.get("/checkout/card/forged-token/paid/", status=404)
    assert django_app.get("/checkout/card/forged-token/", status=404)


def test_the_thank_you_page_before_stripe_confirms_says_so(django_app, shop):
    session_id = place_card_order(django_app, shop)

    thank_you = return_from_stripe(django_app, shop, session_id)

    assert "We have not heard from Stripe about your payment yet" in thank_you.text
    assert Order.objects.get().status == "Awaiting payment"


def test_a_return_while_stripe_is_down_shows_the_order_and_the_webhook_settles_it(
    django_app, client, shop
):
    stripe = shop["stripe"]
    session_id = place_card_order(django_app, shop)
    stripe.pay(session_id)
    stripe.fail_next(SESSIONS, status=500, times=3)

    thank_you = return_from_stripe(django_app, shop, session_id)
    assert "We have not heard from Stripe" in thank_you.text
    deliver(client, shop, "checkout.session.completed", stripe.session(session_id))

    assert_paid_once(Order.objects.get())


def test_the_order_total_stripe_takes_is_the_order_total_with_shipping(django_app, shop):
    session_id = place_card_order(django_app, shop, quantity=3)

    order = Order.objects.get()
    assert order.total_incl_tax == Decimal("11.50") * 3 + Decimal("3.95")
    assert shop["stripe"].session(session_id)["amount_total"] == 3845
