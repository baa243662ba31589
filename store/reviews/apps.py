"""Oscar's product reviews, forked for a form that works without JavaScript and for moderation."""

import oscar.apps.catalogue.reviews.apps as apps
from oscar.core.loading import get_class


class CatalogueReviewsConfig(apps.CatalogueReviewsConfig):
    name = "store.reviews"

    # pylint: disable=attribute-defined-outside-init
    def ready(self) -> None:
        """Take the views from this app.

        Oscar looks them up as ``catalogue.reviews.views``, a module inside whichever app has
        the label ``catalogue``; that is the shop's catalogue fork, not this app, so the views
        are named through this app's own label instead.
        """
        self.detail_view = get_class("reviews.views", "ProductReviewDetail")
        self.create_view = get_class("reviews.views", "CreateProductReview")
        self.vote_view = get_class("reviews.views", "AddVoteView")
        self.list_view = get_class("reviews.views", "ProductReviewList")
