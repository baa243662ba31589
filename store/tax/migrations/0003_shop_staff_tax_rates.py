from django.db import migrations

SHOP_STAFF = "Shop staff"
CODENAMES = ["view_taxrate", "add_taxrate", "change_taxrate", "delete_taxrate"]


def let_shop_staff_keep_tax_rates(apps, schema_editor):
    """Let the Shop staff group keep the tax rate table up to date in the admin."""
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("tax")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    shop_staff, _ = Group.objects.get_or_create(name=SHOP_STAFF)
    shop_staff.permissions.add(
        *Permission.objects.filter(content_type__app_label="tax", codename__in=CODENAMES)
    )


def forget_tax_rate_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name=SHOP_STAFF):
        group.permissions.remove(*group.permissions.filter(content_type__app_label="tax"))


class Migration(migrations.Migration):
    dependencies = [("tax", "0002_rates"), ("storefront", "0001_shop_staff_group")]

    operations = [migrations.RunPython(let_shop_staff_keep_tax_rates, forget_tax_rate_permissions)]
