"""Oscar's shipping dashboard, forked so adding a weight band needs change_weightbased."""

import oscar.apps.dashboard.shipping.apps as apps

from store.dashboard.writes import WritesNeedPermission


class ShippingDashboardConfig(WritesNeedPermission, apps.ShippingDashboardConfig):
    name = "store.dashboard.shipping"

    write_permissions = {"shipping-method-detail": ["shipping.change_weightbased"]}
