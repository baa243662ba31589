from django.db import migrations

from store.storefront.group_permissions import grant_permissions, revoke_permissions

SHOP_STAFF = "Shop staff"
CODENAMES = ["view_taxrate", "add_taxrate", "change_taxrate", "delete_taxrate"]


def let_shop_staff_keep_tax_rates(apps, schema_editor):
    """Let the Shop staff group keep the tax rate table up to date in the admin."""
    grant_permissions(apps, group=SHOP_STAFF, app_label="tax", codenames=CODENAMES)


def forget_tax_rate_permissions(apps, schema_editor):
    revoke_permissions(apps, group=SHOP_STAFF, app_label="tax", codenames=CODENAMES)


class Migration(migrations.Migration):
    dependencies = [("tax", "0002_rates"), ("storefront", "0001_shop_staff_group")]

    operations = [migrations.RunPython(let_shop_staff_keep_tax_rates, forget_tax_rate_permissions)]
