from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from store.mail.models import OutgoingEmail
from store.mail.services import email_send_again


class WaitingFilter(admin.SimpleListFilter):
    title = _("delivery")
    parameter_name = "delivery"

    def lookups(self, request, model_admin):
        return [("waiting", _("Waiting")), ("sent", _("Sent"))]

    def queryset(self, request, queryset):
        if self.value() in {"waiting", "sent"}:
            return queryset.filter(sent_at__isnull=self.value() == "waiting")
        return queryset


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(admin.ModelAdmin):
    """The outbox, read-only: what was sent when, and what is still waiting and why."""

    list_display = ["subject", "to", "created_at", "sent_at", "attempts", "last_error"]
    list_filter = [WaitingFilter]
    search_fields = ["subject", "recipients"]
    date_hierarchy = "created_at"
    actions = ["send_again"]
    readonly_fields = fields = [
        "subject",
        "recipients",
        "created_at",
        "sent_at",
        "attempts",
        "last_attempt_at",
        "last_error",
        "message",
    ]

    @admin.display(description=_("to"))
    def to(self, email: OutgoingEmail) -> str:
        return ", ".join(email.recipients)

    @admin.action(description=_("Send the selected waiting emails again"))
    def send_again(self, request, queryset):
        queued = sum(email_send_again(email) for email in queryset)
        self.message_user(
            request,
            ngettext("%d waiting email queued.", "%d waiting emails queued.", queued) % queued,
            messages.SUCCESS,
        )

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
