"""Staff move orders on from the dashboard's real forms: the status list, the order list's bulk
change and the dispatch form; the shopper follows the parcel from the email's link."""

from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from oscar.core.loading import get_model

from store.order.statuses import AWAITING_PAYMENT, BEING_PROCESSED, CANCELLED, SHIPPED
from store.payments.bank_transfer import bank_transfer_mark_paid
from tests.factories import UserFactory, shop_staff_user, sized_product
from tests.functional.test_page_markup import page_problems
from tests.order_states import PAID, dispatch_event_types, order_in, stock_of

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")


@pytest.fixture(autouse=True)
def _dispatch_types():
    dispatch_event_types()


@pytest.fixture
def size():
    return sized_product(title="Zechstein bath flakes", sizes=1).children.get()


@pytest.fixture
def staff_member():
    return shop_staff_user(first_name="Grace", last_name="Hopper")


@pytest.fixture
def viewer():
    """A member of staff who may look at orders but not change them."""
    member = UserFactory(staff=True)
    member.user_permissions.add(Permission.objects.get(codename="view_order"))
    return member


def order_page(django_app, order, user):
    return django_app.get(f"/dashboard/orders/{order.number}/", user=user)


def status_options(page) -> list[str]:
    field = page.forms["order_status_form"]["new_status"]
    return [value for value, _selected, _text in field.options]


def post_as(django_app, user, url, fields):
    """Send ``fields`` to ``url`` as ``user``, with a CSRF token of ``user``'s own session, so
    that a refusal is the shop's and not the CSRF check's."""
    token = django_app.get(url, user=user).forms["logout_form"]["csrfmiddlewaretoken"].value
    return django_app.post(url, {**fields, "csrfmiddlewaretoken": token}, user=user, status="*")


def guest_status_page(django_app, path, email="guest@example.com"):
    """Open a guest's order-status link as the guest: Oscar first asks for the order's email."""
    django_app.reset()
    asks_email = django_app.get(path).follow()
    email_form = next(form for form in asks_email.forms.values() if "email" in form.fields)
    email_form["email"] = email
    return email_form.submit().follow()


def dispatch(page, user, *, carrier="Royal Mail", tracking_number="JD0146 0000 6281"):
    form = page.forms["dispatch_form"]
    form["carrier"] = carrier
    form["tracking_number"] = tracking_number
    return form.submit(user=user)


def test_the_status_list_offers_only_the_moves_allowed_now(django_app, size, staff_member):
    order = order_in(AWAITING_PAYMENT, size=size)

    unpaid = order_page(django_app, order, staff_member)
    assert status_options(unpaid) == [CANCELLED]
    assert "dispatch_form" not in unpaid.forms

    bank_transfer_mark_paid(order=order, amount=order.total_incl_tax, user=staff_member)
    paid = order_page(django_app, order, staff_member)
    assert status_options(paid) == [CANCELLED]  # Shipped comes from the dispatch form
    assert "dispatch_form" in paid.forms


def test_staff_cancel_an_unpaid_order_and_its_stock_comes_back_once(django_app, size, staff_member):
    order = order_in(AWAITING_PAYMENT, size=size, quantity=3)
    form = order_page(django_app, order, staff_member).forms["order_status_form"]
    form["new_status"] = CANCELLED

    done = form.submit(user=staff_member).follow(user=staff_member)

    assert "Order status changed from &#x27;Awaiting payment&#x27; to &#x27;Cancelled&#x27;" in (
        done.text
    )
    order.refresh_from_db()
    assert order.status == CANCELLED
    assert stock_of(size) == (20, 0)
    assert "This order can&#x27;t have its status changed." not in done.text  # Refunded is listed

    again = form.submit(user=staff_member).follow(user=staff_member)

    assert f"Order {order.number} is Cancelled already: nothing was changed." in again.text
    assert stock_of(size) == (20, 0)
    assert order.status_changes.count() == 1


def test_being_processed_is_refused_with_the_reason_while_unpaid(django_app, size, staff_member):
    order = order_in(AWAITING_PAYMENT, size=size)
    form = order_page(django_app, order, staff_member).forms["order_status_form"]
    form["new_status"].force_value(BEING_PROCESSED)  # as a stale or hand-made form would send

    answer = form.submit(user=staff_member).follow(user=staff_member)

    assert (
        f"Order {order.number} cannot be processed before it is paid in full: "
        "£0.00 of £19.50 received." in answer.text
    )
    order.refresh_from_db()
    assert order.status == AWAITING_PAYMENT
    assert not order.status_changes.exists()


