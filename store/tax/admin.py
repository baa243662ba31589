from django.contrib import admin

from store.tax.models import TaxRate


@admin.register(TaxRate)
class TaxRateAdmin(admin.ModelAdmin):
    """The rate table: staff change a rate here when the law changes it."""

    list_display = ["country", "region", "category", "rate", "taxes_shipping"]
    list_filter = ["category", "taxes_shipping", "country"]
    list_editable = ["rate", "taxes_shipping"]
    search_fields = ["country", "region"]
    ordering = ["country", "region", "category"]
