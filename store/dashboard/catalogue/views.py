import logging

from django.contrib import messages
from django.utils.translation import gettext as _
from oscar.apps.dashboard.catalogue import views

from content.audit import finding_message, product_claim_findings

logger = logging.getLogger("store.claims")


class ProductCreateUpdateView(views.ProductCreateUpdateView):
    """Oscar's product form; once it is saved, staff are warned of any health claim its title
    or descriptions make in the shop's market (``content.compliance``), and the log keeps it."""

    def forms_valid(self, form, formsets):
        response = super().forms_valid(form, formsets)
        for found in product_claim_findings(self.object):
            logger.warning(
                "Product %s saved with a claim: %s", self.object.pk, finding_message(found)
            )
            messages.warning(
                self.request,
                _("Saved, but reword this before shoppers read it: %(finding)s")
                % {"finding": finding_message(found)},
            )
        return response


class CategoryUpdateView(views.CategoryUpdateView):
    """Oscar's category form, shown again after an error with the category as it is saved.

    The form writes what was posted into the category while checking it; with an empty name
    Oscar's page then linked to a category address with no slug, a server error.
    """

    def form_invalid(self, form):
        self.object = self.get_object()
        return super().form_invalid(form)
