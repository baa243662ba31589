from oscar.apps.offer.admin import *  # noqa: F403  (a forked Oscar app keeps its admin)
