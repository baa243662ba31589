from oscar.apps.catalogue.reviews.models import *  # noqa: F403  (a forked Oscar app keeps its models)
