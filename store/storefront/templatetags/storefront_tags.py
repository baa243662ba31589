"""Pieces of the storefront every shopper sees alike, kept per storefront generation."""

from dataclasses import dataclass

from django import template
from django.utils.translation import get_language
from oscar.core.loading import get_model

from store.storefront.generation import remember
from store.storefront.purchase_terms import CANCELLATION_DAYS

Category = get_model("catalogue", "Category")

register = template.Library()


@dataclass(frozen=True)
class MenuLink:
    name: str
    url: str


def read_menu_categories() -> list[MenuLink]:
    """Return a link to each public top-level category, in the shop's order, in one query."""
    categories = Category.objects.filter(depth=1, is_public=True).order_by("path")
    return [MenuLink(category.name, category.get_absolute_url()) for category in categories]


@register.simple_tag
def menu_categories() -> list[MenuLink]:
    """Return the header menu's categories, kept until the storefront next changes."""
    return remember(f"menu-categories:{get_language()}", read_menu_categories)


@register.simple_tag
def cancellation_days() -> int:
    """Return the days a shopper has to cancel an order once it arrives."""
    return CANCELLATION_DAYS
