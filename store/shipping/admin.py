from oscar.apps.shipping.admin import *  # noqa: F403  (a forked Oscar app keeps Oscar's classes)
