"""The dashboard's order list answers tampered input with its page, never a server error."""

import pytest

from tests.factories import bank_transfer_order, shop_staff_user, sized_product

pytestmark = pytest.mark.django_db


@pytest.fixture
def order():
    return bank_transfer_order(size=sized_product(sizes=1).children.get())


def test_a_bulk_change_naming_orders_by_nonsense_changes_nothing(django_app, order):
    staff = shop_staff_user()
    page = django_app.get("/dashboard/orders/", user=staff)
    token = page.forms["orders_form"]["csrfmiddlewaretoken"].value

    for value in ["abc", "NaN", "\x00", "1e309"]:
        answer = django_app.post(
            "/dashboard/orders/",
            {
                "csrfmiddlewaretoken": token,
                "action": "change_order_statuses",
                "new_status": "Cancelled",
                "selected_order": value,
            },
            user=staff,
            status="*",
        )
        assert answer.status_code < 500, value

    order.refresh_from_db()
    assert order.status == "Awaiting payment"


def test_a_search_of_a_hundred_thousand_characters_is_refused_as_too_long(django_app, order):
    answer = django_app.get(
        "/dashboard/orders/", {"order_number": "9" * 100_000}, user=shop_staff_user()
    )

    assert answer.status_code == 200
    assert str(order.number) in answer.text


def test_a_search_holding_a_nul_byte_shows_the_list(django_app, order):
    answer = django_app.get(
        "/dashboard/orders/", {"order_number": f"{order.number}\x00"}, user=shop_staff_user()
    )

    assert answer.status_code == 200
    assert str(order.number) in answer.text
