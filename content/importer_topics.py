"""What the article importer knows of the store's subjects: its conditions and the mechanisms.

``CONDITIONS`` are the conditions with a page of their own; an article's section about one
becomes that page. ``MECHANISMS`` says which items of an article's summary of mechanisms fit
which condition, by words the store's article uses: an entry finds an item by the item's own
words, and fits it to every condition whose section uses the entry's section words. In the seed
article the NMDA receptor item fits migraine, neuropathic pain, fibromyalgia and surgery; the
relaxation and anti-inflammatory items fit period pain; the nitric oxide item fits no section.
"""

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Condition:
    """A condition the store writes about: its page's slug and title, and how articles name it."""

    slug: str
    title: str
    names: str  # a regular expression for the names articles use, matched ignoring case

    def is_heading(self, text: str) -> bool:
        """Return whether ``text`` is this condition's heading."""
        words = " ".join(re.findall(r"[\w-]+", text))
        return re.fullmatch(self.names, words, re.IGNORECASE) is not None

    def is_lead_in(self, text: str) -> bool:
        """Return whether ``text`` opens a section about this condition that lacks its heading."""
        return re.match(rf"(?:{self.names})\s+(?:is|are)\b", text, re.IGNORECASE) is not None

    def is_named_in(self, text: str) -> bool:
        """Return whether ``text`` names this condition anywhere."""
        return re.search(rf"\b(?:{self.names})\b", text, re.IGNORECASE) is not None


CONDITIONS = (
    Condition("migraine-headaches", "Migraine Headaches", r"migraines?(?: headaches?)?"),
    Condition("neuropathic-pain", "Neuropathic Pain", r"neuropathic pain"),
    Condition("fibromyalgia", "Fibromyalgia", r"fibromyalgia"),
    Condition("period-pain", "Period Pain", r"period pains?|dysmenorrh?o?ea"),
    Condition(
        "surgery-and-post-operative-pain",
        "Surgery and Post-Operative Pain",
        r"(?:surgery and )?post-? ?operative pain",
    ),
)


@dataclass(frozen=True)
class Mechanism:
    """An item a summary of mechanisms may hold, and the words of the sections it fits."""

    item_words: str  # a regular expression that finds the item by its own words
    section_words: str  # a regular expression for words of a condition's section it fits

    def fits(self, item: str, section_text: str) -> bool:
        """Return whether ``item`` is this mechanism and ``section_text`` uses its words."""
        return bool(
            re.search(self.item_words, item, re.IGNORECASE)
            and re.search(self.section_words, section_text, re.IGNORECASE)
        )


MECHANISMS = (
    # The item: magnesium dampens the NMDA receptor "in the spinal cord", without which "pain is
    # felt more intensively"; the article's introduction: magnesium "opposes NMDA receptors to
    # inhibit excessive neurotransmitter release". Migraine: "a flood of stress
    # neurotransmitters"; neuropathic pain: "spinal cord injury"; fibromyalgia: Substance P
    # "intensifies the pain"; surgery: magnesium "attenuates post-operative pain intensity".
    Mechanism(r"\bNMDA\b", r"\bspinal cord\b|\bneurotransmitters?\b|\bintensi(?:ty|fies)\b"),
    # The item: "Relaxation of pressure via control of calcium: ...". Period pain: magnesium's
    # "anti-inflammatory and relaxation effects".
    Mechanism(r"^relaxation\b", r"\brelaxation\b"),
    # The item: "Anti-inflammatory effects: ...". Period pain, as above.
    Mechanism(r"^anti-inflammatory\b", r"\banti-inflammatory\b"),
)


def mechanisms_fitting(
    condition: Condition, section_text: str, items: tuple[str, ...]
) -> tuple[str, ...]:
    """Return the ``items`` that name ``condition`` or that ``MECHANISMS`` fits to its text."""
    return tuple(
        item
        for item in items
        if condition.is_named_in(item)
        or any(mechanism.fits(item, section_text) for mechanism in MECHANISMS)
    )
