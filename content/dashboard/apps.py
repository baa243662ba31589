"""The dashboard's content section: articles, condition pages, citations and the importer."""

from django.urls import URLPattern, path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView
from oscar.core.application import OscarDashboardConfig

from content.dashboard.permissions import STAFF, page_permissions, staff_or
from store.dashboard.writes import WritesNeedPermission


class ContentDashboardConfig(WritesNeedPermission, OscarDashboardConfig):
    label = "content_dashboard"
    name = "content.dashboard"
    verbose_name = _("Content dashboard")

    namespace = "content-dashboard"

    #: Anything not named in the permissions map is for staff only.
    default_permissions = STAFF

    #: Any member of staff may read the section; saving a form needs the content permission
    #: (the publishing service checks it again, with the page's state).
    write_permissions = {
        "content-article-create": ["content.add_article"],
        "content-article-update": ["content.change_article"],
        "content-condition-create": ["content.add_conditionpage"],
        "content-condition-update": ["content.change_conditionpage"],
        "content-citation-create": ["content.add_citation"],
        "content-citation-update": ["content.change_citation"],
        "content-article-import": ["content.add_article", "content.add_conditionpage"],
    }

    def configure_permissions(self) -> None:
        """Let staff, and users with the matching content permissions, use each view."""
        self.permissions_map = {
            "content-index": staff_or("view_article"),
            **page_permissions("article", "article"),
            **page_permissions("condition", "conditionpage"),
            "content-citation-list": staff_or("view_citation"),
            "content-citation-create": staff_or("view_citation", "add_citation"),
            "content-citation-update": staff_or("view_citation", "change_citation"),
            "content-article-import": staff_or("view_article", "add_article"),
        }

    # pylint: disable=attribute-defined-outside-init
    def ready(self) -> None:
        from content.dashboard import views

        self.article_views = {
            "list": views.ArticleListView,
            "create": views.ArticleCreateView,
            "update": views.ArticleUpdateView,
            "preview": views.ArticlePreviewView,
            "preview-link": views.ArticlePreviewLinkView,
            "submit": views.ArticleSubmitView,
            "publish": views.ArticlePublishView,
            "unpublish": views.ArticleUnpublishView,
            "revision-list": views.ArticleRevisionListView,
            "revision-restore": views.ArticleRevisionRestoreView,
        }
        self.condition_views = {
            "list": views.ConditionPageListView,
            "create": views.ConditionPageCreateView,
            "update": views.ConditionPageUpdateView,
            "preview": views.ConditionPagePreviewView,
            "preview-link": views.ConditionPagePreviewLinkView,
            "submit": views.ConditionPageSubmitView,
            "publish": views.ConditionPagePublishView,
            "unpublish": views.ConditionPageUnpublishView,
            "revision-list": views.ConditionPageRevisionListView,
            "revision-restore": views.ConditionPageRevisionRestoreView,
        }
        self.citation_list_view = views.CitationListView
        self.citation_create_view = views.CitationCreateView
        self.citation_update_view = views.CitationUpdateView
        self.article_import_view = views.ArticleImportView
        self.configure_permissions()

    def get_urls(self) -> list[URLPattern]:
        """Return the section's URLs, each guarded by its permission rule."""
        urls = [
            path(
                "",
                RedirectView.as_view(pattern_name="dashboard:content-article-list"),
                name="content-index",
            ),
            *self._page_urls("articles", "article", self.article_views),
            *self._page_urls("conditions", "condition", self.condition_views),
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

    @staticmethod
    def _page_urls(segment: str, url_slug: str, views: dict) -> list[URLPattern]:
        """Return the URLs of one kind of page, under ``segment``."""
        routes = {
            "list": "",
            "create": "create/",
            "update": "<int:pk>/",
            "preview": "<int:pk>/preview/",
            "preview-link": "<int:pk>/preview-link/",
            "submit": "<int:pk>/submit/",
            "publish": "<int:pk>/publish/",
            "unpublish": "<int:pk>/unpublish/",
            "revision-list": "<int:pk>/revisions/",
            "revision-restore": "<int:pk>/revisions/<int:revision_pk>/restore/",
        }
        return [
            path(f"{segment}/{route}", views[verb].as_view(), name=f"content-{url_slug}-{verb}")
            for verb, route in routes.items()
        ]
