"""factory_boy factories for the shop's catalogue, stock and people."""

from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from oscar.core.loading import get_model

Category = get_model("catalogue", "Category")
Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductClass = get_model("catalogue", "ProductClass")
StockRecord = get_model("partner", "StockRecord")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"shopper{n}")
    email = factory.Sequence(lambda n: f"shopper{n}@example.com")
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery")

    class Params:
        staff = factory.Trait(is_staff=True)


class ProductClassFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProductClass
        django_get_or_create = ("name",)

    name = "Bath flakes"
    requires_shipping = True
    track_stock = True


class CategoryFactory(factory.django.DjangoModelFactory):
    """Make a root category (treebeard's add_root keeps the tree valid)."""

    class Meta:
        model = Category

    name = factory.Sequence(lambda n: f"Category {n}")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return model_class.add_root(**kwargs)


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner
        django_get_or_create = ("name",)

    name = "Magnesium Works warehouse"


class ParentProductFactory(factory.django.DjangoModelFactory):
    """A parent product: the thing a shopper browses, sold in sizes (its children)."""

    class Meta:
        model = Product
        skip_postgeneration_save = True

    structure = Product.PARENT
    title = factory.Sequence(lambda n: f"Dead Sea magnesium flakes {n}")
    description = "Magnesium chloride flakes for a warm bath."
    product_class = factory.SubFactory(ProductClassFactory)

    @factory.post_generation
    def category(self, create, extracted, **kwargs):
        if create and extracted is not None:
            ProductCategory.objects.create(product=self, category=extracted)


class SizeFactory(factory.django.DjangoModelFactory):
    """A size of a parent product, with a stock record."""

    class Meta:
        model = Product
        skip_postgeneration_save = True

    structure = Product.CHILD
    parent = factory.SubFactory(ParentProductFactory)
    title = factory.Sequence(lambda n: f"{n + 1} kg")
    product_class = None
    stockrecord = factory.RelatedFactory(
        "tests.factories.StockRecordFactory", factory_related_name="product"
    )


class StockRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StockRecord

    product = factory.SubFactory(SizeFactory)
    partner = factory.SubFactory(PartnerFactory)
    partner_sku = factory.Sequence(lambda n: f"SKU-{n:05d}")
    price_currency = "GBP"
    price = Decimal("9.95")
    num_in_stock = 20
    low_stock_threshold = 3


def sized_product(*, sizes: int = 3, category=None, **kwargs):
    """Make a parent product with ``sizes`` children, each with stock and a price."""
    parent = ParentProductFactory(category=category, **kwargs)
    for index in range(sizes):
        SizeFactory(
            parent=parent,
            title=f"{index + 1} kg",
            stockrecord__price=Decimal("6.50") + index * Decimal("5.00"),
        )
    return parent
