"""Content in the Django admin: pages and revisions to look up, citations to correct.

Articles and condition pages are read-only here. Saving them must go through
``content.services`` (permission, publishing rules, revision and cache in one place), and the
admin saves a page before its inlines, so it can neither hand the service the page with its
citations and products nor show the service's refusal as a form error. Staff edit and publish
pages in the dashboard's content section instead; each page here links to it.
"""

from django.contrib import admin
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from content.dashboard.forms import CitationForm
from content.models import (
    Article,
    ArticleCitation,
    Citation,
    ConditionCitation,
    ConditionPage,
    ConditionProduct,
    Revision,
)
from content.services import citation_save


class ReadOnlyAdminMixin:
    """Show the rows; never add, change or delete them here."""

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


class ArticleCitationInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = ArticleCitation
    fields = ["position", "citation"]
    extra = 0


class ConditionCitationInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = ConditionCitation
    fields = ["position", "citation"]
    extra = 0


class ConditionProductInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = ConditionProduct
    fields = ["position", "product", "usage_note"]
    extra = 0


class PageAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """A page, read-only, with a link to edit it in the dashboard."""

    dashboard_url_name: str
    list_display = ["title", "status", "publish_at", "expire_at", "updated_at", "edit_link"]
    list_filter = ["status"]
    search_fields = ["title", "slug", "summary"]
    date_hierarchy = "updated_at"
    readonly_fields = ["edit_link", "first_published_at", "last_published_at", "updated_at"]

    @admin.display(description=_("Edit and publish"))
    def edit_link(self, page) -> str:
        """Link to the page in the dashboard, where it is edited and published."""
        return format_html(
            '<a href="{}">{}</a>',
            reverse(self.dashboard_url_name, kwargs={"pk": page.pk}),
            _("Open in the dashboard"),
        )


@admin.register(Article)
class ArticleAdmin(PageAdmin):
    dashboard_url_name = "dashboard:content-article-update"
    inlines = [ArticleCitationInline]


@admin.register(ConditionPage)
class ConditionPageAdmin(PageAdmin):
    dashboard_url_name = "dashboard:content-condition-update"
    list_display = ["title", "position", *PageAdmin.list_display[1:]]
    inlines = [ConditionCitationInline, ConditionProductInline]


@admin.register(Citation)
class CitationAdmin(admin.ModelAdmin):
    """Citations are edited here as in the dashboard: saving refreshes the pages citing them."""

    form = CitationForm
    list_display = ["key", "authors", "year", "title", "journal"]
    search_fields = ["key", "authors", "title", "doi", "pmid"]
    list_filter = ["year"]

    def save_model(self, request: HttpRequest, obj: Citation, form, change: bool) -> None:
        citation_save(citation=obj, user=request.user)


@admin.register(Revision)
class RevisionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["created_at", "action", "content_type", "object_id", "user"]
    list_filter = ["action", "content_type"]
    list_select_related = ["content_type", "user"]
    date_hierarchy = "created_at"
