from django.db import migrations

from store.storefront.group_permissions import grant_permissions

SHOP_STAFF = "Shop staff"
VIEW_CODENAMES = ["view_cardpayment", "view_cardrefund", "view_stripeevent"]


def let_shop_staff_view_payments(apps, schema_editor):
    """Let the Shop staff group read card payments, refunds and Stripe events (no more)."""
    grant_permissions(apps, group=SHOP_STAFF, app_label="payments", codenames=VIEW_CODENAMES)


def forget_payment_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name=SHOP_STAFF):
        group.permissions.remove(*group.permissions.filter(content_type__app_label="payments"))


class Migration(migrations.Migration):
    dependencies = [
        ("payments", "0001_initial"),
        ("storefront", "0001_shop_staff_group"),
    ]

    operations = [migrations.RunPython(let_shop_staff_view_payments, forget_payment_permissions)]
