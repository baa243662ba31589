from oscar.apps.basket.models import *  # noqa: F403  (a forked Oscar app keeps its models)
