"""Oscar's review moderation pages, refusing a bad status instead of failing on it."""

from django.contrib import messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from oscar.apps.dashboard.reviews import views
from oscar.core.loading import get_classes

from store.ids import is_row_id
from store.reviews.services import review_claim_findings, review_moderate

DashboardProductReviewForm, ReviewDecisionForm = get_classes(
    "dashboard.reviews.forms", ["DashboardProductReviewForm", "ReviewDecisionForm"]
)


class ReviewListView(views.ReviewListView):
    """Oscar's review list, whose bulk status form is checked like any other form.

    Oscar's read the status with ``int()`` and saved whatever number came (a missing or
    non-numeric one failed with a server error), and let anyone who may see the list change it.
    """

    review_form_class = ReviewDecisionForm

    def get_selected_ids(self, request):
        """Return the ids of the chosen reviews; a value that is not an id chooses none.

        Oscar's handed every posted value to the database, and one that is not a number failed
        with a server error.
        """
        posted = request.POST.getlist(f"selected_{self.get_checkbox_object_name()}")
        if not all(is_row_id(value) for value in posted):
            return []
        return super().get_selected_ids(request)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["review_form"] = kwargs.get("review_form") or self.review_form_class()
        context["review_rows"] = [
            (review, review_claim_findings(review)) for review in context["review_list"]
        ]
        return context

    def update_selected_review_status(self, request, reviews):
        """Give the chosen ``reviews`` the posted status, or show the list again with why not."""
        form = self.review_form_class(request.POST)
        if not form.is_valid():
            self.object_list = self.get_queryset()
            context = self.get_context_data(review_form=form)
            return self.render_to_response(context, status=400)
        status = form.cleaned_data["status"]
        for review in reviews:
            review_moderate(review=review, status=status)
        count = len(reviews)
        messages.success(
            request,
            ngettext(
                "%(count)d review is now “%(status)s”.",
                "%(count)d reviews are now “%(status)s”.",
                count,
            )
            % {"count": count, "status": dict(form.fields["status"].choices)[status]},
        )
        return None


class ReviewUpdateView(views.ReviewUpdateView):
    """Oscar's page for one review, showing the health claims that held it back."""

    form_class = DashboardProductReviewForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["claim_findings"] = review_claim_findings(self.object)
        return context

    def form_valid(self, form):
        messages.success(self.request, _("The review is saved."))
        return super().form_valid(form)
