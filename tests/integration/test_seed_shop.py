import re
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import authenticate, get_user_model
from django.contrib.sites.models import Site
from django.core.management import call_command
from oscar.core.loading import get_model
from PIL import Image

AttributeOption = get_model("catalogue", "AttributeOption")
Category = get_model("catalogue", "Category")
OrderAndItemCharges = get_model("shipping", "OrderAndItemCharges")
Product = get_model("catalogue", "Product")
ProductAttribute = get_model("catalogue", "ProductAttribute")
ProductAttributeValue = get_model("catalogue", "ProductAttributeValue")
ProductClass = get_model("catalogue", "ProductClass")
ProductImage = get_model("catalogue", "ProductImage")
StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db

PASSWORD_LINE = re.compile(r"Password \(shown once[^)]*\): (\S+)")
SIZE_TITLE = re.compile(r"\d+ (g|kg|ml)")


def run(command: str, *args: str) -> str:
    """Run the management command ``command`` and return what it printed."""
    out = StringIO()
    call_command(command, *args, stdout=out)
    return out.getvalue()


def media_files() -> set[Path]:
    """Return every file under MEDIA_ROOT."""
    return {path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()}


def row_counts() -> dict[str, int]:
    """Return how many rows each table the seed fills holds."""
    models = (
        AttributeOption,
        Category,
        OrderAndItemCharges,
        Product,
        ProductAttribute,
        ProductAttributeValue,
        ProductClass,
        ProductImage,
        StockRecord,
    )
    return {model.__name__: model.objects.count() for model in models}


def test_seed_builds_both_product_classes_with_typed_attributes():
    run("seed_shop")

    flakes = ProductClass.objects.get(name="Bath flakes")
    oils = ProductClass.objects.get(name="Magnesium oil")
    assert flakes.track_stock and flakes.requires_shipping
    assert oils.track_stock and oils.requires_shipping
    assert dict(flakes.attributes.values_list("code", "type")) == {
        "weight": "float",
        "magnesium_chloride": "float",
        "origin": "text",
        "grade": "text",
    }
    assert dict(oils.attributes.values_list("code", "type")) == {
        "volume": "integer",
        "magnesium_chloride": "float",
        "origin": "text",
        "form": "option",
    }
    form = oils.attributes.get(code="form")
    assert set(form.option_group.options.values_list("option", flat=True)) == {
        "spray",
        "roll-on",
        "bottle",
    }


@pytest.mark.parametrize(
    ("class_name", "category_name", "size_code"),
    [("Bath flakes", "Bath flakes", "weight"), ("Magnesium oil", "Magnesium oils", "volume")],
)
def test_seed_sells_at_least_four_public_products_of_each_class_in_priced_sizes(
    class_name, category_name, size_code
):
    run("seed_shop")

    parents = Product.objects.browsable().filter(product_class__name=class_name)
    assert parents.count() >= 4
    for parent in parents:
        assert parent.is_parent
        assert parent.description
        assert list(parent.categories.values_list("name", flat=True)) == [category_name]
        assert parent.attr.magnesium_chloride > 0
        sizes = list(parent.children.all())
        assert 2 <= len(sizes) <= 4
        for size in sizes:
            assert size.is_public
            assert SIZE_TITLE.fullmatch(size.title.removeprefix(f"{parent.title}, "))
            assert getattr(size.attr, size_code) > 0
            stock = size.stockrecords.get()
            assert stock.partner.name == "Magnesium Works warehouse"
            assert stock.partner_sku == size.upc
            assert stock.price_currency == "GBP"
            assert isinstance(stock.price, Decimal)
            assert stock.price > 0
            assert stock.low_stock_threshold > 0


def test_seed_gives_magnesium_oils_a_form_from_the_option_group():
    run("seed_shop")

    spray = Product.objects.get(title="Magnesium oil spray")

    assert spray.attr.form == AttributeOption.objects.get(option="spray")
    assert spray.children.get(title__endswith="250 ml").attr.volume == 250


def test_seed_leaves_exactly_one_size_out_of_stock():
    run("seed_shop")

    sold_out = StockRecord.objects.filter(num_in_stock=0)

    assert sold_out.count() == 1
    other_sizes = sold_out.get().product.parent.children.filter(stockrecords__num_in_stock__gt=0)
    assert other_sizes.exists()


def test_seed_draws_a_picture_with_alt_text_for_every_product_at_twice_the_largest_size():
    run("seed_shop")

    for parent in Product.objects.browsable():
        image = parent.images.get()
        assert parent.title in image.caption
        with image.original.open("rb") as file, Image.open(file) as picture:
            assert picture.format == "PNG"
            assert picture.size == (1200, 1200)


