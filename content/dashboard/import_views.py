"""The dashboard's article import: an exported article becomes draft pages for an editor."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views import generic

from content.dashboard import forms
from content.importer import ArticleParseError
from content.importing import article_import


class ArticleImportView(generic.FormView):
    """Import an exported article as drafts, through ``content.importing.article_import``."""

    template_name = "oscar/dashboard/content/article_import.html"
    form_class = forms.ArticleImportForm

    def form_valid(self, form: forms.ArticleImportForm) -> HttpResponse:
        try:
            result = article_import(
                source=form.cleaned_data["source"],
                filename=form.cleaned_data["file"].name,
                user=self.request.user,
            )
        except ArticleParseError as refusal:
            form.add_error("file", str(refusal))
            return self.form_invalid(form)
        except ValidationError as refusal:
            form.add_error("file", refusal.messages)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Imported “%(title)s”: %(created)s created, %(updated)s updated, as drafts.")
            % {"title": result.title, "created": result.created, "updated": result.updated},
        )
        for title in result.skipped:
            messages.warning(
                self.request,
                _("“%(title)s” is published, so the import left it as it was.") % {"title": title},
            )
        return redirect("dashboard:content-article-list")