def test_a_status_chosen_before_the_order_was_paid_is_refused(django_app, size, staff_member):
    order = order_in(AWAITING_PAYMENT, size=size)
    form = order_page(django_app, order, staff_member).forms["order_status_form"]
    form["new_status"] = CANCELLED
    bank_transfer_mark_paid(order=order, amount=order.total_incl_tax, user=staff_member)

    answer = form.submit(user=staff_member).follow(user=staff_member)

    assert (
        f"Order {order.number} has become Being processed since this page was loaded: "
        "nothing was changed." in answer.text
    )
    order.refresh_from_db()
    assert order.status == BEING_PROCESSED
    assert stock_of(size) == (20, 3)


def test_staff_mark_paid_then_dispatch_and_the_guest_follows_the_parcel(
    django_app, size, staff_member, django_capture_on_commit_callbacks
):
    order = order_in(AWAITING_PAYMENT, size=size, quantity=3)
    mark_paid = order_page(django_app, order, staff_member).forms["mark_paid_form"]
    paid_page = mark_paid.submit(user=staff_member).follow(user=staff_member)

    with django_capture_on_commit_callbacks(execute=True):
        done = dispatch(paid_page, staff_member).follow(user=staff_member)

    assert (
        f"Order {order.number} dispatched with Royal Mail, tracking number JD014600006281."
        in done.text
    )
    assert "dispatch_form" not in done.forms
    assert "order_status_form" in done.forms  # refunds may still follow
    shipping_events = done.html.find("h3", string="Shipping Events").find_next("table")
    assert "Royal Mail" in shipping_events.text
    assert "JD014600006281" in shipping_events.text
    order.refresh_from_db()
    assert order.status == SHIPPED
    assert stock_of(size) == (17, 0)

    (email,) = mail.outbox
    assert email.to == ["guest@example.com"]
    assert "JD014600006281" in email.body
    link = next(word for word in email.body.split() if "/accounts/" in word)
    status_page = guest_status_page(django_app, urlsplit(link).path)

    assert status_page.request.path == urlsplit(link).path
    delivery = status_page.html.find(id="order-dispatches-heading").parent
    assert "Royal Mail" in delivery.text
    assert "JD014600006281" in delivery.text


def test_the_signed_in_shopper_sees_the_tracking_number_on_their_order(
    django_app, size, staff_member
):
    shopper = UserFactory(email="ada@example.com")
    order = order_in(BEING_PROCESSED, size=size, money=PAID)
    Order.objects.filter(pk=order.pk).update(user=shopper)
    dispatch(order_page(django_app, order, staff_member), staff_member, carrier="Evri")

    page = django_app.get(f"/accounts/orders/{order.number}/", user=shopper)

    delivery = page.html.find(id="order-dispatches-heading").parent
    assert "Evri" in delivery.text
    assert "JD014600006281" in delivery.text


@pytest.mark.parametrize(
    ("carrier", "tracking_number", "message"),
    [
        ("", "JD014600006281", "This field is required."),
        ("Royal Mail", "JD/01", "Enter the tracking number as the carrier gives it"),
    ],
)
def test_a_dispatch_with_a_bad_field_is_shown_again_and_changes_nothing(
    django_app, size, staff_member, carrier, tracking_number, message
):
    order = order_in(BEING_PROCESSED, size=size, money=PAID)

    answer = dispatch(
        order_page(django_app, order, staff_member),
        staff_member,
        carrier=carrier,
        tracking_number=tracking_number,
    )

    assert answer.status_code == 200
    assert message in answer.text
    assert answer.forms["dispatch_form"]["tracking_number"].value == tracking_number
    order.refresh_from_db()
    assert order.status == BEING_PROCESSED
    assert not order.shipping_events.exists()
    assert stock_of(size) == (20, 3)


def test_oscars_shipping_event_form_points_staff_to_the_dispatch_form(
    django_app, size, staff_member
):
    order = order_in(BEING_PROCESSED, size=size, money=PAID)
    form = order_page(django_app, order, staff_member).forms["order_lines_form"]
    form["selected_line"] = [str(order.lines.get().pk)]
    form["line_action"] = "create_shipping_event"
    form["shipping_event_type"] = "dispatched"
    form["reference"] = "JD014600006281"

    answer = form.submit(user=staff_member).follow(user=staff_member)

    assert "is dispatched with the dispatch form on its page" in answer.text
    assert not order.shipping_events.exists()


