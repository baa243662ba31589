"""The dashboard's pages for every kind of content: write, check, publish and restore pages.

Each view serves any registered kind (``content.kinds``), given by its URL pattern:
``PagePublishView.as_view(kind=kind)``. A view says where it sits under the kind's address
(``route``) and what a user needs to use it, so the dashboard builds every kind's URLs and
permissions from ``PAGE_VIEWS``. Every write goes through ``content.services``: a refusal
(``ValidationError``) comes back to the editor as form errors or messages, a
``PermissionDenied`` becomes a 403.
"""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views import generic

from content import services
from content.audit import finding_message, page_claim_findings
from content.dashboard import forms, selectors
from content.kinds import ContentKind
from content.models import Publishable, Revision
from content.preview import preview_link_create, preview_link_expires_at, preview_response
from content.selectors import revisions_of


def when(moment: datetime.datetime) -> str:
    """Return ``moment`` in local time, written the way the site writes dates and times."""
    return date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT")


class PageMixin:
    """Tie a view to the kind of page its URL pattern gives it, and to that kind's URLs."""

    kind: ContentKind | None = None
    #: The view's name among a kind's pages: its URL is named ``content-<kind>-<verb>``.
    verb: str
    #: Where the view sits under the kind's address.
    route: str
    #: What a user besides staff needs to use the view: actions on pages of the kind...
    needs: tuple[str, ...] = ("view",)
    #: ... and any other permissions.
    also_needs: tuple[str, ...] = ()
    #: The actions on pages of the kind a POST needs too (see ``WritesNeedPermission``).
    writes_need: tuple[str, ...] = ()

    def url_name(self, verb: str) -> str:
        """Return the dashboard URL name of ``verb`` for this kind of page."""
        return f"dashboard:{self.kind.url_name(verb)}"

    def get_page(self) -> Publishable:
        """Return the page the URL names, or answer 404."""
        return get_object_or_404(self.kind.model, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context.update(
            verbose_name=self.kind.model._meta.verbose_name,
            verbose_name_plural=self.kind.model._meta.verbose_name_plural,
            url_names={
                view.verb.replace("-", "_"): self.url_name(view.verb) for view in PAGE_VIEWS
            },
        )
        return context


class PageObjectMixin(PageMixin):
    """Load the page the URL names before handling the request."""

    def setup(self, request: HttpRequest, *args, **kwargs) -> None:
        super().setup(request, *args, **kwargs)
        self.page = self.get_page()

    def get_context_data(self, **kwargs) -> dict:
        return super().get_context_data(page=self.page, **kwargs)

    def page_redirect(self) -> HttpResponse:
        """Go back to the page's edit form."""
        return redirect(self.url_name("update"), pk=self.page.pk)


class PageListView(PageMixin, generic.ListView):
    verb, route = "list", ""
    template_name = "oscar/dashboard/content/page_list.html"
    context_object_name = "pages"
    paginate_by = 25

    def get_queryset(self):
        self.filter_form = forms.PageFilterForm(self.request.GET or None)
        return selectors.page_list(self.kind.model, **self.filter_form.filters())

    def get_context_data(self, **kwargs) -> dict:
        return super().get_context_data(filter_form=self.filter_form, **kwargs)


class PageEditMixin(PageMixin):
    """Show the page form with its citations and products; save through the service."""

    template_name = "oscar/dashboard/content/page_form.html"

    def get_editor(self, page: Publishable, **kwargs) -> forms.PageEditor:
        return forms.PageEditor(self.kind, page=page, **kwargs)

    def bound_editor(self, page: Publishable) -> forms.PageEditor:
        return self.get_editor(page, data=self.request.POST, files=self.request.FILES)

    def save(self, editor: forms.PageEditor) -> HttpResponse:
        """Save the page through the publishing service, or show the editor what is wrong."""
        if editor.is_valid():
            try:
                page = services.page_save(user=self.request.user, **editor.save_arguments())
            except ValidationError as refusal:
                editor.add_refusal(refusal)
            else:
                messages.success(self.request, _("Saved “%(title)s”.") % {"title": page.title})
                return redirect(self.url_name("update"), pk=page.pk)
        return self.render_to_response(self.get_context_data(editor=editor))


class PageCreateView(PageEditMixin, generic.TemplateView):
    verb, route = "create", "create/"
    needs, writes_need = ("view", "add"), ("add",)

    def get_context_data(self, **kwargs) -> dict:
        initial = self.kind.initial_values(self.request.user)
        kwargs.setdefault("editor", self.get_editor(self.kind.model(), initial=initial))
        return super().get_context_data(is_new=True, **kwargs)

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        return self.save(self.bound_editor(self.kind.model()))


class PageUpdateView(PageEditMixin, PageObjectMixin, generic.TemplateView):
    verb, route = "update", "<int:pk>/"
    needs, writes_need = ("view", "change"), ("change",)

    def get_context_data(self, **kwargs) -> dict:
        kwargs.setdefault("editor", self.get_editor(self.page))
        return super().get_context_data(
            is_new=False,
            publish_form=forms.PublishForm(),
            publish_problems=services.publish_problems(self.page),
            claim_problems=[finding_message(found) for found in page_claim_findings(self.page)],
            **kwargs,
        )

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        return self.save(self.bound_editor(self.page))


class PagePreviewView(PageObjectMixin, generic.View):
    verb, route = "preview", "<int:pk>/preview/"

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        back_url = reverse(self.url_name("update"), kwargs={"pk": self.page.pk})
        return preview_response(request, self.page, back_url=back_url, mark_claims=True)


class PagePreviewLinkView(PageObjectMixin, generic.TemplateView):
    """Make a signed link that lets someone without an account read the page until it expires."""

    verb, route = "preview-link", "<int:pk>/preview-link/"
    needs = ("view", "change")
    template_name = "oscar/dashboard/content/preview_link.html"

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        return self.render_to_response(
            self.get_context_data(
                link=preview_link_create(self.page),
                expires_at=preview_link_expires_at(),
            )
        )


class PageActionView(PageObjectMixin, generic.TemplateView):
    """Ask to confirm on GET; on POST act through the publishing service and go back."""

    template_name = "oscar/dashboard/content/page_confirm.html"
    title: str
    question: str
    button: str
    done: str

    def act(self, page: Publishable) -> None:
        raise NotImplementedError

    def get_context_data(self, **kwargs) -> dict:
        return super().get_context_data(
            title=self.title,
            question=self.question % {"title": self.page.title},
            button=self.button,
            **kwargs,
        )

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            self.act(self.page)
        except ValidationError as refusal:
            for message in refusal.messages:
                messages.error(request, message)
        else:
            messages.success(request, self.done % {"title": self.page.title})
        return self.page_redirect()


class PageSubmitView(PageActionView):
    verb, route = "submit", "<int:pk>/submit/"
    needs = ("view", "change")
    title = _("Submit for review")
    question = _("Send “%(title)s” to review, so a reviewer can check it before it is published?")
    button = _("Submit for review")
    done = _("“%(title)s” is waiting for review.")

    def act(self, page: Publishable) -> None:
        services.page_submit_for_review(page=page, user=self.request.user)


class PageUnpublishView(PageActionView):
    verb, route = "unpublish", "<int:pk>/unpublish/"
    needs = ("view", "publish")
    title = _("Unpublish")
    question = _("Take “%(title)s” off the site and back to draft?")
    button = _("Unpublish")
    done = _("“%(title)s” is off the site and back to draft.")

    def act(self, page: Publishable) -> None:
        services.page_unpublish(page=page, user=self.request.user)


class PagePublishView(PageObjectMixin, generic.FormView):
    """Publish now or at a chosen time; show every reason the service gives for refusing."""

    verb, route = "publish", "<int:pk>/publish/"
    needs = ("view", "publish")
    template_name = "oscar/dashboard/content/page_publish.html"
    form_class = forms.PublishForm

    @cached_property
    def claim_findings(self) -> list:
        return page_claim_findings(self.page)

    def get_form_kwargs(self) -> dict:
        """Offer a reason box to those who may publish past the claims check, when it objects."""
        may_override = services.may_override_claims(self.page, self.request.user, checks=True)
        return {**super().get_form_kwargs(), "override": bool(self.claim_findings) and may_override}

    def get_context_data(self, **kwargs) -> dict:
        claims = [finding_message(found) for found in self.claim_findings]
        return super().get_context_data(
            publish_problems=services.publish_problems(self.page), claim_problems=claims, **kwargs
        )

    def form_valid(self, form: forms.PublishForm) -> HttpResponse:
        try:
            services.page_publish(
                page=self.page,
                user=self.request.user,
                at=form.cleaned_data["at"],
                claims_override_reason=form.cleaned_data.get("claims_override_reason", ""),
            )
        except ValidationError as refusal:
            form.add_error(None, refusal.messages)
            return self.form_invalid(form)
        if self.page.is_scheduled():
            message = _("“%(title)s” is scheduled: it goes live at %(at)s") % {
                "title": self.page.title,
                "at": when(self.page.publish_at),
            }
        else:
            message = _("“%(title)s” is live.") % {"title": self.page.title}
        messages.success(self.request, message)
        return self.page_redirect()


class PageRevisionListView(PageObjectMixin, generic.ListView):
    verb, route = "revision-list", "<int:pk>/revisions/"
    also_needs = ("content.view_revision",)
    template_name = "oscar/dashboard/content/revision_list.html"
    context_object_name = "revisions"
    paginate_by = 50

    def get_queryset(self):
        return revisions_of(self.page)


class PageRevisionRestoreView(PageObjectMixin, generic.TemplateView):
    """Confirm on GET; on POST put the page's content back as the revision recorded it."""

    verb, route = "revision-restore", "<int:pk>/revisions/<int:revision_pk>/restore/"
    needs, also_needs = ("view", "change"), ("content.view_revision",)
    template_name = "oscar/dashboard/content/revision_restore.html"

    @cached_property
    def revision(self) -> Revision:
        """Return the revision the URL names, if it is one of the page's, or answer 404."""
        return get_object_or_404(revisions_of(self.page), pk=self.kwargs["revision_pk"])

    def get_context_data(self, **kwargs) -> dict:
        return super().get_context_data(revision=self.revision, **kwargs)

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            services.revision_restore(revision=self.revision, user=request.user)
        except ValidationError as refusal:
            for message in refusal.messages:
                messages.error(request, message)
            return redirect(self.url_name("revision-list"), pk=self.page.pk)
        messages.success(
            request,
            _("Restored “%(title)s” as it was on %(when)s (the restore is a new revision)")
            % {
                "title": self.page.title,
                "when": when(self.revision.created_at),
            },
        )
        return self.page_redirect()


#: Every page a kind of content gets in the dashboard, in the order of its URL patterns.
PAGE_VIEWS: tuple[type[PageMixin], ...] = (
    PageListView,
    PageCreateView,
    PageUpdateView,
    PagePreviewView,
    PagePreviewLinkView,
    PageSubmitView,
    PagePublishView,
    PageUnpublishView,
    PageRevisionListView,
    PageRevisionRestoreView,
)
