default_app_config = "store.search.apps.SearchConfig"
