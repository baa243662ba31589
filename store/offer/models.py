from oscar.apps.offer.models import *  # noqa: F403  (a forked Oscar app keeps its models)

# The shop's benefits are proxy models of Oscar's Benefit: import them here, as Oscar's models
# module imports its own, so they are registered (and migrated) with the app.
from store.offer.benefits import *  # noqa: F403
