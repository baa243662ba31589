"""The shop's root app config: Oscar's URLs with a real home page in place of a redirect."""

from django.urls import path
from oscar.config import Shop


class StoreShopConfig(Shop):
    """Serve Oscar's shop, answering ``/`` with the storefront's home page."""

    def get_urls(self):
        """Return Oscar's URLs with the home page served in place, not redirected."""
        from store.storefront.views import HomeView

        urls = [url for url in super().get_urls() if getattr(url, "name", None) != "home"]
        return [path("", HomeView.as_view(), name="home"), *urls]
