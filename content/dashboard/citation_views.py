"""The dashboard's citation pages: list, add and correct the sources pages cite."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views import generic

from content import services
from content.dashboard import forms, selectors
from content.models import Citation


class CitationListView(generic.ListView):
    template_name = "oscar/dashboard/content/citation_list.html"
    context_object_name = "citations"
    paginate_by = 50

    def get_queryset(self):
        self.filter_form = forms.CitationFilterForm(self.request.GET or None)
        return selectors.citation_list(**self.filter_form.filters())

    def get_context_data(self, **kwargs) -> dict:
        return super().get_context_data(filter_form=self.filter_form, **kwargs)


class CitationEditMixin:
    """Save a citation through the content service, which refreshes the pages citing it."""

    model = Citation
    form_class = forms.CitationForm
    template_name = "oscar/dashboard/content/citation_form.html"
    success_url = reverse_lazy("dashboard:content-citation-list")

    def form_valid(self, form) -> HttpResponse:
        try:
            citation = services.citation_save(citation=form.instance, user=self.request.user)
        except ValidationError as refusal:
            form.add_error(None, refusal)
            return self.form_invalid(form)
        except PermissionDenied as refusal:
            form.add_error(None, str(refusal))
            response = self.form_invalid(form)
            response.status_code = 403
            return response
        messages.success(
            self.request, _("Saved the citation “%(citation)s”.") % {"citation": citation}
        )
        return redirect(self.success_url)


class CitationCreateView(CitationEditMixin, generic.CreateView):
    pass


class CitationUpdateView(CitationEditMixin, generic.UpdateView):
    pass
