default_app_config = 'store.dashboard.apps.DashboardConfig'
