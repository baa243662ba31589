from django.db import migrations

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
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("content")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    shop_staff, _ = Group.objects.get_or_create(name=SHOP_STAFF)
    shop_staff.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="content", codename__in=SHOP_PAGE_CODENAMES
        )
    )


def forget_shop_page_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name=SHOP_STAFF):
        group.permissions.remove(*group.permissions.filter(codename__in=SHOP_PAGE_CODENAMES))


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0005_shoppage"),
        ("storefront", "0001_shop_staff_group"),
    ]

    operations = [
        migrations.RunPython(let_shop_staff_run_shop_pages, forget_shop_page_permissions)
    ]
