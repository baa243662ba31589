from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class StorefrontConfig(AppConfig):
    """The shop's own front: the home page and the demo set-up commands."""

    name = "store.storefront"
    label = "storefront"
    verbose_name = _("Storefront")

    def ready(self):
        """Register the system checks, and keep the site's address in step on every migrate."""
        from store.storefront import checks  # noqa: F401  (registers the checks on import)

        # Sent for apps with models only: after the sites app has made the default site.
        post_migrate.connect(sync_site_after_migrate, sender=apps.get_app_config("sites"))


def sync_site_after_migrate(*, using: str = "default", **kwargs) -> None:
    """Bring the Site record in line with SHOP_BASE_URL once the tables exist."""
    from store.storefront.services import site_sync

    if using == "default":
        site_sync()
