from oscar.apps.catalogue.reviews.admin import *  # noqa: F403  (a forked Oscar app keeps Oscar's classes)
