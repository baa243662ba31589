"""The tax rates the shop charges, by country (and, for US sales tax, by state)."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class TaxCategory(models.TextChoices):
    """How a kind of product is taxed: the rate comes from the destination's row for it."""

    STANDARD = "standard", _("Standard rate")
    REDUCED = "reduced", _("Reduced rate")
    ZERO = "zero", _("Zero rate")


class TaxRate(models.Model):
    """One rate of tax: VAT or GST in a country, or US sales tax in a state the shop collects in.

    For US sales tax a state without a row is one the shop does not collect in. Staff edit the
    table in the admin when a rate changes; pages and checkout read it through
    ``store.tax.selectors``.
    """

    country = models.CharField(
        _("country"),
        max_length=2,
        validators=[RegexValidator(r"^[A-Z]{2}$", _("Enter the two-letter ISO code, e.g. GB."))],
        help_text=_("ISO 3166-1 code in capitals, e.g. GB, FR, US."),
    )
    region = models.CharField(
        _("state"),
        max_length=3,
        blank=True,
        validators=[RegexValidator(r"^[A-Z]{2,3}$", _("Enter the state's code, e.g. NY."))],
        help_text=_("For US sales tax, the state's two-letter code; blank for the whole country."),
    )
    category = models.CharField(
        _("category"), max_length=16, choices=TaxCategory.choices, default=TaxCategory.STANDARD
    )
    rate = models.DecimalField(
        _("rate"),
        max_digits=5,
        decimal_places=4,
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("0.5"))],
        help_text=_("As a fraction: 0.2000 is 20%."),
    )
    taxes_shipping = models.BooleanField(
        _("taxes shipping"),
        default=True,
        help_text=_("Whether the delivery charge is taxed too (always so for VAT and GST)."),
    )

    class Meta:
        verbose_name = _("tax rate")
        verbose_name_plural = _("tax rates")
        ordering = ["country", "region", "category"]
        constraints = [
            models.UniqueConstraint(
                fields=["country", "region", "category"], name="tax_taxrate_one_rate_per_place"
            ),
            models.CheckConstraint(
                condition=Q(rate__gte=0) & Q(rate__lte=Decimal("0.5")),
                name="tax_taxrate_rate_between_0_and_50_percent",
            ),
        ]

    def __str__(self) -> str:
        place = f"{self.country}-{self.region}" if self.region else self.country
        return f"{place} {self.get_category_display()}: {self.percent}%"

    @property
    def percent(self) -> Decimal:
        """Return the rate as a percentage: 20 for 0.2000."""
        return (self.rate * 100).normalize()

    def clean(self) -> None:
        """Refuse a zero-rate row that charges anything."""
        super().clean()
        if self.category == TaxCategory.ZERO and self.rate:
            raise ValidationError({"rate": _("A zero-rate row charges 0.")})
