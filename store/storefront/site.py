"""The shop's public address, the one setting every absolute link is made from."""

from urllib.parse import urlsplit

from django.conf import settings


def absolute_url(path: str) -> str:
    """Return ``path`` (such as ``/catalogue/``) as a full address on the shop's public site.

    An address that is full already (a picture in a storage bucket, say) is returned as it is.
    """
    if urlsplit(path).scheme:
        return path
    return f"{settings.SHOP_BASE_URL}{path}"


def site_domain() -> str:
    """Return the host (and port, if any) of the shop's public address, as the Site records it."""
    return urlsplit(settings.SHOP_BASE_URL).netloc
