"""Product pictures adapt to the screen: WebP at 1x and 2x in a <picture>, with a fallback image
that carries its width and height, lazy on product cards and eager as the product page's main
picture; every address they give is served as an image."""

from html.parser import HTMLParser
from io import BytesIO
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.test import RequestFactory
from django.views.static import serve
from PIL import Image

from tests.content_factories import ConditionPageFactory
from tests.factories import ProductImageFactory, browsing_catalogue

pytestmark = pytest.mark.django_db

CAPTION = "Stand-up pouch of Zechstein bath flakes 0, 1 kg / 2 kg"
#: The square a card's picture fills, and the product page's main picture, in CSS pixels.
CARD, MAIN = 280, 480


class PictureReader(HTMLParser):
    """Collect each <picture>'s <source> elements and <img> attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.pictures = []
        self._open = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "picture":
            self._open = {"sources": [], "img": None}
        elif tag == "source" and self._open is not None:
            self._open["sources"].append(attributes)
        elif tag == "img" and self._open is not None:
            self._open["img"] = attributes

    def handle_endtag(self, tag):
        if tag == "picture" and self._open is not None:
            self.pictures.append(self._open)
            self._open = None


def pictures_on(response) -> list[dict]:
    reader = PictureReader()
    reader.feed(response.content.decode())
    return reader.pictures


def srcset_addresses(srcset: str) -> dict[str, str]:
    """Return the addresses of ``srcset`` keyed by their density ("1x", "2x")."""
    entries = (entry.split() for entry in srcset.split(","))
    return {density: address for address, density in entries}


def served_type(address: str) -> str:
    """Fetch ``address`` from the media folder as a web server would; return its content type."""
    path = urlsplit(address).path.removeprefix(settings.MEDIA_URL)
    response = serve(RequestFactory().get(address), path, document_root=settings.MEDIA_ROOT)
    assert response.status_code == 200, address
    return response.headers["Content-Type"]


def big_png(name: str) -> ContentFile:
    """Return a 1200 pixel square PNG, big enough for every 2x picture the shop shows."""
    buffer = BytesIO()
    Image.new("RGB", (1200, 1200), "teal").save(buffer, format="PNG")
    return ContentFile(buffer.getvalue(), name=name)


@pytest.fixture
def catalogue():
    category, products = browsing_catalogue(products=2, sizes=2)
    for product in products:
        product.images.all().delete()
        ProductImageFactory(product=product, original=big_png(f"{product.slug}.png"))
    products[0].images.update(caption=CAPTION)
    return category, products


def assert_responsive(picture: dict, *, width: int, height: int) -> None:
    """Assert ``picture`` offers WebP at 1x and 2x and a PNG of ``width`` by ``height``."""
    (source,) = picture["sources"]
    assert source["type"] == "image/webp"
    densities = srcset_addresses(source["srcset"])
    assert set(densities) == {"1x", "2x"}
    assert all(served_type(address) == "image/webp" for address in densities.values())
    img = picture["img"]
    assert (img["width"], img["height"]) == (str(width), str(height))
    assert served_type(img["src"]) == "image/png"


def test_product_cards_show_lazy_decorative_pictures_at_1x_and_2x(client, catalogue):
    category, products = catalogue

    pictures = pictures_on(client.get(category.get_absolute_url()))

    assert len(pictures) == len(products)
    for picture in pictures:
        assert_responsive(picture, width=CARD, height=CARD)
        assert picture["img"]["alt"] == ""
        assert picture["img"]["loading"] == "lazy"


def test_the_product_page_loads_its_described_main_picture_first(client, catalogue):
    _, products = catalogue

    main, *recommended = pictures_on(client.get(products[0].get_absolute_url()))

    assert_responsive(main, width=MAIN, height=MAIN)
    assert main["img"]["alt"] == CAPTION
    assert main["img"]["fetchpriority"] == "high"
    assert "loading" not in main["img"]
    assert recommended, "the recommended product shows no card"
    assert all(card["img"]["loading"] == "lazy" for card in recommended)


def test_a_picture_without_a_caption_is_described_by_the_product_title(client, catalogue):
    _, products = catalogue

    main = pictures_on(client.get(products[1].get_absolute_url()))[0]

    assert main["img"]["alt"] == products[1].get_title()


def test_a_product_without_a_picture_shows_the_placeholder_at_its_own_size(client, catalogue):
    _, products = catalogue
    products[1].images.all().delete()

    main = pictures_on(client.get(products[1].get_absolute_url()))[0]

    assert served_type(main["img"]["src"]).startswith("image/")
    assert int(main["img"]["width"]) <= MAIN
    assert int(main["img"]["height"]) <= MAIN


def test_a_condition_page_shows_its_products_on_the_same_card(client, catalogue):
    _, products = catalogue
    condition = ConditionPageFactory(published=True, products=[products[0]])

    (picture,) = pictures_on(client.get(condition.get_absolute_url()))

    assert_responsive(picture, width=CARD, height=CARD)
    assert picture["img"]["loading"] == "lazy"
