"""Draw a product's packshot with Pillow: its container on a light studio background.

The container (``packshots``) is painted part by part, each lit across its width as its finish
reflects light, over a soft shadow on the floor; its label carries the shop's name, the
product's name and the sizes it is sold in. The same input always gives the same picture.
"""

import math
from collections.abc import Callable
from functools import cache
from io import BytesIO

from PIL import Image, ImageChops, ImageColor, ImageDraw, ImageFilter, ImageFont

from store.storefront.packshots import CONTAINERS, FLOOR, RGB, Box, Figure, Oval, Part, Rounded, mix

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont

CANVAS = 1200
INK = (38, 40, 48)
PAPER = (250, 248, 242)
BRAND = "MAGNESIUM WORKS"
#: Line height as a share of the font size.
LEADING = 1.18
#: How much finer than the picture each outline is drawn, so its edges come out smooth.
SUPERSAMPLE = 3

#: What each shape shows, in words, for the picture's alt text.
CONTAINER_NAMES = {shape: name for shape, (_draw, name) in CONTAINERS.items()}

#: How each finish takes the light, which comes from the left: ``shade(t)`` darkens and
#: ``shine(t)`` brightens the point ``t`` of the way across a part (both from 0 to 1).
FINISHES = {
    "glass": (
        lambda t: (0.42 + 0.58 * math.sin(math.pi * t) ** 0.45) * (1 - 0.22 * t),
        lambda t: 0.9 * _peak(t, 0.2, 0.035) + 0.35 * _peak(t, 0.86, 0.025),
    ),
    "gloss": (
        lambda t: (0.5 + 0.5 * math.sin(math.pi * t) ** 0.5) * (1 - 0.2 * t),
        lambda t: 0.65 * _peak(t, 0.24, 0.05) + 0.2 * _peak(t, 0.84, 0.03),
    ),
    "plastic": (
        lambda t: (0.62 + 0.38 * math.sin(math.pi * t) ** 0.6) * (1 - 0.16 * t),
        lambda t: 0.28 * _peak(t, 0.28, 0.09),
    ),
    "pouch": (
        lambda t: (0.74 + 0.26 * math.sin(math.pi * t) ** 0.35) * (1 - 0.12 * t),
        lambda t: 0.32 * _peak(t, 0.16, 0.04) + 0.12 * _peak(t, 0.62, 0.14),
    ),
    "curved": (
        lambda t: (0.6 + 0.4 * math.sin(math.pi * t) ** 0.5) * (1 - 0.1 * t),
        lambda t: 0.3 * _peak(t, 0.2, 0.04),
    ),
    "flat": (lambda t: 0.93 + 0.07 * math.sin(math.pi * t), lambda t: 0.12 * _peak(t, 0.2, 0.08)),
}


def draw_product_image(*, title: str, sizes: str, colour: str, shape: str) -> bytes:
    """Draw ``title`` in a ``shape`` container in ``colour``, sold in ``sizes``; return a PNG."""
    paint = ImageColor.getrgb(colour)[:3]
    draw_container, _name = CONTAINERS[shape]
    packshot = draw_container(paint)
    image = _studio(paint)
    _cast_shadow(image, _outline_box(packshot.parts))
    for part in packshot.parts:
        _paint_part(image, part)
    label = _label(packshot.label, colour=paint, title=title, sizes=sizes)
    _paint(
        image,
        label,
        packshot.label,
        _mask(packshot.label, (Rounded(packshot.label, packshot.label_radius),)),
        packshot.label_finish,
    )
    output = BytesIO()
    image.save(output, format="PNG", compress_level=6)
    return output.getvalue()


def _peak(t: float, centre: float, width: float) -> float:
    """Return a bell curve of ``width`` around ``centre``, 1 at its top."""
    return math.exp(-(((t - centre) / width) ** 2))


def _studio(colour: RGB) -> Image.Image:
    """Return the background: a pale sweep, lightest behind the product, faintly of ``colour``."""
    top = mix((238, 239, 241), colour, 0.04)
    middle = (252, 252, 251)
    floor = mix((226, 226, 228), colour, 0.05)
    column = Image.new("RGB", (1, CANVAS))
    column.putdata(
        [
            mix(top, middle, y / FLOOR) if y < FLOOR else mix(middle, floor, (y - FLOOR) / 200)
            for y in range(CANVAS)
        ]
    )
    return column.resize((CANVAS, CANVAS), Image.Resampling.BILINEAR)


