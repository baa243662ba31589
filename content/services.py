"""Every write to content goes through here: saving, review, publishing and restoring.

The dashboard, the importer, the demo set-up and the tests all call these functions, so the
rules (who may publish, what a page needs before it goes live) live in one place, the way
Wagtail's publish action does. What differs between kinds of page (their citation links,
products and extra publishing rules) is asked of the page's kind (``content.kinds``).

Each function that writes takes the ``user`` acting and checks their permissions. The system
(the importer run from the command line, the demo set-up) acts for nobody and says so with
``skip_permission_checks=True``; a call that names no user and skips nothing is a mistake in
the caller and raises TypeError. A user given with ``skip_permission_checks=True`` is only
recorded, as the revision's author.
"""

import copy
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from content.audit import finding_message, page_claim_findings
from content.kinds import kind_for, kinds
from content.models import Citation, ConditionProduct, Publishable, Revision, Status
from store.storefront.generation import current_generation, start_new_generation

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

User = AbstractBaseUser | AnonymousUser


@dataclass(frozen=True)
class ProductLink:
    """A product to show on a condition page, with how it is used for that condition."""

    product_id: int
    usage_note: str


def content_version() -> int:
    """Return the number that changes whenever published content may have changed.

    It is the storefront's generation, which every saved page, link or citation raises.
    """
    return current_generation()


def content_changed() -> None:
    """Invalidate every cached piece of published content, once the transaction commits."""
    start_new_generation()


def publish_permission(page: Publishable) -> str:
    """Return the permission needed to publish or unpublish ``page``."""
    return kind_for(page).permission("publish")


def publish_problems(page: Publishable, *, at: datetime | None = None) -> list[str]:
    """Return why ``page`` cannot be published yet, in words an editor can act on."""
    at = at or timezone.now()
    problems = []
    if not page.body.strip():
        problems.append(_("Write the body before publishing."))
    if page.expire_at and page.expire_at <= at:
        problems.append(_("The expiry time has passed: move it later or clear it."))
    return problems + kind_for(page).extra_publish_problems(page)


def snapshot(page: Publishable) -> dict:
    """Return the page's fields and ordered links as JSON-ready data."""
    kind = kind_for(page)
    data = {}
    for field in page._meta.concrete_fields:
        value = field.value_from_object(page)
        if isinstance(field, models.FileField):
            data[field.attname] = value.name if value else ""
        else:
            data[field.attname] = None if value is None else field.value_to_string(page)
    if kind.cites_sources:
        data["citations"] = list(kind.citation_links(page).values_list("citation_id", flat=True))
    if kind.links_products:
        data["products"] = [
            {"product_id": link.product_id, "usage_note": link.usage_note}
            for link in page.product_links.order_by("position", "pk")
        ]
    return data


def revision_create(
    *, page: Publishable, user: User | None, action: str, note: str = ""
) -> Revision:
    """Record who did what to ``page`` (and why, in ``note``) and what it looked like after."""
    return Revision.objects.create(
        content_type=ContentType.objects.get_for_model(page, for_concrete_model=False),
        object_id=page.pk,
        user=user if getattr(user, "is_authenticated", False) else None,
        action=action,
        note=note,
        snapshot=snapshot(page),
    )


def may_override_claims(page: Publishable, user: User | None, *, checks: bool) -> bool:
    """Say whether ``user`` may publish ``page`` past the claims check, giving a reason."""
    return not checks or user.has_perm(kind_for(page).permission("override_claims"))


def _checks_apply(user: User | None, skip_permission_checks: bool) -> bool:
    """Return whether to check ``user``'s permissions; refuse a call that names nobody."""
    if skip_permission_checks:
        return False
    if user is None:
        raise TypeError("Name the user acting, or pass skip_permission_checks=True.")
    return True


def _check_can_edit(instance: models.Model, user: User) -> None:
    action = "add" if instance.pk is None else "change"
    meta = instance._meta
    if not user.has_perm(f"{meta.app_label}.{action}_{meta.model_name}"):
        raise PermissionDenied(_("You may not make this change."))


def _check_can_publish(page: Publishable, user: User) -> None:
    if not user.has_perm(publish_permission(page)):
        raise PermissionDenied(_("You may not publish or unpublish this page."))


def _set_citations(page: Publishable, citations: Sequence[Citation]) -> None:
    """Link ``citations`` to ``page`` in order; refuse a page whose kind cites nothing."""
    kind = kind_for(page)
    if not kind.cites_sources:
        raise ValueError(f"Pages of the kind {kind.slug!r} cite no sources.")
    kind.citation_links(page).delete()
    kind.citation_link.objects.bulk_create(
        kind.citation_link(**{kind.citation_owner: page}, citation=citation, position=position)
        for position, citation in enumerate(citations, start=1)
    )


def _set_products(page: Publishable, links: Iterable[ProductLink]) -> None:
    """Link the products to ``page`` in order; refuse a page whose kind shows no products."""
    kind = kind_for(page)
    if not kind.links_products:
        raise ValueError(f"Pages of the kind {kind.slug!r} link no products.")
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


def _raise_if_claims(page: Publishable) -> None:
    """Refuse a live page whose words make a claim the shop's market forbids."""
    messages = [finding_message(found) for found in page_claim_findings(page)]
    if messages:
        raise ValidationError(messages)


def _published_pages_citing(citation: Citation) -> list[Publishable]:
    """Return the published pages of every kind that cite ``citation``."""
    return [
        page
        for kind in kinds()
        if kind.cites_sources
        for page in kind.model.objects.filter(
            pk__in=kind.citation_link.objects.filter(citation=citation).values(kind.citation_owner),
            status=Status.PUBLISHED,
        )
    ]


