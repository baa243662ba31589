from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control
from oscar.apps.basket import middleware
from oscar.core.loading import get_model

Basket = get_model("basket", "Basket")


class BasketMiddleware(middleware.BasketMiddleware):
    """Oscar's basket middleware, without the write on a signed-in shopper's first page view.

    Oscar creates a signed-in shopper's basket as soon as any page reads it, so merely viewing
    a page inserts a row. Here a shopper with no basket yet gets an unsaved one, as anonymous
    shoppers do; Oscar saves it when the first product goes in.
    """

    def get_basket(self, request):
        """Return the open basket, unsaved while a signed-in shopper has none to load."""
        if request._basket_cache is None and self.has_no_basket_to_load(request):
            request._basket_cache = Basket(owner=request.user)
            return request._basket_cache
        return super().get_basket(request)

    def has_no_basket_to_load(self, request) -> bool:
        """Return whether a signed-in shopper has neither an open basket nor one to merge in."""
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return False
        if self.get_cookie_key(request) in request.COOKIES:
            return False
        return not Basket.open.filter(owner=user).exists()


#: The parts of the shop whose pages hold one person's data: never kept by a shared cache.
PERSONAL_APPS = frozenset({"customer", "checkout", "basket", "dashboard", "admin", "payments"})


class PrivacyMiddleware:
    """Send every cookie SameSite=Lax (and Secure on an HTTPS site); keep personal pages private.

    Oscar's basket and recently-viewed cookies, and Django's language cookie, are set in
    different places with different flags; this gives them all the same ones at the edge.
    Account, basket, checkout and dashboard pages, and any page for a signed-in person, are
    marked ``Cache-Control: private, no-store`` so no proxy or shared cache keeps them.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        for cookie in response.cookies.values():
            if not cookie["samesite"]:
                cookie["samesite"] = "Lax"
            if settings.SESSION_COOKIE_SECURE:
                cookie["secure"] = True
        if self.is_personal(request) and not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_store=True)
        return response

    @staticmethod
    def is_personal(request: HttpRequest) -> bool:
        """Return whether the page answering ``request`` belongs to one person."""
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return True
        match = request.resolver_match
        return match is not None and not PERSONAL_APPS.isdisjoint(match.app_names)
