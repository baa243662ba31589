"""Staff manage the shop in Oscar's dashboard; shoppers are kept out of it."""

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_staff_member_reaches_the_dashboard(django_app):
    staff = UserFactory(staff=True)

    dashboard = django_app.get("/dashboard/", user=staff)

    assert dashboard.status_code == 200
    assert "Dashboard" in dashboard.text


def test_anonymous_shopper_is_redirected_to_sign_in_before_the_dashboard(django_app):
    response = django_app.get("/dashboard/")

    assert response.status_code == 302
    assert response.location.startswith("/dashboard/login/?next=/dashboard/")


def test_signed_in_shopper_is_refused_the_dashboard_with_the_shops_error_page(django_app):
    shopper = UserFactory()

    response = django_app.get("/dashboard/", user=shopper, status=403)

    assert "not permitted to access this page" in response.text
    assert "Dashboard" not in response.html.title.text


def test_staff_member_reaches_the_django_admin(django_app):
    admin_user = UserFactory(staff=True, is_superuser=True)

    admin_index = django_app.get("/admin/", user=admin_user)

    assert admin_index.status_code == 200
