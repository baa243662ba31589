"""Oscar's reviews dashboard, forked so staff moderate reviews with checked forms."""

import oscar.apps.dashboard.reviews.apps as apps

from store.dashboard.writes import WritesNeedPermission


class ReviewsDashboardConfig(WritesNeedPermission, apps.ReviewsDashboardConfig):
    name = "store.dashboard.reviews"

    #: Seeing the list needs only "view"; its bulk status change needs "change".
    write_permissions = {"reviews-list": ["reviews.change_productreview"]}
