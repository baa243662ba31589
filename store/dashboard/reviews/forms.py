"""Staff's review forms: one review edited, and the status given to the reviews chosen in a list."""

from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.apps.dashboard.reviews import forms as oscar_forms
from oscar.core.loading import get_model

from store.reviews.forms import (
    SCORE_CHOICES,
    RefuseRepeatedFieldsMixin,
    review_body_field,
    review_title_field,
)

ProductReview = get_model("reviews", "ProductReview")

#: The statuses staff give reviews from the list: a decision, not "requires moderation".
DECISIONS = [
    (ProductReview.APPROVED, _("Approved")),
    (ProductReview.REJECTED, _("Rejected")),
]


class DashboardProductReviewForm(RefuseRepeatedFieldsMixin, oscar_forms.DashboardProductReviewForm):
    """Oscar's form for one review, with the shopper form's checks on its text and score.

    Its status offers "Requires moderation" too, so a review still waiting shows as waiting
    (Oscar's form offers only approved and rejected, and so showed it as approved).
    """

    title = review_title_field()
    body = review_body_field()
    score = forms.TypedChoiceField(label=_("Score"), choices=SCORE_CHOICES, coerce=int)
    status = forms.TypedChoiceField(
        label=_("Status"), choices=ProductReview.STATUS_CHOICES, coerce=int
    )


class ReviewDecisionForm(forms.Form):
    """The status staff give every review chosen in the list."""

    status = forms.TypedChoiceField(
        label=_("Set the chosen reviews to"),
        choices=DECISIONS,
        coerce=int,
        error_messages={"invalid_choice": _("Choose approved or rejected.")},
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "decision_%s")
        super().__init__(*args, **kwargs)
