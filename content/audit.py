"""Every text the shop shows the public, read against the market's claim rules.

Live articles and condition pages (the fields their kind names), how each product is used on a
condition page, public products (title, descriptions), approved reviews and the delivery
methods' descriptions. ``manage.py claims_audit`` prints what this finds.
"""

from collections.abc import Iterator
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from content.claims import current_claims
from content.compliance import Finding, check_html, check_text
from content.kinds import kind_for, kinds
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


@dataclass(frozen=True)
class FieldFinding:
    """A claim in one field of a page or a product."""

    field: str
    finding: Finding


def page_claim_findings(page, *, market: str | None = None) -> list[FieldFinding]:
    """Return the claims in the public fields of ``page`` that ``market`` forbids (default: the
    shop's), read as editorial text."""
    kind = kind_for(page)
    market = market or current_claims().code
    found = []
    for fields, check in ((kind.text_fields, check_text), (kind.html_fields, check_html)):
        for field in fields:
            text = getattr(page, field) or ""
            for finding in check(text, market=market, setting=EDITORIAL):
                found.append(FieldFinding(field, finding))
    return found


def product_claim_findings(product, *, market: str | None = None) -> list[FieldFinding]:
    """Return the claims in ``product``'s title and descriptions that ``market`` (default: the
    shop's) forbids in advertising."""
    market = market or current_claims().code
    fields = (
        ("title", check_text),
        ("description", check_html),
        ("meta_description", check_text),
    )
    return [
        FieldFinding(field, finding)
        for field, check in fields
        for finding in check(getattr(product, field) or "", market=market, setting=PRODUCT)
    ]


def highlight_claims(html: str, findings: list[Finding]) -> str:
    """Return ``html`` with each claim that lies within one run of text wrapped in ``<mark>``
    (titled with its rule), for an editor's preview; others are only listed."""
    highlighted, end = html, len(html)
    for finding in sorted(findings, key=lambda found: found.start, reverse=True):
        phrase = html[finding.start : finding.end]
        if finding.end > end or "<" in phrase or ">" in phrase:
            continue
        title = escape(f"{finding.summary} ({finding.regulation})")
        highlighted = (
            f'{highlighted[: finding.start]}<mark title="{title}">{phrase}</mark>'
            f"{highlighted[finding.end :]}"
        )
        end = finding.start
    return highlighted


def page_with_claims_marked(page) -> tuple[object, list[str]]:
    """Return ``page`` with the claims in its HTML fields marked (in memory only), and every
    claim in it as a message for the editor."""
    found = page_claim_findings(page)
    for field in kind_for(page).html_fields:
        findings = [item.finding for item in found if item.field == field]
        if findings:
            setattr(page, field, highlight_claims(getattr(page, field), findings))
    return page, [finding_message(item) for item in found]


def finding_message(found: FieldFinding) -> str:
    """Say what is wrong with a page's claim, and how it could be put, for the editor."""
    finding = found.finding
    message = _("“%(phrase)s” (%(field)s): %(summary)s (%(regulation)s).") % {
        "phrase": finding.phrase,
        "field": found.field.replace("_", " "),
        "summary": finding.summary.rstrip("."),
        "regulation": finding.regulation,
    }
    if finding.suggestion:
        message += " " + _("Suggestion: %(suggestion)s.") % {"suggestion": finding.suggestion}
    return message


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
