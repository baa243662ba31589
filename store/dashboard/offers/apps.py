"""Oscar's offers dashboard, forked so suspending an offer needs change_conditionaloffer."""

import oscar.apps.dashboard.offers.apps as apps

from store.dashboard.writes import WritesNeedPermission


class OffersDashboardConfig(WritesNeedPermission, apps.OffersDashboardConfig):
    name = "store.dashboard.offers"

    write_permissions = {"offer-detail": ["offer.change_conditionaloffer"]}
