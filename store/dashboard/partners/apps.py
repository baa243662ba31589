"""Oscar's partners dashboard, forked: renaming needs change_partner; searches are bounded."""

import oscar.apps.dashboard.partners.apps as apps

from store.dashboard.writes import WritesNeedPermission


class PartnersDashboardConfig(WritesNeedPermission, apps.PartnersDashboardConfig):
    name = "store.dashboard.partners"

    write_permissions = {"partner-manage": ["partner.change_partner"]}
