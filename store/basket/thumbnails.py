"""Thumbnails of the pictures a basket shows, read for all its lines with one cache call."""

import hashlib
import logging
from collections.abc import Sequence

from django.conf import settings
from django.core.cache import cache
from oscar.core.thumbnails import get_thumbnailer

logger = logging.getLogger("oscar.thumbnail")

#: Seconds a thumbnail's address is kept. One lost from the cache is asked of the thumbnailer
#: again, so this only bounds how long the address of a deleted thumbnail is given out.
THUMBNAIL_SECONDS = 24 * 60 * 60


def thumbnail_urls(images: Sequence, geometry: str) -> list[str]:
    """Return the address of a thumbnail of each of ``images`` within ``geometry``, in order.

    Each is what Oscar's ``{% oscar_thumbnail image.original geometry upscale=False %}`` gives:
    an image is a product image or the stand-in ``primary_image()`` gives for a product without
    one. Addresses given before are read in one cache call; the others are asked of the
    thumbnailer (sorl), and kept once the thumbnail's file is there: one whose source could not
    be read is asked for again next time, as the tag would. A thumbnailer that fails is logged
    and its thumbnail given as "", as the tag leaves it.
    """
    keys = [thumbnail_key(image, geometry) for image in images]
    urls = cache.get_many(keys)
    kept = {}
    for key, image in zip(keys, images, strict=True):
        if key not in urls:
            thumbnail = _thumbnail_or_none(_original(image), geometry)
            urls[key] = thumbnail.url if thumbnail else ""
            if thumbnail and thumbnail.exists():
                kept[key] = thumbnail.url
    cache.set_many(kept, THUMBNAIL_SECONDS)
    return [urls[key] for key in keys]


def thumbnail_key(image, geometry: str) -> str:
    """Return the cache key of ``image``'s thumbnail address within ``geometry``.

    It names the image's row as well as its file, so an image deleted and uploaded again under
    the same file name gets a thumbnail afresh.
    """
    pk = None if isinstance(image, dict) else image.pk
    name = hashlib.md5(str(_original(image)).encode(), usedforsecurity=False).hexdigest()
    return f"basket-thumbnail:{geometry}:{pk}:{name}"


def _original(image):
    """Return a product image's file, or the file name of Oscar's missing-image stand-in."""
    return image["original"] if isinstance(image, dict) else image.original


def _thumbnail_or_none(source, geometry: str):
    try:
        return get_thumbnailer().generate_thumbnail(source, size=geometry, upscale=False)
    except Exception:
        if getattr(settings, "OSCAR_THUMBNAIL_DEBUG", settings.DEBUG):
            raise
        logger.exception("No thumbnail of %s at %s", source, geometry)
        return None
