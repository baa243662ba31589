"""One of everything the dashboard's addresses name, and the address of every dashboard page.

The addresses are read from the URL configuration, so a page added later is found by the tests
that use them; its placeholders must then be named in ``PLACEHOLDERS``.
"""

from decimal import Decimal

from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from oscar.core.loading import get_model
from oscar.test import factories as oscar_factories

from content import services
from content.models import Revision
from store.receipts.services import credit_note_issue
from tests.content_factories import (
    ArticleFactory,
    CitationFactory,
    ConditionPageFactory,
    ShopPageFactory,
)
from tests.factories import CategoryFactory, UserFactory, bank_transfer_order, sized_product
from tests.review_factories import ProductReviewFactory

CommunicationEventType = get_model("communication", "CommunicationEventType")
WeightBased = get_model("shipping", "WeightBased")

#: For the pages whose URL name starts so (the longest prefix wins), the row each placeholder
#: names in ``dashboard_rows()``.
PLACEHOLDERS = {
    "catalogue-product": {
        "pk": "product",
        "parent_pk": "product",
        "product_class_slug": "product_class_slug",
    },
    "catalogue-category": {"pk": "category", "parent": "category"},
    "catalogue-class": {"pk": "product_class"},
    "catalogue-attribute-option-group": {"pk": "option_group"},
    "catalogue-option": {"pk": "option"},
    "order": {"number": "order_number", "note_id": "note", "line_id": "line"},
    "order-credit-note": {"number": "order_number", "credit_note_number": "credit_note"},
    "user": {"pk": "customer"},
    "user-alert": {"pk": "alert"},
    "page": {"pk": "flatpage"},
    "partner": {"pk": "partner", "partner_pk": "partner", "user_pk": "partner_user"},
    "offer": {"pk": "offer"},
    "range": {"pk": "range"},
    "reviews": {"pk": "review"},
    "voucher": {"pk": "voucher"},
    "voucher-set": {"pk": "voucher_set"},
    "comms": {"slug": "event_type"},
    "shipping-method": {"pk": "method"},
    "shipping-method-band": {"pk": "band", "method_pk": "method"},
    "content-article": {"pk": "article", "revision_pk": "article_revision"},
    "content-condition": {"pk": "condition", "revision_pk": "condition_revision"},
    "content-citation": {"pk": "citation"},
    "content-shop-page": {"pk": "shop_page", "revision_pk": "shop_page_revision"},
}

#: Pages outside the matrix: signing in and out are for everyone.
OPEN_TO_ALL = {"login", "logout"}


def dashboard_patterns() -> list[tuple[str, tuple[str, ...]]]:
    """Return each dashboard page as its URL name and the names of its placeholders."""
    found = []

    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, pattern.namespace or namespace)
            elif isinstance(pattern, URLPattern) and namespace == "dashboard":
                found.append((pattern.name, tuple(sorted(pattern.pattern.regex.groupindex))))

    walk(get_resolver().url_patterns, None)
    return sorted(
        {(name, params) for name, params in found if name not in OPEN_TO_ALL},
        key=lambda page: (page[0], page[1]),
    )


def dashboard_url(name: str, params: tuple[str, ...], rows: dict) -> str:
    """Return the address of the page ``name`` with its placeholders filled from ``rows``."""
    prefixes = [prefix for prefix in PLACEHOLDERS if name.startswith(prefix)]
    names = PLACEHOLDERS[max(prefixes, key=len)] if prefixes else {}
    return reverse(f"dashboard:{name}", kwargs={param: rows[names[param]] for param in params})


def dashboard_rows() -> dict[str, object]:
    """Make one row of each kind the dashboard's pages name, and return their keys."""
    category = CategoryFactory(name="Bath flakes")
    product = sized_product(sizes=1, category=category)
    size = product.children.get()
    order = bank_transfer_order(size=size, email="matrix@example.com")
    order.shipping_address = oscar_factories.ShippingAddressFactory()
    order.save()
    note = order.notes.create(message="Left with the neighbour", note_type="Info")
    customer = UserFactory()
    partner = size.stockrecords.get().partner
    partner_user = UserFactory()
    partner.users.add(partner_user)
    range_ = oscar_factories.RangeFactory()
    voucher = oscar_factories.VoucherFactory()
    method = WeightBased.objects.create(name="Parcel by weight")
    band = method.bands.create(upper_limit=2, charge="3.95")
    citation = CitationFactory()
    article = ArticleFactory(citations=[citation])
    condition = ConditionPageFactory(citations=[citation])
    shop_page = ShopPageFactory()
    return {
        "product": product.pk,
        "product_class_slug": product.product_class.slug,
        "category": category.pk,
        "product_class": product.product_class.pk,
        "option_group": oscar_factories.AttributeOptionGroupFactory().pk,
        "option": oscar_factories.OptionFactory().pk,
        "order_number": order.number,
        "note": note.pk,
        "credit_note": credit_note_issue(
            order=order, amount=Decimal("1.00"), refund_reference="re_matrix"
        ).number,
        "line": order.lines.get().pk,
        "customer": customer.pk,
        "alert": oscar_factories.ProductAlertFactory(product=size, user=customer).pk,
        "flatpage": flatpage().pk,
        "partner": partner.pk,
        "partner_user": partner_user.pk,
        "offer": oscar_factories.ConditionalOfferFactory(name="Spring bath offer").pk,
        "range": range_.pk,
        "review": ProductReviewFactory(product=product).pk,
        "voucher": voucher.pk,
        "voucher_set": oscar_factories.VoucherSetFactory().pk,
        "event_type": CommunicationEventType.objects.get_or_create(
            code="ORDER_PLACED", defaults={"name": "Order placed"}
        )[0].code,
        "method": method.pk,
        "band": band.pk,
        "article": article.pk,
        "condition": condition.pk,
        "article_revision": services.revision_create(
            page=article, user=None, action=Revision.Action.CREATED
        ).pk,
        "condition_revision": services.revision_create(
            page=condition, user=None, action=Revision.Action.CREATED
        ).pk,
        "citation": citation.pk,
        "shop_page": shop_page.pk,
        "shop_page_revision": services.revision_create(
            page=shop_page, user=None, action=Revision.Action.CREATED
        ).pk,
    }


def flatpage() -> FlatPage:
    page = FlatPage.objects.create(url="/delivery/", title="Delivery", content="Two days.")
    page.sites.add(Site.objects.get_current())
    return page
