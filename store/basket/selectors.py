"""Read a basket's lines with all that pricing, offers, tax and the basket's pages ask of them."""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch, QuerySet, Sum
from django.forms import BaseForm, BaseFormSet
from django.utils.functional import cached_property
from django.utils.translation import gettext, gettext_noop
from oscar.apps.partner.availability import Base as Availability
from oscar.core.loading import get_model
from oscar.templatetags.currency_filters import currency

from store.basket.thumbnails import thumbnail_urls

#: The box the basket page fits each line's picture into.
THUMBNAIL_GEOMETRY = "100x100"


def lines_to_price(lines: QuerySet) -> QuerySet:
    """Return ``lines`` in the order they were added, with what each line is priced by loaded.

    Pricing a line reads its product, the size's parent and the parent's product class (for
    the tax category), the line's stock record and its options; the basket and checkout show
    the size's picture, which is the parent's (``Product.primary_image`` reads
    ``loaded_images``). Loading them here makes a basket of thirty lines cost the queries of
    a basket of one.
    """
    attributes = get_model("basket", "LineAttribute").objects.select_related("option")
    return (
        lines.select_related(
            "stockrecord", "product__product_class", "product__parent__product_class"
        )
        .prefetch_related(
            Prefetch("attributes", queryset=attributes),
            Prefetch("product__images", to_attr="loaded_images"),
            Prefetch("product__parent__images", to_attr="loaded_images"),
        )
        .order_by("pk")
    )


def quantities_by_stockrecord(lines: QuerySet) -> dict[int, int]:
    """Return how many items ``lines`` hold of each stock record, by the stock record's id."""
    totals = lines.values("stockrecord").annotate(total=Sum("quantity")).order_by()
    return {row["stockrecord"]: row["total"] for row in totals}


def naming_the_item(sentence: str) -> property:
    """Return a property giving ``sentence``, translated, about the row's item."""
    return property(lambda row: gettext(sentence) % {"item": row.description})


@dataclass(frozen=True)
class LineRow:
    """A row of the basket page: a line's form and what the row shows of the line.

    ``price`` and ``total`` are written as Oscar's ``currency`` filter writes them, with tax
    where it is known and before tax where it is not (US sales tax before the delivery state
    is given); a saved item has no ``total``.
    """

    form: BaseForm
    description: str
    url: str
    thumbnail_url: str
    availability: Availability
    price: str
    total: str = ""

    @cached_property
    def errors(self) -> list[str]:
        """Return the form's errors, field after field, for the row to list."""
        return [error for errors in self.form.errors.values() for error in errors]

    # The buttons' and box's names for screen readers, which say which line they act on.
    quantity_label = naming_the_item(gettext_noop("Quantity of %(item)s"))
    remove_label = naming_the_item(gettext_noop("Remove %(item)s"))
    save_label = naming_the_item(gettext_noop("Save %(item)s for later"))
    move_label = naming_the_item(gettext_noop("Move %(item)s to basket"))
    remove_saved_label = naming_the_item(gettext_noop("Remove %(item)s from the saved items"))


def basket_rows(formset: BaseFormSet) -> list[LineRow]:
    """Return a row for each form of the basket's formset, priced as the basket prices it."""
    forms = list(formset)
    lines = [form.instance for form in forms]
    thumbnails = _thumbnails(line.product for line in lines)
    money = _money_writer()
    return [
        LineRow(
            form=form,
            description=line.description,
            url=line.product.get_absolute_url(),
            thumbnail_url=thumbnail,
            availability=line.purchase_info.availability,
            price=money(
                line.unit_price_incl_tax if line.is_tax_known else line.unit_price_excl_tax,
                line.price_currency,
            ),
            total=money(
                line.line_price_incl_tax if line.is_tax_known else line.line_price_excl_tax,
                line.price_currency,
            ),
        )
        for form, line, thumbnail in zip(forms, lines, thumbnails, strict=True)
    ]


def saved_rows(formset: BaseFormSet, strategy) -> list[LineRow]:
    """Return a row for each form of the saved items' formset, at its product's price today."""
    forms = list(formset)
    products = [form.instance.product for form in forms]
    thumbnails = _thumbnails(products)
    money = _money_writer()
    rows = []
    for form, product, thumbnail in zip(forms, products, thumbnails, strict=True):
        info = strategy.fetch_for_product(product)
        price = info.price.incl_tax if info.price.is_tax_known else info.price.excl_tax
        rows.append(
            LineRow(
                form=form,
                description=form.instance.description,
                url=product.get_absolute_url(),
                thumbnail_url=thumbnail,
                availability=info.availability,
                price=money(price, info.price.currency),
            )
        )
    return rows


def _thumbnails(products) -> list[str]:
    return thumbnail_urls([product.primary_image() for product in products], THUMBNAIL_GEOMETRY)


def _money_writer() -> Callable[[Decimal | None, str | None], str]:
    """Return Oscar's ``currency`` filter, writing each amount once however many rows show it.

    Amounts are told apart as written ("6.5" and "6.50" are equal Decimals, not equal text).
    """
    written = {}

    def money(amount: Decimal | None, currency_code: str | None) -> str:
        key = (str(amount), currency_code)
        if key not in written:
            written[key] = currency(amount, currency_code)
        return written[key]

    return money
