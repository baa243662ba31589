"""No form in the shop answers hostile input with a 500, or writes half of what it was sent.

Each visitor (a guest, a signed-in shopper, shop staff, a superuser, an editor) walks the pages
they use; every form on those pages is sent NUL bytes, 100 kB strings, wrong types, absurd
numbers, invalid choices, missing and doubled fields, to its own action with its own method and
its CSRF token (tests/form_fuzzing.py). WebTest lets a view's exception through, so a crash is
caught and reported with the line it came from. A refused submission must leave orders, basket
lines, stock levels, reviews and content as they were; and no order may ever be left without
lines. The figures of each run are printed in the terminal summary.
"""

import pytest
from oscar.core.loading import get_model
from oscar.test.factories import ConditionalOfferFactory

from tests.checkout_journey import add_to_basket, checkout_shop
from tests.content_factories import ArticleFactory, ConditionPageFactory, editor_user
from tests.factories import UserFactory, bank_transfer_order, shop_staff_user
from tests.form_fuzzing import FuzzRun, fuzz_pages, orders_without_lines
from tests.review_factories import ProductReviewFactory, review_form_url

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")
UserAddress = get_model("address", "UserAddress")
Country = get_model("address", "Country")


@pytest.fixture
def shop(settings):
    shop = checkout_shop(settings)
    condition = ConditionPageFactory(published=True, products=[shop["product"]])
    article = ArticleFactory(published=True)
    condition.source_article = article
    condition.save()
    shop.update(condition=condition, article=article)
    shop["review"] = ProductReviewFactory(product=shop["product"], approved=True)
    shop["order"] = bank_transfer_order(size=shop["size"])
    ConditionalOfferFactory(name="Spring bath offer")
    return shop


def guest_pages(shop):
    product = shop["product"]
    reviews = f"{product.get_absolute_url()}reviews/"
    category = product.get_categories().first()
    return [
        "/",
        "/catalogue/",
        *([category.get_absolute_url()] if category else []),
        "/search/?q=flakes",
        product.get_absolute_url(),
        reviews,
        f"{reviews}{shop['review'].pk}/",
        "/basket/",
        "/conditions/",
        shop["condition"].get_absolute_url(),
        "/articles/",
        shop["article"].get_absolute_url(),
        "/accounts/login/",
        "/password-reset/",
        "/checkout/",
    ]


def shopper_pages(shop, shopper):
    order = bank_transfer_order(size=shop["size"], email=shopper.email)
    Order.objects.filter(pk=order.pk).update(user=shopper)
    address = UserAddress.objects.create(
        user=shopper,
        first_name="Ada",
        last_name="Lovelace",
        line1="1 Bath Street",
        line4="Bristol",
        postcode="BS1 1AA",
        country=Country.objects.get(iso_3166_1_a2="GB"),
    )
    return [
        "/accounts/profile/",
        "/accounts/profile/edit/",
        "/accounts/change-password/",
        "/accounts/orders/",
        f"/accounts/orders/{order.number}/",
        "/accounts/addresses/",
        "/accounts/addresses/add/",
        f"/accounts/addresses/{address.pk}/",
        "/accounts/wishlists/",
        "/accounts/wishlists/create/",
        "/accounts/notifications/inbox/",
        "/accounts/alerts/",
        "/accounts/emails/",
        shop["product"].get_absolute_url(),
        review_form_url(shop["product"]),
        "/basket/",
        "/checkout/shipping-address/",
        "/checkout/shipping-method/",
        "/checkout/payment-method/",
        "/checkout/preview/",
    ]


def staff_pages(shop):
    product = shop["product"]
    review = ProductReviewFactory(product=product, title="Cured my migraine")
    return [
        "/dashboard/",
        "/dashboard/orders/",
        f"/dashboard/orders/{shop['order'].number}/",
        "/dashboard/catalogue/",
        f"/dashboard/catalogue/products/{product.pk}/",
        f"/dashboard/catalogue/products/{shop['size'].pk}/",
        "/dashboard/catalogue/stock-alerts/",
        "/dashboard/vouchers/",
        "/dashboard/vouchers/create/",
        "/dashboard/offers/",
        "/dashboard/partners/",
        "/dashboard/partners/create/",
        "/dashboard/catalogue/option/create/",
        "/dashboard/catalogue/product-types/",
        "/dashboard/catalogue/categories/",
        "/dashboard/ranges/",
        "/dashboard/ranges/create/",
        "/dashboard/reviews/",
        f"/dashboard/reviews/{review.pk}/",
        "/dashboard/pages/",
        "/dashboard/pages/create/",
        "/dashboard/comms/",
        "/dashboard/reports/",
        "/dashboard/users/",
        "/dashboard/content/articles/",
    ]


