"""The basket page works out each line's row once: its picture, its inputs and the delivery
methods are what Oscar gives, read in one go instead of once per line or per method."""

from decimal import Decimal

import pytest
from django import forms
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_class, get_model
from oscar.core.thumbnails import get_thumbnailer

from store.basket.thumbnails import thumbnail_key, thumbnail_urls
from store.basket.widgets import HiddenInput, NumberInput
from tests.checkout_journey import ship_to_the_uk
from tests.factories import (
    ProductClassFactory,
    ProductImageFactory,
    StockRecordFactory,
    png_file,
    sized_product,
)

Basket = get_model("basket", "Basket")
Repository = get_class("shipping.repository", "Repository")
NoShippingRequired = get_class("shipping.methods", "NoShippingRequired")
Selector = get_class("partner.strategy", "Selector")

pytestmark = pytest.mark.django_db

HOSTILE = '"><script>alert(1)</script>'


@pytest.fixture(autouse=True)
def nothing_kept_from_other_tests():
    """Start from an empty cache, so no thumbnail address kept by an earlier test is read."""
    cache.clear()


def oscars_thumbnail(source) -> str:
    """Return the address ``{% oscar_thumbnail source "100x100" upscale=False %}`` gives."""
    return get_thumbnailer().generate_thumbnail(source, size="100x100", upscale=False).url


def first_size(**kwargs):
    return sized_product(sizes=1, **kwargs).children.get()


@pytest.mark.parametrize(
    ("djangos", "ours", "value", "attrs"),
    [
        (forms.HiddenInput, HiddenInput, 12, {"id": "id_form-0-id"}),
        (forms.NumberInput, NumberInput, None, {"min": 0, "max": 20, "class": "form-control"}),
        (forms.NumberInput, NumberInput, "3", {"min": 0, "required": True, "disabled": False}),
        (forms.NumberInput, NumberInput, HOSTILE, {"aria-invalid": "true", "title": HOSTILE}),
    ],
)
def test_the_basket_inputs_are_written_as_djangos_templates_write_them(djangos, ours, value, attrs):
    assert ours().render("form-0-quantity", value, attrs) == djangos().render(
        "form-0-quantity", value, attrs
    )


def test_each_picture_is_oscars_thumbnail_and_is_read_from_the_cache_after_the_first_time():
    picture = ProductImageFactory(product=sized_product(sizes=1))
    stand_in = sized_product(sizes=1).primary_image()

    addresses = thumbnail_urls([picture, stand_in], "100x100")

    assert addresses == [oscars_thumbnail(picture.original), oscars_thumbnail(stand_in["original"])]
    assert cache.get(thumbnail_key(picture, "100x100")) == addresses[0]
    assert cache.get(thumbnail_key(stand_in, "100x100")) == addresses[1]


def test_a_picture_that_cannot_be_read_is_asked_for_again_once_it_can():
    picture = ProductImageFactory(product=sized_product(sizes=1))
    name = picture.original.name
    default_storage.delete(name)

    thumbnail_urls([picture], "100x100")
    assert cache.get(thumbnail_key(picture, "100x100")) is None

    assert default_storage.save(name, png_file()) == name
    (address,) = thumbnail_urls([picture], "100x100")
    assert cache.get(thumbnail_key(picture, "100x100")) == address
    assert default_storage.exists(address.removeprefix("/media/"))


def test_a_repository_reads_the_methods_once_and_asks_the_basket_each_time_if_it_needs_them():
    ship_to_the_uk()
    basket = Basket.objects.create()
    basket.strategy = Selector().strategy()
    basket.add_product(
        first_size(product_class=ProductClassFactory(name="Gift card", requires_shipping=False))
    )
    repository = Repository()

    assert [type(method) for method in repository.get_shipping_methods(basket)] == [
        NoShippingRequired
    ]
    basket.add_product(first_size())
    assert [method.code for method in repository.get_shipping_methods(basket)] == [
        "standard",
        "express",
    ]
    with CaptureQueriesContext(connection) as queries:
        default = repository.get_default_shipping_method(basket)
    assert default.code == "standard"
    assert len(queries) == 0


def test_each_row_shows_its_lines_picture_description_availability_and_prices():
    ship_to_the_uk()
    pictured = first_size(title="Zechstein bath flakes")
    ProductImageFactory(product=pictured.parent)
    plain = first_size(title="Magnesium oil")
    shopper = Client()
    for size, quantity in [(pictured, 2), (plain, 1)]:
        sent = {"child_id": size.pk, "quantity": quantity}
        assert shopper.post(f"/basket/add/{size.parent_id}/", sent).status_code == 302

    page = shopper.get("/basket/")

    rows = page.context["line_rows"]
    assert [row.description for row in rows] == ["1 kg", "1 kg"]
    assert [row.url for row in rows] == [pictured.get_absolute_url(), plain.get_absolute_url()]
    assert [row.thumbnail_url for row in rows] == [
        oscars_thumbnail(pictured.parent.primary_image().original),
        oscars_thumbnail(plain.primary_image()["original"]),
    ]
    assert [row.availability.code for row in rows] == ["instock", "instock"]
    assert [(row.price, row.total) for row in rows] == [("£6.50", "£13.00"), ("£6.50", "£6.50")]
    html = page.content.decode()
    for row in rows:
        assert f'<img class="img-thumbnail" src="{row.thumbnail_url}" alt="">' in html
    assert Decimal("19.50") == page.context["basket"].total_incl_tax


def test_a_line_is_priced_by_the_stock_record_it_holds():
    size = first_size()
    other = StockRecordFactory(product=size, price=Decimal("4.00"))
    basket = Basket.objects.create()
    basket.strategy = Selector().strategy()
    basket.add_product(size)
    basket.lines.update(stockrecord=other)

    read_again = Basket.objects.get(pk=basket.pk)
    read_again.strategy = Selector().strategy()
    (line,) = read_again.all_lines()

    # Oscar would price it by the size's first stock record, at £6.50.
    assert line.unit_price_incl_tax == Decimal("4.00")


def test_the_lines_pictures_are_read_with_them_and_a_size_shows_its_parents_first_picture():
    pictured = first_size()
    ProductImageFactory(product=pictured.parent, display_order=2)
    first_picture = ProductImageFactory(product=pictured.parent, display_order=1)
    own = first_size()
    own_picture = ProductImageFactory(product=own)
    ProductImageFactory(product=own.parent)
    plain = first_size()
    basket = Basket.objects.create()
    basket.strategy = Selector().strategy()
    for size in (pictured, own, plain):
        basket.add_product(size)
    lines = Basket.objects.get(pk=basket.pk).all_lines()
    list(lines)

    with CaptureQueriesContext(connection) as queries:
        shown = [line.product.primary_image() for line in lines]

    assert shown[:2] == [first_picture, own_picture]
    assert shown[2] == plain.primary_image()
    assert shown[2]["is_missing"]
    assert len(queries) == 0
