"""A single-use voucher gives one discount; everyone else who raced for it can still buy.

Orders are placed through the checkout view's own "place order" POST handler, inside a
transaction as ATOMIC_REQUESTS gives it, with the basket's offers applied as the basket
middleware applies them, but without the HTTP layer around it.
"""

import threading
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection, transaction
from django.test import RequestFactory
from oscar.core.loading import get_class, get_model

from tests.checkout_journey import ship_to_the_uk
from tests.factories import VoucherFactory, sized_product

Applicator = get_class("offer.applicator", "Applicator")
Basket = get_model("basket", "Basket")
CheckoutSessionData = get_class("checkout.utils", "CheckoutSessionData")
Order = get_model("order", "Order")
PaymentDetailsView = get_class("checkout.views", "PaymentDetailsView")
Selector = get_class("partner.strategy", "Selector")
Voucher = get_model("voucher", "Voucher")

THANK_YOU = "/checkout/thank-you/"
PREVIEW = "/checkout/preview/"
USED_UP = (
    "Sorry, the voucher ONCEONLY was used up while you were checking out, so we have taken it "
    "out of your basket. Nothing has been ordered yet: please check the new total and place "
    "your order again."
)

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite has no row locks (SELECT ... FOR UPDATE): the race needs PostgreSQL",
)


@pytest.fixture
def size():
    ship_to_the_uk()
    return sized_product(title="Zechstein bath flakes", sizes=1).children.get()


@pytest.fixture
def voucher():
    return VoucherFactory(code="ONCEONLY", usage=Voucher.SINGLE_USE)


def basket_with_voucher(size, voucher):
    basket = Basket.objects.create()
    basket.strategy = Selector().strategy()
    basket.add_product(size, 1)
    basket.vouchers.add(voucher)
    return basket.pk


def place_order(basket_id, email):
    """Place the order for ``basket_id`` by bank transfer, as the preview's "Place order" does.

    Return where the shopper is sent and the messages they are given; a crash is returned as
    ("error", [the exception]) so that a test can count it.
    """
    request = RequestFactory().post(PREVIEW, {"action": "place_order"})
    request.user = AnonymousUser()
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    basket = Basket.objects.get(pk=basket_id)
    basket.strategy = Selector().strategy(request=request, user=request.user)
    Applicator().apply(basket, request.user, request)
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
    view.checkout_session.pay_by("bank-transfer")
    try:
        with transaction.atomic():  # what ATOMIC_REQUESTS wraps the checkout view in
            response = view.post(request)
    except Exception as error:  # a server error is an outcome the tests count
        return "error", [repr(error)]
    return getattr(response, "url", response.status_code), [
        str(message) for message in get_messages(request)
    ]


def race(basket_ids):
    """Place the orders for ``basket_ids`` at the same moment; return every outcome."""
    barrier = threading.Barrier(len(basket_ids))
    results = []
    lock = threading.Lock()

    def shopper(index, basket_id):
        try:
            barrier.wait(timeout=30)
            outcome = place_order(basket_id, f"racer{index}@example.com")
        finally:
            connection.close()
        with lock:
            results.append(outcome)

    threads = [
        threading.Thread(target=shopper, args=(index, basket_id))
        for index, basket_id in enumerate(basket_ids)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def full_price_of(size):
    """Return what one of ``size`` costs delivered by standard post, with no discount."""
    return size.stockrecords.get().price + Decimal("3.95")


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_twenty_shoppers_race_for_one_single_use_voucher_and_all_can_buy(size, voucher):
    baskets = [basket_with_voucher(size, voucher) for _ in range(20)]

    first_round = race(baskets)

    assert len(first_round) == 20, first_round
    assert [outcome for outcome in first_round if outcome[0] == THANK_YOU] == [(THANK_YOU, [])]
    sent_back = [outcome for outcome in first_round if outcome[0] == PREVIEW]
    assert sent_back == [(PREVIEW, [USED_UP])] * 19, first_round
    winner = Order.objects.get()
    assert winner.discounts.get().voucher_code == "ONCEONLY"
    assert winner.total_incl_tax < full_price_of(size)
    voucher.refresh_from_db()
    assert (voucher.num_orders, voucher.applications.count()) == (1, 1)
    still_open = Basket.objects.filter(status=Basket.OPEN)
    assert still_open.count() == 19
    assert not still_open.filter(vouchers__isnull=False).exists()

    second_round = race([basket.pk for basket in still_open])

    assert second_round == [(THANK_YOU, [])] * 19
    full_price_orders = Order.objects.exclude(pk=winner.pk)
    assert full_price_orders.count() == 19
    assert {order.total_incl_tax for order in full_price_orders} == {full_price_of(size)}
    assert not full_price_orders.filter(discounts__isnull=False).exists()
    voucher.refresh_from_db()
    assert voucher.num_orders == 1


@pytest.mark.django_db
def test_a_voucher_used_up_between_apply_and_place_is_removed_and_the_order_goes_ahead(
    size, voucher
):
    first_basket = basket_with_voucher(size, voucher)
    late_basket = basket_with_voucher(size, voucher)
    assert place_order(first_basket, "first@example.com") == (THANK_YOU, [])

    assert place_order(late_basket, "late@example.com") == (PREVIEW, [USED_UP])

    basket = Basket.objects.get(pk=late_basket)
    assert basket.status == Basket.OPEN
    assert not basket.vouchers.exists()
    assert basket.all_lines()[0].quantity == 1
    assert Order.objects.count() == 1

    assert place_order(late_basket, "late@example.com") == (THANK_YOU, [])

    late_order = Order.objects.get(guest_email="late@example.com")
    assert late_order.total_incl_tax == full_price_of(size)
    assert not late_order.discounts.exists()
    voucher.refresh_from_db()
    assert (voucher.num_orders, voucher.applications.count()) == (1, 1)


@pytest.mark.django_db
def test_a_voucher_still_available_gives_its_discount(size, voucher):
    assert place_order(basket_with_voucher(size, voucher), "only@example.com") == (THANK_YOU, [])

    order = Order.objects.get()
    assert order.discounts.get().voucher_code == "ONCEONLY"
    assert order.total_incl_tax < full_price_of(size)
