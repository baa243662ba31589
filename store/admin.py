"""The shop's admin site: staff only, a plain refusal for anyone else signed in, checked input."""

from collections.abc import Callable
from functools import wraps

from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from store.ids import row_ids

#: The longest search an admin list takes; SQLite refuses LIKE patterns past 50,000 bytes.
SEARCH_MAX_LENGTH = 200


class ChosenIdsChecked:
    """An autocomplete box that, shown again after an error, looks up only ids that could exist.

    Django's looked up whatever was posted, and a value such as ``abc`` for a numeric key
    failed with a server error instead of showing the form's own error.
    """

    def optgroups(self, name, value, attr=None):
        if isinstance(self.field.target_field, models.IntegerField):
            value = row_ids(value)
        return super().optgroups(name, value, attr)


class CheckedAutocompleteSelect(ChosenIdsChecked, AutocompleteSelect):
    pass


class CheckedAutocompleteSelectMultiple(ChosenIdsChecked, AutocompleteSelectMultiple):
    pass


class CheckedInputAdmin:
    """What every admin page of the shop adds to Django's: bounded searches, checked ids."""

    def get_search_results(self, request, queryset, search_term):
        """Search as Django does, showing nothing (with the reason) for an overlong term."""
        if len(search_term) > SEARCH_MAX_LENGTH:
            messages.warning(
                request,
                _("Searches are limited to %(count)d characters.") % {"count": SEARCH_MAX_LENGTH},
            )
            return queryset.none(), False
        return super().get_search_results(request, queryset, search_term)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = CheckedAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = CheckedAutocompleteSelectMultiple(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)


def with_checked_input(admin_class: type) -> type:
    """Return ``admin_class`` and its inlines with :class:`CheckedInputAdmin` mixed in."""
    inlines = [with_checked_input(inline) for inline in getattr(admin_class, "inlines", ())]
    return type(admin_class.__name__, (CheckedInputAdmin, admin_class), {"inlines": inlines})


class ShopAdminSite(admin.AdminSite):
    """Django's admin site, answering 403 to signed-in shoppers and editors.

    Django sends every visitor the admin does not admit to its sign-in form, which asks a
    signed-in shopper to sign in again. Only anonymous visitors are sent there now. Every
    model registered here, Oscar's included, gets :class:`CheckedInputAdmin`.
    """

    def register(self, model_or_iterable, admin_class=None, **options) -> None:
        """Register as Django does, with the shop's input checks mixed into the admin."""
        admin_class = with_checked_input(admin_class or admin.ModelAdmin)
        super().register(model_or_iterable, admin_class, **options)

    def admin_view(self, view: Callable, cacheable: bool = False) -> Callable:
        """Wrap ``view`` as Django does, refusing signed-in users who may not use the admin."""
        admitted = super().admin_view(view, cacheable)

        @wraps(admitted)
        def refuse_outsiders(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if request.user.is_authenticated and not self.has_permission(request):
                raise PermissionDenied
            return admitted(request, *args, **kwargs)

        return refuse_outsiders
