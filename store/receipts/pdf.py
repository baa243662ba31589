"""Documents as PDF files, drawn by WeasyPrint from the same templates as their web pages.

WeasyPrint is given only the shop's own static files (the documents' stylesheet), read from
disk: it fetches nothing over the network, so drawing a document never waits on, or calls out
to, anything.
"""

import mimetypes
import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse


def static_file(url: str) -> Path | None:
    """Return the file of the static file at ``url``, or None if it is not one.

    The apps' own folders hold them in development and tests; a deployed shop links its
    collected copies instead, under the hashed names the manifest storage gives them.
    """
    path = unquote(urlsplit(url).path)
    if not path.startswith(settings.STATIC_URL):
        return None
    name = posixpath.normpath(path.removeprefix(settings.STATIC_URL))
    if name == ".." or name.startswith(("../", "/")):
        return None
    found = finders.find(name)
    if found:
        return Path(found)
    collected = Path(staticfiles_storage.path(name))
    return collected if collected.is_file() else None


class StaticFilesOnly(URLFetcher):
    """Answer WeasyPrint's requests from the shop's static files, and refuse every other one."""

    def fetch(self, url: str, headers=None) -> URLFetcherResponse:
        found = static_file(url)
        if found is None:
            raise ValueError(f"Documents use only the shop's static files, not {url}")
        content_type = mimetypes.guess_type(found.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, found.read_bytes(), {"Content-Type": content_type})


def pdf_response(
    request: HttpRequest, *, template_name: str, context: dict, filename: str
) -> HttpResponse:
    """Return ``template_name`` drawn as a PDF, to be downloaded as ``filename``."""
    html = render_to_string(template_name, {**context, "for_pdf": True}, request=request)
    pdf = HTML(
        string=html, base_url=settings.SHOP_BASE_URL, url_fetcher=StaticFilesOnly()
    ).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
