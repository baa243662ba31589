"""Who reaches the admin and a draft's preview link; what each user gets from the content writes.

Every dashboard page, GET and POST, is in test_dashboard_permission_matrix.py. Here:

- anonymous visitors are sent to the admin's sign-in page;
- shoppers and editors are refused the admin (403);
- staff (a superuser, as ``create_demo_staff`` makes) reach everything;
- staff without permissions reach the admin's front page, but not models they may not view;
- a preview link opens a draft for anyone who has it.
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
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

CONTENT_LIST = "/dashboard/content/articles/"

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
PREVIEW_LINK = "/preview/{token}/"

ALL_URLS = [ADMIN_INDEX, *ADMIN_MODEL_URLS, PREVIEW_LINK]
USERS = ["anonymous", "shopper", "editor", "staff", "staff_without_permissions"]

OK, FORBIDDEN = 200, 403


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
    if user in {"shopper", "editor"}:
        return FORBIDDEN
    if user == "staff":
        return OK
    return OK if url == ADMIN_INDEX else FORBIDDEN


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
        "/dashboard/content/shop-pages/",
        "/dashboard/content/import/",
    }


def test_an_editor_never_sees_the_shops_figures_on_the_dashboards_front_page(django_app):
    editor = editor_user()

    landing = django_app.get("/dashboard/", user=editor).follow()

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
