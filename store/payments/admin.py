"""Card payments, refunds and Stripe events in the Django admin: to read, not to edit.

Money moves only through Stripe and the order dashboard, so nothing here can change it.
"""

from django.contrib import admin

from store.payments.models import CardPayment, CardRefund, StripeEvent


class ReadOnlyAdmin(admin.ModelAdmin):
    """Show records; allow no adding, changing or deleting."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class CardRefundInline(admin.TabularInline):
    model = CardRefund
    extra = 0
    fields = ["refund_id", "amount", "status", "created_by", "created_at"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(CardPayment)
class CardPaymentAdmin(ReadOnlyAdmin):
    list_display = ["order", "status", "amount", "refunded", "currency", "created_at", "paid_at"]
    list_filter = ["status"]
    search_fields = ["order__number", "session_id", "payment_intent_id"]
    inlines = [CardRefundInline]


@admin.register(StripeEvent)
class StripeEventAdmin(ReadOnlyAdmin):
    list_display = ["event_id", "type", "received_at", "processed_at"]
    list_filter = ["type"]
    search_fields = ["event_id"]
