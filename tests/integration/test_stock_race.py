"""Stock is never oversold: allocation re-counts the free units under a row lock.

The orders are placed through the checkout view's own order-placement code (the preview view's
"place order" POST handler, inside a transaction as ATOMIC_REQUESTS gives it), without the HTTP
layer around it.
"""

import threading

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.db import SessionStore
from django.core import mail
from django.db import connection, transaction
from django.test import RequestFactory
from oscar.core.loading import get_class, get_model

from store.partner.exceptions import InsufficientStock
from tests.checkout_journey import ship_to_the_uk
from tests.factories import sized_product

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
ShippingAddress = get_model("order", "ShippingAddress")
Source = get_model("payment", "Source")
StockRecord = get_model("partner", "StockRecord")
CheckoutSessionData = get_class("checkout.utils", "CheckoutSessionData")
PaymentDetailsView = get_class("checkout.views", "PaymentDetailsView")
Selector = get_class("partner.strategy", "Selector")

SOLD_OUT = "sold out while you were checking out"

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite has no row locks (SELECT ... FOR UPDATE): the race needs PostgreSQL",
)


def make_size(*, num_in_stock, num_allocated=0):
    ship_to_the_uk()
    size = sized_product(title="Zechstein bath flakes", sizes=1).children.get()
    StockRecord.objects.filter(product=size).update(
        num_in_stock=num_in_stock, num_allocated=num_allocated
    )
    return size


def basket_with(size, quantity):
    basket = Basket.objects.create()
    basket.strategy = Selector().strategy()
    basket.add_product(size, quantity)
    return basket.pk


def place_order(basket_id, email, method="bank-transfer"):
    """Place the order for ``basket_id`` as the preview view does, paying by ``method``.

    Return the response and the messages the shopper was given.
    """
    request = RequestFactory().post("/checkout/preview/", {"action": "place_order"})
    request.user = AnonymousUser()
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    basket = Basket.objects.get(pk=basket_id)
    basket.strategy = Selector().strategy(request=request, user=request.user)
    request.basket = basket

    view = PaymentDetailsView(preview=True)
    view.setup(request)
    view.checkout_session = CheckoutSessionData(request)
    view.checkout_session.set_guest_email(email)
    view.checkout_session.ship_to_new_address(
        {
            "first_name": "Ada",
            "last_name": "Lovelace",
            "line1": "1 Bath Street",
            "line4": "Bristol",
            "postcode": "BS1 1AA",
            "country_id": "GB",
        }
    )
    view.checkout_session.use_shipping_method("standard")
    view.checkout_session.pay_by(method)
    with transaction.atomic():  # what ATOMIC_REQUESTS wraps the checkout view in
        response = view.post(request)
    return response, [str(message) for message in get_messages(request)]


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_twenty_shoppers_race_for_five_units_and_exactly_five_win():
    size = make_size(num_in_stock=5)
    stockrecord = size.stockrecords.get()
    baskets = [basket_with(size, 1) for _ in range(20)]
    barrier = threading.Barrier(len(baskets))
    results = []
    lock = threading.Lock()

    def shopper(index, basket_id):
        try:
            barrier.wait(timeout=30)
            response, messages = place_order(basket_id, f"racer{index}@example.com")
            outcome = (response.url, messages)
        except Exception as error:  # a crash is an outcome the test reports
            outcome = ("error", [repr(error)])
        finally:
            connection.close()
        with lock:
            results.append(outcome)

    threads = [
        threading.Thread(target=shopper, args=(index, basket_id))
        for index, basket_id in enumerate(baskets)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    placed = [result for result in results if result[0] == "/checkout/thank-you/"]
    refused = [result for result in results if result[0] == "/basket/"]
    assert len(results) == 20, results
    assert len(placed) == 5, results
    assert len(refused) == 15, results
    for _url, messages in refused:
        assert messages == [
            "Sorry, Zechstein bath flakes (1 kg) sold out while you were checking out."
        ]
    stockrecord.refresh_from_db()
    assert stockrecord.num_allocated == 5
    assert stockrecord.num_allocated <= stockrecord.num_in_stock
    assert Order.objects.count() == 5
    assert Source.objects.count() == 5
    assert ShippingAddress.objects.count() == 5
    assert Basket.objects.filter(status=Basket.SUBMITTED).count() == 5
    assert Basket.objects.filter(status=Basket.OPEN).count() == 15
    assert len(mail.outbox) == 5


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_clicks_on_place_order_place_one_order():
    size = make_size(num_in_stock=5)
    basket_id = basket_with(size, 1)
    barrier = threading.Barrier(2)
    results = []

    def click():
        try:
            barrier.wait(timeout=30)
            results.append(place_order(basket_id, "double@example.com"))
        finally:
            connection.close()

    threads = [threading.Thread(target=click) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    order = Order.objects.get()
    assert sorted(response.url for response, _messages in results) == [
        "/checkout/thank-you/",
        "/checkout/thank-you/",
    ]
    assert [f"Your order {order.number} has already been placed."] in [
        messages for _response, messages in results
    ]
    assert size.stockrecords.get().num_allocated == 1


@pytest.mark.django_db
def test_ordering_more_than_is_free_is_refused_and_writes_nothing(
    django_capture_on_commit_callbacks,
):
    size = make_size(num_in_stock=5, num_allocated=3)
    basket_id = basket_with(size, 3)

    with django_capture_on_commit_callbacks(execute=True):
        response, messages = place_order(basket_id, "late@example.com")

    assert response.url == "/basket/"
    assert messages == [
        "Sorry, Zechstein bath flakes (1 kg) sold out while you were checking out: only 2 left."
    ]
    stockrecord = size.stockrecords.get()
    assert (stockrecord.num_in_stock, stockrecord.num_allocated) == (5, 3)
    assert not Order.objects.exists()
    assert not Source.objects.exists()
    assert not ShippingAddress.objects.exists()
    basket = Basket.objects.get(pk=basket_id)
    assert basket.status == Basket.OPEN
    assert basket.all_lines()[0].quantity == 3
    assert not mail.outbox


@pytest.mark.django_db
def test_the_last_free_units_can_be_ordered():
    size = make_size(num_in_stock=5, num_allocated=3)

    response, messages = place_order(basket_with(size, 2), "last@example.com")

    assert response.url == "/checkout/thank-you/"
    assert messages == []
    assert size.stockrecords.get().num_allocated == 5
    assert Order.objects.get().status == "Awaiting payment"


@pytest.mark.django_db
def test_allocate_raises_and_changes_nothing_when_short():
    size = make_size(num_in_stock=2, num_allocated=1)
    stockrecord = size.stockrecords.get()

    with pytest.raises(InsufficientStock, match=SOLD_OUT) as raised:
        stockrecord.allocate(2)

    assert raised.value.available == 1
    stockrecord.refresh_from_db()
    assert stockrecord.num_allocated == 1
