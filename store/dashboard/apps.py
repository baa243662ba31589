"""Oscar's dashboard, forked to hold the content section and to let content editors in."""

from django.apps import apps as django_apps
from django.urls import URLPattern, URLResolver, include, path
from oscar.apps.dashboard import apps

from content.dashboard.permissions import CONTENT_EDITOR


class DashboardConfig(apps.DashboardConfig):
    name = "store.dashboard"

    def configure_permissions(self) -> None:
        """Let content editors reach the front page too: it sends them to their section."""
        super().configure_permissions()
        self.permissions_map["index"] = (*self.permissions_map["index"], CONTENT_EDITOR)

    # pylint: disable=attribute-defined-outside-init
    def ready(self) -> None:
        super().ready()
        self.content_app = django_apps.get_app_config("content_dashboard")

    def get_urls(self) -> list[URLPattern | URLResolver]:
        """Return Oscar's dashboard URLs with the content section at ``content/``."""
        return [*super().get_urls(), path("content/", include(self.content_app.urls[0]))]
