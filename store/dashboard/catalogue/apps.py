"""Oscar's catalogue dashboard, forked so a product chooser ignores a tampered id."""

import oscar.apps.dashboard.catalogue.apps as apps


class CatalogueDashboardConfig(apps.CatalogueDashboardConfig):
    name = "store.dashboard.catalogue"
