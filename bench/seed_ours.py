"""Build the benchmark's catalogue in our shop, with the shop's own services.

Run by ``bench/run.py`` with our shop's settings: ``python seed_ours.py PARENTS``.

The same catalogue ``seed_stock.py`` gives stock Oscar: PARENTS parent products, alternately
bath flakes and oils, each in the category of its kind and sold in 3 sizes (child products)
priced and stocked by one partner; the same titles, descriptions, prices and stock levels, and no
pictures. On top, what only our shop has: the demo article, the shop pages, and the five demo
condition pages with their text and citations, each linking 50 of the synthetic products.
"""

import sys
import time
from decimal import Decimal

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.db import transaction  # noqa: E402
from oscar.core.loading import get_model  # noqa: E402

from content import demo as content_demo  # noqa: E402
from content import demo_content  # noqa: E402
from content.models import ConditionPage  # noqa: E402
from content.services import ProductLink, page_publish, page_save  # noqa: E402
from content.shop_page_texts import SHOP_PAGES  # noqa: E402
from store.storefront import demo_catalogue as demo  # noqa: E402
from store.storefront.markets import markets_named  # noqa: E402
from store.storefront.services import (  # noqa: E402
    _create_product,
    ensure_category,
    ensure_market,
    ensure_product_class,
    ensure_size,
    site_sync,
)

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")

#: Products each condition page links.
CONDITION_LINKS = 50
#: Sizes of each kind: label, the amount the class's size attribute holds, price.
FLAKE_SIZES = (
    ("250g", 0.25, Decimal("6.99")),
    ("1kg", 1.0, Decimal("14.99")),
    ("5kg", 5.0, Decimal("49.99")),
)
OIL_SIZES = (
    ("100ml", 100, Decimal("7.49")),
    ("250ml", 250, Decimal("12.99")),
    ("500ml", 500, Decimal("19.99")),
)
STOCK_LEVEL = 1000


def seed_catalogue(parents: int) -> list:
    """Create the categories, classes, partner, delivery methods and ``parents`` products."""
    site_sync()
    categories = [ensure_category(spec=spec) for spec in demo.CATEGORIES]
    class_specs = (demo.FLAKES_CLASS, demo.OIL_CLASS)
    classes = [ensure_product_class(spec=spec) for spec in class_specs]
    partner, _ = Partner.objects.get_or_create(name=demo.PARTNER_NAME)
    for market in markets_named(settings.SHOP_MARKETS):
        ensure_market(market=market)
    made = []
    for i in range(parents):
        kind = "Magnesium bath flakes" if i % 2 == 0 else "Magnesium oil"
        title = f"{kind} no. {i + 1}"
        parent = _create_product(
            upc=f"MW{i + 1:05d}",
            structure=Product.PARENT,
            title=title,
            description=f"Synthetic {kind} product {i + 1}. Zechstein magnesium chloride.",
            product_class=classes[i % 2],
            is_public=True,
            attributes={},
        )
        ProductCategory.objects.create(product=parent, category=categories[i % 2])
        for j, (label, amount, price) in enumerate(FLAKE_SIZES if i % 2 == 0 else OIL_SIZES):
            ensure_size(
                parent=parent,
                title=f"{title}, {label}",
                size=demo.SizeSpec(label, amount, f"P{i + 1:05d}-{j}", price, STOCK_LEVEL),
                size_attribute=class_specs[i % 2].size_attribute,
                partner=partner,
            )
        made.append(parent)
    return made


def seed_content(parents: list) -> None:
    """Publish the demo article, the shop pages and the condition pages, each page linking
    ``CONDITION_LINKS`` products (page k the k-th run of them)."""
    citations = {
        spec.key: content_demo.ensure_citation(spec=spec) for spec in demo_content.CITATIONS
    }
    article = content_demo.ensure_article(spec=demo_content.ARTICLE, citations=citations)
    for spec in SHOP_PAGES:
        content_demo.ensure_shop_page(spec=spec)
    for k, spec in enumerate(demo_content.CONDITIONS):
        page = ConditionPage(
            title=spec.title,
            neutral_title=spec.neutral_title,
            slug=spec.slug,
            summary=spec.summary,
            body=spec.body,
            mechanism=spec.mechanism,
            seo_title=spec.seo_title,
            meta_description=spec.meta_description,
            reviewed_by=demo_content.DEMO_REVIEWER,
            reviewed_on=demo_content.DEMO_REVIEWED_ON,
            source_article=article,
            position=k + 1,
        )
        notes = [use.usage_note for use in spec.products]
        linked = parents[k * CONDITION_LINKS : (k + 1) * CONDITION_LINKS]
        page_save(
            page=page,
            skip_permission_checks=True,
            citations=[citations[key] for key in spec.citations],
            products=[
                ProductLink(product_id=product.pk, usage_note=notes[n % len(notes)])
                for n, product in enumerate(linked)
            ],
        )
        page_publish(page=page, skip_permission_checks=True)


def main() -> None:
    """Seed the catalogue, the content and the customer account stock Oscar's seed makes too."""
    parents = int(sys.argv[1])
    started = time.monotonic()
    with transaction.atomic():
        made = seed_catalogue(parents)
        seed_content(made)
        get_user_model().objects.create_user(
            username="buyer",
            email="buyer@example.com",
            password="buyer-pass-123",  # noqa: S106
        )
    print(
        f"ours: {parents} parents ({Product.objects.count()} products), "
        f"{ConditionPage.objects.count()} condition pages, {time.monotonic() - started:.0f} s"
    )


main()
