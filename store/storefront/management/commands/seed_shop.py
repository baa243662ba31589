from django.core.management.base import BaseCommand

from store.storefront.services import seed_shop


class Command(BaseCommand):
    help = (
        "Build the demo shop: bath flake and magnesium oil categories, product classes with "
        "typed attributes, products in sizes with stock and drawn pictures, the shipping "
        "countries and delivery methods of the markets in SHOP_MARKETS, the WELCOME10 voucher "
        "(10% off), and the site's address "
        "(from SHOP_BASE_URL) and name. Safe to run again: it creates only what is missing, "
        "finding rows by slug, UPC, partner SKU, country code or name, and leaves existing rows "
        "(and any staff edits to them) alone."
    )

    def handle(self, *args, **options):
        summary = seed_shop()
        countries = "country" if summary.shipping_countries == 1 else "countries"
        self.stdout.write(
            f"Demo shop at {summary.site_domain}: {summary.categories} categories, "
            f"{summary.products} products, {summary.sizes} sizes, "
            f"{summary.shipping_methods} shipping methods to {summary.shipping_countries} "
            f"{countries} ({', '.join(summary.markets)}) (created {summary.created} rows)"
        )
