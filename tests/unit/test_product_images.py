"""The seed's product pictures: one container per shape, drawn the same way every time."""

from io import BytesIO

import pytest
from PIL import Image, ImageFont

from store.storefront import images
from store.storefront.packshots import CONTAINERS

SPEC = {"title": "Magnesium oil roll-on", "sizes": "50 ml / 100 ml", "colour": "#e07a5f"}


def picture(**changes) -> Image.Image:
    return Image.open(BytesIO(images.draw_product_image(**{**SPEC, "shape": "roll-on", **changes})))


def test_the_same_product_is_drawn_the_same_every_time():
    first = images.draw_product_image(**SPEC, shape="roll-on")

    assert images.draw_product_image(**SPEC, shape="roll-on") == first


@pytest.mark.parametrize("shape", CONTAINERS)
def test_every_shape_is_drawn_at_twice_the_largest_size_shown(shape):
    assert picture(shape=shape).size == (1200, 1200)


def test_each_shape_has_its_own_outline():
    outlines = {
        shape: picture(shape=shape).convert("L").point(lambda grey: grey < 200 and 255).tobytes()
        for shape in CONTAINERS
    }

    assert len(set(outlines.values())) == len(CONTAINERS)


def test_the_label_changes_with_the_title_and_the_colour():
    plain = picture().tobytes()

    assert picture(title="Gentle magnesium oil").tobytes() != plain
    assert picture(colour="#3d405b").tobytes() != plain


def test_without_dejavu_the_label_is_written_in_pillows_own_font(monkeypatch):
    in_dejavu = picture().tobytes()
    truetype = ImageFont.truetype

    def no_dejavu(font, *args, **kwargs):
        if isinstance(font, str) and font.startswith("DejaVu"):
            raise OSError(f"cannot open resource {font}")
        return truetype(font, *args, **kwargs)

    monkeypatch.setattr(ImageFont, "truetype", no_dejavu)
    images._font.cache_clear()
    drawn = picture()
    images._font.cache_clear()

    assert drawn.size == (1200, 1200)
    assert drawn.tobytes() != in_dejavu
