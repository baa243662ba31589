from oscar.apps.offer.abstract_models import AbstractRange

from store.offer.selectors import range_membership


class Range(AbstractRange):
    """Oscar's range, answering for a basket's products from what the applicator noted.

    ``store.offer.applicator`` asks each range about all the basket's products at once; a
    product it did not ask about is looked up as Oscar does.
    """

    def contains_product(self, product):
        known = range_membership(product)
        if self.pk in known:
            return known[self.pk]
        return super().contains_product(product)


from oscar.apps.offer.models import *  # noqa: E402, F403  (a forked Oscar app keeps its models)

# The shop's benefits are proxy models of Oscar's Benefit: import them here, as Oscar's models
# module imports its own, so they are registered (and migrated) with the app.
from store.offer.benefits import *  # noqa: E402, F403
