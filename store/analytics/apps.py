import oscar.apps.analytics.apps as apps


class AnalyticsConfig(apps.AnalyticsConfig):
    """Keep Oscar's analytics models for the dashboard, but record nothing on page views.

    Oscar's receivers write a row on every product view and search, so a GET writes to the
    database; on SQLite under load that turns into "database is locked" errors.
    """

    name = "store.analytics"

    def ready(self):
        """Connect no receivers: viewing a page must not write to the database."""
