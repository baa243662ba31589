"""The dashboard's content section: every kind of page, citations and the importer.

The pages of each kind of content, their URLs and their permissions are built from the kinds
registered in ``content.kinds`` when the URLs are built, so a new kind gets them all.
"""

from django.urls import URLPattern, path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView
from oscar.core.application import OscarDashboardConfig

from content.dashboard.permissions import (
    CONTENT_EDITOR,
    STAFF,
    Rule,
    page_permissions,
    page_write_permissions,
    staff_or,
)
from content.kinds import ContentKind, kinds
from store.dashboard.writes import WritesNeedPermission


class ContentDashboardConfig(WritesNeedPermission, OscarDashboardConfig):
    label = "content_dashboard"
    name = "content.dashboard"
    verbose_name = _("Content dashboard")

    namespace = "content-dashboard"

    #: Anything not named in the permissions map is for staff only.
    default_permissions = STAFF

    @property
    def permissions_map(self) -> dict[str, Rule]:
        """Let staff, and users with the matching content permissions, use each view."""
        return {
            "content-index": staff_or(*CONTENT_EDITOR),
            **{
                name: rule
                for kind in kinds()
                for name, rule in page_permissions(kind, self.page_views).items()
            },
            "content-citation-list": staff_or("content.view_citation"),
            "content-citation-create": staff_or("content.view_citation", "content.add_citation"),
            "content-citation-update": staff_or("content.view_citation", "content.change_citation"),
            "content-article-import": staff_or("content.view_article", "content.add_article"),
        }

    @property
    def write_permissions(self) -> dict[str, list[str]]:
        """Return what a POST to each page needs besides seeing it: the permission to save.

        Any member of staff may read the section; the publishing service checks the
        permission again, with the page's state.
        """
        return {
            **{
                name: needed
                for kind in kinds()
                for name, needed in page_write_permissions(kind, self.page_views).items()
            },
            "content-citation-create": ["content.add_citation"],
            "content-citation-update": ["content.change_citation"],
            "content-article-import": ["content.add_article", "content.add_conditionpage"],
        }

    # pylint: disable=attribute-defined-outside-init
    def ready(self) -> None:
        """Load the section's views, once the models they use are ready."""
        from content.dashboard import citation_views, import_views, page_views

        self.page_views = page_views.PAGE_VIEWS
        self.citation_list_view = citation_views.CitationListView
        self.citation_create_view = citation_views.CitationCreateView
        self.citation_update_view = citation_views.CitationUpdateView
        self.article_import_view = import_views.ArticleImportView

    def get_urls(self) -> list[URLPattern]:
        """Return the section's URLs, each guarded by its permission rule."""
        urls = [
            path(
                "",
                RedirectView.as_view(pattern_name="dashboard:content-article-list"),
                name="content-index",
            ),
            *(pattern for kind in kinds() for pattern in self._page_urls(kind)),
            path("citations/", self.citation_list_view.as_view(), name="content-citation-list"),
            path(
                "citations/create/",
                self.citation_create_view.as_view(),
                name="content-citation-create",
            ),
            path(
                "citations/<int:pk>/",
                self.citation_update_view.as_view(),
                name="content-citation-update",
            ),
            path("import/", self.article_import_view.as_view(), name="content-article-import"),
        ]
        return self.post_process_urls(urls)

    def _page_urls(self, kind: ContentKind) -> list[URLPattern]:
        """Return the URLs of one kind of page, under its path."""
        return [
            path(
                f"{kind.path}/{view.route}",
                view.as_view(kind=kind),
                name=kind.url_name(view.verb),
            )
            for view in self.page_views
        ]
