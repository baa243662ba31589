from django.contrib import messages
from django.utils.translation import gettext_lazy as _
from oscar.apps.customer.wishlists import views
from oscar.core.loading import get_model

WishList = get_model("wishlists", "WishList")


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


class SharedEmailsSavedByTheirFormset:
    """Save a wish list's shared e-mails through their formset, which honours "Delete".

    Oscar's views saved each changed row by hand: a row ticked for deletion was saved instead
    of deleted, and one whose bad input the formset had skipped as deleted failed with a
    server error.
    """

    def process_wishlist_forms(self, wishlist_form, shared_emails_formset):
        """Save the list, then add, change and delete its shared e-mails as the formset says."""
        wishlist = wishlist_form.save()
        shared_emails_formset.instance = wishlist
        shared_emails_formset.save()
        if wishlist.shared_emails.exists():
            if wishlist.visibility == WishList.PRIVATE:
                messages.warning(
                    self.request,
                    _("The people you listed cannot open this list while it is private."),
                )
            elif wishlist.visibility == WishList.PUBLIC:
                messages.warning(
                    self.request,
                    _(
                        "This list is public: anyone with its link can open it, not only the "
                        "people you listed."
                    ),
                )
        return wishlist


class WishListCreateView(SharedEmailsSavedByTheirFormset, views.WishListCreateView):
    """Oscar's new-list page, saving shared e-mails through their formset."""


class WishListUpdateView(SharedEmailsSavedByTheirFormset, views.WishListUpdateView):
    """Oscar's list settings page, saving shared e-mails through their formset."""
