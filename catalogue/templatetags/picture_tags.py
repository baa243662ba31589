"""Template tags for product pictures that adapt to the screen.

``{% load picture_tags %}`` gives ``{% product_picture image.original "x155" alt="" %}``: a
``<picture>`` with WebP at one and two times the size and a fallback ``<img>`` carrying its
width and height. Pictures load lazily unless ``eager=True`` (the first picture a page shows).
A picture that cannot be made is logged and left out, as Oscar's ``oscar_thumbnail`` does.
"""

import logging

from django import template
from django.conf import settings

from catalogue.pictures import responsive_picture

register = template.Library()
logger = logging.getLogger("oscar.thumbnail")


@register.inclusion_tag("oscar/catalogue/partials/picture.html")
def product_picture(source, geometry: str, *, alt: str = "", classes: str = "", eager=False):
    """Render ``source`` fitted into ``geometry`` as a responsive ``<picture>``."""
    try:
        picture = responsive_picture(source, geometry)
    except Exception:
        if getattr(settings, "OSCAR_THUMBNAIL_DEBUG", settings.DEBUG):
            raise
        logger.exception("No picture of %s at %s", source, geometry)
        picture = None
    return {"picture": picture, "alt": alt, "classes": classes, "eager": eager}
