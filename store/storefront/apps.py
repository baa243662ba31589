from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class StorefrontConfig(AppConfig):
    """The shop's own front: the home page and the demo set-up commands."""

    name = "store.storefront"
    label = "storefront"
    verbose_name = _("Storefront")

    def ready(self):
        """Register the checks, keep the site's address in step, and watch the storefront.

        A migrate is also how a new release starts (the container's entrypoint runs it), and a
        new release may render pages differently: it retires every kept page.
        """
        from store.storefront import checks  # noqa: F401  (registers the checks on import)
        from store.storefront.generation import watch_the_storefront

        # Sent for apps with models only: after the sites app has made the default site.
        post_migrate.connect(sync_site_after_migrate, sender=apps.get_app_config("sites"))
        post_migrate.connect(retire_kept_pages_after_migrate, sender=self)
        watch_the_storefront()


def sync_site_after_migrate(*, using: str = "default", **kwargs) -> None:
    """Bring the Site record in line with SHOP_BASE_URL once the tables exist."""
    from store.storefront.services import site_sync

    if using == "default":
        site_sync()


def retire_kept_pages_after_migrate(*, using: str = "default", **kwargs) -> None:
    """Start a new storefront generation once the migrations have run."""
    from store.storefront.generation import start_new_generation

    if using == "default":
        start_new_generation()
