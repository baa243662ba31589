"""Read the catalogue's products as a shopper sees them, straight from the database.

Each function costs the same handful of queries whatever it returns: every relation a product
card or product page reads is fetched with ``select_related`` or ``prefetch_related``.
``product_cards`` then says what each product's card shows, from what was fetched, through
the request's Oscar strategy: templates print its values and ask nothing more.
"""

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from django.db.models import Exists, F, Min, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpRequest
from oscar.core.loading import get_class, get_model
from oscar.templatetags.currency_filters import currency

from catalogue.pictures import Picture, product_pictures
from catalogue.templatetags.product_display_tags import shown_amount

Option = get_model("catalogue", "Option")
Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")
Selector = get_class("partner.strategy", "Selector")

#: The square a product card's picture fills, in CSS pixels (store/css/product.css).
CARD_PICTURE = "280x280"


def public_sizes() -> QuerySet:
    """Return public products with their stock records, the cheapest first.

    Used to prefetch a parent's sizes: the first size sets the price a product card shows.
    """
    return (
        Product.objects.public()
        .annotate(size_price=Min("stockrecords__price"))
        .order_by(F("size_price").asc(nulls_last=True), "pk")
        .prefetch_related("stockrecords")
    )


def price_range() -> dict[str, Coalesce]:
    """Return the annotations ``lowest_price`` and ``highest_price``: the cheapest and the
    dearest price of a product's own stock, else of its public sizes, as staff entered them."""
    return {"lowest_price": _price_bound("price"), "highest_price": _price_bound("-price")}


def _price_bound(ordering: str) -> Coalesce:
    """Return the first price of a product's own stock, else of its public sizes, by ``ordering``.

    Two subqueries rather than one with an OR, so each can use its foreign-key index.
    """
    own = StockRecord.objects.filter(product=OuterRef("pk"), price__isnull=False)
    sizes = StockRecord.objects.filter(
        product__parent=OuterRef("pk"), product__is_public=True, price__isnull=False
    )
    return Coalesce(
        Subquery(own.order_by(ordering).values("price")[:1]),
        Subquery(sizes.order_by(ordering).values("price")[:1]),
    )


def with_purchase_info(products: QuerySet, *, sizes: QuerySet | None = None) -> QuerySet:
    """Fetch along with ``products`` what a product card reads: class, options, images, stock
    and the range of its prices (``price_range``).

    ``sizes`` is the queryset a parent's public children are prefetched with.
    """
    return (
        products.select_related("product_class")
        .annotate(
            has_product_class_options=Exists(
                Option.objects.filter(productclass=OuterRef("product_class"))
            ),
            has_product_options=Exists(Option.objects.filter(product=OuterRef("pk"))),
            **price_range(),
        )
        .prefetch_related(
            "images",
            "stockrecords",
            Prefetch(
                "children",
                queryset=public_sizes() if sizes is None else sizes,
                to_attr="_prefetched_public_children",
            ),
        )
    )


def browsable_products() -> QuerySet:
    """Return public parent and standalone products with everything a product card reads."""
    return with_purchase_info(Product.objects.browsable())


def browsable_products_in_orders(*orders: Sequence[int]) -> list[list[Product]]:
    """Return, for each of ``orders`` (lists of primary keys), the browsable products it names,
    in its order. All are fetched together, with what a product card reads."""
    found = browsable_products().in_bulk({pk for ids in orders for pk in ids})
    return [[found[pk] for pk in ids if pk in found] for ids in orders]


def recommended_product_ids(product: Product, *, limit: int = 6) -> list[int]:
    """Return the primary keys of up to ``limit`` browsable products recommended with
    ``product``, best first."""
    return list(
        Product.objects.browsable()
        .filter(productrecommendation__primary=product)
        .order_by("-productrecommendation__ranking", "pk")
        .values_list("pk", flat=True)[:limit]
    )


def product_page_products() -> QuerySet:
    """Return all products with what a product page reads, sizes and attributes included."""
    return with_purchase_info(
        Product.objects.prefetch_attribute_values(),
        sizes=public_sizes().prefetch_attribute_values(),
    )


@dataclass(frozen=True)
class ShownPrice:
    """A price as shoppers see it: the amount, with tax where it is known, and its text."""

    amount: Decimal
    #: The amount in the shop's currency format: "£6.50".
    text: str
    #: True when ``amount`` includes the tax ("incl. VAT"), False when tax is added later
    #: ("plus sales tax").
    includes_tax: bool


