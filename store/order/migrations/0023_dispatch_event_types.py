from django.db import migrations

DISPATCHED = "dispatched"
ORDER_DISPATCHED = "ORDER_DISPATCHED"


def create_dispatch_event_types(apps, schema_editor):
    """Make the "Dispatched" shipping event and the email that tells the shopper about it.

    The email's subject and bodies are file templates (``commtype_order_dispatched_*``), so the
    event type leaves its template fields empty.
    """
    ShippingEventType = apps.get_model("order", "ShippingEventType")
    CommunicationEventType = apps.get_model("communication", "CommunicationEventType")
    ShippingEventType.objects.get_or_create(code=DISPATCHED, defaults={"name": "Dispatched"})
    CommunicationEventType.objects.get_or_create(
        code=ORDER_DISPATCHED,
        defaults={"name": "Order dispatched", "category": "Order related"},
    )


class Migration(migrations.Migration):
    dependencies = [
        ("order", "0022_shippingevent_carrier_tracking_number"),
        ("communication", "0004_auto_20200801_0817"),
    ]

    operations = [
        # Going back leaves the rows: shipping events recorded since refer to them.
        migrations.RunPython(create_dispatch_event_types, migrations.RunPython.noop),
    ]
