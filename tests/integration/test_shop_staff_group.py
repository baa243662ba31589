"""Members of staff run the shop through the Shop staff group, made by a migration."""

import pytest
from django.contrib.auth.models import Group

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SHOP_SECTIONS = [
    "/dashboard/",
    "/dashboard/orders/",
    "/dashboard/catalogue/",
    "/dashboard/catalogue/stock-alerts/",
    "/dashboard/offers/",
    "/dashboard/vouchers/",
    "/admin/shipping/orderanditemcharges/",
    "/dashboard/content/articles/",
    "/dashboard/content/conditions/",
]


@pytest.fixture
def shop_staff_member():
    member = UserFactory(staff=True)
    member.groups.add(Group.objects.get(name="Shop staff"))
    return member


@pytest.mark.parametrize("url", SHOP_SECTIONS)
def test_a_member_of_shop_staff_reaches_every_page_they_run_the_shop_from(
    client, shop_staff_member, url
):
    client.force_login(shop_staff_member)

    assert client.get(url).status_code == 200


def test_shop_staff_cannot_rewrite_the_revision_record():
    codenames = set(
        Group.objects.get(name="Shop staff").permissions.values_list("codename", flat=True)
    )

    assert "view_revision" in codenames
    assert not codenames & {"add_revision", "change_revision", "delete_revision"}
