"""The trivial view both shops serve at /__hello/: the most requests/s a page can reach under the
same gunicorn, middleware and settings, as it reads no database and renders no template."""

from django.http import HttpRequest, HttpResponse


def hello(request: HttpRequest) -> HttpResponse:
    """Answer a few bytes of plain text."""
    return HttpResponse(b"hello", content_type="text/plain")
