"""factory_boy factories for the shop's catalogue, stock and people."""

from datetime import timedelta
from decimal import Decimal
from importlib import import_module
from io import BytesIO

import factory
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from oscar.core.loading import get_model
from PIL import Image

Category = get_model("catalogue", "Category")
Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductClass = get_model("catalogue", "ProductClass")
StockRecord = get_model("partner", "StockRecord")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()

    username = factory.Sequence(lambda n: f"shopper{n}")
    email = factory.Sequence(lambda n: f"shopper{n}@example.com")
    password = factory.django.Password("correct horse battery")

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
        return model_class.objects.add_root(instance=model_class(**kwargs))


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


#: The data migrations that make each group of the shop's people, in the order they run.
GROUP_MIGRATIONS = {
    "Shop staff": [
        ("store.storefront.migrations.0001_shop_staff_group", "create_shop_staff_group"),
        ("store.payments.migrations.0002_shop_staff_view_payments", "let_shop_staff_view_payments"),
        ("content.migrations.0006_shop_staff_shop_pages", "let_shop_staff_run_shop_pages"),
        ("store.tax.migrations.0003_shop_staff_tax_rates", "let_shop_staff_keep_tax_rates"),
    ],
    "Editors": [("content.migrations.0002_editors_group", "create_editors_group")],
}


def migrated_group(name: str):
    """Return the group the migrations made, making it again if a test emptied the tables.

    A transactional test (the browser tests are) ends by flushing every table, so the groups
    the data migrations made are gone for the tests after it. They are made again by the very
    same migration functions, run against the migrated models.
    """
    from django.contrib.auth.models import Group
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader

    group = Group.objects.filter(name=name).first()
    if group is None:
        migrated_apps = MigrationLoader(connection).project_state().apps
        for module, function in GROUP_MIGRATIONS[name]:
            getattr(import_module(module), function)(migrated_apps, None)
        group = Group.objects.get(name=name)
    return group


def shop_staff_user(**kwargs):
    """Make a member of staff in the "Shop staff" group, who runs the shop from the dashboard."""
    member = UserFactory(staff=True, **kwargs)
    member.groups.add(migrated_group("Shop staff"))
    return member


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


ProductImage = get_model("catalogue", "ProductImage")
ProductRecommendation = get_model("catalogue", "ProductRecommendation")


def png_file(name: str = "product.png") -> ContentFile:
    """Return a small PNG drawn with Pillow, ready to save in an ImageField."""
    buffer = BytesIO()
    Image.new("RGB", (60, 40), "teal").save(buffer, format="PNG")
    return ContentFile(buffer.getvalue(), name=name)


class ProductImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProductImage

    product = factory.SubFactory(ParentProductFactory)
    original = factory.LazyFunction(png_file)


def browsing_catalogue(*, products: int, sizes: int):
    """Make ``products`` sized products with an image each, in a sub-category of a root one.

    The first product recommends all the others. Return the sub-category and the products.
    """
    category = Category.objects.add_child(
        CategoryFactory(name="Bath products"), {"name": "Bath flakes"}
    )
    made = [
        sized_product(sizes=sizes, category=category, title=f"Zechstein bath flakes {index}")
        for index in range(products)
    ]
    for product in made:
        ProductImageFactory(product=product)
    for ranking, recommended in enumerate(made[1:]):
        ProductRecommendation.objects.create(
            primary=made[0], recommendation=recommended, ranking=ranking
        )
    return category, made


def guest_order(*, size, quantity: int = 1, email: str = "guest@example.com"):
    """Place a guest order for ``quantity`` of ``size``, without its payment source.

    Oscar's OrderCreator writes the order and allocates its stock, as checkout does.
    """
    from oscar.apps.shipping.methods import Free
    from oscar.core.loading import get_class

    basket = get_model("basket", "Basket").objects.create()
    basket.strategy = get_class("partner.strategy", "Selector")().strategy()
    basket.add_product(size, quantity)
    method = Free()
    charge = method.calculate(basket)
    total = get_class("checkout.calculators", "OrderTotalCalculator")().calculate(basket, charge)
    number = get_class("order.utils", "OrderNumberGenerator")().order_number(basket)
    order = get_class("order.utils", "OrderCreator")().place_order(
        basket=basket,
        total=total,
        shipping_method=method,
        shipping_charge=charge,
        order_number=number,
        guest_email=email,
    )
    basket.submit()
    return order


