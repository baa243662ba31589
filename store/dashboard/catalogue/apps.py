"""Oscar's catalogue dashboard, forked: bulk changes need change permissions; checked ids."""

import oscar.apps.dashboard.catalogue.apps as apps

from store.dashboard.writes import WritesNeedPermission


class CatalogueDashboardConfig(WritesNeedPermission, apps.CatalogueDashboardConfig):
    name = "store.dashboard.catalogue"

    write_permissions = {
        "catalogue-product-list": ["catalogue.change_product"],
        "catalogue-category-list": ["catalogue.change_category"],
        "catalogue-category-detail-list": ["catalogue.change_category"],
    }
