"""Issue a receipt to every order placed before receipts were kept, oldest order first."""

from django.db import migrations


def issue_receipts_for_placed_orders(apps, schema_editor):
    Order = apps.get_model("order", "Order")
    Receipt = apps.get_model("receipts", "Receipt")
    DocumentCounter = apps.get_model("receipts", "DocumentCounter")
    orders = Order.objects.filter(receipt__isnull=True).order_by("date_placed", "pk")
    if not orders.exists():
        return
    counter, _created = DocumentCounter.objects.select_for_update().get_or_create(
        sequence="receipt"
    )
    receipts = []
    for order in orders.iterator():
        counter.last_value += 1
        receipts.append(Receipt(order=order, number=f"R-{counter.last_value:06d}"))
    Receipt.objects.bulk_create(receipts, batch_size=500)
    counter.save(update_fields=["last_value"])


class Migration(migrations.Migration):
    dependencies = [
        ("receipts", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(issue_receipts_for_placed_orders, migrations.RunPython.noop),
    ]