def _outline_box(parts: tuple[Part, ...]) -> Box:
    """Return the box around every figure of ``parts``."""
    boxes = [_figure_box(figure) for part in parts for figure in part.figures]
    return (
        min(box[0] for box in boxes),
        min(box[1] for box in boxes),
        max(box[2] for box in boxes),
        max(box[3] for box in boxes),
    )


def _figure_box(figure: Figure) -> Box:
    """Return the box ``figure`` fills."""
    if isinstance(figure, Rounded | Oval):
        return figure.box
    xs, ys = zip(*figure.points, strict=True)
    return min(xs), min(ys), max(xs), max(ys)


def _cast_shadow(image: Image.Image, outline: Box) -> None:
    """Darken the floor under and to the right of ``outline``: a contact shadow and a soft one."""
    left, _top, right, bottom = outline
    margin = 160
    area = (left - margin, bottom - margin, right + 2 * margin, bottom + margin)
    shadow = Image.new("L", (area[2] - area[0], area[3] - area[1]), 0)
    draw = ImageDraw.Draw(shadow)
    soft = (left + 30, bottom - 34, right + 170, bottom + 40)
    draw.ellipse(_shift(soft, area), fill=70)
    shadow = shadow.filter(ImageFilter.GaussianBlur(36))
    contact = Image.new("L", shadow.size, 0)
    ImageDraw.Draw(contact).ellipse(
        _shift((left - 8, bottom - 16, right + 8, bottom + 14), area), fill=150
    )
    shadow = ImageChops.lighter(shadow, contact.filter(ImageFilter.GaussianBlur(12)))
    dark = Image.new("RGB", shadow.size, (70, 70, 76))
    region = image.crop(area)
    image.paste(Image.composite(dark, region, shadow), area[:2])


def _shift(box: Box, origin: Box) -> Box:
    """Return ``box`` measured from the top left corner of ``origin``."""
    return box[0] - origin[0], box[1] - origin[1], box[2] - origin[0], box[3] - origin[1]


def _mask(box: Box, figures: tuple[Figure, ...], holes: tuple[Figure, ...] = ()) -> Image.Image:
    """Return the smooth-edged mask, the size of ``box``, of ``figures`` less ``holes``."""
    width, height = box[2] - box[0], box[3] - box[1]
    fine = Image.new("L", (width * SUPERSAMPLE, height * SUPERSAMPLE), 0)
    draw = ImageDraw.Draw(fine)
    for figures_, fill in ((figures, 255), (holes, 0)):
        for figure in figures_:
            _draw_figure(draw, figure, origin=box, fill=fill)
    return fine.resize((width, height), Image.Resampling.BOX)


def _draw_figure(draw: ImageDraw.ImageDraw, figure: Figure, *, origin: Box, fill: int) -> None:
    def scaled(x: int, y: int) -> tuple[int, int]:
        return (x - origin[0]) * SUPERSAMPLE, (y - origin[1]) * SUPERSAMPLE

    if isinstance(figure, Rounded):
        box = (*scaled(*figure.box[:2]), *scaled(*figure.box[2:]))
        draw.rounded_rectangle(box, radius=figure.radius * SUPERSAMPLE, fill=fill)
    elif isinstance(figure, Oval):
        draw.ellipse((*scaled(*figure.box[:2]), *scaled(*figure.box[2:])), fill=fill)
    else:
        draw.polygon([scaled(x, y) for x, y in figure.points], fill=fill)


def _paint_part(image: Image.Image, part: Part) -> None:
    """Paint ``part`` onto ``image`` in its colour, lit as its finish takes the light."""
    box = _outline_box((part,))
    surface = Image.new("RGB", (box[2] - box[0], box[3] - box[1]), part.colour)
    if part.ridges:
        _draw_ridges(surface, part.ridges, mix(part.colour, (0, 0, 0), 0.3))
    _paint(image, surface, box, _mask(box, part.figures, part.holes), part.finish)


def _draw_ridges(surface: Image.Image, count: int, colour: RGB) -> None:
    """Draw ``count`` vertical grip lines across ``surface``, closer together near its edges."""
    draw = ImageDraw.Draw(surface)
    width, height = surface.size
    for step in range(1, count):
        x = round(width / 2 * (1 - math.cos(math.pi * step / count)))
        draw.line((x, 4, x, height - 4), fill=colour, width=2)


