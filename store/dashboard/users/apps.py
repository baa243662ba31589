"""Oscar's customers dashboard, forked so a search too long for the database is a form error."""

import oscar.apps.dashboard.users.apps as apps


class UsersDashboardConfig(apps.UsersDashboardConfig):
    name = "store.dashboard.users"
