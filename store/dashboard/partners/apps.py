"""Oscar's partners dashboard, forked so a search too long for the database is a form error."""

import oscar.apps.dashboard.partners.apps as apps


class PartnersDashboardConfig(apps.PartnersDashboardConfig):
    name = "store.dashboard.partners"
