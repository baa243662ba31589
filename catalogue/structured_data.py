"""Describe a product as schema.org Product data, with an offer for each size it is sold in.

Not a template library (it has no ``register``): ``catalogue_tags`` writes it into the page.
"""

from django.utils.html import strip_tags

from store.json_ld import Absolute

IN_STOCK = "https://schema.org/InStock"
OUT_OF_STOCK = "https://schema.org/OutOfStock"


def product_data(product, *, absolute: Absolute, strategy) -> dict:
    """Return ``product`` as a schema.org Product with an Offer per size it is sold in.

    Prices and availability come from Oscar's ``strategy``, as the page's own prices do; a
    size without a price has no offer.
    """
    url = absolute(product.get_absolute_url())
    data = {"@context": "https://schema.org", "@type": "Product", "name": product.get_title()}
    description = " ".join(strip_tags(product.description or "").split())
    if description:
        data["description"] = description[:5000]
    image = product.primary_image()
    if not isinstance(image, dict):
        data["image"] = absolute(image.original.url)
    data["url"] = url
    sizes = list(product.get_public_children()) if product.is_parent else [product]
    offers = []
    for size in sizes:
        info = strategy.fetch_for_product(size)
        if not info.price.exists:
            continue
        price = info.price.incl_tax if info.price.is_tax_known else info.price.excl_tax
        offer = {
            "@type": "Offer",
            "price": f"{price:.2f}",
            "priceCurrency": info.price.currency,
            "availability": IN_STOCK if info.availability.is_available_to_buy else OUT_OF_STOCK,
            "url": url,
        }
        if size is not product:
            offer["name"] = size.get_title()
        if info.stockrecord is not None and info.stockrecord.partner_sku:
            offer["sku"] = info.stockrecord.partner_sku
        offers.append(offer)
    if len(offers) == 1:
        data["offers"] = offers[0]
    elif offers:
        data["offers"] = offers
    return data
