from django.http import Http404
from django.shortcuts import get_object_or_404
from oscar.apps.basket import views
from oscar.core.loading import get_class

is_on_sale = get_class("partner.strategy", "is_on_sale")


class BasketAddView(views.BasketAddView):
    """Oscar's add-to-basket view, which answers 404 for a product the shop hides.

    A hidden product, or a size of a hidden parent, has no product page for shoppers, so an
    add for it answers as if it did not exist. The strategy refuses such products too, which
    is what stops a line that was hidden after it went in from reaching an order.
    """

    def post(self, request, *args, **kwargs):
        product = get_object_or_404(
            self.product_model.objects.select_related("parent"), pk=kwargs["pk"]
        )
        if not is_on_sale(product):
            raise Http404
        return super().post(request, *args, **kwargs)
