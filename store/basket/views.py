from functools import cached_property

from django.http import Http404
from django.shortcuts import get_object_or_404
from oscar.apps.basket import views
from oscar.core.loading import get_class

from store.basket.selectors import basket_rows, saved_rows

is_on_sale = get_class("partner.strategy", "is_on_sale")
Repository = get_class("shipping.repository", "Repository")


class BasketView(views.BasketView):
    """Oscar's basket page, given each line's row worked out before the page is written.

    The rows carry what the page shows of each line (its picture's address, availability and
    prices), so the template reads values instead of asking the line, the strategy and the
    thumbnailer once per line. The delivery methods and the default one come from one
    repository, which reads the stored methods once.
    """

    @cached_property
    def shipping_repository(self):
        return Repository()

    def get_shipping_methods(self, basket):
        return self.shipping_repository.get_shipping_methods(
            basket=basket, user=self.request.user, request=self.request
        )

    def get_default_shipping_method(self, basket):
        return self.shipping_repository.get_default_shipping_method(
            basket=basket,
            user=self.request.user,
            request=self.request,
            shipping_addr=self.get_default_shipping_address(),
        )

    def get_upsell_messages(self, basket):
        """Return Oscar's upsell messages, from the offers the basket was priced with.

        Oscar reads the offers again for them; the basket was priced with the same ones when
        this request first read it.
        """
        if basket.offers_considered is None:
            return super().get_upsell_messages(basket)
        applied = list(basket.offer_applications.offers.values())
        return [
            {"message": offer.get_upsell_message(basket), "offer": offer}
            for offer in basket.offers_considered
            if offer.is_condition_partially_satisfied(basket) and offer not in applied
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["line_rows"] = basket_rows(context["formset"])
        if "saved_formset" in context:
            context["saved_rows"] = saved_rows(context["saved_formset"], self.request.strategy)
        return context


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