def _check_can_change_live_citation(citation: Citation, user: User) -> None:
    """Refuse a change to a citation that published pages show, unless ``user`` may publish them.

    A live page's reference list is part of the page: changing it is publishing.
    """
    if citation.pk is None:
        return
    published = _published_pages_citing(citation)
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
def citation_save(
    *, citation: Citation, user: User | None = None, skip_permission_checks: bool = False
) -> Citation:
    """Save ``citation`` and let cached pages that cite it show the change.

    A citation that published pages show needs the permission to publish them.
    """
    if _checks_apply(user, skip_permission_checks):
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
    user: User | None = None,
    skip_permission_checks: bool = False,
    citations: Sequence[Citation] | None = None,
    products: Sequence[ProductLink] | None = None,
    action: str | None = None,
) -> Publishable:
    """Save ``page`` and its ordered citations and products, keeping a revision.

    Editing a live page changes what readers see, so it needs the publish permission and must
    still meet the publishing rules. ``citations`` and ``products`` None leave the links as
    they are; naming them for a kind of page that has none raises ValueError.
    """
    is_new = page.pk is None
    checks = _checks_apply(user, skip_permission_checks)
    if checks:
        _check_can_edit(page, user)
        if page.status == Status.PUBLISHED:
            _check_can_publish(page, user)
    if page.status == Status.PUBLISHED and not may_override_claims(page, user, checks=checks):
        _raise_if_claims(page)
    page.full_clean()
    page.save()
    if citations is not None:
        _set_citations(page, citations)
    if products is not None:
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
def page_submit_for_review(
    *, page: Publishable, user: User | None = None, skip_permission_checks: bool = False
) -> Publishable:
    """Move a draft to review, so a reviewer can check it before it is published."""
    if _checks_apply(user, skip_permission_checks):
        _check_can_edit(page, user)
    if page.status != Status.DRAFT:
        raise ValidationError(_("Only a draft can be submitted for review."))
    page.status = Status.IN_REVIEW
    page.save(update_fields=["status", "updated_at"])
    revision_create(page=page, user=user, action=Revision.Action.SUBMITTED)
    return page


def _validate_going_live_at(page: Publishable, publish_at: datetime) -> None:
    """Check ``page`` as it would be with ``publish_at`` as its go-live time, leaving it alone."""
    candidate = copy.copy(page)
    candidate.publish_at = publish_at
    candidate.full_clean()


@transaction.atomic
def page_publish(
    *,
    page: Publishable,
    user: User | None = None,
    skip_permission_checks: bool = False,
    at: datetime | None = None,
    claims_override_reason: str = "",
) -> Publishable:
    """Publish ``page`` now, or at ``at``; refuse with every reason when it is not ready.

    Its words must make no claim the shop's market forbids (``content.audit``), unless the
    user may override the claims check and gives ``claims_override_reason``, which the
    revision records. A refused page is left as it was, in the database and in memory.
    """
    checks = _checks_apply(user, skip_permission_checks)
    if checks:
        _check_can_publish(page, user)
    publish_at = at or timezone.now()
    reason = claims_override_reason.strip()
    findings = page_claim_findings(page)
    overriding = bool(findings and reason) and may_override_claims(page, user, checks=checks)
    problems = publish_problems(page)
    if findings and not overriding:
        problems += [finding_message(found) for found in findings]
    if problems:
        raise ValidationError(problems)
    _validate_going_live_at(page, publish_at)
    page.publish_at = publish_at
    page.status = Status.PUBLISHED
    page.first_published_at = page.first_published_at or publish_at
    page.last_published_at = publish_at
    page.save()
    note = _("Published past the claims check: %(reason)s") % {"reason": reason}
    revision_create(
        page=page, user=user, action=Revision.Action.PUBLISHED, note=note if overriding else ""
    )
    content_changed()
    return page


@transaction.atomic
def page_unpublish(
    *, page: Publishable, user: User | None = None, skip_permission_checks: bool = False
) -> Publishable:
    """Take ``page`` off the site and back to draft."""
    if _checks_apply(user, skip_permission_checks):
        _check_can_publish(page, user)
    if page.status != Status.PUBLISHED:
        raise ValidationError(_("Only a published page can be unpublished."))
    page.status = Status.DRAFT
    page.save(update_fields=["status", "updated_at"])
    revision_create(page=page, user=user, action=Revision.Action.UNPUBLISHED)
    content_changed()
    return page


@transaction.atomic
def revision_restore(
    *, revision: Revision, user: User | None = None, skip_permission_checks: bool = False
) -> Publishable:
    """Put the page's content back as ``revision`` recorded it; publication stays as it is."""
    page = revision.content_type.get_object_for_this_type(pk=revision.object_id)
    kind = kind_for(page)
    data = revision.snapshot
    for field in page._meta.concrete_fields:
        if field.attname in PUBLICATION_FIELDS or field.attname not in data:
            continue
        value = data[field.attname]
        setattr(page, field.attname, field.to_python(value) if value is not None else None)
    citations = None
    if kind.cites_sources:
        citations = list(Citation.objects.filter(pk__in=data.get("citations", [])))
        citations.sort(key=lambda citation: data["citations"].index(citation.pk))
    products = None
    if kind.links_products:
        products = [ProductLink(**link) for link in data.get("products", [])]
    return page_save(
        page=page,
        user=user,
        skip_permission_checks=skip_permission_checks,
        citations=citations,
        products=products,
        action=Revision.Action.RESTORED,
    )
