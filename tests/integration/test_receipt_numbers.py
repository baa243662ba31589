"""Every order gets one receipt when it is placed, numbered in a sequence of its own that never
repeats a number, even when orders are placed at the same moment."""

import threading
from datetime import timedelta
from importlib import import_module

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.migrations.loader import MigrationLoader
from oscar.core.loading import get_model

from store.receipts.models import DocumentCounter, Receipt, Sequence
from store.receipts.services import number_take, receipt_issue
from tests.factories import guest_order, sized_product

Order = get_model("order", "Order")

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason=(
        "SQLite has no row locks: its in-memory test database answers a second writer at once "
        "with 'database table is locked' instead of making it wait, so the race needs PostgreSQL"
    ),
)


@pytest.fixture
def size():
    return sized_product(sizes=1).children.get()


@pytest.mark.django_db
def test_each_order_placed_gets_the_next_receipt_number(size):
    orders = [guest_order(size=size) for _ in range(3)]

    assert [order.receipt.number for order in orders] == ["R-000001", "R-000002", "R-000003"]
    assert Receipt.objects.count() == 3


@pytest.mark.django_db
def test_issuing_the_receipt_of_an_order_again_returns_the_one_it_has(size):
    order = guest_order(size=size)

    again = receipt_issue(order=order)

    assert again == order.receipt
    assert Receipt.objects.count() == 1
    assert DocumentCounter.objects.get(sequence=Sequence.RECEIPT).last_value == 1


@pytest.mark.django_db
def test_an_order_that_fails_to_be_placed_leaves_no_receipt_and_no_gap(size):
    guest_order(size=size)
    with pytest.raises(RuntimeError), transaction.atomic():
        guest_order(size=size)
        raise RuntimeError("the card was declined")

    third = guest_order(size=size)

    assert third.receipt.number == "R-000002"
    assert list(Receipt.objects.order_by("number").values_list("number", flat=True)) == [
        "R-000001",
        "R-000002",
    ]


@pytest.mark.django_db
def test_receipts_and_credit_notes_are_numbered_apart():
    with transaction.atomic():
        taken = [number_take(Sequence.RECEIPT), number_take(Sequence.CREDIT_NOTE)]
        taken.append(number_take(Sequence.RECEIPT))

    assert taken == ["R-000001", "CN-000001", "R-000002"]


@pytest.mark.django_db
def test_the_database_refuses_a_second_receipt_with_a_number_or_for_an_order(size):
    first, second = guest_order(size=size), guest_order(size=size)

    with pytest.raises(IntegrityError), transaction.atomic():
        Receipt.objects.filter(order=second).update(number=first.receipt.number)
    with pytest.raises(IntegrityError), transaction.atomic():
        Receipt.objects.create(order=second, number="R-999999")


@pytest.mark.django_db
def test_a_receipt_number_outside_the_sequence_form_is_refused_by_clean(size):
    receipt = guest_order(size=size).receipt
    receipt.number = "CN-000001"

    with pytest.raises(ValidationError) as refused:
        receipt.full_clean()

    assert refused.value.message_dict == {"number": ["A number of this kind looks like R-000001."]}


@pytest.mark.django_db
def test_a_number_is_never_given_again_when_its_receipt_is_gone(size):
    guest_order(size=size)
    Receipt.objects.all().delete()

    assert guest_order(size=size).receipt.number == "R-000002"


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_orders_placed_at_the_same_moment_never_share_a_receipt_number():
    placers = 8
    # A product each, so that no stock row lock puts the orders one after the other.
    sizes = [sized_product(sizes=1).children.get() for _ in range(placers)]
    barrier = threading.Barrier(placers)
    numbers, errors = [], []
    lock = threading.Lock()

    def place(index):
        try:
            barrier.wait(timeout=30)
            with transaction.atomic():
                order = guest_order(size=sizes[index], email=f"racer{index}@example.com")
            with lock:
                numbers.append(order.receipt.number)
        except Exception as error:  # a crash is an outcome the test reports
            with lock:
                errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=place, args=(index,)) for index in range(placers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert errors == []
    assert sorted(numbers) == [f"R-{value:06d}" for value in range(1, placers + 1)]
    assert Receipt.objects.count() == placers
    assert DocumentCounter.objects.get(sequence=Sequence.RECEIPT).last_value == placers


@pytest.mark.django_db
def test_the_migration_gives_orders_without_a_receipt_one_oldest_first(size):
    older, newer = guest_order(size=size), guest_order(size=size)
    Receipt.objects.all().delete()
    Order.objects.filter(pk=newer.pk).update(date_placed=older.date_placed - timedelta(days=1))
    migration = import_module("store.receipts.migrations.0002_receipts_for_placed_orders")

    migration.issue_receipts_for_placed_orders(
        MigrationLoader(connection).project_state().apps, None
    )

    assert Receipt.objects.get(order=newer).number == "R-000003"
    assert Receipt.objects.get(order=older).number == "R-000004"
    assert DocumentCounter.objects.get(sequence=Sequence.RECEIPT).last_value == 4
