"""Each refund that goes through gets one credit note, numbered in its own sequence, giving back
the refunded amount with its tax split by the rates the order was charged at, to the penny."""

from decimal import Decimal

import pytest
from oscar.core.loading import get_model

from store.payments import gateway
from store.payments.refunds import RefundRefused, card_refund
from store.payments.services import card_payment_fulfil
from store.receipts.models import CreditNote, CreditNoteRate, Receipt
from store.receipts.services import CreditNoteRefused, credit_note_issue
from tests.card_payments import WEBHOOK_SECRET
from tests.factories import UserFactory, card_order, sized_product
from tests.integration.test_stripe_webhook import post, refund_in_stripes_dashboard
from tests.receipt_factories import Item, charge_tax, two_rate_order
from tests.stripe_emulator import signed_webhook

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")


def split_of(credit_note) -> list[tuple[Decimal | None, Decimal, Decimal, Decimal]]:
    """Return the note's (rate, net, tax, gross) rows, highest rate first."""
    return [(row.rate, row.net, row.tax, row.gross) for row in credit_note.rates.all()]


def money(*amounts: str) -> tuple[Decimal, ...]:
    return tuple(Decimal(amount) for amount in amounts)


def test_a_part_refund_splits_its_tax_by_the_orders_rates_to_the_penny():
    order = two_rate_order()

    note = credit_note_issue(order=order, amount=Decimal("10.00"), refund_reference="re_1")

    assert note.number == "CN-000001"
    assert note.amount == Decimal("10.00")
    # £10.00 shared as £16.95 and £10.35 are: £6.21 and £3.79, each with the VAT of its rate's
    # part of the order (£2.83 of £16.95, £0.49 of £10.35).
    assert split_of(note) == [
        (Decimal("0.2000"), *money("5.17", "1.04", "6.21")),
        (Decimal("0.0500"), *money("3.61", "0.18", "3.79")),
    ]


def test_refunds_that_add_up_to_the_order_give_back_exactly_the_tax_of_each_rate():
    order = two_rate_order()
    credit_note_issue(order=order, amount=Decimal("10.00"), refund_reference="re_1")

    rest = credit_note_issue(order=order, amount=Decimal("17.30"), refund_reference="re_2")

    assert rest.number == "CN-000002"
    assert split_of(rest) == [
        (Decimal("0.2000"), *money("8.95", "1.79", "10.74")),
        (Decimal("0.0500"), *money("6.25", "0.31", "6.56")),
    ]
    credited = {}
    for row in CreditNoteRate.objects.filter(credit_note__order=order):
        tax, gross = credited.get(row.rate, (0, 0))
        credited[row.rate] = (tax + row.tax, gross + row.gross)
    assert credited == {
        Decimal("0.20"): money("2.83", "16.95"),
        Decimal("0.05"): money("0.49", "10.35"),
    }


def test_the_same_refund_reported_twice_keeps_its_one_credit_note():
    order = two_rate_order()
    first = credit_note_issue(order=order, amount=Decimal("5.00"), refund_reference="re_1")

    again = credit_note_issue(order=order, amount=Decimal("5.00"), refund_reference="re_1")

    assert again == first
    assert CreditNote.objects.count() == 1


def test_crediting_more_than_the_order_has_left_is_refused_and_writes_nothing():
    order = two_rate_order()
    credit_note_issue(order=order, amount=Decimal("27.00"), refund_reference="re_1")

    with pytest.raises(CreditNoteRefused) as refused:
        credit_note_issue(order=order, amount=Decimal("0.31"), refund_reference="re_2")

    assert refused.value.message == f"Order {order.number} has less than £0.31 left to credit."
    assert CreditNote.objects.count() == 1


def test_an_order_without_a_receipt_is_given_one_before_its_credit_note():
    order = two_rate_order()
    Receipt.objects.filter(order=order).delete()

    credit_note_issue(order=order, amount=Decimal("1.00"), refund_reference="re_1")

    assert Receipt.objects.get(order=order).number == "R-000002"


def test_an_order_whose_tax_is_not_known_is_credited_without_tax():
    order = two_rate_order()
    unknown = [Item("6.50", quantity=2, rate=None), Item("11.50", rate=None)]
    charge_tax(order, unknown, shipping="3.95", shipping_rate=None)

    note = credit_note_issue(order=order, amount=Decimal("4.00"), refund_reference="re_1")

    assert split_of(note) == [(None, *money("4.00", "0.00", "4.00"))]


@pytest.fixture
def payment(card_payments):
    """A guest's card order for two 1 kg bags (£13.00, of which £2.17 VAT at 20%), paid."""
    size = sized_product(sizes=1).children.get()
    payment = card_order(size=size, quantity=2)
    charge_tax(payment.order, [Item("6.50", quantity=2, rate="0.20")])
    card_payments.pay(payment.session_id)
    card_payment_fulfil(gateway.checkout_session_retrieve(payment.session_id))
    payment.refresh_from_db()
    return payment


def staff_refund(payment, amount: str, refunded_seen: str = "0"):
    return card_refund(
        payment=payment,
        amount=Decimal(amount),
        refunded_seen=Decimal(refunded_seen),
        user=UserFactory(staff=True),
    )


def test_a_card_refund_by_staff_gets_its_credit_note(payment):
    refund = staff_refund(payment, "5.00")

    note = CreditNote.objects.get()
    assert (note.order, note.refund_reference, note.amount) == (
        payment.order,
        refund.refund_id,
        Decimal("5.00"),
    )
    assert split_of(note) == [(Decimal("0.2000"), *money("4.17", "0.83", "5.00"))]


def test_the_refund_form_sent_twice_issues_one_credit_note(payment):
    staff_refund(payment, "5.00")

    with pytest.raises(RefundRefused):
        staff_refund(payment, "5.00")

    assert CreditNote.objects.count() == 1


def test_a_refund_from_stripes_dashboard_reported_again_and_again_has_one_credit_note(
    client, payment, card_payments
):
    refund = refund_in_stripes_dashboard(card_payments, payment, 500)

    for event_type in ("refund.created", "refund.updated", "refund.created"):
        event = card_payments.event(event_type, refund)
        assert post(client, *signed_webhook(event, WEBHOOK_SECRET)).status_code == 200

    note = CreditNote.objects.get()
    assert (note.refund_reference, note.amount) == (refund["id"], Decimal("5.00"))


def test_a_refund_gets_its_credit_note_when_it_succeeds_not_while_it_is_pending(
    client, payment, card_payments
):
    refund = refund_in_stripes_dashboard(card_payments, payment, 500)
    pending = card_payments.event("refund.created", {**refund, "status": "pending"})
    post(client, *signed_webhook(pending, WEBHOOK_SECRET))
    assert not CreditNote.objects.exists()

    succeeded = card_payments.event("refund.updated", {**refund, "status": "succeeded"})
    post(client, *signed_webhook(succeeded, WEBHOOK_SECRET))

    assert CreditNote.objects.get().amount == Decimal("5.00")


def test_a_refund_that_fails_gets_no_credit_note(client, payment, card_payments):
    refund = refund_in_stripes_dashboard(card_payments, payment, 500)

    failed = card_payments.event("refund.failed", {**refund, "status": "failed"})
    post(client, *signed_webhook(failed, WEBHOOK_SECRET))

    assert not CreditNote.objects.exists()
