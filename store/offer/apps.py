"""Oscar's offer app, forked so that every discount it gives is in whole pennies per line."""

import oscar.apps.offer.apps as apps


class OfferConfig(apps.OfferConfig):
    name = "store.offer"
