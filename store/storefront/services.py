"""Set up the demo shop: catalogue, stock, pictures, markets' shipping, a voucher, site, staff.

Each row is found by a key that does not change (a slug, a UPC, a partner SKU or a name) and
created only when it is missing. A row that exists is left exactly as it is, together with
what was set up with it (a product's category and attribute values), so staff edits survive.
"""

import secrets
from collections.abc import Mapping
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.sites.models import Site
from django.core.files.base import ContentFile
from django.db import transaction
from oscar.core.loading import get_model
from oscar.templatetags.currency_filters import currency

from store.storefront import demo_catalogue as demo
from store.storefront.demo_offers import OFFER_MODELS, ensure_welcome_voucher
from store.storefront.images import CONTAINER_NAMES, draw_product_image
from store.storefront.markets import CountrySpec, MarketSpec, ShippingMethodSpec, markets_named
from store.storefront.site import site_domain

AttributeOption = get_model("catalogue", "AttributeOption")
AttributeOptionGroup = get_model("catalogue", "AttributeOptionGroup")
Category = get_model("catalogue", "Category")
Country = get_model("address", "Country")
OrderAndItemCharges = get_model("shipping", "OrderAndItemCharges")
Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
ProductAttribute = get_model("catalogue", "ProductAttribute")
ProductAttributeValue = get_model("catalogue", "ProductAttributeValue")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductClass = get_model("catalogue", "ProductClass")
ProductImage = get_model("catalogue", "ProductImage")
StockRecord = get_model("partner", "StockRecord")

#: The domain Django gives the first site; a site still called this has not been named yet.
UNNAMED_SITE_DOMAIN = "example.com"

#: The tables the seed adds rows to; how much they grow is what a run created.
SEEDED_MODELS = (
    AttributeOption,
    AttributeOptionGroup,
    Category,
    Country,
    OrderAndItemCharges,
    Partner,
    Product,
    ProductAttribute,
    ProductAttributeValue,
    ProductCategory,
    ProductClass,
    ProductImage,
    StockRecord,
    *OFFER_MODELS,
)


@dataclass(frozen=True)
class SeedSummary:
    """What the demo shop holds after a run, and how many rows the run added."""

    site_domain: str
    categories: int
    products: int
    sizes: int
    markets: tuple[str, ...]
    shipping_countries: int
    shipping_methods: int
    created: int


@transaction.atomic
def seed_shop() -> SeedSummary:
    """Create whatever part of the demo shop is missing and leave the rest alone."""
    rows_before = _count_rows()
    site = site_sync()
    markets = markets_named(settings.SHOP_MARKETS)
    categories = {spec.slug: ensure_category(spec=spec) for spec in demo.CATEGORIES}
    product_classes = {spec.slug: ensure_product_class(spec=spec) for spec in demo.PRODUCT_CLASSES}
    partner, _ = Partner.objects.get_or_create(name=demo.PARTNER_NAME)
    for spec in demo.PRODUCTS:
        ensure_product(
            spec=spec,
            product_class=product_classes[spec.product_class.slug],
            category=categories[spec.category],
            partner=partner,
        )
    for market in markets:
        ensure_market(market=market)
    ensure_welcome_voucher()
    return SeedSummary(
        site_domain=site.domain,
        categories=len(demo.CATEGORIES),
        products=len(demo.PRODUCTS),
        sizes=sum(len(spec.sizes) for spec in demo.PRODUCTS),
        markets=tuple(market.code for market in markets),
        shipping_countries=sum(len(market.countries) for market in markets),
        shipping_methods=sum(len(market.shipping_methods) for market in markets),
        created=_count_rows() - rows_before,
    )


def _count_rows() -> int:
    """Return how many rows the tables the seed fills hold between them."""
    return sum(model.objects.count() for model in SEEDED_MODELS)


def site_sync() -> Site:
    """Give the current site the domain of ``SHOP_BASE_URL``, and the shop's name if unnamed.

    The setting is the one source of the shop's address: Oscar's emails build their links from
    the site's domain, so it is brought in line whenever it differs.
    """
    domain = site_domain()
    site, created = Site.objects.get_or_create(
        pk=settings.SITE_ID, defaults={"domain": domain, "name": settings.OSCAR_SHOP_NAME}
    )
    if created:
        return site
    if site.domain == UNNAMED_SITE_DOMAIN:
        site.name = settings.OSCAR_SHOP_NAME
    if site.domain != domain:
        site.domain = domain
        site.save(update_fields=["domain", "name"])
    return site


def ensure_category(*, spec: demo.CategorySpec) -> Category:
    """Return the public root category with the slug of ``spec``, adding it when missing."""
    category = Category.objects.get_root_nodes().filter(slug=spec.slug).first()
    if category is None:
        category = Category.objects.add_root(
            instance=Category(
                name=spec.name, slug=spec.slug, description=spec.description, is_public=True
            )
        )
    return category


def ensure_option_group(*, spec: demo.OptionGroupSpec) -> AttributeOptionGroup:
    """Return the option group of ``spec``, adding it and any of its missing options."""
    group, _ = AttributeOptionGroup.objects.get_or_create(
        code=spec.code, defaults={"name": spec.name}
    )
    for option in spec.options:
        AttributeOption.objects.get_or_create(group=group, option=option)
    return group


