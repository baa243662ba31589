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

    def primary_image(self):
        """Return Oscar's primary image, from ``loaded_images`` where a selector loaded them.

        A page showing many products' pictures loads them all at once into ``loaded_images``
        (each product's images in display order, a list rather than a prefetched queryset,
        which Django builds one of per product). A size without images of its own shows its
        parent's, as in Oscar; without loaded images Oscar reads them itself.
        """
        images = self._loaded_images_to_show()
        if images is None:
            return super().primary_image()
        if images:
            return images[0]
        return {"original": self.get_missing_image().name, "caption": "", "is_missing": True}

    def _loaded_images_to_show(self) -> list | None:
        images = self.__dict__.get("loaded_images")
        if images is None or images or not self.is_child:
            return images
        return self.parent.__dict__.get("loaded_images")


from oscar.apps.catalogue.models import *  # noqa: E402, F403  (a forked Oscar app keeps its models)
