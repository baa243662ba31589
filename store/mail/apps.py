from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MailConfig(AppConfig):
    """The outbox: every email the shop sends waits here until the task queue delivers it."""

    name = "store.mail"
    label = "shop_mail"
    verbose_name = _("Outgoing mail")
    default_auto_field = "django.db.models.BigAutoField"
