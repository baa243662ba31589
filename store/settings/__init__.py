"""Settings for the shop, split by environment: base, local, production and test."""
