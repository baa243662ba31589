"""Oscar's stock alert emails, naming the size and linking to the shop's public address."""

from oscar.apps.customer.alerts import utils

from store.partner.models import product_name
from store.storefront.site import absolute_url


class AlertsDispatcher(utils.AlertsDispatcher):
    """Give the alert emails the size's full name and the links they need, ready to print."""

    def get_extra_context(self, alert):
        context = super().get_extra_context(alert)
        product = alert.product
        context["product_name"] = product_name(product)
        context["product_url"] = absolute_url((product.parent or product).get_absolute_url())
        if alert.key:  # a guest's alert, confirmed and cancelled by its key
            context["confirm_url"] = absolute_url(alert.get_confirm_url())
            context["cancel_url"] = absolute_url(alert.get_cancel_url())
        return context
