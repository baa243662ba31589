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