def test_seed_draws_each_product_its_own_picture_in_many_shades():
    run("seed_shop")

    pictures = {}
    for image in ProductImage.objects.select_related("product"):
        with image.original.open("rb") as file, Image.open(file) as picture:
            pictures[image.product.title] = picture.convert("RGB")

    assert len(pictures) == 8
    assert len({picture.tobytes() for picture in pictures.values()}) == len(pictures)
    for title, picture in pictures.items():
        assert picture.getcolors(maxcolors=2000) is None, f"{title}: a few flat colours"
        commonest, _colour = max(picture.getcolors(maxcolors=picture.width * picture.height))
        assert commonest < picture.width * picture.height / 10, f"{title}: mostly one colour"


def test_seed_offers_standard_delivery_free_over_forty_pounds_and_paid_express():
    run("seed_shop")

    standard = OrderAndItemCharges.objects.get(name="Standard delivery")
    express = OrderAndItemCharges.objects.get(name="Express delivery")
    assert standard.price_per_order == Decimal("3.95")
    assert standard.free_shipping_threshold == Decimal("40.00")
    assert "free on orders over £40.00" in standard.description
    assert express.price_per_order == Decimal("7.95")
    assert express.free_shipping_threshold is None
    assert "£7.95" in express.description


def test_seed_names_the_site_after_the_shop_at_the_address_the_settings_give(settings):
    settings.SHOP_BASE_URL = "http://127.0.0.1:8123"
    Site.objects.filter(pk=settings.SITE_ID).update(domain="example.com", name="example.com")

    run("seed_shop")

    site = Site.objects.get(pk=settings.SITE_ID)
    assert site.domain == "127.0.0.1:8123"
    assert site.name == settings.OSCAR_SHOP_NAME


def test_seed_keeps_a_site_name_someone_chose_but_takes_the_address_from_the_settings(settings):
    settings.SHOP_BASE_URL = "https://shop.example"
    Site.objects.filter(pk=settings.SITE_ID).update(domain="old.example", name="Our shop")

    run("seed_shop")

    site = Site.objects.get(pk=settings.SITE_ID)
    assert (site.domain, site.name) == ("shop.example", "Our shop")


def test_migrate_brings_the_site_address_in_line_with_the_settings(settings):
    settings.SHOP_BASE_URL = "https://shop.example:8443"

    run("migrate", "--noinput")

    assert Site.objects.get(pk=settings.SITE_ID).domain == "shop.example:8443"


def test_seed_prints_a_one_line_summary():
    output = run("seed_shop")

    assert output.count("\n") == 1
    assert "2 categories, 8 products, 21 sizes, 2 shipping methods to 1 country (uk)" in output
    assert re.search(r"\(created [1-9]\d* rows\)$", output.strip())


def test_running_the_seed_twice_changes_no_counts_and_writes_no_files():
    run("seed_shop")
    counts, files = row_counts(), media_files()

    output = run("seed_shop")

    assert row_counts() == counts
    assert media_files() == files
    assert "(created 0 rows)" in output


def test_running_the_seed_again_keeps_what_staff_edited():
    run("seed_shop")
    stock = StockRecord.objects.get(partner_sku="MW-OIL-SPRAY-100ML")
    stock.price = Decimal("5.00")
    stock.save()
    Product.objects.filter(upc="MW-OIL-SPRAY").update(title="Magnesium spray")

    run("seed_shop")

    assert StockRecord.objects.get(pk=stock.pk).price == Decimal("5.00")
    assert Product.objects.get(upc="MW-OIL-SPRAY").title == "Magnesium spray"


def test_create_demo_staff_makes_a_staff_account_that_signs_in_by_email():
    output = run("create_demo_staff")

    password = PASSWORD_LINE.search(output).group(1)
    user = authenticate(email="staff@magnesium-shop.example", password=password)
    assert user is not None
    assert user.is_staff
    assert user.username == "staff"


def test_create_demo_staff_prints_the_password_only_once():
    first = run("create_demo_staff")
    password = PASSWORD_LINE.search(first).group(1)
    password_hash = get_user_model().objects.get(username="staff").password

    second = run("create_demo_staff")

    assert PASSWORD_LINE.search(second) is None
    assert password not in second
    assert "manage.py changepassword staff" in second
    assert get_user_model().objects.get(username="staff").password == password_hash
