"""Read what the home page shows."""

from django.db.models import QuerySet
from oscar.core.loading import get_model

from catalogue.selectors import browsable_products
from content.selectors import live_condition_pages

Category = get_model("catalogue", "Category")


def featured_products(*, limit: int = 8) -> QuerySet:
    """Return up to ``limit`` browsable products, the highest priority first."""
    return browsable_products().order_by("-priority", "title", "pk")[:limit]


def top_level_categories() -> QuerySet:
    """Return the public categories at the top of the tree."""
    return Category.objects.get_root_nodes().filter(is_public=True).exclude(exclude_from_menu=True)


def hero_condition_pages(*, limit: int = 6) -> QuerySet:
    """Return up to ``limit`` live condition pages, with only what a link to each needs."""
    return live_condition_pages().only("title", "slug")[:limit]
