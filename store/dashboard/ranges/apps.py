"""Oscar's offer ranges dashboard, forked so a category id no row could have is a form error."""

import oscar.apps.dashboard.ranges.apps as apps


class RangesDashboardConfig(apps.RangesDashboardConfig):
    name = "store.dashboard.ranges"
