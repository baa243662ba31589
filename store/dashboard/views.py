"""Oscar's dashboard views, forked where the shop needs them to differ."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from oscar.apps.dashboard import views
from oscar.views.decorators import check_permissions

from content.dashboard.permissions import CONTENT_EDITOR


class IndexView(views.IndexView):
    """Show staff the shop's figures; send content editors straight to their section."""

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_staff and check_permissions(request.user, CONTENT_EDITOR):
            return redirect("dashboard:content-article-list")
        return super().dispatch(request, *args, **kwargs)
