"""Oscar's order admin, where an order's status can be read but not edited.

Statuses change on the dashboard's order page, through ``store.order.services``, which knows
which moves are allowed and what each one does to stock, payment and the shopper.
"""

from django.contrib import admin
from oscar.apps.order.admin import *  # noqa: F403  (a forked Oscar app keeps its admin)
from oscar.apps.order.admin import OrderAdmin as OscarOrderAdmin
from oscar.core.loading import get_model

Order = get_model("order", "Order")


class OrderAdmin(OscarOrderAdmin):
    readonly_fields = (*OscarOrderAdmin.readonly_fields, "status")


admin.site.unregister(Order)
admin.site.register(Order, OrderAdmin)
