from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from oscar.apps.customer import views
from oscar.core.loading import get_model

Order = get_model("order", "Order")


class LogoutView(views.LogoutView):
    """Sign out on POST only; a GET shows a page asking the shopper to confirm with a button.

    Oscar signs out on GET, so any page could sign a shopper out with an image tag.
    """

    template_name = "oscar/customer/logout.html"

    def get(self, request, *args, **kwargs):
        """Return the page with the sign-out form, changing nothing."""
        return TemplateResponse(request, self.template_name, {})

    def post(self, request, *args, **kwargs):
        """Sign out and go to the home page, as Oscar's view does."""
        return super().get(request, *args, **kwargs)


class AddressChangeStatusView(views.AddressChangeStatusView):
    """Make an address the default for shipping or billing, on POST only (GET answers 405)."""

    http_method_names = ["post"]


class OrderLineView(views.OrderLineView):
    """A line of the shopper's order, there only to be bought again (POST ``action=reorder``).

    Oscar's view shows a line page the shop does not have: a GET, or a POST with another action,
    now goes back to the order (with Oscar's "Invalid form submission" for the POST), and a line
    of another order is a 404 instead of a server error.
    """

    def get_object(self, queryset=None):
        """Return the line, or raise 404 unless it belongs to one of the shopper's orders."""
        order = get_object_or_404(Order, user=self.request.user, number=self.kwargs["order_number"])
        return get_object_or_404(order.lines, pk=self.kwargs["line_id"])

    def get(self, request, *args, **kwargs):
        """Go to the order the line belongs to."""
        self.get_object()
        return redirect("customer:order", self.kwargs["order_number"])
