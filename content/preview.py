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

from content.models import Article, ConditionPage, Publishable
from content.selectors import (
    mark_live_source_article,
    with_article_details,
    with_condition_page_details,
)
from content.views import PageMeta
from store.storefront.site import absolute_url

PREVIEW_SALT = "content.preview"
NOINDEX = "noindex, nofollow"

PREVIEWABLE: dict[str, type[Publishable]] = {
    "article": Article,
    "conditionpage": ConditionPage,
}

#: The public page's template, which the preview wraps.
PUBLIC_TEMPLATES = {
    "article": "content/article_detail.html",
    "conditionpage": "content/condition_detail.html",
}


class PreviewLinkExpired(Exception):
    """The preview link was genuine but is older than ``CONTENT_PREVIEW_MAX_AGE``."""


def preview_token_create(page: Publishable) -> str:
    """Return a signed, timestamped token naming ``page``."""
    return signing.dumps([page._meta.model_name, page.pk], salt=PREVIEW_SALT)


def preview_token_page(token: str) -> Publishable:
    """Return the page ``token`` names.

    Raise ``PreviewLinkExpired`` for a genuine token that is too old, and Http404 for one that
    was altered or made with another secret, or whose page is gone.
    """
    try:
        model_name, pk = signing.loads(
            token, salt=PREVIEW_SALT, max_age=settings.CONTENT_PREVIEW_MAX_AGE
        )
    except signing.SignatureExpired as error:
        raise PreviewLinkExpired from error
    except signing.BadSignature as error:
        raise Http404("Unknown preview link.") from error
    return get_object_or_404(PREVIEWABLE[model_name], pk=pk)


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
    now = timezone.now()
    if isinstance(page, ConditionPage):
        loaded = with_condition_page_details(ConditionPage.objects.all()).get(pk=page.pk)
        return mark_live_source_article(loaded, at=now)
    return with_article_details(Article.objects.all(), at=now).get(pk=page.pk)


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
    request: HttpRequest, page: Publishable, *, back_url: str = ""
) -> TemplateResponse:
    """Render ``page`` in its public template, marked as a preview and kept out of search."""
    model_name = page._meta.model_name
    page = preview_page(page)
    context = {
        "base_template": PUBLIC_TEMPLATES[model_name],
        "object": page,
        "page": page,
        model_name: page,
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
