from django.db import migrations

SHOP_STAFF = "Shop staff"

#: The apps whose every permission a member of staff who runs the shop needs.
SHOP_APPS = [
    "address",
    "analytics",
    "basket",
    "catalogue",
    "communication",
    "content",
    "customer",
    "flatpages",
    "offer",
    "order",
    "partner",
    "payment",
    "reviews",
    "shipping",
    "voucher",
    "wishlists",
]


def create_shop_staff_group(apps, schema_editor):
    """Make the Shop staff group: products, stock, orders, offers and content, not accounts."""
    from django.contrib.auth.management import create_permissions

    for label in SHOP_APPS:
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    shop_staff, _ = Group.objects.get_or_create(name=SHOP_STAFF)
    shop_permissions = Permission.objects.filter(content_type__app_label__in=SHOP_APPS).exclude(
        codename__in=["add_revision", "change_revision", "delete_revision"]
    )
    shop_staff.permissions.set(shop_permissions)


def remove_shop_staff_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=SHOP_STAFF).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        *((label, "__latest__") for label in SHOP_APPS),
    ]

    operations = [migrations.RunPython(create_shop_staff_group, remove_shop_staff_group)]
