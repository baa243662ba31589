"""Product pictures for pages that adapt to the screen: WebP at one and two times the size the
page shows, with a fallback in the image's own format that carries its width and height.

Not a template library (it has no ``register``): ``picture_tags`` and the product cards
(``catalogue.selectors``) use it. Each size is a thumbnail made by Oscar's thumbnailer, which
records it in the cache; the finished picture is kept in the cache too, so a page reads all its
pictures with one call, however many it shows.
"""

import hashlib
import logging
import re
from collections.abc import Sequence
from dataclasses import astuple, dataclass

from django.conf import settings
from django.core.cache import cache
from oscar.core.thumbnails import get_thumbnailer

logger = logging.getLogger("oscar.thumbnail")

WEBP_QUALITY = 80
GEOMETRY = re.compile(r"^(\d*)x(\d*)$")
#: Seconds a finished picture is kept. A picture lost from the cache is rebuilt from the
#: thumbnailer's own records, so this only bounds how long a deleted thumbnail is linked to.
PICTURE_SECONDS = 24 * 60 * 60
#: The shape of a kept picture, part of its cache key: raise it whenever ``Picture`` changes,
#: so nothing kept by an earlier release is read back.
PICTURE_FORMAT = 1


@dataclass(frozen=True)
class Picture:
    """What a ``<picture>`` needs: its WebP ``srcset`` and the fallback image and its size."""

    webp_srcset: str
    src: str
    width: int
    height: int


def twice(geometry: str) -> str:
    """Return Oscar's thumbnail ``geometry`` ("440x400", "x155") with both sides doubled."""
    match = GEOMETRY.match(geometry)
    if match is None:
        raise ValueError(f"{geometry!r} is not a thumbnail size such as '440x400' or 'x155'")
    return "x".join(str(int(side) * 2) if side else "" for side in match.groups())


def responsive_picture(source, geometry: str) -> Picture:
    """Return ``source`` fitted into ``geometry`` as WebP at 1x and 2x, and as a fallback.

    The image is never enlarged: a source too small for the 2x size is offered at 1x only.
    """
    thumbnailer = get_thumbnailer()
    fallback = thumbnailer.generate_thumbnail(source, size=geometry, upscale=False)
    single, double = (
        thumbnailer.generate_thumbnail(
            source, size=size, upscale=False, format="WEBP", quality=WEBP_QUALITY
        )
        for size in (geometry, twice(geometry))
    )
    srcset = f"{single.url} 1x"
    if double.width > single.width:
        srcset += f", {double.url} 2x"
    return Picture(
        webp_srcset=srcset, src=fallback.url, width=fallback.width, height=fallback.height
    )


def product_pictures(images: Sequence, geometry: str) -> list[Picture | None]:
    """Return a picture of each of ``images`` fitted into ``geometry``, in their order.

    An image is a product image, or the stand-in Oscar's ``primary_image()`` gives for a
    product without one. Pictures made before are read in one cache call; the others are made
    and kept. A picture that cannot be made is logged and given as None, as Oscar's
    ``oscar_thumbnail`` leaves it out.
    """
    keys = [picture_key(image, geometry) for image in images]
    pictures = {key: Picture(*fields) for key, fields in cache.get_many(keys).items()}
    made = {}
    for key, image in zip(keys, images, strict=True):
        if key not in pictures:
            pictures[key] = made[key] = _picture_or_none(_original(image), geometry)
    to_keep = {key: astuple(picture) for key, picture in made.items() if picture is not None}
    if to_keep:
        cache.set_many(to_keep, PICTURE_SECONDS)
    return [pictures[key] for key in keys]


def picture_key(image, geometry: str) -> str:
    """Return the cache key of ``image``'s picture at ``geometry``.

    It names the image's row as well as its file, so an image deleted and uploaded again under
    the same file name is pictured afresh.
    """
    pk = None if isinstance(image, dict) else image.pk
    name = hashlib.md5(str(_original(image)).encode(), usedforsecurity=False).hexdigest()
    return f"picture:{PICTURE_FORMAT}:{geometry}:{pk}:{name}"


def _original(image):
    """Return the file of a product image, or the file name of Oscar's missing-image stand-in."""
    return image["original"] if isinstance(image, dict) else image.original


def _picture_or_none(source, geometry: str) -> Picture | None:
    try:
        return responsive_picture(source, geometry)
    except Exception:
        if getattr(settings, "OSCAR_THUMBNAIL_DEBUG", settings.DEBUG):
            raise
        logger.exception("No picture of %s at %s", source, geometry)
        return None
