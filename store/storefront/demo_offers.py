"""The demo shop's one voucher: 10% off, to show discounts and the VAT they take off."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone
from oscar.core.loading import get_model

Benefit = get_model("offer", "Benefit")
Condition = get_model("offer", "Condition")
ConditionalOffer = get_model("offer", "ConditionalOffer")
Range = get_model("offer", "Range")
Voucher = get_model("voucher", "Voucher")

WELCOME_CODE = "WELCOME10"

#: The tables the voucher adds rows to.
OFFER_MODELS = (Benefit, Condition, ConditionalOffer, Range, Voucher)


def ensure_welcome_voucher() -> Voucher:
    """Create the WELCOME10 voucher (10% off everything, for guests too) unless it exists.

    Oscar keeps once-per-customer vouchers to signed-in shoppers, so this one may be used any
    number of times. A voucher staff changed or ended is left as it is, as is any seeded row.
    """
    existing = Voucher.objects.filter(code=WELCOME_CODE).first()
    if existing is not None:
        return existing
    everything, _ = Range.objects.get_or_create(
        name="Everything", defaults={"includes_all_products": True}
    )
    offer = ConditionalOffer.objects.create(
        name="Welcome: 10% off",
        offer_type=ConditionalOffer.VOUCHER,
        condition=Condition.objects.create(range=everything, type=Condition.COUNT, value=1),
        benefit=Benefit.objects.create(
            range=everything, type=Benefit.PERCENTAGE, value=Decimal("10")
        ),
    )
    now = timezone.now()
    voucher = Voucher.objects.create(
        name="Welcome",
        code=WELCOME_CODE,
        usage=Voucher.MULTI_USE,
        start_datetime=now,
        end_datetime=now + timedelta(days=3650),
    )
    voucher.offers.add(offer)
    return voucher
