from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentConfig(AppConfig):
    """Articles and condition pages that lead readers to the products that fit them."""

    name = "content"
    verbose_name = _("Content")
    default_auto_field = "django.db.models.BigAutoField"