def bank_transfer_order(*, size, quantity: int = 1, email: str = "guest@example.com"):
    """Place a guest order paid by bank transfer, with the source checkout records for it."""
    from store.payments.bank_transfer import BankTransfer, payment_reference

    order = guest_order(size=size, quantity=quantity, email=email)
    order.sources.create(
        source_type=BankTransfer().source_type(),
        currency=order.currency,
        amount_allocated=order.total_incl_tax,
        reference=payment_reference(order.number),
    )
    return order


def card_order(*, size, quantity: int = 1, email: str = "guest@example.com"):
    """Place a guest order to be paid by card, as checkout does: a real Stripe session opened
    (through the gateway, so STRIPE_API_BASE must point at an emulator), the card source and
    the shop's CardPayment recorded. Return the order's CardPayment.
    """
    from store.payments.card import Card
    from store.payments.services import card_payment_record, card_session_open

    order = guest_order(size=size, quantity=quantity, email=email)
    session = card_session_open(
        order_number=order.number,
        amount=order.total_incl_tax,
        currency_code=order.currency,
        customer_email=email,
        success_url="http://testserver/checkout/card/token/paid/",
        cancel_url="http://testserver/checkout/card/token/",
    )
    order.sources.create(
        source_type=Card().source_type(),
        currency=order.currency,
        amount_allocated=order.total_incl_tax,
        reference=session.id,
    )
    return card_payment_record(order=order, session=session)


Benefit = get_model("offer", "Benefit")
Condition = get_model("offer", "Condition")
ConditionalOffer = get_model("offer", "ConditionalOffer")
Range = get_model("offer", "Range")
Voucher = get_model("voucher", "Voucher")


class RangeFactory(factory.django.DjangoModelFactory):
    """A range of products; by default every product in the shop."""

    class Meta:
        model = Range

    name = factory.Sequence(lambda n: f"Everything {n}")
    includes_all_products = True


class VoucherOfferFactory(factory.django.DjangoModelFactory):
    """A voucher's offer: by default 10% off everything, on any basket with an item in it."""

    class Meta:
        model = ConditionalOffer

    name = factory.Sequence(lambda n: f"Voucher offer {n}")
    offer_type = ConditionalOffer.VOUCHER
    condition = factory.SubFactory(
        "tests.factories.ConditionFactory", range=factory.SelfAttribute("..benefit.range")
    )
    benefit = factory.SubFactory("tests.factories.BenefitFactory")


class BenefitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Benefit

    range = factory.SubFactory(RangeFactory)
    type = Benefit.PERCENTAGE
    value = Decimal("10.00")


class ConditionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Condition

    range = factory.SubFactory(RangeFactory)
    type = Condition.COUNT
    value = Decimal("1")


class VoucherFactory(factory.django.DjangoModelFactory):
    """A voucher anyone may use any number of times this week, for one offer (``offer__...``).

    ``VoucherFactory(code="FIVER", offer__benefit__type=Benefit.FIXED,
    offer__benefit__value=Decimal("5.00"))`` makes a £5 voucher.
    """

    class Meta:
        model = Voucher
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Voucher {n}")
    code = factory.Sequence(lambda n: f"VOUCHER{n}")
    usage = Voucher.MULTI_USE
    start_datetime = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
    end_datetime = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))

    @factory.post_generation
    def offer(self, create, extracted, **kwargs):
        if create:
            self.offers.add(extracted or VoucherOfferFactory(**kwargs))


def view_only_staff_user(**kwargs):
    """Make a member of staff who may look at everything the Shop staff group covers, and change
    nothing: the group's ``view_*`` permissions only."""
    member = UserFactory(staff=True, **kwargs)
    member.user_permissions.set(
        migrated_group("Shop staff").permissions.filter(codename__startswith="view_")
    )
    return member


ProductAttribute = get_model("catalogue", "ProductAttribute")


def described_sized_product(*, sizes: int = 2, **kwargs):
    """Make a sized product as the demo shop has them: a picture, the parent's origin and each
    size's weight as attribute values, on top of what ``sized_product`` makes."""
    product_class = ProductClassFactory()
    for code, name, kind in [("origin", "Origin", "text"), ("weight", "Weight (kg)", "float")]:
        ProductAttribute.objects.get_or_create(
            product_class=product_class, code=code, defaults={"name": name, "type": kind}
        )
    parent = sized_product(sizes=sizes, product_class=product_class, **kwargs)
    parent.attr.set("origin", "Zechstein Sea")
    parent.attr.save()
    for weight, size in enumerate(parent.children.order_by("pk"), start=1):
        size.attr.set("weight", float(weight))
        size.attr.save()
    ProductImageFactory(product=parent)
    return parent
