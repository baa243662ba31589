"""Who reaches what: every content dashboard page, every other dashboard section and the admin.

Each row is one user and one address, with the exact answer expected:

- anonymous visitors are sent to the sign-in page of the dashboard or of the admin;
- shoppers are refused everywhere (403);
- editors reach the content section, are sent there from the dashboard's front page, and are
  refused every other section and the admin;
- staff (a superuser, as ``create_demo_staff`` makes) reach everything;
- staff without permissions reach the content section and the fronts of the dashboard and the
  admin, but Oscar 4.2 and the admin refuse them sections whose model permissions they lack.
"""

from urllib.parse import quote

import pytest

from content import services
from content.models import Revision
from content.preview import preview_token_create
from tests.content_factories import (
    ArticleFactory,
    CitationFactory,
    ConditionPageFactory,
    editor_user,
)
from tests.factories import UserFactory, sized_product

pytestmark = pytest.mark.django_db

CONTENT_LIST = "/dashboard/content/articles/"

#: The content section, with placeholders for the rows the ``rows`` fixture makes.
CONTENT_URLS = [
    "/dashboard/content/articles/",
    "/dashboard/content/articles/create/",
    "/dashboard/content/articles/{article}/",
    "/dashboard/content/articles/{article}/preview/",
    "/dashboard/content/articles/{article}/preview-link/",
    "/dashboard/content/articles/{article}/submit/",
    "/dashboard/content/articles/{article}/publish/",
    "/dashboard/content/articles/{article}/unpublish/",
    "/dashboard/content/articles/{article}/revisions/",
    "/dashboard/content/articles/{article}/revisions/{article_revision}/restore/",
    "/dashboard/content/conditions/",
    "/dashboard/content/conditions/create/",
    "/dashboard/content/conditions/{condition}/",
    "/dashboard/content/conditions/{condition}/preview/",
    "/dashboard/content/conditions/{condition}/preview-link/",
    "/dashboard/content/conditions/{condition}/submit/",
    "/dashboard/content/conditions/{condition}/publish/",
    "/dashboard/content/conditions/{condition}/unpublish/",
    "/dashboard/content/conditions/{condition}/revisions/",
    "/dashboard/content/conditions/{condition}/revisions/{condition_revision}/restore/",
    "/dashboard/content/citations/",
    "/dashboard/content/citations/create/",
    "/dashboard/content/citations/{citation}/",
    "/dashboard/content/import/",
]

#: Every other dashboard section: orders, people, prices, stock, offers and the rest.
SHOP_URLS = [
    "/dashboard/orders/",
    "/dashboard/orders/statistics/",
    "/dashboard/users/",
    "/dashboard/users/alerts/",
    "/dashboard/offers/",
    "/dashboard/vouchers/",
    "/dashboard/catalogue/",
    "/dashboard/catalogue/products/{product}/",
    "/dashboard/catalogue/stock-alerts/",
    "/dashboard/partners/",
    "/dashboard/reports/",
    "/dashboard/ranges/",
    "/dashboard/reviews/",
    "/dashboard/pages/",
    "/dashboard/comms/",
    "/dashboard/shipping/weight-based/",
]

ADMIN_INDEX = "/admin/"
ADMIN_MODEL_URLS = [
    "/admin/order/order/",
    "/admin/auth/user/",
    "/admin/catalogue/product/",
    "/admin/partner/stockrecord/",
    "/admin/content/article/",
    "/admin/content/article/{article}/change/",
    "/admin/content/conditionpage/",
    "/admin/content/citation/",
    "/admin/content/revision/",
]

DASHBOARD_INDEX = "/dashboard/"
CONTENT_INDEX = "/dashboard/content/"
PREVIEW_LINK = "/preview/{token}/"

ALL_URLS = [
    DASHBOARD_INDEX,
    CONTENT_INDEX,
    *CONTENT_URLS,
    *SHOP_URLS,
    ADMIN_INDEX,
    *ADMIN_MODEL_URLS,
    PREVIEW_LINK,
]
USERS = ["anonymous", "shopper", "editor", "staff", "staff_without_permissions"]

OK, FORBIDDEN = 200, 403
TO_CONTENT = (302, CONTENT_LIST)


def sign_in_redirect(url: str) -> tuple[int, str]:
    """Return the redirect an anonymous visitor gets: to the matching sign-in page."""
    login = "/admin/login/" if url.startswith("/admin/") else "/dashboard/login/"
    return 302, f"{login}?next={quote(url, safe='/{}')}"


def expected(user: str, url: str) -> int | tuple[int, str]:
    """Return the status, or the status and address of the redirect, ``user`` gets at ``url``."""
    if url == PREVIEW_LINK:
        return OK
    if user == "anonymous":
        return sign_in_redirect(url)
    if user == "shopper":
        return FORBIDDEN
    if url == CONTENT_INDEX:
        return TO_CONTENT
    if user == "editor":
        if url == DASHBOARD_INDEX:
            return TO_CONTENT
        return OK if url in CONTENT_URLS else FORBIDDEN
    if user == "staff":
        return OK
    # Staff without permissions: Oscar's front page and the content section admit any staff
    # member; Oscar's other sections and the admin's model pages need model permissions.
    return OK if url in {DASHBOARD_INDEX, ADMIN_INDEX, *CONTENT_URLS} else FORBIDDEN


