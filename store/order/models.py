"""Oscar's order models: each line and the shipping charge keep the tax rate they were charged
at, and a dispatch's shipping event names the carrier and tracking number."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from oscar.apps.order.abstract_models import AbstractLine, AbstractOrder, AbstractShippingEvent

#: Code of the shipping event type that records a dispatch (made by a data migration).
DISPATCHED = "dispatched"

tracking_number_validator = RegexValidator(
    r"^[A-Z0-9][A-Z0-9-]{3,39}$",
    _("Enter the tracking number as the carrier gives it: 4 to 40 letters, digits or hyphens."),
)
carrier_validator = RegexValidator(
    r"[\x00-\x1f\x7f]",
    _("Enter the carrier's name without control characters."),
    inverse_match=True,
)


def tracking_number_normalised(value: str) -> str:
    """Return ``value`` as tracking numbers are kept: capitals, without spaces."""
    return "".join(value.split()).upper()


def carrier_normalised(value: str) -> str:
    """Return the carrier's name ``value`` with its spaces tidied."""
    return " ".join(value.split())


def tax_rate_field(verbose_name):
    """Return a field holding a tax rate as a fraction (0.2000 for 20%), blank when not known."""
    return models.DecimalField(verbose_name, max_digits=5, decimal_places=4, null=True, blank=True)


class Order(AbstractOrder):
    """Oscar's order, keeping the tax rate its shipping charge was taxed at."""

    shipping_tax_rate = tax_rate_field(_("shipping tax rate"))


class Line(AbstractLine):
    """Oscar's order line, keeping the tax rate it was charged at (0.2000 for 20% VAT)."""

    tax_rate = tax_rate_field(_("tax rate"))


class ShippingEvent(AbstractShippingEvent):
    """Oscar's shipping event, which for a dispatch also names the carrier and tracking number.

    Other kinds of event leave both blank; the database refuses one without the other.
    """

    carrier = models.CharField(
        _("carrier"), max_length=64, blank=True, validators=[carrier_validator]
    )
    tracking_number = models.CharField(
        _("tracking number"),
        max_length=40,
        blank=True,
        validators=[tracking_number_validator],
    )

    class Meta(AbstractShippingEvent.Meta):
        constraints = [
            models.CheckConstraint(
                condition=(Q(carrier="") & Q(tracking_number=""))
                | (~Q(carrier="") & ~Q(tracking_number="")),
                name="order_shippingevent_carrier_with_tracking_number",
            ),
        ]

    def clean(self) -> None:
        """Require a dispatch's carrier and tracking number, and neither one without the other."""
        super().clean()
        dispatch = self.event_type_id is not None and self.event_type.code == DISPATCHED
        if (dispatch or self.tracking_number) and not self.carrier.strip():
            raise ValidationError({"carrier": _("Enter the carrier that takes the parcel.")})
        if (dispatch or self.carrier) and not self.tracking_number:
            raise ValidationError({"tracking_number": _("Enter the parcel's tracking number.")})


from oscar.apps.order.models import *  # noqa: E402, F403  (a forked Oscar app keeps its models)
