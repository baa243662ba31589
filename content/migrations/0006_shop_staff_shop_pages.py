from django.db import migrations

from store.storefront.group_permissions import grant_permissions, revoke_permissions

SHOP_STAFF = "Shop staff"
SHOP_PAGE_CODENAMES = [
    "view_shoppage",
    "add_shoppage",
    "change_shoppage",
    "delete_shoppage",
    "publish_shoppage",
]


def let_shop_staff_run_shop_pages(apps, schema_editor):
    """Let the Shop staff group write and publish the shop's pages, as it does all content.

    Publishing past the claims check stays for whoever answers for compliance, given by hand.
    """
    grant_permissions(apps, group=SHOP_STAFF, app_label="content", codenames=SHOP_PAGE_CODENAMES)


def forget_shop_page_permissions(apps, schema_editor):
    revoke_permissions(apps, group=SHOP_STAFF, app_label="content", codenames=SHOP_PAGE_CODENAMES)


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0005_shoppage"),
        ("storefront", "0001_shop_staff_group"),
    ]

    operations = [migrations.RunPython(let_shop_staff_run_shop_pages, forget_shop_page_permissions)]
