"""Every write to content goes through here: saving, review, publishing and restoring.

The dashboard, the importer, the demo set-up and the tests all call these functions, so the
rules (who may publish, what a page needs before it goes live) live in one place, the way
Wagtail's publish action does.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from content.models import (
    Article,
    ArticleCitation,
    Citation,
    ConditionCitation,
    ConditionPage,
    ConditionProduct,
    Publishable,
    Revision,
    Status,
)

CONTENT_VERSION_KEY = "content:version"

#: Fields a revision records but a restore leaves alone: they describe publication, not content.
PUBLICATION_FIELDS = {
    "id",
    "status",
    "publish_at",
    "expire_at",
    "first_published_at",
    "last_published_at",
    "created_at",
    "updated_at",
}


@dataclass(frozen=True)
class ProductLink:
    """A product to show on a condition page, with how it is used for that condition."""

    product_id: int
    usage_note: str


def content_version() -> int:
    """Return the number that changes whenever published content may have changed."""
    return cache.get_or_set(CONTENT_VERSION_KEY, 1, timeout=None)


def content_changed() -> None:
    """Invalidate every cached piece of published content."""
    try:
        cache.incr(CONTENT_VERSION_KEY)
    except ValueError:
        cache.set(CONTENT_VERSION_KEY, 2, timeout=None)


def publish_permission(page: Publishable) -> str:
    """Return the permission needed to publish or unpublish ``page``."""
    return f"content.publish_{page._meta.model_name}"


def publish_problems(page: Publishable, *, at: datetime | None = None) -> list[str]:
    """Return why ``page`` cannot be published yet, in words an editor can act on."""
    at = at or timezone.now()
    problems = []
    if not page.body.strip():
        problems.append(_("Write the body before publishing."))
    if page.expire_at and page.expire_at <= at:
        problems.append(_("The expiry time has passed: move it later or clear it."))
    if isinstance(page, ConditionPage):
        if not page.citation_links.exists():
            problems.append(_("Add at least one citation: health claims need a source."))
        if not page.reviewed_by.strip():
            problems.append(_("Name the reviewer who checked the page against its sources."))
        if page.reviewed_on is None:
            problems.append(_("Give the date the page was reviewed."))
        elif page.reviewed_on > timezone.localdate():
            problems.append(_("The review date cannot be in the future."))
    return problems


def snapshot(page: Publishable) -> dict:
    """Return the page's fields and ordered links as JSON-ready data."""
    data = {}
    for field in page._meta.concrete_fields:
        value = field.value_from_object(page)
        if isinstance(field, models.FileField):
            data[field.attname] = value.name if value else ""
        else:
            data[field.attname] = None if value is None else field.value_to_string(page)
    data["citations"] = list(
        page.citation_links.order_by("position", "pk").values_list("citation_id", flat=True)
    )
    if isinstance(page, ConditionPage):
        data["products"] = [
            {"product_id": link.product_id, "usage_note": link.usage_note}
            for link in page.product_links.order_by("position", "pk")
        ]
    return data


def revision_create(*, page: Publishable, user, action: str) -> Revision:
    """Record who did what to ``page`` and what it looked like afterwards."""
    return Revision.objects.create(
        content_type=ContentType.objects.get_for_model(page),
        object_id=page.pk,
        user=user if getattr(user, "is_authenticated", False) else None,
        action=action,
        snapshot=snapshot(page),
    )


def revisions_of(page: Publishable) -> models.QuerySet:
    """Return the page's revisions, newest first."""
    return Revision.objects.filter(
        content_type=ContentType.objects.get_for_model(page), object_id=page.pk
    ).select_related("user")


def _check_can_edit(instance: models.Model, user) -> None:
    if user is None:
        return
    action = "add" if instance.pk is None else "change"
    permission = f"content.{action}_{instance._meta.model_name}"
    if not user.has_perm(permission):
        raise PermissionDenied(_("You may not make this change."))


def _check_can_publish(page: Publishable, user) -> None:
    if user is not None and not user.has_perm(publish_permission(page)):
        raise PermissionDenied(_("You may not publish or unpublish this page."))


def _set_citations(page: Publishable, citations: Sequence[Citation]) -> None:
    link_model = ArticleCitation if isinstance(page, Article) else ConditionCitation
    owner = "article" if isinstance(page, Article) else "page"
    link_model.objects.filter(**{owner: page}).delete()
    link_model.objects.bulk_create(
        link_model(**{owner: page}, citation=citation, position=position)
        for position, citation in enumerate(citations, start=1)
    )


def _set_products(page: ConditionPage, links: Iterable[ProductLink]) -> None:
    page.product_links.all().delete()
    rows = []
    for position, link in enumerate(links, start=1):
        row = ConditionProduct(
            page=page, product_id=link.product_id, usage_note=link.usage_note, position=position
        )
        row.full_clean(exclude=["page"])
        rows.append(row)
    ConditionProduct.objects.bulk_create(rows)


