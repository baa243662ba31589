from oscar.apps.catalogue.admin import *  # noqa: F403  (a forked Oscar app keeps Oscar's classes)
