from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentConfig(AppConfig):
    """Articles and condition pages that lead readers to the products that fit them."""

    name = "content"
    verbose_name = _("Content")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        """Register the content app's system checks."""
        from content import checks  # noqa: F401  (registers the checks on import)
