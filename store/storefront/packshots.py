"""The containers the demo products come in, laid out on a square canvas 1200 pixels wide.

Each container is a ``Packshot``: its parts from back to front, each the union of a few simple
figures painted in one colour and finish, and the place its label goes. ``images`` paints them.
"""

from dataclasses import dataclass

RGB = tuple[int, int, int]
Box = tuple[int, int, int, int]

#: Where every container stands: the bottom of the lowest part touches this line.
FLOOR = 1000

WHITE_PLASTIC = (238, 236, 231)
DARK_PLASTIC = (44, 46, 52)
NOZZLE = (120, 122, 128)


@dataclass(frozen=True)
class Rounded:
    """A rectangle with rounded corners."""

    box: Box
    radius: int = 0


@dataclass(frozen=True)
class Oval:
    """An ellipse inside ``box``."""

    box: Box


@dataclass(frozen=True)
class Polygon:
    """A closed outline through ``points``."""

    points: tuple[tuple[int, int], ...]


Figure = Rounded | Oval | Polygon


@dataclass(frozen=True)
class Part:
    """One piece of a container: the figures it covers, less ``holes``, in ``colour``.

    ``finish`` names how light falls on it (see ``images.FINISHES``); ``ridges`` is the number
    of grip lines a screw cap carries.
    """

    figures: tuple[Figure, ...]
    colour: RGB
    finish: str
    holes: tuple[Figure, ...] = ()
    ridges: int = 0


@dataclass(frozen=True)
class Packshot:
    """A whole container: ``parts`` back to front and its label's box and corner radius."""

    parts: tuple[Part, ...]
    label: Box
    label_radius: int
    label_finish: str


def mix(colour: tuple[int, ...], other: tuple[int, ...], share: float) -> RGB:
    """Return ``colour`` blended with ``share`` of ``other``."""
    red, green, blue = (round(a + (b - a) * share) for a, b in zip(colour, other, strict=True))
    return red, green, blue


def tinted_glass(colour: RGB) -> RGB:
    """Return the dark glass a bottle of ``colour`` is made of."""
    return mix(colour, (16, 20, 26), 0.55)


def round_bottle(box: Box, *, shoulder: int, radius: int) -> tuple[Figure, ...]:
    """Return the outline of a bottle filling ``box``: domed shoulders ``shoulder`` pixels
    high over straight sides and a base rounded by ``radius``."""
    left, top, right, bottom = box
    waist = top + shoulder
    return (
        Oval((left, top, right, waist + shoulder)),
        Rounded((left, waist, right, bottom - radius)),
        Rounded((left, waist, right, bottom), radius),
    )


def pouch(colour: RGB) -> Packshot:
    """A stand-up pouch printed in ``colour``: sealed top with a hang hole, zip, gusseted base."""
    seal = mix(colour, (20, 20, 24), 0.22)
    hang_hole = Oval((584, 214, 616, 246))
    return Packshot(
        parts=(
            Part(
                figures=(
                    Rounded((350, 190, 850, 960), 34),
                    Polygon(((350, 780), (850, 780), (872, 975), (328, 975))),
                    Rounded((328, 930, 872, FLOOR), 28),
                ),
                colour=colour,
                finish="pouch",
                holes=(hang_hole,),
            ),
            Part(
                figures=(Rounded((350, 190, 850, 268), 34), Rounded((350, 230, 850, 268))),
                colour=seal,
                finish="pouch",
                holes=(hang_hole,),
            ),
            Part(figures=(Rounded((358, 302, 842, 310), 4),), colour=seal, finish="pouch"),
            Part(figures=(Rounded((336, 948, 864, FLOOR), 26),), colour=seal, finish="pouch"),
        ),
        label=(398, 400, 802, 880),
        label_radius=26,
        label_finish="flat",
    )


def jar(colour: RGB) -> Packshot:
    """A wide white jar with a ribbed screw lid in ``colour``."""
    return Packshot(
        parts=(
            Part(
                figures=(Rounded((340, 440, 860, FLOOR), 58),),
                colour=WHITE_PLASTIC,
                finish="plastic",
            ),
            Part(
                figures=(Rounded((372, 426, 828, 470), 10),),
                colour=mix(WHITE_PLASTIC, (0, 0, 0), 0.12),
                finish="plastic",
            ),
            Part(
                figures=(Rounded((352, 290, 848, 440), 26),),
                colour=colour,
                finish="plastic",
                ridges=44,
            ),
        ),
        label=(340, 560, 860, 900),
        label_radius=0,
        label_finish="curved",
    )


def spray(colour: RGB) -> Packshot:
    """A Boston round bottle of glass tinted by ``colour`` under a white mist pump."""
    glass = tinted_glass(colour)
    return Packshot(
        parts=(
            Part(figures=(Rounded((542, 340, 658, 430), 10),), colour=glass, finish="glass"),
            Part(
                figures=round_bottle((420, 400, 780, FLOOR), shoulder=130, radius=62),
                colour=glass,
                finish="glass",
            ),
            Part(figures=(Rounded((636, 234, 684, 258), 8),), colour=NOZZLE, finish="plastic"),
            Part(
                figures=(Rounded((552, 196, 648, 312), 22),),
                colour=WHITE_PLASTIC,
                finish="plastic",
            ),
            Part(
                figures=(Rounded((524, 296, 676, 372), 14),),
                colour=WHITE_PLASTIC,
                finish="plastic",
                ridges=20,
            ),
        ),
        label=(420, 610, 780, 930),
        label_radius=0,
        label_finish="curved",
    )


def roll_on(colour: RGB) -> Packshot:
    """A short glass bottle tinted by ``colour`` under a tall domed cap in ``colour``."""
    glass = tinted_glass(colour)
    return Packshot(
        parts=(
            Part(
                figures=round_bottle((450, 560, 750, FLOOR), shoulder=70, radius=48),
                colour=glass,
                finish="glass",
            ),
            Part(
                figures=(Oval((462, 200, 738, 400)), Rounded((462, 300, 738, 612), 18)),
                colour=colour,
                finish="gloss",
            ),
            Part(
                figures=(Rounded((462, 578, 738, 612), 6),),
                colour=mix(colour, (0, 0, 0), 0.25),
                finish="gloss",
            ),
        ),
        label=(450, 690, 750, 960),
        label_radius=0,
        label_finish="curved",
    )


def bottle(colour: RGB) -> Packshot:
    """A tall Boston round bottle of glass tinted by ``colour`` with a black ribbed screw cap."""
    glass = tinted_glass(colour)
    return Packshot(
        parts=(
            Part(figures=(Rounded((532, 250, 668, 380), 12),), colour=glass, finish="glass"),
            Part(
                figures=round_bottle((390, 320, 810, FLOOR), shoulder=140, radius=58),
                colour=glass,
                finish="glass",
            ),
            Part(
                figures=(Rounded((514, 150, 686, 276), 14),),
                colour=DARK_PLASTIC,
                finish="plastic",
                ridges=26,
            ),
        ),
        label=(390, 560, 810, 920),
        label_radius=0,
        label_finish="curved",
    )


#: Every container by the shape code a product's ``ProductSpec`` names, with what it is called.
CONTAINERS = {
    "bag": (pouch, "stand-up pouch"),
    "jar": (jar, "screw-top jar"),
    "spray": (spray, "spray bottle"),
    "roll-on": (roll_on, "roll-on bottle"),
    "bottle": (bottle, "screw-cap bottle"),
}
