"""Oscar's reviews dashboard, forked so staff moderate reviews with checked forms."""

import oscar.apps.dashboard.reviews.apps as apps


class ReviewsDashboardConfig(apps.ReviewsDashboardConfig):
    name = "store.dashboard.reviews"
