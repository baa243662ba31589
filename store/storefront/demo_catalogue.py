"""The demo shop's data: categories, product classes and products in sizes.

Every row is named by a key that does not change (a slug, a UPC, a partner SKU or a name), so
``manage.py seed_shop`` can find what it made before.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

PARTNER_NAME = "Magnesium Works warehouse"


@dataclass(frozen=True)
class CategorySpec:
    slug: str
    name: str
    description: str


@dataclass(frozen=True)
class OptionGroupSpec:
    code: str
    name: str
    options: tuple[str, ...]


@dataclass(frozen=True)
class AttributeSpec:
    """An Oscar product attribute; ``type`` is one of ProductAttribute's type codes."""

    code: str
    name: str
    type: str
    option_group: OptionGroupSpec | None = None


@dataclass(frozen=True)
class ProductClassSpec:
    """A kind of product; ``size_attribute`` is the attribute each size sets on itself."""

    slug: str
    name: str
    size_attribute: str
    attributes: tuple[AttributeSpec, ...]


@dataclass(frozen=True)
class SizeSpec:
    """A size sold of a product: a child product with one stock record under ``sku``."""

    label: str
    amount: float | int
    sku: str
    price: Decimal
    num_in_stock: int
    low_stock_threshold: int = 5


@dataclass(frozen=True)
class ProductSpec:
    """A parent product; ``shape`` and ``colour`` say how its picture is drawn."""

    upc: str
    title: str
    product_class: ProductClassSpec
    category: str
    description: str
    shape: str
    colour: str
    sizes: tuple[SizeSpec, ...]
    attributes: Mapping[str, object] = field(default_factory=dict)


BATH_FLAKES = "bath-flakes"
MAGNESIUM_OILS = "magnesium-oils"

CATEGORIES = (
    CategorySpec(
        slug=BATH_FLAKES,
        name="Bath flakes",
        description="Magnesium chloride flakes to dissolve in a warm bath or a foot soak.",
    ),
    CategorySpec(
        slug=MAGNESIUM_OILS,
        name="Magnesium oils",
        description="Magnesium chloride in water, to spray or roll onto the skin.",
    ),
)

OIL_FORMS = OptionGroupSpec(
    code="magnesium-oil-form", name="Magnesium oil form", options=("spray", "roll-on", "bottle")
)

FLAKES_CLASS = ProductClassSpec(
    slug="bath-flakes",
    name="Bath flakes",
    size_attribute="weight",
    attributes=(
        AttributeSpec(code="weight", name="Weight (kg)", type="float"),
        AttributeSpec(code="magnesium_chloride", name="Magnesium chloride (%)", type="float"),
        AttributeSpec(code="origin", name="Origin", type="text"),
        AttributeSpec(code="grade", name="Grade", type="text"),
    ),
)

OIL_CLASS = ProductClassSpec(
    slug="magnesium-oil",
    name="Magnesium oil",
    size_attribute="volume",
    attributes=(
        AttributeSpec(code="volume", name="Volume (ml)", type="integer"),
        AttributeSpec(code="magnesium_chloride", name="Magnesium chloride (%)", type="float"),
        AttributeSpec(code="origin", name="Origin", type="text"),
        AttributeSpec(code="form", name="Form", type="option", option_group=OIL_FORMS),
    ),
)

PRODUCT_CLASSES = (FLAKES_CLASS, OIL_CLASS)

ZECHSTEIN = "Zechstein deposit, Netherlands"

