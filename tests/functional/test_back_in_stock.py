"""A shopper asks, from the product page and without JavaScript, to hear when a sold-out size
is back; when staff restock it in the dashboard, one email goes out per request, once."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from oscar.core.loading import get_model

from store.customer.tasks import send_back_in_stock_alerts
from tests.factories import UserFactory, shop_staff_user, sized_product

pytestmark = pytest.mark.django_db

ProductAlert = get_model("customer", "ProductAlert")
StockRecord = get_model("partner", "StockRecord")


@pytest.fixture
def flakes():
    """Flakes in 1 kg, 2 kg and 3 kg, the 2 kg sold out."""
    product = sized_product(title="Zechstein bath flakes", sizes=3)
    StockRecord.objects.filter(product__title="2 kg", product__parent=product).update(
        num_in_stock=0
    )
    return product


@pytest.fixture
def commits(django_capture_on_commit_callbacks):
    """Run what a request leaves for after its commit, as a real commit would."""
    return django_capture_on_commit_callbacks


def size(product, title: str):
    return product.children.get(title=title)


def ask_as_guest(django_app, product, email: str, capture):
    page = django_app.get(product.get_absolute_url())
    form = page.forms["size_alert_form"]
    form["email"] = email
    with capture(execute=True):
        return form.submit()


def restock_in_the_dashboard(django_app, a_size, units: int, capture) -> None:
    page = django_app.get(f"/dashboard/catalogue/products/{a_size.pk}/", user=shop_staff_user())
    form = page.forms["create_update_product_form"]
    form["stockrecords-0-num_in_stock"] = str(units)
    with capture(execute=True):
        assert form.submit().status_code == 302


def link_to(path_part: str, message) -> str:
    return next(link for link in re.findall(r"https?://\S+", message.body) if path_part in link)


def test_a_guest_asks_confirms_and_hears_once_when_staff_restock_the_size(
    django_app, flakes, commits
):
    capture = commits
    page = django_app.get(flakes.get_absolute_url())
    assert "2 kg is sold out at the moment." in page.html.select_one("#size_alert_form").text

    answer = ask_as_guest(django_app, flakes, "ada@example.com", capture).follow()
    assert "we have emailed a link to ada@example.com" in answer.text

    (confirmation,) = mail.outbox
    assert confirmation.subject == (
        "Please confirm: email me when Zechstein bath flakes (2 kg) is back"
    )
    with capture(execute=True):
        django_app.get(urlsplit(link_to("/alerts/confirm/", confirmation)).path).follow()
    alert = ProductAlert.objects.get()
    assert (alert.product, alert.status) == (size(flakes, "2 kg"), ProductAlert.ACTIVE)

    restock_in_the_dashboard(django_app, size(flakes, "2 kg"), 5, capture)
    restock_in_the_dashboard(django_app, size(flakes, "2 kg"), 6, capture)

    back = [message for message in mail.outbox if "back in stock" in message.subject]
    assert [(message.subject, message.to) for message in back] == [
        ("Zechstein bath flakes (2 kg) is back in stock", ["ada@example.com"])
    ]
    assert urlsplit(link_to("/catalogue/", back[0])).path == flakes.get_absolute_url()
    alert.refresh_from_db()
    assert alert.status == ProductAlert.CLOSED


def test_an_unconfirmed_guest_hears_nothing(django_app, flakes, commits):
    ask_as_guest(django_app, flakes, "ada@example.com", commits)
    restock_in_the_dashboard(django_app, size(flakes, "2 kg"), 5, commits)

    assert [message.subject for message in mail.outbox] == [
        "Please confirm: email me when Zechstein bath flakes (2 kg) is back"
    ]


def test_a_signed_in_shopper_asks_with_one_click_and_hears_once(django_app, flakes, commits):
    shopper = UserFactory(email="bo@example.com")
    page = django_app.get(flakes.get_absolute_url(), user=shopper)
    form = page.forms["size_alert_form"]
    assert "email" not in form.fields
    assert "We will email you once" in form.submit().follow().text

    restock_in_the_dashboard(django_app, size(flakes, "2 kg"), 5, commits)
    with commits(execute=True):
        send_back_in_stock_alerts(size(flakes, "2 kg").pk)  # a second run finds nothing to do

    assert [(message.subject, message.to) for message in mail.outbox] == [
        ("Zechstein bath flakes (2 kg) is back in stock", ["bo@example.com"])
    ]


def test_everyone_waiting_gets_one_email_each(django_app, flakes, commits):
    waiting = [UserFactory(email=f"shopper{n}@example.com") for n in range(3)]
    for shopper in waiting:
        django_app.get(flakes.get_absolute_url(), user=shopper).forms["size_alert_form"].submit()

    restock_in_the_dashboard(django_app, size(flakes, "2 kg"), 1, commits)

    assert sorted(message.to[0] for message in mail.outbox) == [s.email for s in waiting]
    assert all("may not last long" in message.body for message in mail.outbox)


@pytest.mark.parametrize("posted_size", ["", "x", "99999999", "in stock", "other product"])
def test_a_size_that_is_not_a_sold_out_one_of_this_product_is_refused(
    django_app, flakes, posted_size
):
    other = sized_product(title="Dead Sea flakes", sizes=1).children.get()
    value = {
        "in stock": str(size(flakes, "1 kg").pk),
        "other product": str(other.pk),
    }.get(posted_size, posted_size)
    page = django_app.get(flakes.get_absolute_url())
    form = page.forms["size_alert_form"]
    form["size"].force_value(value)
    form["email"] = "ada@example.com"

    answer = form.submit(status=400)

    assert "Please choose one of the sold-out sizes." in answer.text
    assert not ProductAlert.objects.exists()


def test_a_bad_address_or_a_second_request_is_refused_with_the_reason(django_app, flakes, commits):
    page = django_app.get(flakes.get_absolute_url())
    form = page.forms["size_alert_form"]
    form["email"] = "not an address"
    assert "Enter a valid email address." in form.submit(status=400).text

    shopper = UserFactory()
    django_app.get(flakes.get_absolute_url(), user=shopper).forms["size_alert_form"].submit()
    again = django_app.get(flakes.get_absolute_url(), user=shopper).forms["size_alert_form"]
    assert "You already have an active alert for this product" in again.submit(status=400).text
    assert ProductAlert.objects.count() == 1


def test_a_product_with_every_size_in_stock_offers_no_alert(django_app):
    product = sized_product(title="Dead Sea flakes", sizes=2)
    assert "size_alert_form" not in django_app.get(product.get_absolute_url()).forms
