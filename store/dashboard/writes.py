"""Dashboard pages that staff who may view them see, and only staff who may change them post to.

Oscar checks one set of permissions per page whatever the method, and several pages that need
only a ``view_*`` permission also take a form: the partner page renames the partner, an offer's
page suspends it, the category list makes categories private. Staff who may only look could
post those forms.
"""

from collections.abc import Callable
from functools import wraps

from django.core.exceptions import PermissionDenied

#: Methods that only read.
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class WritesNeedPermission:
    """Mix into a dashboard app config: a POST to a page in ``write_permissions`` needs them too.

    The check sits inside Oscar's own, so an anonymous visitor is still sent to sign in first.
    """

    #: URL name: the permissions a POST to that page needs, besides those to see it.
    write_permissions: dict[str, list[str]] = {}

    def get_url_decorator(self, pattern) -> Callable | None:
        """Return Oscar's decorator for ``pattern``, wrapped round the write check if it has one."""
        oscar_decorator = super().get_url_decorator(pattern)
        needed = self.write_permissions.get(pattern.name)
        if needed is None:
            return oscar_decorator

        def decorate(view: Callable) -> Callable:
            @wraps(view)
            def refuse_writes_without_permission(request, *args, **kwargs):
                if request.method not in SAFE_METHODS and not request.user.has_perms(needed):
                    raise PermissionDenied
                return view(request, *args, **kwargs)

            guarded = refuse_writes_without_permission
            return oscar_decorator(guarded) if oscar_decorator else guarded

        return decorate