def test_staff_who_may_only_view_orders_cannot_change_them(django_app, size, viewer):
    order = order_in(BEING_PROCESSED, size=size, money=PAID)
    url = f"/dashboard/orders/{order.number}/"

    viewer_page = order_page(django_app, order, viewer)

    assert "new_status" not in viewer_page.forms["order_status_form"].fields
    assert "dispatch_form" not in viewer_page.forms
    for fields in (
        {"order_action": "change_order_status", "new_status": CANCELLED},
        {"order_action": "dispatch_order", "carrier": "DPD", "tracking_number": "1550123456"},
    ):
        refused = post_as(django_app, viewer, url, fields)
        assert refused.status_code == 403
        assert "not permitted to access this page" in refused.text  # not the CSRF check
    order.refresh_from_db()
    assert order.status == BEING_PROCESSED
    assert not order.shipping_events.exists()
    assert stock_of(size) == (20, 3)


def test_the_order_lists_bulk_change_moves_what_it_may_and_says_why_not(
    django_app, size, staff_member, viewer
):
    unpaid = order_in(AWAITING_PAYMENT, size=size, quantity=1)
    paid = order_in(AWAITING_PAYMENT, size=size, quantity=2)
    bank_transfer_mark_paid(order=paid, amount=paid.total_incl_tax, user=staff_member)
    paid.refresh_from_db()
    page = django_app.get("/dashboard/orders/", user=staff_member)
    statuses = page.forms["orders_form"]["new_status"].options
    assert SHIPPED not in [value for value, _selected, _text in statuses]
    refused = post_as(
        django_app,
        viewer,
        "/dashboard/orders/",
        {"action": "change_order_statuses", "selected_order": unpaid.pk, "new_status": CANCELLED},
    )
    assert refused.status_code == 403
    assert "not permitted to access this page" in refused.text
    unpaid.refresh_from_db()
    assert unpaid.status == AWAITING_PAYMENT

    page = django_app.get("/dashboard/orders/", user=staff_member)
    form = page.forms["orders_form"]
    form["selected_order"] = [str(unpaid.pk), str(paid.pk)]
    form["new_status"] = BEING_PROCESSED
    answer = form.submit("action", value="change_order_statuses", user=staff_member)

    messages = answer.follow(user=staff_member).text
    assert f"Order {unpaid.number} cannot be processed before it is paid in full" in messages
    assert f"Order {paid.number} is Being processed already: nothing was changed." in messages
    unpaid.refresh_from_db()
    assert unpaid.status == AWAITING_PAYMENT


def test_the_admin_shows_the_status_but_does_not_let_it_be_edited(django_app, size):
    order = order_in(AWAITING_PAYMENT, size=size)
    superuser = UserFactory(staff=True, is_superuser=True)

    page = django_app.get(f"/admin/order/order/{order.pk}/change/", user=superuser)

    assert "status" not in page.forms["order_form"].fields
    assert AWAITING_PAYMENT in page.text


def test_the_dispatch_form_and_the_tracking_pages_need_no_script(django_app, size, staff_member):
    shopper = UserFactory()
    waiting = order_in(BEING_PROCESSED, size=size, quantity=1, money=PAID)
    shipped = order_in(BEING_PROCESSED, size=size, quantity=1, money=PAID)
    guests = order_in(BEING_PROCESSED, size=size, quantity=1, money=PAID)
    Order.objects.filter(pk=shipped.pk).update(user=shopper)
    for order in (shipped, guests):
        dispatch(order_page(django_app, order, staff_member), staff_member)

    pages = {
        "dispatch form": order_page(django_app, waiting, staff_member),
        "shipped order": order_page(django_app, shipped, staff_member),
        "account order": django_app.get(f"/accounts/orders/{shipped.number}/", user=shopper),
        "guest order": guest_status_page(
            django_app, f"/accounts/order-status/{guests.number}/{guests.verification_hash()}/"
        ),
    }

    assert "dispatch_form" in pages["dispatch form"].forms
    assert "JD014600006281" in pages["guest order"].text
    problems = {name: page_problems(page) for name, page in pages.items()}
    assert {name: found for name, found in problems.items() if found} == {}