def _paint(
    image: Image.Image, surface: Image.Image, box: Box, mask: Image.Image, finish: str
) -> None:
    """Light ``surface`` as ``finish`` takes the light and paste it onto ``image`` at ``box``."""
    shade, shine = FINISHES[finish]
    width, height = surface.size
    darker = _across(width, height, shade)
    lit = ImageChops.multiply(surface, Image.merge("RGB", (darker,) * 3))
    lit = ImageChops.multiply(lit, _base_shadow(width, height))
    lit = ImageChops.screen(lit, Image.merge("RGB", (_across(width, height, shine),) * 3))
    image.paste(lit, box[:2], mask)


def _across(width: int, height: int, light: Callable[[float], float]) -> Image.Image:
    """Return a grey image whose every column is ``light`` of how far across it lies."""
    row = Image.new("L", (width, 1))
    row.putdata(
        [round(255 * min(1.0, max(0.0, light(x / max(1, width - 1))))) for x in range(width)]
    )
    return row.resize((width, height), Image.Resampling.NEAREST)


def _base_shadow(width: int, height: int) -> Image.Image:
    """Return a multiplier that darkens the last few pixels of a part, where it meets the floor."""
    column = Image.new("L", (1, height))
    column.putdata(
        [round(255 * (1 - 0.28 * max(0, (y - height + 40) / 40))) for y in range(height)]
    )
    return Image.merge("RGB", (column.resize((width, height)),) * 3)


def _label(box: Box, *, colour: RGB, title: str, sizes: str) -> Image.Image:
    """Return the label for ``box``: the shop's name on a band of ``colour``, title and sizes."""
    width, height = box[2] - box[0], box[3] - box[1]
    label = Image.new("RGB", (width, height), PAPER)
    draw = ImageDraw.Draw(label)
    room = width - 2 * max(28, width // 9)
    band = round(height * 0.22)
    draw.rectangle((0, 0, width, band), fill=colour)
    draw.rectangle((0, height - 14, width, height), fill=colour)
    brand = _fitted_font(draw, BRAND, bold=True, largest=34, room=room)
    draw.text((width // 2, band // 2), BRAND, font=brand, fill=PAPER, anchor="mm")
    lines, size = _wrapped(draw, title, room=(room, round(height * 0.44)))
    top = band + round(height * 0.08)
    for line in lines:
        draw.text((width // 2, top), line, font=_font(bold=True, size=size), fill=INK, anchor="mt")
        top += round(size * LEADING)
    rule = top + round(height * 0.03)
    draw.line((width // 2 - 50, rule, width // 2 + 50, rule), fill=colour, width=4)
    sizes_font = _fitted_font(draw, sizes, bold=False, largest=36, room=width - 40)
    draw.text(
        (width // 2, rule + 20), sizes, font=sizes_font, fill=mix(colour, INK, 0.4), anchor="mt"
    )
    return label


def _wrapped(
    draw: ImageDraw.ImageDraw, text: str, *, room: tuple[int, int]
) -> tuple[list[str], int]:
    """Return ``text`` broken into at most three lines and the largest size that fits ``room``."""
    width, height = room
    for size in range(64, 20, -2):
        font = _font(bold=True, size=size)
        lines = _break(draw, text, font=font, width=width)
        widest = max(draw.textlength(line, font=font) for line in lines)
        if len(lines) <= 3 and widest <= width and len(lines) * size * LEADING <= height:
            break
    return lines, size


def _break(draw: ImageDraw.ImageDraw, text: str, *, font: Font, width: int) -> list[str]:
    """Return ``text`` broken between words into lines no wider than ``width`` where possible."""
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and draw.textlength(candidate, font=font) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


def _fitted_font(
    draw: ImageDraw.ImageDraw, text: str, *, bold: bool, largest: int, room: int
) -> Font:
    """Return the largest font, up to ``largest`` pixels, that writes ``text`` within ``room``."""
    for size in range(largest, 12, -2):
        font = _font(bold=bold, size=size)
        if draw.textlength(text, font=font) <= room:
            break
    return font


@cache
def _font(*, bold: bool, size: int) -> Font:
    """Return DejaVu Sans at ``size``, found among the system's fonts, else Pillow's own font."""
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    try:
        return ImageFont.truetype(name, size)
    except OSError:
        return ImageFont.load_default(size=size)
