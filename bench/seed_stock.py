"""Build the benchmark's catalogue in stock Oscar, with Oscar's models as its own docs show.

Run by ``bench/run.py`` with the stock project's settings: ``python seed_stock.py PARENTS``.

The same catalogue ``seed_ours.py`` gives our shop: two product classes with a size attribute,
the categories 'Bath flakes' and 'Magnesium oils' (the category following the class), PARENTS
parent products each sold in 3 sizes (child products) with one partner's stock record and price,
no pictures, and a customer account.
"""

import sys
import time
from decimal import Decimal

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import transaction  # noqa: E402
from oscar.core.loading import get_model  # noqa: E402

Category = get_model("catalogue", "Category")
Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
ProductAttribute = get_model("catalogue", "ProductAttribute")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductClass = get_model("catalogue", "ProductClass")
StockRecord = get_model("partner", "StockRecord")

FLAKE_SIZES = (("250g", Decimal("6.99")), ("1kg", Decimal("14.99")), ("5kg", Decimal("49.99")))
OIL_SIZES = (("100ml", Decimal("7.49")), ("250ml", Decimal("12.99")), ("500ml", Decimal("19.99")))
STOCK_LEVEL = 1000


def seed_catalogue(parents: int) -> None:
    """Create the classes, categories, partner and ``parents`` products in their sizes."""
    classes = []
    for name in ("Bath flakes", "Magnesium oil"):
        product_class = ProductClass.objects.create(
            name=name, requires_shipping=True, track_stock=True
        )
        ProductAttribute.objects.create(
            product_class=product_class, name="Size", code="size", type="text", required=False
        )
        classes.append(product_class)
    categories = [
        Category.add_root(name=name, is_public=True) for name in ("Bath flakes", "Magnesium oils")
    ]
    partner = Partner.objects.create(name="Warehouse")
    for i in range(parents):
        kind = "Magnesium bath flakes" if i % 2 == 0 else "Magnesium oil"
        parent = Product.objects.create(
            structure=Product.PARENT,
            title=f"{kind} no. {i + 1}",
            product_class=classes[i % 2],
            is_public=True,
            description=f"Synthetic {kind} product {i + 1}. Zechstein magnesium chloride.",
        )
        ProductCategory.objects.create(product=parent, category=categories[i % 2])
        for j, (size, price) in enumerate(FLAKE_SIZES if i % 2 == 0 else OIL_SIZES):
            child = Product(
                structure=Product.CHILD,
                parent=parent,
                is_public=True,
                title=f"{kind} no. {i + 1} - {size}",
                upc=f"P{i + 1:05d}-{j}",
            )
            child.attr.size = size
            child.save()
            StockRecord.objects.create(
                product=child,
                partner=partner,
                partner_sku=f"SKU-{i + 1:05d}-{j}",
                price=price,
                num_in_stock=STOCK_LEVEL,
            )


def main() -> None:
    """Seed the catalogue and a customer account."""
    parents = int(sys.argv[1])
    started = time.monotonic()
    with transaction.atomic():
        seed_catalogue(parents)
        get_user_model().objects.create_user(
            username="buyer",
            email="buyer@example.com",
            password="buyer-pass-123",  # noqa: S106
        )
    print(
        f"stock: {parents} parents ({Product.objects.count()} products), "
        f"{time.monotonic() - started:.0f} s"
    )


main()
