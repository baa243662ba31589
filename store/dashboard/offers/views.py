from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from oscar.apps.dashboard.offers import views


class OfferDetailView(views.OfferDetailView):
    """Oscar's offer page, going back to itself when a post asks neither to suspend nor to
    reinstate the offer (Oscar's answered nothing, a server error)."""

    def post(self, request, *args, **kwargs):
        if "suspend" in request.POST or "unsuspend" in request.POST:
            return super().post(request, *args, **kwargs)
        messages.error(request, _("Choose whether to suspend or reinstate the offer."))
        return redirect("dashboard:offer-detail", pk=self.offer.pk)
