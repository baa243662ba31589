"""The shop's admin site: staff only, and a plain refusal for anyone else who is signed in."""

from collections.abc import Callable
from functools import wraps

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse


class ShopAdminSite(admin.AdminSite):
    """Django's admin site, answering 403 to signed-in shoppers and editors.

    Django sends every visitor the admin does not admit to its sign-in form, which asks a
    signed-in shopper to sign in again. Only anonymous visitors are sent there now.
    """

    def admin_view(self, view: Callable, cacheable: bool = False) -> Callable:
        """Wrap ``view`` as Django does, refusing signed-in users who may not use the admin."""
        admitted = super().admin_view(view, cacheable)

        @wraps(admitted)
        def refuse_outsiders(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if request.user.is_authenticated and not self.has_permission(request):
                raise PermissionDenied
            return admitted(request, *args, **kwargs)

        return refuse_outsiders