def _raise_if_not_publishable(page: Publishable) -> None:
    problems = publish_problems(page)
    if problems:
        raise ValidationError(problems)


def _check_can_change_live_citation(citation: Citation, user) -> None:
    """Refuse a change to a citation that published pages show, unless ``user`` may publish them.

    A live page's reference list is part of the page: changing it is publishing.
    """
    if user is None or citation.pk is None:
        return
    published = [
        *citation.articles.filter(status=Status.PUBLISHED),
        *citation.condition_pages.filter(status=Status.PUBLISHED),
    ]
    refused = [page for page in published if not user.has_perm(publish_permission(page))]
    if refused:
        raise PermissionDenied(
            _(
                "Published pages cite this source (%(pages)s): changing it changes them, so "
                "only someone who may publish them can change it."
            )
            % {"pages": ", ".join(f"“{page.title}”" for page in refused)}
        )


@transaction.atomic
def citation_save(*, citation: Citation, user=None) -> Citation:
    """Save ``citation`` and let cached pages that cite it show the change.

    A citation that published pages show needs the permission to publish them.
    """
    _check_can_edit(citation, user)
    _check_can_change_live_citation(citation, user)
    citation.full_clean()
    citation.save()
    content_changed()
    return citation


@transaction.atomic
def page_save(
    *,
    page: Publishable,
    user=None,
    citations: Sequence[Citation] | None = None,
    products: Sequence[ProductLink] | None = None,
    action: str | None = None,
) -> Publishable:
    """Save ``page`` and its ordered citations and products, keeping a revision.

    ``user`` None means the system (the importer or the demo set-up): no permission check.
    Editing a live page changes what readers see, so it needs the publish permission and must
    still meet the publishing rules.
    """
    is_new = page.pk is None
    _check_can_edit(page, user)
    if page.status == Status.PUBLISHED:
        _check_can_publish(page, user)
    page.full_clean()
    page.save()
    if citations is not None:
        _set_citations(page, citations)
    if products is not None:
        if not isinstance(page, ConditionPage):
            raise ValueError("Only condition pages link products.")
        _set_products(page, products)
    if page.status == Status.PUBLISHED:
        _raise_if_not_publishable(page)
        content_changed()
    revision_create(
        page=page,
        user=user,
        action=action or (Revision.Action.CREATED if is_new else Revision.Action.EDITED),
    )
    return page


@transaction.atomic
def page_submit_for_review(*, page: Publishable, user=None) -> Publishable:
    """Move a draft to review, so a reviewer can check it before it is published."""
    _check_can_edit(page, user)
    if page.status != Status.DRAFT:
        raise ValidationError(_("Only a draft can be submitted for review."))
    page.status = Status.IN_REVIEW
    page.save(update_fields=["status", "updated_at"])
    revision_create(page=page, user=user, action=Revision.Action.SUBMITTED)
    return page


@transaction.atomic
def page_publish(*, page: Publishable, user=None, at: datetime | None = None) -> Publishable:
    """Publish ``page`` now, or at ``at``; refuse with every reason when it is not ready."""
    _check_can_publish(page, user)
    now = timezone.now()
    page.publish_at = at or now
    _raise_if_not_publishable(page)
    page.full_clean()
    page.status = Status.PUBLISHED
    page.first_published_at = page.first_published_at or page.publish_at
    page.last_published_at = page.publish_at
    page.save()
    revision_create(page=page, user=user, action=Revision.Action.PUBLISHED)
    content_changed()
    return page


@transaction.atomic
def page_unpublish(*, page: Publishable, user=None) -> Publishable:
    """Take ``page`` off the site and back to draft."""
    _check_can_publish(page, user)
    if page.status != Status.PUBLISHED:
        raise ValidationError(_("Only a published page can be unpublished."))
    page.status = Status.DRAFT
    page.save(update_fields=["status", "updated_at"])
    revision_create(page=page, user=user, action=Revision.Action.UNPUBLISHED)
    content_changed()
    return page


@transaction.atomic
def revision_restore(*, revision: Revision, user=None) -> Publishable:
    """Put the page's content back as ``revision`` recorded it; publication stays as it is."""
    page = revision.content_type.get_object_for_this_type(pk=revision.object_id)
    data = revision.snapshot
    for field in page._meta.concrete_fields:
        if field.attname in PUBLICATION_FIELDS or field.attname not in data:
            continue
        value = data[field.attname]
        setattr(page, field.attname, field.to_python(value) if value is not None else None)
    citations = list(Citation.objects.filter(pk__in=data.get("citations", [])))
    citations.sort(key=lambda citation: data["citations"].index(citation.pk))
    products = None
    if isinstance(page, ConditionPage):
        products = [ProductLink(**link) for link in data.get("products", [])]
    return page_save(
        page=page,
        user=user,
        citations=citations,
        products=products,
        action=Revision.Action.RESTORED,
    )
