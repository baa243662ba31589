"""Oscar's review pages: only approved reviews are shown, and new ones go through the service."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from oscar.apps.catalogue.reviews import views
from oscar.core.loading import get_class

from store.reviews.selectors import approved_reviews, with_viewer_votes
from store.reviews.services import review_create

ProductReviewForm = get_class("reviews.forms", "ProductReviewForm")


class CreateProductReview(views.CreateProductReview):
    """Oscar's "write a review" page, for signed-in shoppers unless guests may review.

    The review is saved by ``review_create``, which decides whether it waits for moderation,
    and the shopper is told which.
    """

    form_class = ProductReviewForm

    def dispatch(self, request, *args, **kwargs):
        if not (request.user.is_authenticated or settings.OSCAR_ALLOW_ANON_REVIEWS):
            return redirect_to_login(request.get_full_path())
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            self.object = review_create(
                product=self.product,
                user=self.request.user,
                title=data["title"],
                body=data["body"],
                score=data["score"],
                name=data.get("name", ""),
                email=data.get("email", ""),
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
            return self.form_invalid(form)
        messages.success(self.request, self.thanks(self.object))
        response = HttpResponseRedirect(self.get_success_url())
        self.send_signal(self.request, response, self.object)
        return response

    def get_success_url(self):
        """Return the product page's reviews, where the shopper's waiting review is mentioned."""
        return f"{self.product.get_absolute_url()}#reviews"

    @staticmethod
    def thanks(review) -> str:
        """Return the thanks for ``review``, saying whether it waits for moderation."""
        if review.is_approved:
            return _("Thank you for reviewing this product.")
        return _(
            "Thank you for your review. It is waiting for moderation: our team reads every "
            "review before it appears on this page."
        )


class ProductReviewDetail(views.ProductReviewDetail):
    """One review on a page of its own, only once it is approved."""

    def get_queryset(self):
        return approved_reviews(product_id=self.kwargs["product_pk"], viewer=self.request.user)


class ProductReviewList(views.ProductReviewList):
    """Every approved review of a product, read with their authors and the viewer's votes."""

    def get_queryset(self):
        return with_viewer_votes(super().get_queryset(), viewer=self.request.user)


class AddVoteView(views.AddVoteView):
    """Oscar's "was this review helpful?", only for an approved review of this product."""

    def post(self, request, *args, **kwargs):
        get_object_or_404(
            approved_reviews(product_id=kwargs["product_pk"], viewer=request.user), pk=kwargs["pk"]
        )
        return super().post(request, *args, **kwargs)
