"""Every dashboard page, for seven kinds of user, by GET and by POST: who gets in and who does not.

The pages come from the URL configuration (tests/dashboard_rows.py), so a page added later is
checked too. Each request runs in a savepoint that is rolled back, so what one admitted POST
deletes is there for the next page. The expected answers:

- anonymous visitors are sent to the dashboard's sign-in page;
- shoppers are refused everything (403);
- editors use the content section and are sent there from the dashboard's front; a content
  writer without the publish permissions is refused publishing and unpublishing;
- view-only staff (every ``view_*`` permission of the Shop staff group, nothing else) see the
  lists and detail pages and are refused every form that changes something;
- shop staff use everything but customer accounts (and partners' user accounts);
- a superuser uses everything.

"Admitted" is a page or a redirect other than to sign in; a method a page does not take (405)
shows and changes nothing, and counts as either. Anything else (404, 5xx) fails.
"""

import pytest
from django.db import transaction

from tests.content_factories import content_writer_user, editor_user
from tests.dashboard_rows import dashboard_patterns, dashboard_rows, dashboard_url
from tests.factories import UserFactory, shop_staff_user, view_only_staff_user

pytestmark = pytest.mark.django_db

USERS = {
    "anonymous": lambda: None,
    "shopper": UserFactory,
    "editor": editor_user,
    "content writer without publish": content_writer_user,
    "view-only staff": view_only_staff_user,
    "shop staff": shop_staff_user,
    "superuser": lambda: UserFactory(staff=True, is_superuser=True),
}

SIGN_IN, REFUSED, ADMITTED, TO_CONTENT = "sign in", "refused", "admitted", "sent to content"
CONTENT_LIST = "/dashboard/content/articles/"

FRONT_PAGES = {"index", "content-index"}
PUBLISHING = {
    "content-article-publish",
    "content-article-unpublish",
    "content-condition-publish",
    "content-condition-unpublish",
    "content-shop-page-publish",
    "content-shop-page-unpublish",
}
#: What view-only staff may open besides the content section, which any staff may read.
VIEW_ONLY_PAGES = {
    "index",
    "catalogue-product-list",
    "catalogue-product-lookup",
    "catalogue-category-list",
    "catalogue-category-detail-list",
    "catalogue-class-list",
    "catalogue-attribute-option-group-list",
    "catalogue-option-list",
    "stock-alert-list",
    "order-list",
    "order-stats",
    "order-detail",
    "order-line-detail",
    "order-receipt",
    "order-credit-note",
    "offer-list",
    "offer-detail",
    "range-list",
    "voucher-list",
    "voucher-stats",
    "voucher-set-list",
    "voucher-set-detail",
    "voucher-set-download",
    "partner-list",
    "partner-manage",
    "reviews-list",
    "reports-index",
    "page-list",
    "comms-list",
    "shipping-method-list",
    "shipping-method-detail",
}
#: Forms view-only staff may send because they change nothing: the statistics' date range and
#: a preview link to a draft, which any staff member may read anyway.
VIEW_ONLY_POSTS = {
    "order-stats",
    "content-index",
    "content-article-preview-link",
    "content-condition-preview-link",
    "content-shop-page-preview-link",
}


def is_account_page(name: str) -> bool:
    return name.startswith(("users-", "user-", "partner-user-"))


def expected(kind: str, name: str, method: str) -> str:
    """Return what ``kind`` of user should get from the page ``name`` by ``method``."""
    content = name.startswith("content-")
    if kind == "anonymous":
        return SIGN_IN
    if kind == "shopper":
        return REFUSED
    if kind in {"editor", "content writer without publish"}:
        if name in FRONT_PAGES:
            return TO_CONTENT
        if not content or (kind != "editor" and name in PUBLISHING):
            return REFUSED
        return ADMITTED
    if kind == "view-only staff":
        if method == "get":
            return ADMITTED if content or name in VIEW_ONLY_PAGES else REFUSED
        return ADMITTED if name in VIEW_ONLY_POSTS else REFUSED
    if kind == "shop staff" and is_account_page(name):
        return REFUSED
    return ADMITTED


def outcome(response, wanted: str) -> str:
    """Name what ``response`` is, in the terms of ``expected``."""
    status, location = response.status_code, response.headers.get("Location", "")
    if status == 302 and location.startswith("/dashboard/login/"):
        return SIGN_IN
    if status == 302 and location == CONTENT_LIST and wanted == TO_CONTENT:
        return TO_CONTENT
    if status == 403:
        return REFUSED
    if status == 405 and wanted in {REFUSED, ADMITTED}:
        return wanted
    if status in {200, 302}:
        return ADMITTED
    return f"status {status}"


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("kind", USERS)
def test_each_kind_of_user_gets_exactly_the_expected_answer_on_every_dashboard_page(
    django_app_factory, kind, method
):
    app = django_app_factory(csrf_checks=False)
    rows = dashboard_rows()
    user = USERS[kind]()
    pages = dashboard_patterns()

    wrong = []
    for name, params in pages:
        url = dashboard_url(name, params, rows)
        wanted = expected(kind, name, method)
        with transaction.atomic():
            response = getattr(app, method)(url, user=user, status="*")
            transaction.set_rollback(True)
        got = outcome(response, wanted)
        if got != wanted:
            wrong.append(f"{method.upper()} {url} ({name}): expected {wanted}, got {got}")

    assert len(pages) > 100
    assert wrong == []
