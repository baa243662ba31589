from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StorefrontConfig(AppConfig):
    """The shop's own front: the home page and the demo set-up commands."""

    name = "store.storefront"
    label = "storefront"
    verbose_name = _("Storefront")
