from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.catalogue.abstract_models import AbstractProduct, AbstractProductClass

from store.tax.models import TaxCategory


class ProductClass(AbstractProductClass):
    """Oscar's product class, saying how its products are taxed."""

    tax_category = models.CharField(
        _("tax category"),
        max_length=16,
        choices=TaxCategory.choices,
        default=TaxCategory.STANDARD,
        help_text=_("Bath flakes and oils are standard-rated; the rate itself is in Tax rates."),
    )


class Product(AbstractProduct):
    """Oscar's product, able to name one size apart from its siblings."""

    def size_label(self) -> str:
        """Return what tells this size apart: "1 kg" from "Zechstein bath flakes, 1 kg"."""
        if not self.is_child:
            return self.get_title()
        if not self.title:
            return self.parent.title
        return self.title.removeprefix(f"{self.parent.title},").strip() or self.title


from oscar.apps.catalogue.models import *  # noqa: E402, F403  (a forked Oscar app keeps its models)
