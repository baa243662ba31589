from oscar.apps.customer.wishlists import views


class WishListAddProduct(views.WishListAddProduct):
    """Add a product to a wish list on POST only (GET answers 405).

    Oscar's view creates the shopper's first wish list before it looks at the method, so the
    method is checked first here.
    """

    http_method_names = ["post"]

    def dispatch(self, request, *args, **kwargs):
        if request.method.lower() not in self.http_method_names:
            return self.http_method_not_allowed(request, *args, **kwargs)
        return super().dispatch(request, *args, **kwargs)


class WishListMoveProductToAnotherWishList(views.WishListMoveProductToAnotherWishList):
    """Move a wish list line to another of the owner's lists, on POST only (GET answers 405)."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        """Move the line as Oscar's view does."""
        return super().get(request, *args, **kwargs)
