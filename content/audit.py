"""Every text the shop shows the public, read against the market's claim rules.

Live articles and condition pages (the fields their kind names), how each product is used on a
condition page, public products (title, descriptions), approved reviews and the delivery
methods' descriptions. ``manage.py claims_audit`` prints what this finds.
"""

from collections.abc import Iterator
from dataclasses import dataclass

from oscar.core.loading import get_model

from content.compliance import Finding, check_html, check_text
from content.kinds import kinds
from content.models import ConditionPage, ConditionProduct

Product = get_model("catalogue", "Product")
ProductReview = get_model("reviews", "ProductReview")
OrderAndItemCharges = get_model("shipping", "OrderAndItemCharges")
WeightBased = get_model("shipping", "WeightBased")

EDITORIAL, PRODUCT, REVIEW = "editorial", "product", "review"


@dataclass(frozen=True)
class PublicText:
    """One field of one row that the public reads."""

    where: str
    text: str
    is_html: bool
    setting: str


@dataclass(frozen=True)
class AuditFinding:
    text: PublicText
    finding: Finding


def public_texts() -> Iterator[PublicText]:
    """Yield every public text of the shop, with where it is and how it is read."""
    for kind in kinds():
        for page in kind.model.objects.live():
            label = f"{kind.model._meta.verbose_name} {page.pk} ({page.slug})"
            for field in kind.text_fields:
                yield PublicText(f"{label}: {field}", getattr(page, field), False, EDITORIAL)
            for field in kind.html_fields:
                yield PublicText(f"{label}: {field}", getattr(page, field), True, EDITORIAL)
    live_pages = ConditionPage.objects.live()
    for link in ConditionProduct.objects.filter(page__in=live_pages).select_related("page"):
        yield PublicText(
            f"usage note {link.pk} ({link.page.slug})", link.usage_note, False, PRODUCT
        )
    for product in Product.objects.filter(is_public=True):
        label = f"product {product.pk} ({product.get_title()})"
        yield PublicText(f"{label}: title", product.title, False, PRODUCT)
        yield PublicText(f"{label}: description", product.description, True, PRODUCT)
        yield PublicText(
            f"{label}: meta description", product.meta_description or "", False, PRODUCT
        )
    for review in ProductReview.objects.filter(status=ProductReview.APPROVED):
        label = f"review {review.pk} of product {review.product_id}"
        yield PublicText(f"{label}: title", review.title, False, REVIEW)
        yield PublicText(f"{label}: body", review.body, False, REVIEW)
    for model in (OrderAndItemCharges, WeightBased):
        for method in model.objects.all():
            label = f"delivery method {method.code} ({method.name})"
            yield PublicText(f"{label}: description", method.description, True, PRODUCT)


def claims_audit(*, market: str) -> list[AuditFinding]:
    """Return every finding in the shop's public texts for ``market``."""
    found = []
    for public in public_texts():
        if not public.text:
            continue
        check = check_html if public.is_html else check_text
        for finding in check(public.text, market=market, setting=public.setting):
            found.append(AuditFinding(public, finding))
    return found
