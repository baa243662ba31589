"""Template tags for product pictures that adapt to the screen.

``{% load picture_tags %}`` gives ``{% product_picture image "480x480" alt="" %}``: a product
image (or the stand-in ``product.primary_image`` gives for a product without one) as a
``<picture>`` with WebP at one and two times the size and a fallback ``<img>`` carrying its
width and height. Pictures load lazily unless ``eager=True`` (the first picture a page shows).
A picture that cannot be made is logged and left out, as Oscar's ``oscar_thumbnail`` does.

Product cards get their pictures with the card (``catalogue.selectors.product_cards``).
"""

from django import template

from catalogue.pictures import product_pictures

register = template.Library()


@register.inclusion_tag("oscar/catalogue/partials/picture.html")
def product_picture(image, geometry: str, *, alt: str = "", classes: str = "", eager=False):
    """Render ``image`` fitted into ``geometry`` as a responsive ``<picture>``."""
    (picture,) = product_pictures([image], geometry)
    return {"picture": picture, "alt": alt, "classes": classes, "eager": eager}