def ensure_product_class(*, spec: demo.ProductClassSpec) -> ProductClass:
    """Return the product class of ``spec``, adding it and any of its missing attributes."""
    product_class, _ = ProductClass.objects.get_or_create(
        slug=spec.slug,
        defaults={"name": spec.name, "requires_shipping": True, "track_stock": True},
    )
    for attribute in spec.attributes:
        option_group = (
            ensure_option_group(spec=attribute.option_group) if attribute.option_group else None
        )
        ProductAttribute.objects.get_or_create(
            product_class=product_class,
            code=attribute.code,
            defaults={"name": attribute.name, "type": attribute.type, "option_group": option_group},
        )
    return product_class


def ensure_product(
    *,
    spec: demo.ProductSpec,
    product_class: ProductClass,
    category: Category,
    partner: Partner,
) -> None:
    """Add the parent product of ``spec``, its sizes and its picture, where missing."""
    parent = Product.objects.filter(upc=spec.upc).first()
    if parent is None:
        parent = _create_product(
            upc=spec.upc,
            structure=Product.PARENT,
            title=spec.title,
            description=spec.description,
            product_class=product_class,
            is_public=True,
            attributes=spec.attributes,
        )
        ProductCategory.objects.create(product=parent, category=category)
    for size in spec.sizes:
        ensure_size(
            parent=parent,
            title=f"{spec.title}, {size.label}",
            size=size,
            size_attribute=spec.product_class.size_attribute,
            partner=partner,
        )
    ensure_product_image(product=parent, spec=spec)


def ensure_size(
    *,
    parent: Product,
    title: str,
    size: demo.SizeSpec,
    size_attribute: str,
    partner: Partner,
) -> None:
    """Add the child product for ``size`` of ``parent`` and its stock record, where missing."""
    child = Product.objects.filter(upc=size.sku).first()
    if child is None:
        child = _create_product(
            upc=size.sku,
            structure=Product.CHILD,
            parent=parent,
            title=title,
            is_public=True,
            attributes={size_attribute: size.amount},
        )
    StockRecord.objects.get_or_create(
        partner=partner,
        partner_sku=size.sku,
        defaults={
            "product": child,
            "price_currency": settings.SHOP_CURRENCY,
            "price": size.price,
            "num_in_stock": size.num_in_stock,
            "low_stock_threshold": size.low_stock_threshold,
        },
    )


def _create_product(*, attributes: Mapping[str, object], **fields: object) -> Product:
    """Save a new product with ``fields`` and the typed attribute values ``attributes``."""
    product = Product(**fields)
    for code, value in attributes.items():
        product.attr.set(code, value)
    product.save()
    return product


def ensure_product_image(*, product: Product, spec: demo.ProductSpec) -> None:
    """Draw the picture of ``spec`` and add it to ``product``, unless it was added before."""
    code = f"{spec.upc.lower()}-drawing"
    if ProductImage.objects.filter(code=code).exists():
        return
    sizes = " / ".join(size.label for size in spec.sizes)
    picture = draw_product_image(
        title=spec.title, sizes=sizes, colour=spec.colour, shape=spec.shape
    )
    ProductImage.objects.create(
        product=product,
        code=code,
        original=ContentFile(picture, name=f"{product.slug}.png"),
        caption=f"{CONTAINER_NAMES[spec.shape].capitalize()} of {spec.title}, {sizes}",
        display_order=product.images.count(),
    )


def ensure_market(*, market: MarketSpec) -> None:
    """Make the countries of ``market`` shipping countries and add its missing delivery methods."""
    countries = [ensure_shipping_country(spec=spec) for spec in market.countries]
    for spec in market.shipping_methods:
        ensure_shipping_method(spec=spec, countries=countries)


def ensure_shipping_country(*, spec: CountrySpec) -> Country:
    """Return the country of ``spec``, added as a shipping country when missing.

    A country that exists is left as staff keep it: one they stopped shipping to stays so.
    """
    country, _created = Country.objects.get_or_create(
        iso_3166_1_a2=spec.alpha2,
        defaults={
            "iso_3166_1_a3": spec.alpha3,
            "iso_3166_1_numeric": spec.numeric,
            "printable_name": spec.name,
            "name": spec.name,
            "is_shipping_country": True,
        },
    )
    return country


def ensure_shipping_method(*, spec: ShippingMethodSpec, countries: list[Country]) -> None:
    """Add the shipping method named in ``spec``, limited to ``countries``, when it is missing.

    A method that exists is left as staff keep it, countries included.
    """
    threshold = spec.free_shipping_threshold
    description = spec.description.format(
        price=currency(spec.price_per_order, settings.SHOP_CURRENCY),
        threshold=currency(threshold, settings.SHOP_CURRENCY) if threshold is not None else "",
    )
    method, created = OrderAndItemCharges.objects.get_or_create(
        name=spec.name,
        defaults={
            "description": description,
            "price_per_order": spec.price_per_order,
            "free_shipping_threshold": threshold,
        },
    )
    if created:
        method.countries.set(countries)


def create_demo_staff(*, username: str, email: str, group: str | None = None) -> str | None:
    """Create the account ``username`` and return its new password.

    Without ``group`` the account is a superuser; with one, it is an ordinary account in that
    group (made by a migration), such as an editor's. Return None, and change nothing, when an
    account with that username exists already.
    """
    User = get_user_model()
    if User.objects.filter(username=username).exists():
        return None
    password = secrets.token_urlsafe(18)
    if group is None:
        User.objects.create_superuser(username=username, email=email, password=password)
    else:
        user = User.objects.create_user(username=username, email=email, password=password)
        user.groups.add(Group.objects.get(name=group))
    return password