def make_user(kind: str):
    """Return a user of ``kind``, or None for an anonymous visitor."""
    return {
        "anonymous": lambda: None,
        "shopper": UserFactory,
        "editor": editor_user,
        "staff": lambda: UserFactory(staff=True, is_superuser=True),
        "staff_without_permissions": lambda: UserFactory(staff=True),
    }[kind]()


@pytest.fixture
def rows() -> dict[str, object]:
    """Make one of everything the addresses name: pages with revisions, a citation, a product."""
    citation = CitationFactory()
    article = ArticleFactory(citations=[citation])
    condition = ConditionPageFactory(citations=[citation])
    article_revision = services.revision_create(
        page=article, user=None, action=Revision.Action.CREATED
    )
    condition_revision = services.revision_create(
        page=condition, user=None, action=Revision.Action.CREATED
    )
    return {
        "article": article.pk,
        "condition": condition.pk,
        "article_revision": article_revision.pk,
        "condition_revision": condition_revision.pk,
        "citation": citation.pk,
        "product": sized_product(sizes=1).pk,
        "token": preview_token_create(condition),
    }


@pytest.mark.parametrize("url", ALL_URLS)
@pytest.mark.parametrize("user_kind", USERS)
def test_each_user_gets_exactly_the_expected_answer_at_each_address(
    django_app, rows, user_kind, url
):
    answer = expected(user_kind, url)

    response = django_app.get(url.format(**rows), user=make_user(user_kind), status="*")

    if isinstance(answer, tuple):
        status, location = answer
        assert (response.status_code, response.location) == (status, location.format(**rows))
    else:
        assert response.status_code == answer


def test_the_dashboard_menu_shows_editors_only_their_section(django_app):
    editor = editor_user()

    articles = django_app.get(CONTENT_LIST, user=editor)

    menu = articles.html.select_one("#bottom_nav_bar")
    links = {link["href"] for link in menu.select("a") if link["href"] != "#"}
    assert links == {
        "/dashboard/",
        "/dashboard/content/articles/",
        "/dashboard/content/conditions/",
        "/dashboard/content/citations/",
        "/dashboard/content/import/",
    }


def test_an_editor_never_sees_the_shops_figures_on_the_dashboards_front_page(django_app):
    editor = editor_user()

    landing = django_app.get(DASHBOARD_INDEX, user=editor).follow()

    assert landing.request.path == CONTENT_LIST
    assert "Total orders" not in landing.text
    assert "revenue" not in landing.text.lower()


def test_the_admin_still_sends_an_anonymous_visitor_to_its_sign_in_page(django_app):
    sign_in = django_app.get("/admin/").follow()

    assert sign_in.request.path == "/admin/login/"
    assert sign_in.status_code == 200


#: Writes through the publishing service: each answers by going back to the page's form, with
#: a message saying what happened or why the service refused.
SERVICE_WRITES = [
    "/dashboard/content/conditions/{condition}/submit/",
    "/dashboard/content/conditions/{condition}/publish/",
    "/dashboard/content/conditions/{condition}/unpublish/",
    "/dashboard/content/conditions/{condition}/revisions/{condition_revision}/restore/",
]
PREVIEW_LINK_WRITE = "/dashboard/content/conditions/{condition}/preview-link/"
PAGE_FORM = "/dashboard/content/conditions/{condition}/"


def expected_write(user: str, url: str) -> int | tuple[int, str]:
    """Return what ``user`` gets for a POST to ``url``.

    Staff without content permissions pass the dashboard's guard but the publishing service
    refuses them; a preview link does not go through the service, and any staff member may
    read the draft anyway.
    """
    if user == "anonymous":
        return sign_in_redirect(url)
    if user == "shopper":
        return FORBIDDEN
    if url == PREVIEW_LINK_WRITE:
        return OK
    if user == "staff_without_permissions":
        return FORBIDDEN
    return 302, PAGE_FORM


@pytest.mark.parametrize("url", [*SERVICE_WRITES, PREVIEW_LINK_WRITE])
@pytest.mark.parametrize("user_kind", USERS)
def test_each_user_gets_exactly_the_expected_answer_to_each_write(
    django_app_factory, rows, user_kind, url
):
    app = django_app_factory(csrf_checks=False)
    answer = expected_write(user_kind, url)

    response = app.post(url.format(**rows), user=make_user(user_kind), status="*")

    if isinstance(answer, tuple):
        status, location = answer
        assert (response.status_code, response.location) == (status, location.format(**rows))
    else:
        assert response.status_code == answer
