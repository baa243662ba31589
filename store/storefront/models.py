from django.db import models
from django.utils.translation import gettext_lazy as _


class StorefrontGeneration(models.Model):
    """The number of the storefront as shoppers see it, raised whenever any of it changes.

    Cached pages and fragments are filed under this number (``store.storefront.generation``), so
    raising it retires every one of them at once. It lives in the database, not the cache, so
    every web server reads the same number even when each keeps its cache in its own memory,
    and a change made while Redis is down is not forgotten once Redis is back.
    """

    value = models.PositiveBigIntegerField(_("generation"), default=1)

    class Meta:
        verbose_name = _("storefront generation")

    def __str__(self) -> str:
        return str(self.value)
