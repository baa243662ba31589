from django.template.response import TemplateResponse
from oscar.apps.customer import views


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
