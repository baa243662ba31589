default_app_config = "store.shipping.apps.ShippingConfig"
