"""Previews of pages before they go live: in the dashboard, and through signed, expiring links.

A preview link carries the page's kind and id, signed with the site's secret and a salt of its
own, and stamped with the time it was made; ``CONTENT_PREVIEW_MAX_AGE`` seconds later it stops
working. Whoever holds the link reads the page as it is now, whatever its status, and search
engines are told not to index it.
"""

import datetime

from django.conf import settings
from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views import View

from content.audit import page_with_claims_marked
from content.kinds import ContentKind, kind_for, kinds
from content.models import Publishable
from content.views import PageMeta
from store.storefront.site import absolute_url

PREVIEW_SALT = "content.preview"
NOINDEX = "noindex, nofollow"


class PreviewLinkExpired(Exception):
    """The preview link was genuine but is older than ``CONTENT_PREVIEW_MAX_AGE``."""


def preview_token_create(page: Publishable) -> str:
    """Return a signed, timestamped token naming ``page``."""
    return signing.dumps([page._meta.model_name, page.pk], salt=PREVIEW_SALT)


def preview_token_page(token: str) -> Publishable:
    """Return the page ``token`` names.

    Raise ``PreviewLinkExpired`` for a genuine token that is too old, and Http404 for one that
    was altered or made with another secret, or whose page, or kind of page, is gone.
    """
    try:
        model_name, pk = signing.loads(
            token, salt=PREVIEW_SALT, max_age=settings.CONTENT_PREVIEW_MAX_AGE
        )
    except signing.SignatureExpired as error:
        raise PreviewLinkExpired from error
    except signing.BadSignature as error:
        raise Http404("Unknown preview link.") from error
    return get_object_or_404(_kind_named(model_name).model, pk=pk)


def _kind_named(model_name: str) -> ContentKind:
    """Return the registered kind whose model is ``model_name``, or answer 404."""
    for kind in kinds():
        if kind.model._meta.model_name == model_name:
            return kind
    raise Http404("Unknown preview link.")


def preview_link_expires_at() -> datetime.datetime:
    """Return when a preview link made now stops working."""
    return timezone.now() + datetime.timedelta(seconds=settings.CONTENT_PREVIEW_MAX_AGE)


def preview_link_create(page: Publishable) -> str:
    """Return the full address of a new preview link to ``page``."""
    return absolute_url(
        reverse("content:page-preview", kwargs={"token": preview_token_create(page)})
    )


def preview_page(page: Publishable) -> Publishable:
    """Return ``page`` loaded as its public view loads a live page, whatever its status."""
    return kind_for(page).load_public(page, at=timezone.now())


def preview_meta(page: Publishable) -> PageMeta:
    """Return what the page's <head> says, as its public view would say it once live."""
    image = getattr(page, "hero_image", None)
    return PageMeta(
        title=page.page_title,
        heading=page.title,
        description=page.page_description,
        url=absolute_url(page.get_absolute_url()),
        type="article",
        image=absolute_url(image.url) if image else "",
        image_alt=getattr(page, "hero_image_alt", ""),
    )


def preview_response(
    request: HttpRequest, page: Publishable, *, back_url: str = "", mark_claims: bool = False
) -> TemplateResponse:
    """Render ``page`` in its public template, marked as a preview and kept out of search.

    ``mark_claims`` highlights what the claims check objects to, for the page's editors.
    """
    kind = kind_for(page)
    page = preview_page(page)
    claim_problems = []
    if mark_claims:
        page, claim_problems = page_with_claims_marked(page)
    context = {
        "claim_problems": claim_problems,
        "base_template": kind.public_template,
        "object": page,
        "page": page,
        kind.public_name: page,
        "meta": preview_meta(page),
        "is_preview": True,
        "back_url": back_url,
    }
    response = TemplateResponse(request, "oscar/dashboard/content/preview/page.html", context)
    response["X-Robots-Tag"] = NOINDEX
    return response


class PageSharedPreviewView(View):
    """Show the page a preview link names to anyone holding the link, until it expires."""

    def get(self, request: HttpRequest, token: str) -> HttpResponse:
        try:
            page = preview_token_page(token)
        except PreviewLinkExpired:
            response = TemplateResponse(
                request, "oscar/dashboard/content/preview/expired.html", status=410
            )
            response["X-Robots-Tag"] = NOINDEX
            return response
        return preview_response(request, page)
