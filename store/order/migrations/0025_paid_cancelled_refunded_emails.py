from django.db import migrations

EMAILS = {
    "ORDER_PAID": "Payment received",
    "ORDER_CANCELLED": "Order cancelled",
    "ORDER_REFUNDED": "Refund made",
}


def create_email_types(apps, schema_editor):
    """Make the emails that tell a shopper their order was paid, cancelled or refunded.

    Their subjects and bodies are file templates (``commtype_order_paid_*`` and so on), so the
    types leave their template fields empty; having a row lets the order keep a record of each
    email and staff edit it in the dashboard.
    """
    CommunicationEventType = apps.get_model("communication", "CommunicationEventType")
    for code, name in EMAILS.items():
        CommunicationEventType.objects.get_or_create(
            code=code, defaults={"name": name, "category": "Order related"}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("order", "0024_line_tax_rate_order_shipping_tax_rate"),
        ("communication", "0004_auto_20200801_0817"),
    ]

    operations = [
        # Going back leaves the rows: the emails recorded on orders since refer to them.
        migrations.RunPython(create_email_types, migrations.RunPython.noop),
    ]
