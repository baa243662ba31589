"""Amounts and Stripe objects as the gateway turns them into the shop's plain values."""

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from store.payments.gateway import from_minor_units, session_from_object, to_minor_units


@pytest.mark.parametrize(
    ("amount", "currency", "minor"),
    [
        (Decimal("26.95"), "GBP", 2695),
        (Decimal("0.01"), "gbp", 1),
        (Decimal("13.00"), "EUR", 1300),
        (Decimal("1500"), "JPY", 1500),
    ],
)
def test_amounts_go_to_stripe_in_the_currencys_smallest_unit(amount, currency, minor):
    assert to_minor_units(amount, currency) == minor
    assert from_minor_units(minor, currency) == amount


def test_a_session_reads_the_same_whether_its_payment_intent_is_expanded_or_not():
    plain = {
        "id": "cs_test_1",
        "url": None,
        "status": "complete",
        "payment_status": "paid",
        "payment_intent": "pi_1",
        "amount_total": 2695,
        "currency": "gbp",
        "expires_at": 1_800_000_000,
        "client_reference_id": "100001",
    }
    expanded = {**plain, "payment_intent": {"id": "pi_1", "object": "payment_intent"}}

    for data in (plain, expanded):
        session = session_from_object(data)
        assert session.payment_intent_id == "pi_1"
        assert session.is_paid
        assert session.currency == "GBP"
        assert session.url == ""
        assert session.expires_at == datetime.fromtimestamp(1_800_000_000, tz=UTC)


def test_an_unpaid_session_is_not_paid():
    session = session_from_object({"id": "cs_test_2", "payment_status": "unpaid"})

    assert not session.is_paid
    assert session.payment_intent_id == ""
