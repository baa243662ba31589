from django.db import migrations

SHOP_STAFF = "Shop staff"
VIEW_CODENAMES = ["view_cardpayment", "view_cardrefund", "view_stripeevent"]


def let_shop_staff_view_payments(apps, schema_editor):
    """Let the Shop staff group read card payments, refunds and Stripe events (no more)."""
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("payments")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    shop_staff, _ = Group.objects.get_or_create(name=SHOP_STAFF)
    shop_staff.permissions.add(
        *Permission.objects.filter(content_type__app_label="payments", codename__in=VIEW_CODENAMES)
    )


def forget_payment_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name=SHOP_STAFF):
        group.permissions.remove(
            *group.permissions.filter(content_type__app_label="payments")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("payments", "0001_initial"),
        ("storefront", "0001_shop_staff_group"),
    ]

    operations = [migrations.RunPython(let_shop_staff_view_payments, forget_payment_permissions)]