@dataclass(frozen=True)
class SizeOffer:
    """One size of a product, as a form that adds the product to the basket offers it."""

    pk: int
    title: str
    price: ShownPrice | None
    #: True when the size can be bought: it is in stock and has a price.
    available: bool
    #: True for the size the form has chosen.
    selected: bool = False


@dataclass(frozen=True)
class Card:
    """What a product's card, and the price block of its page, show.

    ``price`` is the cheapest size's for a product sold in sizes, and ``price_varies`` says
    its sizes cost different amounts, so it reads "from £6.50". ``availability`` is Oscar's
    availability policy (its ``code`` and ``message`` are shown on the product page).
    """

    pk: int
    title: str
    url: str
    picture: Picture | None
    rating: float | None
    price: ShownPrice | None
    price_varies: bool
    availability: object
    sizes: tuple[SizeOffer, ...]
    has_options: bool
    is_parent: bool

    @property
    def available(self) -> bool:
        """Return whether the product, or one of its sizes, can be bought."""
        return self.availability.is_available_to_buy


def strategy_for(request: HttpRequest | None):
    """Return the Oscar strategy of ``request`` (the basket middleware sets it), else a new one."""
    strategy = getattr(request, "strategy", None)
    return strategy or Selector().strategy(request=request)


def product_cards(products: Iterable[Product], request: HttpRequest | None) -> list[Card]:
    """Return the card of each of ``products``, in their order.

    ``products`` come with what ``with_purchase_info`` fetches; nothing more is read from the
    database. Prices and availability come from the request's strategy, asked once per product
    and size; the pictures are read with one cache call.
    """
    products = list(products)
    strategy = strategy_for(request)
    shown_price = _shown_price_for_page()
    pictures = product_pictures([product.primary_image() for product in products], CARD_PICTURE)
    return [
        _card(product, picture, strategy, shown_price)
        for product, picture in zip(products, pictures, strict=True)
    ]


def product_card(product: Product, request: HttpRequest | None) -> Card:
    """Return ``product``'s card alone, fetching the product again with what a card reads.

    For pages that have a product at hand but not its card: a page of cards uses
    ``product_cards`` on products fetched with ``with_purchase_info``.
    """
    (card,) = product_cards(with_purchase_info(Product.objects.filter(pk=product.pk)), request)
    return card


def with_size_chosen(sizes: Sequence[SizeOffer], chosen=None) -> tuple[SizeOffer, ...]:
    """Return ``sizes`` with one that can be bought selected: the one whose primary key is
    ``chosen`` (the size a shopper sent), else the first."""
    buyable = [size.pk for size in sizes if size.available]
    pick = next((pk for pk in buyable if str(pk) == str(chosen)), buyable[0] if buyable else None)
    return tuple(replace(size, selected=size.pk == pick) for size in sizes)


def _card(product: Product, picture: Picture | None, strategy, shown_price) -> Card:
    """Return ``product``'s card; a parent's price and availability are its sizes'.

    The strategy prices a parent at its first size with a price: sizes are fetched cheapest
    first (``public_sizes``).
    """
    if product.is_parent:
        info = strategy.fetch_for_parent(product)
        sizes = with_size_chosen(
            [_size_offer(size, strategy, shown_price) for size in product.get_public_children()]
        )
    else:
        info = strategy.fetch_for_product(product)
        sizes = ()
    return Card(
        pk=product.pk,
        title=product.get_title(),
        url=product.get_absolute_url(),
        picture=picture,
        rating=product.rating,
        price=shown_price(info.price),
        price_varies=product.lowest_price != product.highest_price,
        availability=info.availability,
        sizes=sizes,
        has_options=product.has_options,
        is_parent=product.is_parent,
    )


def _size_offer(size: Product, strategy, shown_price) -> SizeOffer:
    """Return ``size`` as an add-to-basket form offers it, not yet chosen."""
    info = strategy.fetch_for_product(size)
    price = shown_price(info.price)
    return SizeOffer(
        pk=size.pk,
        title=size.size_label(),
        price=price,
        available=info.availability.is_available_to_buy and price is not None,
    )


def _shown_price_for_page():
    """Return a function that gives an Oscar price as shoppers see it, or None for a price that
    does not exist. It formats each amount once, however many products cost it."""
    formatted = functools.cache(currency)

    def shown(price) -> ShownPrice | None:
        if not price.exists:
            return None
        amount = shown_amount(price)
        return ShownPrice(
            amount=amount,
            text=formatted(amount, price.currency),
            includes_tax=price.is_tax_known,
        )

    return shown
