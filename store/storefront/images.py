"""Draw simple product pictures with Pillow: a bag or a bottle, the product's name and sizes."""

import textwrap
from io import BytesIO

from PIL import Image, ImageColor, ImageDraw, ImageFont

CANVAS = 800
CENTRE = CANVAS // 2
INK = (40, 40, 48)
LABEL = (255, 255, 255)

#: What each shape shows, in words, for the picture's alt text.
CONTAINER_NAMES = {
    "bag": "resealable bag",
    "spray": "spray bottle",
    "roll-on": "roll-on bottle",
    "bottle": "screw-cap bottle",
}

Box = tuple[int, int, int, int]


def draw_product_image(*, title: str, sizes: str, colour: str, shape: str) -> bytes:
    """Draw a ``shape`` container in ``colour`` above ``title`` and ``sizes``; return a PNG."""
    body = ImageColor.getrgb(colour)
    image = Image.new("RGB", (CANVAS, CANVAS), _mix(body, (255, 255, 255), 0.85))
    draw = ImageDraw.Draw(image)
    label = _CONTAINERS[shape](draw, body, _mix(body, INK, 0.45))
    draw.rounded_rectangle(label, radius=16, fill=LABEL)
    draw.text(
        ((label[0] + label[2]) // 2, (label[1] + label[3]) // 2),
        "Mg",
        font=ImageFont.load_default(size=72),
        fill=body,
        anchor="mm",
    )
    _draw_caption(draw, title=title, sizes=sizes)
    output = BytesIO()
    image.save(output, format="PNG", optimize=True)
    return output.getvalue()


def _mix(colour: tuple[int, ...], other: tuple[int, ...], share: float) -> tuple[int, ...]:
    """Return ``colour`` blended with ``share`` of ``other``."""
    return tuple(round(a + (b - a) * share) for a, b in zip(colour, other, strict=False))


def _bag(draw: ImageDraw.ImageDraw, body: tuple, dark: tuple) -> Box:
    """Draw a stand-up pouch with a sealed top; return where its label goes."""
    draw.rounded_rectangle((220, 100, 580, 560), radius=36, fill=body)
    draw.rectangle((220, 100, 580, 150), fill=dark)
    draw.ellipse((388, 113, 412, 137), fill=_mix(body, (255, 255, 255), 0.85))
    return (265, 230, 535, 470)


def _spray(draw: ImageDraw.ImageDraw, body: tuple, dark: tuple) -> Box:
    """Draw a bottle with a spray head; return where its label goes."""
    draw.rounded_rectangle((340, 90, 460, 160), radius=12, fill=dark)
    draw.rectangle((460, 108, 505, 130), fill=dark)
    draw.rectangle((365, 155, 435, 215), fill=dark)
    draw.rounded_rectangle((275, 200, 525, 560), radius=48, fill=body)
    return (300, 290, 500, 470)


def _roll_on(draw: ImageDraw.ImageDraw, body: tuple, dark: tuple) -> Box:
    """Draw a roll-on bottle with a domed cap; return where its label goes."""
    draw.rounded_rectangle((310, 80, 490, 260), radius=80, fill=dark)
    draw.rounded_rectangle((295, 240, 505, 560), radius=36, fill=body)
    return (315, 320, 485, 470)


def _bottle(draw: ImageDraw.ImageDraw, body: tuple, dark: tuple) -> Box:
    """Draw a bottle with shoulders and a screw cap; return where its label goes."""
    draw.rounded_rectangle((345, 80, 455, 150), radius=10, fill=dark)
    draw.rectangle((360, 145, 440, 200), fill=body)
    draw.polygon([(260, 290), (350, 195), (450, 195), (540, 290)], fill=body)
    draw.rounded_rectangle((260, 260, 540, 560), radius=36, fill=body)
    return (290, 320, 510, 480)


_CONTAINERS = {"bag": _bag, "spray": _spray, "roll-on": _roll_on, "bottle": _bottle}


def _draw_caption(draw: ImageDraw.ImageDraw, *, title: str, sizes: str) -> None:
    """Write ``title`` (on up to two lines) and ``sizes`` centred under the container."""
    title_font = ImageFont.load_default(size=44)
    top = 600
    for line in textwrap.wrap(title, width=32)[:2]:
        draw.text((CENTRE, top), line, font=title_font, fill=INK, anchor="mt")
        top += 54
    draw.text(
        (CENTRE, top + 14), sizes, font=ImageFont.load_default(size=32), fill=INK, anchor="mt"
    )
