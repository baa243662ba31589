"""What the content section reads: pages to list, products to link, people who write."""

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from oscar.core.loading import get_model

from content.kinds import ContentKind
from content.models import Citation, ConditionPage, Publishable

Product = get_model("catalogue", "Product")


def page_list(model: type[Publishable], *, status: str = "", query: str = "") -> QuerySet:
    """Return the pages of ``model`` for the dashboard, most recently changed first."""
    pages = model.objects.order_by("-updated_at", "-pk")
    if status:
        pages = pages.filter(status=status)
    if query:
        pages = pages.filter(Q(title__icontains=query) | Q(slug__icontains=query))
    return pages


def citation_list(*, query: str = "") -> QuerySet:
    """Return the citations, filtered by author, title, key or year when ``query`` is given."""
    citations = Citation.objects.all()
    if query:
        condition = (
            Q(key__icontains=query) | Q(authors__icontains=query) | Q(title__icontains=query)
        )
        if query.isdigit():
            condition |= Q(year=int(query))
        citations = citations.filter(condition)
    return citations


def linkable_products() -> QuerySet:
    """Return the products a condition page may link to: parents and standalones, by title."""
    return Product.objects.exclude(structure=Product.CHILD).order_by("title", "pk")


def author_choices() -> QuerySet:
    """Return the people who may be named as an article's author: staff and editors."""
    return (
        get_user_model()
        .objects.filter(Q(is_staff=True) | Q(groups__permissions__codename="change_article"))
        .filter(is_active=True)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def citation_rows(kind: ContentKind, page: Publishable) -> list[dict]:
    """Return the page's citations in order, as the rows of the citation formset."""
    if page.pk is None:
        return []
    links = kind.citation_links(page).select_related("citation")
    return [
        {"citation": link.citation, "position": position}
        for position, link in enumerate(links, start=1)
    ]


def product_rows(page: ConditionPage) -> list[dict]:
    """Return the page's linked products in order, as the rows of the product formset."""
    if page.pk is None:
        return []
    links = page.product_links.order_by("position", "pk").select_related("product")
    return [
        {"product": link.product, "usage_note": link.usage_note, "position": position}
        for position, link in enumerate(links, start=1)
    ]