PRODUCTS = (
    ProductSpec(
        upc="MW-FLAKES-ZECHSTEIN",
        title="Zechstein magnesium bath flakes",
        product_class=FLAKES_CLASS,
        category=BATH_FLAKES,
        description=(
            "White flakes of magnesium chloride from the Zechstein deposit, the salts left "
            "behind when an inland sea dried out some 250 million years ago. The brine is "
            "pumped up from deep underground and dried into flakes, with nothing added.\n\n"
            "Many people tip a few handfuls into a warm bath to unwind at the end of the day. "
            "Dissolve 250 to 500 g in a full bath, or a small handful in a bowl of warm water "
            "for a foot soak. Keep the bag closed between uses: the flakes draw moisture from "
            "the air."
        ),
        shape="bag",
        colour="#3a7ca5",
        attributes={"magnesium_chloride": 47.0, "origin": ZECHSTEIN, "grade": "Cosmetic grade"},
        sizes=(
            SizeSpec("1 kg", 1.0, "MW-FLAKES-ZECHSTEIN-1KG", Decimal("9.95"), 40),
            SizeSpec("2 kg", 2.0, "MW-FLAKES-ZECHSTEIN-2KG", Decimal("16.95"), 25),
            SizeSpec("5 kg", 5.0, "MW-FLAKES-ZECHSTEIN-5KG", Decimal("34.95"), 8, 3),
        ),
    ),
    ProductSpec(
        upc="MW-FLAKES-DEADSEA",
        title="Dead Sea magnesium bath flakes",
        product_class=FLAKES_CLASS,
        category=BATH_FLAKES,
        description=(
            "Magnesium chloride flakes made by evaporating brine from the Dead Sea. They "
            "are a little off-white, as the brine carries small amounts of other salts "
            "along with the magnesium.\n\n"
            "The flakes dissolve within a minute or two in warm water. A common amount is "
            "two or three cupfuls for a full bath; many people like a long soak with them "
            "to relax."
        ),
        shape="jar",
        colour="#c9a227",
        attributes={
            "magnesium_chloride": 46.0,
            "origin": "Dead Sea, Israel",
            "grade": "Cosmetic grade",
        },
        sizes=(
            SizeSpec("1 kg", 1.0, "MW-FLAKES-DEADSEA-1KG", Decimal("8.95"), 30),
            SizeSpec("2 kg", 2.0, "MW-FLAKES-DEADSEA-2KG", Decimal("15.95"), 12),
            SizeSpec("5 kg", 5.0, "MW-FLAKES-DEADSEA-5KG", Decimal("32.95"), 0, 3),
        ),
    ),
    ProductSpec(
        upc="MW-FLAKES-LAVENDER",
        title="Lavender magnesium bath flakes",
        product_class=FLAKES_CLASS,
        category=BATH_FLAKES,
        description=(
            "Our Zechstein flakes blended with lavender essential oil, for a bath with a "
            "soft floral scent. The oil is added in a small amount, so the flakes look and "
            "dissolve just like the unscented ones.\n\n"
            "Use 250 to 500 g in a warm bath. Reseal the bag after use to keep the scent "
            "in. Avoid if you are sensitive to lavender."
        ),
        shape="bag",
        colour="#8e6fb5",
        attributes={
            "magnesium_chloride": 45.0,
            "origin": ZECHSTEIN,
            "grade": "Cosmetic grade, with lavender oil",
        },
        sizes=(
            SizeSpec("500 g", 0.5, "MW-FLAKES-LAVENDER-500G", Decimal("6.95"), 35),
            SizeSpec("1 kg", 1.0, "MW-FLAKES-LAVENDER-1KG", Decimal("11.95"), 20),
            SizeSpec("2 kg", 2.0, "MW-FLAKES-LAVENDER-2KG", Decimal("19.95"), 4),
        ),
    ),
    ProductSpec(
        upc="MW-FLAKES-EUCALYPTUS",
        title="Eucalyptus magnesium bath flakes",
        product_class=FLAKES_CLASS,
        category=BATH_FLAKES,
        description=(
            "Zechstein magnesium flakes with eucalyptus essential oil, which gives the "
            "bathroom a fresh, clean smell as the water runs.\n\n"
            "Dissolve a few handfuls under the hot tap. The 500 g bag suits anyone who "
            "wants to try the flakes before buying a larger size."
        ),
        shape="bag",
        colour="#4f9d69",
        attributes={
            "magnesium_chloride": 45.0,
            "origin": ZECHSTEIN,
            "grade": "Cosmetic grade, with eucalyptus oil",
        },
        sizes=(
            SizeSpec("500 g", 0.5, "MW-FLAKES-EUCALYPTUS-500G", Decimal("6.95"), 28),
            SizeSpec("1 kg", 1.0, "MW-FLAKES-EUCALYPTUS-1KG", Decimal("11.95"), 15),
        ),
    ),
    ProductSpec(
        upc="MW-OIL-SPRAY",
        title="Magnesium oil spray",
        product_class=OIL_CLASS,
        category=MAGNESIUM_OILS,
        description=(
            "Zechstein magnesium chloride dissolved in purified water to make a strong "
            "solution. It is called an oil because it feels slippery on the skin, but it "
            "contains no oil at all.\n\n"
            "Spray onto the arms, legs or shoulders and rub in. Some people notice a "
            "tingle the first few times; you can rinse it off after twenty minutes or so. "
            "Keep away from the eyes and from broken skin."
        ),
        shape="spray",
        colour="#2a9d8f",
        attributes={"magnesium_chloride": 31.0, "origin": ZECHSTEIN, "form": "spray"},
        sizes=(
            SizeSpec("100 ml", 100, "MW-OIL-SPRAY-100ML", Decimal("6.95"), 50),
            SizeSpec("250 ml", 250, "MW-OIL-SPRAY-250ML", Decimal("11.95"), 30),
        ),
    ),
    ProductSpec(
        upc="MW-OIL-ROLLON",
        title="Magnesium oil roll-on",
        product_class=OIL_CLASS,
        category=MAGNESIUM_OILS,
        description=(
            "The same solution as our magnesium oil spray, in a roll-on bottle that fits "
            "a pocket or a gym bag and puts the liquid exactly where you want it.\n\n"
            "Roll over the skin, let it dry for a few minutes and rinse off if it feels "
            "sticky. Keep the cap on when not in use."
        ),
        shape="roll-on",
        colour="#e07a5f",
        attributes={"magnesium_chloride": 31.0, "origin": ZECHSTEIN, "form": "roll-on"},
        sizes=(
            SizeSpec("50 ml", 50, "MW-OIL-ROLLON-50ML", Decimal("5.95"), 45),
            SizeSpec("100 ml", 100, "MW-OIL-ROLLON-100ML", Decimal("8.95"), 22),
        ),
    ),
    ProductSpec(
        upc="MW-OIL-GENTLE",
        title="Gentle magnesium oil spray",
        product_class=OIL_CLASS,
        category=MAGNESIUM_OILS,
        description=(
            "Magnesium oil made at half the strength of our standard spray, for anyone who "
            "finds the full-strength solution tingles more than they like.\n\n"
            "Spray and rub in as you would the standard oil. Because it is weaker it leaves "
            "less of a salty film as it dries."
        ),
        shape="spray",
        colour="#81b29a",
        attributes={"magnesium_chloride": 15.0, "origin": ZECHSTEIN, "form": "spray"},
        sizes=(
            SizeSpec("100 ml", 100, "MW-OIL-GENTLE-100ML", Decimal("6.50"), 26),
            SizeSpec("250 ml", 250, "MW-OIL-GENTLE-250ML", Decimal("10.95"), 18),
            SizeSpec("500 ml", 500, "MW-OIL-GENTLE-500ML", Decimal("18.95"), 6, 3),
        ),
    ),
    ProductSpec(
        upc="MW-OIL-REFILL",
        title="Magnesium oil refill bottle",
        product_class=OIL_CLASS,
        category=MAGNESIUM_OILS,
        description=(
            "Full-strength magnesium oil in a plain screw-cap bottle, to top up a spray or "
            "a roll-on you already have rather than buying a new one.\n\n"
            "Pour slowly through a small funnel. Store the bottle upright with the cap "
            "tightly closed."
        ),
        shape="bottle",
        colour="#3d405b",
        attributes={"magnesium_chloride": 31.0, "origin": ZECHSTEIN, "form": "bottle"},
        sizes=(
            SizeSpec("250 ml", 250, "MW-OIL-REFILL-250ML", Decimal("8.95"), 20),
            SizeSpec("500 ml", 500, "MW-OIL-REFILL-500ML", Decimal("14.95"), 14),
            SizeSpec("1000 ml", 1000, "MW-OIL-REFILL-1000ML", Decimal("24.95"), 7, 3),
        ),
    ),
)
