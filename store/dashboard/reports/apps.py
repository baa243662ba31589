"""Oscar's reports dashboard, forked so that every report downloaded as CSV is safe to open."""

import oscar.apps.dashboard.reports.apps as apps


class ReportsDashboardConfig(apps.ReportsDashboardConfig):
    name = "store.dashboard.reports"