def editor_pages(shop):
    condition = shop["condition"]
    return [
        "/dashboard/content/articles/",
        "/dashboard/content/articles/create/",
        f"/dashboard/content/articles/{shop['article'].pk}/",
        "/dashboard/content/conditions/",
        "/dashboard/content/conditions/create/",
        f"/dashboard/content/conditions/{condition.pk}/",
        f"/dashboard/content/conditions/{condition.pk}/preview/",
        f"/dashboard/content/conditions/{condition.pk}/revisions/",
        "/dashboard/content/citations/",
        "/dashboard/content/citations/create/",
        "/dashboard/content/import/",
    ]


def superuser_pages(shop):
    """Return the pages only a superuser sees: the dashboard's are the staff's and editors'."""
    return [
        "/admin/",
        "/admin/order/order/",
        f"/admin/order/order/{shop['order'].pk}/change/",
        "/admin/shipping/orderanditemcharges/add/",
        "/admin/payments/cardpayment/",
        "/dashboard/",
    ]


def fuzz_as(django_app, shop, visitor, record_property):
    """Fuzz every form ``visitor`` meets (None: a guest)."""
    if visitor is not None:
        django_app.set_user(visitor)
    add_to_basket(django_app, shop, quantity=2)
    run = FuzzRun()
    pages = {
        "guest": lambda: guest_pages(shop),
        "shopper": lambda: [*guest_pages(shop), *shopper_pages(shop, visitor)],
        "staff": lambda: staff_pages(shop),
        "superuser": lambda: superuser_pages(shop),
        "editor": lambda: editor_pages(shop),
    }[visitor_kind(visitor)]()
    fuzz_pages(django_app, pages, run, seen=set())
    record_property("form fuzzing", (visitor_kind(visitor), run.pages, run.forms, run.requests))
    return run


def visitor_kind(visitor):
    if visitor is None:
        return "guest"
    if visitor.is_superuser:
        return "superuser"
    if visitor.groups.filter(name="Editors").exists():
        return "editor"
    return "staff" if visitor.is_staff else "shopper"


VISITORS = {
    "guest": lambda: None,
    "shopper": lambda: UserFactory(),
    "shop staff": shop_staff_user,
    "superuser": lambda: UserFactory(is_staff=True, is_superuser=True),
    "editor": editor_user,
}


@pytest.mark.parametrize("visitor", VISITORS)
def test_no_form_answers_hostile_input_with_a_server_error(
    django_app, shop, visitor, record_property
):
    run = fuzz_as(django_app, shop, VISITORS[visitor](), record_property)

    assert run.forms > 0
    assert not run.server_errors, "\n".join(failure.describe() for failure in run.server_errors)
    assert not run.half_written, "\n".join(failure.describe() for failure in run.half_written)
    assert orders_without_lines() == []


def shopper_at_the_address_step(django_app, settings):
    """Return a shopper with a saved address and a basket, and the shipping-address page."""
    shop = checkout_shop(settings)
    shopper = UserFactory()
    shopper_pages(shop, shopper)
    django_app.set_user(shopper)
    add_to_basket(django_app, shop)
    return shopper, django_app.get("/checkout/shipping-address/")


@pytest.mark.parametrize(
    "address_id", ["abc", "magnesium\x00flakes", "NaN", "-1", "99999999999999999999", "²"]
)
def test_choosing_a_saved_address_that_is_not_a_number_is_a_404(django_app, settings, address_id):
    shopper, page = shopper_at_the_address_step(django_app, settings)
    token = page.forms[f"select_shipping_address_{shopper.addresses.get().pk}"]

    answer = django_app.post(
        "/checkout/shipping-address/",
        {
            "csrfmiddlewaretoken": token["csrfmiddlewaretoken"].value,
            "action": "ship_to",
            "address_id": address_id,
        },
        expect_errors=True,
    )

    assert answer.status_code == 404


def test_choosing_someone_elses_saved_address_is_a_404(django_app, settings):
    shopper, page = shopper_at_the_address_step(django_app, settings)
    form = page.forms[f"select_shipping_address_{shopper.addresses.get().pk}"]
    stranger = UserFactory()
    strangers_address = shopper.addresses.get()
    strangers_address.pk = None
    strangers_address.user = stranger
    strangers_address.save()
    form["address_id"] = str(strangers_address.pk)

    assert form.submit(expect_errors=True).status_code == 404


def test_choosing_ones_own_saved_address_goes_on_to_delivery(django_app, settings):
    shopper, page = shopper_at_the_address_step(django_app, settings)

    answer = page.forms[f"select_shipping_address_{shopper.addresses.get().pk}"].submit()

    assert answer.status_code == 302
    assert answer.url.endswith("/checkout/shipping-method/")
