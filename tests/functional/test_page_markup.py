"""Every page the shop serves runs under a strict Content-Security-Policy and needs no script.

Each page is fetched as its visitor would see it (a guest, a shopper with an account, shop staff,
an editor) and its HTML is read for what the policy forbids or what would be a dead control
without JavaScript: inline scripts and event handlers, style attributes, links to ``#`` or
``javascript:``, anything loaded from another site, and ``<noscript>`` notes (those belong only
beside Stripe's page). The browser tests prove the same pages in Chromium; this test covers more
pages, quickly.
"""

from html.parser import HTMLParser

import pytest
from oscar.core.loading import get_model
from oscar.test.factories import ConditionalOfferFactory

from tests.checkout_journey import add_to_basket, checkout_shop, fill_address
from tests.content_factories import ArticleFactory, ConditionPageFactory, editor_user
from tests.factories import UserFactory, bank_transfer_order, shop_staff_user
from tests.review_factories import ProductReviewFactory, review_form_url

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")

REQUIRED_POLICY = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
]

#: Script elements that hold data for search engines, which browsers never run.
DATA_BLOCKS = {"application/ld+json", "application/json"}


class MarkupReader(HTMLParser):
    """Read a page's HTML and note what a strict policy or a browser without scripts objects to."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self._in_inline_script = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        where = self.describe(tag, attributes)
        for name in attributes:
            if name.startswith("on"):
                self.problems.append(f"{where} has an inline handler {name}=")
        if "style" in attributes:
            self.problems.append(f"{where} has a style attribute")
        if tag == "style":
            self.problems.append("a <style> element")
        if tag == "noscript":
            self.problems.append("a <noscript> note")
        if tag == "script" and attributes.get("type") not in DATA_BLOCKS:
            source = attributes.get("src")
            if not source:
                self._in_inline_script = True
            elif not is_own(source):
                self.problems.append(f"a script from another site: {source}")
        stylesheet = tag == "link" and "stylesheet" in (attributes.get("rel") or "").split()
        if stylesheet and not is_own(attributes.get("href") or ""):
            self.problems.append(f"a stylesheet from another site: {attributes.get('href')}")
        href = (attributes.get("href") or "").strip()
        if tag == "a" and "href" in attributes and (href in ("", "#") or is_script_url(href)):
            self.problems.append(f"{where} is a dead link (href={href!r})")
        if tag == "form" and is_script_url(attributes.get("action") or ""):
            self.problems.append(f"{where} is sent to a script")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_inline_script = False

    def handle_data(self, data):
        if self._in_inline_script and data.strip():
            self.problems.append(f"an inline script: {data.strip()[:60]!r}")

    @staticmethod
    def describe(tag, attributes):
        label = attributes.get("id") or attributes.get("name") or attributes.get("class") or ""
        return f"<{tag} {label}>".replace(" >", ">")


def is_own(address):
    """Return True when ``address`` points at the shop itself (a path, not another host)."""
    return address.startswith("/") and not address.startswith("//")


def is_script_url(address):
    return address.strip().lower().startswith("javascript:")


def page_problems(response):
    """Return what is wrong with one page's headers and markup (empty when nothing is).

    ``response`` is the Django test client's or WebTest's.
    """
    problems = []
    policy = response.headers.get("Content-Security-Policy", "")
    problems += [f"the policy lacks {rule}" for rule in REQUIRED_POLICY if rule not in policy]
    if "unsafe-inline" in policy or "unsafe-eval" in policy:
        problems.append(f"the policy allows unsafe code: {policy}")
    reader = MarkupReader()
    reader.feed(response.text if hasattr(response, "text") else response.content.decode())
    return problems + reader.problems


def crawl(client, paths, status=200):
    """Fetch ``paths`` and return the problems found on each, keyed by path."""
    found = {}
    for path in paths:
        response = client.get(path)
        assert response.status_code == status, f"{path} answered {response.status_code}"
        problems = page_problems(response)
        if problems:
            found[path] = problems
    return found


@pytest.fixture
def shop(settings):
    shop = checkout_shop(settings)
    condition = ConditionPageFactory(published=True, products=[shop["product"]])
    article = ArticleFactory(published=True)
    condition.source_article = article
    condition.save()
    shop.update(condition=condition, article=article)
    return shop


def test_the_pages_a_guest_browses_need_no_script(client, shop):
    client.post(
        "/basket/add/{}/".format(shop["product"].pk),
        {"child_id": shop["size"].pk, "quantity": 1},
    )
    category = shop["product"].get_categories().first()
    review = ProductReviewFactory(product=shop["product"], approved=True)
    reviews = f"{shop['product'].get_absolute_url()}reviews/"

    problems = crawl(
        client,
        [
            "/",
            "/catalogue/",
            *([category.get_absolute_url()] if category else []),
            "/search/?q=flakes",
            "/catalogue/?sort_by=price-asc",
            shop["product"].get_absolute_url(),
            reviews,
            f"{reviews}{review.pk}/",
            "/basket/",
            "/conditions/",
            shop["condition"].get_absolute_url(),
            "/articles/",
            shop["article"].get_absolute_url(),
            "/accounts/login/",
            "/password-reset/",
        ],
    )

    assert problems == {}


def test_a_missing_page_needs_no_script(client, shop):
    assert crawl(client, ["/catalogue/no-such-product_999/", "/conditions/nothing/"], 404) == {}


def test_every_checkout_step_needs_no_script(django_app, shop):
    add_to_basket(django_app, shop, quantity=2)
    steps = []
    gateway = django_app.get("/checkout/")
    steps.append(gateway)
    form = next(form for form in gateway.forms.values() if "username" in form.fields)
    form["username"] = "guest@example.com"
    form["options"] = "anonymous"
    address = form.submit().follow()
    steps.append(address)
    methods = fill_address(address)
    steps.append(methods)
    standard = next(
        form for form in methods.forms.values() if form.get("method_code", default=None)
    )
    payment = standard.submit().follow()
    steps.append(payment)
    payment.forms["payment_method_form"]["method"] = "bank-transfer"
    preview = payment.forms["payment_method_form"].submit().follow()
    steps.append(preview)
    steps.append(preview.forms["place_order_form"].submit().follow())

    visited = [step.request.path for step in steps]
    problems = {step.request.path: page_problems(step) for step in steps}

    assert visited == [
        "/checkout/",
        "/checkout/shipping-address/",
        "/checkout/shipping-method/",
        "/checkout/payment-method/",
        "/checkout/preview/",
        "/checkout/thank-you/",
    ]
    assert {path: found for path, found in problems.items() if found} == {}


def test_a_shoppers_account_pages_need_no_script(client, shop):
    shopper = UserFactory()
    order = bank_transfer_order(size=shop["size"], email=shopper.email)
    Order.objects.filter(pk=order.pk).update(user=shopper)
    ProductReviewFactory(product=shop["product"], approved=True)
    client.force_login(shopper)

    problems = crawl(
        client,
        [
            "/accounts/profile/",
            "/accounts/profile/edit/",
            "/accounts/change-password/",
            "/accounts/orders/",
            f"/accounts/orders/{order.number}/",
            "/accounts/addresses/",
            "/accounts/addresses/add/",
            "/accounts/wishlists/",
            "/accounts/wishlists/create/",
            "/accounts/notifications/inbox/",
            "/accounts/alerts/",
            "/accounts/emails/",
            shop["product"].get_absolute_url(),
            review_form_url(shop["product"]),
        ],
    )

    assert problems == {}


def test_the_dashboard_pages_staff_use_need_no_script(client, shop):
    order = bank_transfer_order(size=shop["size"])
    ConditionalOfferFactory(name="Spring bath offer")
    review = ProductReviewFactory(product=shop["product"], title="Cured my migraine")
    client.force_login(shop_staff_user())

    problems = crawl(
        client,
        [
            "/dashboard/",
            "/dashboard/orders/",
            f"/dashboard/orders/{order.number}/",
            "/dashboard/catalogue/",
            f"/dashboard/catalogue/products/{shop['product'].pk}/",
            f"/dashboard/catalogue/products/{shop['size'].pk}/",
            "/dashboard/catalogue/stock-alerts/",
            "/dashboard/vouchers/",
            "/dashboard/offers/",
            "/dashboard/partners/create/",
            "/dashboard/catalogue/option/create/",
            "/dashboard/catalogue/product-types/",
            "/dashboard/catalogue/categories/",
            "/dashboard/ranges/",
            "/dashboard/reviews/",
            f"/dashboard/reviews/{review.pk}/",
            f"/dashboard/reviews/{review.pk}/delete/",
            "/dashboard/pages/",
            "/dashboard/comms/",
            "/dashboard/reports/",
            "/dashboard/content/articles/",
        ],
    )

    assert problems == {}


def test_the_editorial_pages_need_no_script(client, shop):
    client.force_login(editor_user())
    condition = shop["condition"]

    problems = crawl(
        client,
        [
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
        ],
    )
    problems.update(crawl(client, ["/dashboard/orders/"], status=403))

    assert problems == {}


def test_the_admin_pages_staff_use_need_no_script(client, shop):
    order = bank_transfer_order(size=shop["size"])
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    problems = crawl(
        client,
        [
            "/admin/",
            "/admin/order/order/",
            f"/admin/order/order/{order.pk}/change/",
            "/admin/shipping/orderanditemcharges/add/",
            "/admin/payments/cardpayment/",
        ],
    )

    assert problems == {}
