"""Oscar's offer applicator, asking the database a fixed number of questions per basket."""

from django.db.models import prefetch_related_objects
from oscar.apps.offer import applicator

from store.offer.selectors import note_range_membership, ranges_of


class Applicator(applicator.Applicator):
    """Oscar's applicator, with what its offers ask of each basket line read beforehand.

    Oscar checks, for every line, whether each offer's range contains the line's product and
    whether the offers already on the line may be combined with the next: a query each time.
    Here each range is asked once about all the basket's products and each offer's
    combinations are read with the offers, so a basket of thirty lines costs what one costs.
    """

    def apply_offers(self, basket, offers):
        """Apply ``offers`` to ``basket`` and note them on it for the basket page's upsells."""
        super().apply_offers(basket, offers)
        basket.offers_considered = list(offers)

    def get_offers(self, basket, user=None, request=None):
        offers = super().get_offers(basket, user, request)
        prefetch_related_objects(offers, "combinations")
        ranges = ranges_of(offers)
        if ranges:
            products = [line.product for line in basket.all_lines()]
            note_range_membership(ranges=ranges, products=products)
        return offers
