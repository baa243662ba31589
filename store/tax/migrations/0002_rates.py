"""Start the rate table with the rates of ``store.tax.default_rates``."""

from django.db import migrations

from store.tax.default_rates import add_default_rates


def add_rates(apps, schema_editor):
    add_default_rates(apps.get_model("tax", "TaxRate"), schema_editor.connection.alias)


def remove_rates(apps, schema_editor):
    apps.get_model("tax", "TaxRate").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("tax", "0001_initial")]

    operations = [migrations.RunPython(add_rates, remove_rates)]
