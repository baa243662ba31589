default_app_config = "store.analytics.apps.AnalyticsConfig"
