"""Product pictures for pages that adapt to the screen: WebP at one and two times the size the
page shows, with a fallback in the image's own format that carries its width and height.

Not a template library (it has no ``register``): ``picture_tags`` writes the markup. Each size
is a thumbnail made by Oscar's thumbnailer, recorded in the cache and never in the database.
"""

import re
from dataclasses import dataclass

from oscar.core.thumbnails import get_thumbnailer

WEBP_QUALITY = 80
GEOMETRY = re.compile(r"^(\d*)x(\d*)$")


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
