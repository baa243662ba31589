"""Oscar's stock alerts, asked for one size at a time from a product page without JavaScript."""

from django.contrib import messages
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from oscar.apps.customer.alerts import views
from oscar.core.loading import get_model

from store.customer.alerts.selectors import sold_out_size
from store.partner.models import product_name

Product = get_model("catalogue", "Product")


class ProductAlertCreateView(views.ProductAlertCreateView):
    """Oscar's view, for a product sold in sizes too: the form names the sold-out ``size``.

    The address stays the product's, so a form on a product page needs no script to pick its
    target. A size that is missing, not the product's or not sold out is refused with a 400,
    as is a form Oscar refuses (a bad address, or an alert asked for already).
    """

    template_name = "oscar/customer/alerts/form.html"

    def post(self, request, *args, **kwargs):
        product = get_object_or_404(Product, pk=kwargs["pk"])
        if product.is_parent:
            size = sold_out_size(product, request.POST.get("size"))
            if size is None:
                return self.refused(product, _("Please choose one of the sold-out sizes."))
            self.kwargs["pk"] = size.pk  # where Oscar's view reads the product from
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response

    def refused(self, product, reason: str) -> TemplateResponse:
        context = {"product": product, "reason": reason}
        return TemplateResponse(self.request, self.template_name, context, status=400)

    def get_success_url(self) -> str:
        """Say what happens next, and go back to the product's page (a size's parent's)."""
        alert, name = self.object, product_name(self.object.product)
        if alert.user:
            text = _("We will email you once, when %(name)s is back in stock.")
        else:
            text = _(
                "Nearly done: we have emailed a link to %(email)s. Follow it, and we will email "
                "you once, when %(name)s is back in stock."
            )
        messages.success(self.request, text % {"name": name, "email": alert.email})
        return (alert.product.parent or alert.product).get_absolute_url()
