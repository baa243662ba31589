from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class TaxConfig(AppConfig):
    name = "store.tax"
    label = "tax"
    verbose_name = _("Tax")

    def ready(self) -> None:
        """Forget the cached rate table whenever a rate changes; refill a flushed table."""
        from store.tax.selectors import forget_tax_table

        rate = self.get_model("TaxRate")
        post_save.connect(forget_tax_table, sender=rate, dispatch_uid="tax-rate-saved")
        post_delete.connect(forget_tax_table, sender=rate, dispatch_uid="tax-rate-deleted")
        post_migrate.connect(refill_flushed_rates, sender=self, dispatch_uid="tax-rates-refilled")


def refill_flushed_rates(sender, using="default", **kwargs) -> None:
    """Put the default rates back in a rate table ``manage.py flush`` emptied.

    Flushing (as transactional tests do after each test) empties every table and then, as
    after ``migrate``, sends ``post_migrate``; a shop is never left charging no tax at all. A
    migrated table the data migration filled is left alone.
    """
    from store.tax.default_rates import add_default_rates
    from store.tax.selectors import forget_tax_table

    rate = sender.get_model("TaxRate")
    if rate._meta.db_table not in connections[using].introspection.table_names():
        return  # the app was just migrated back to nothing
    if not rate.objects.using(using).exists():
        add_default_rates(rate, using)
        forget_tax_table()
