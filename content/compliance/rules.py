"""Which health claims each market forbids, under which rule, and what to say instead.

Every market forbids a cosmetic to claim that it treats, cures or prevents disease; they differ
in the law they name, and in a few claims only the US treats as a drug's (antiperspirant and
anti-dandruff claims, and the dietary-supplement notice a bath product may not borrow). A rule
a market's table leaves out does not apply there.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass

#: Each rule's id and what it forbids, in one plain sentence.
RULES: dict[str, str] = {
    "medicinal-claim": (
        "A cosmetic may not claim or imply that it or its ingredients treat, cure, prevent or "
        "relieve a disease or symptom."
    ),
    "condition-named": (
        "Advertising may not name a disease or symptom beside a cosmetic, since that implies "
        "the product treats it."
    ),
    "serious-condition": "Advertising may not refer to a serious disease beside a cosmetic.",
    "medicine-comparison": (
        "A cosmetic may not be compared with medicines or offered as a way to avoid them or "
        "their side effects."
    ),
    "proof-without-citation": (
        "A claim of clinical or scientific proof needs the study it rests on named beside it."
    ),
    "food-health-claim": (
        "Health claims authorised for magnesium in food may not be borrowed for a bath product."
    ),
    "body-function-claim": (
        "A cosmetic may not claim to change how the body works, such as sleep, nerves, "
        "circulation, magnesium levels or detoxing."
    ),
    "cure-testimonial": (
        "A published story of a cure or of relief from a condition counts as the shop's own "
        "medicinal claim."
    ),
    "supplement-notice": (
        "The FDA's dietary-supplement notice belongs to supplements and may not appear on a "
        "bath product."
    ),
    "otc-drug-claim": (
        "Antiperspirant and anti-dandruff claims make a product an over-the-counter drug."
    ),
}


@dataclass(frozen=True)
class MarketRules:
    """The rules one market applies, each with the regulation it comes from."""

    code: str
    name: str
    regulations: Mapping[str, str]

    def applies(self, rule: str) -> bool:
        """Return whether this market forbids what ``rule`` describes."""
        return rule in self.regulations


_CAP_MEDICINAL = "CAP Code rule 12.1 (medicinal claims only for licensed medicines)"
_EU_PRESENTATION = (
    "Directive 2001/83/EC art. 1(2)(a) (a product presented as treating or preventing disease "
    "is a medicinal product)"
)
_EU_FUNCTION = (
    "Directive 2001/83/EC art. 1(2)(b) (restoring, correcting or modifying physiological "
    "functions is a medicinal product's role)"
)
_US_DISEASE = (
    "FD&C Act section 201(g)(1)(B) (a product intended to cure, mitigate, treat or prevent "
    "disease is a drug)"
)
_US_FUNCTION = (
    "FD&C Act section 201(g)(1)(C) (a product other than food intended to affect the "
    "structure or any function of the body is a drug)"
)
_AU_THERAPEUTIC = (
    "Therapeutic Goods Act 1989 (a therapeutic claim makes the product a therapeutic good, "
    "which must be entered on the ARTG)"
)

MARKETS: dict[str, MarketRules] = {
    "uk": MarketRules(
        code="uk",
        name="United Kingdom",
        regulations={
            "medicinal-claim": _CAP_MEDICINAL,
            "condition-named": "CAP Code rule 12.1 (naming a condition implies a medicinal claim)",
            "serious-condition": (
                "CAP Code rules 12.1 and 12.2 (conditions that need medical supervision)"
            ),
            "medicine-comparison": (
                "CAP Code rules 12.1 and 12.2 (must not discourage essential treatment)"
            ),
            "proof-without-citation": "CAP Code rules 3.7 and 12.1 (documentary evidence)",
            "food-health-claim": (
                "Regulation (EC) 1924/2006 as retained in GB law (health claims authorised for "
                "foods only) and CAP Code rule 12.1"
            ),
            "body-function-claim": (
                "CAP Code rule 12.1 (modifying a physiological function is a medicinal claim)"
            ),
            "cure-testimonial": (
                "CAP Code rules 12.1 and 3.45 to 3.52 (a published testimonial is the "
                "marketer's claim)"
            ),
        },
    ),
    "eu": MarketRules(
        code="eu",
        name="European Union",
        regulations={
            "medicinal-claim": _EU_PRESENTATION,
            "condition-named": _EU_PRESENTATION,
            "serious-condition": _EU_PRESENTATION,
            "medicine-comparison": (
                f"{_EU_PRESENTATION}; Regulation (EU) 655/2013 common criteria (honesty, fairness)"
            ),
            "proof-without-citation": (
                "Cosmetics Regulation (EC) 1223/2009 art. 20 and Regulation (EU) 655/2013 "
                "common criterion 3 (evidential support)"
            ),
            "food-health-claim": (
                "Regulation (EC) 1924/2006 (health claims authorised for foods only) and "
                "Cosmetics Regulation (EC) 1223/2009 art. 20"
            ),
            "body-function-claim": _EU_FUNCTION,
            "cure-testimonial": (
                f"{_EU_PRESENTATION}; Cosmetics Regulation (EC) 1223/2009 art. 20 (claims in "
                "any form)"
            ),
        },
    ),
    "us": MarketRules(
        code="us",
        name="United States",
        regulations={
            "medicinal-claim": _US_DISEASE,
            "condition-named": (
                f"{_US_DISEASE}; intended use is read from the website and its advertising"
            ),
            "serious-condition": _US_DISEASE,
            "medicine-comparison": f"{_US_DISEASE}; offered as a substitute for a drug",
            "proof-without-citation": (
                "FTC Act section 5 (health claims need competent and reliable scientific "
                "evidence) and FD&C Act section 602(a)"
            ),
            "food-health-claim": _US_FUNCTION,
            "body-function-claim": _US_FUNCTION,
            "cure-testimonial": (
                f"{_US_DISEASE}; 16 CFR part 255 (a published testimonial is the advertiser's "
                "claim)"
            ),
            "supplement-notice": (
                "FD&C Act section 403(r)(6) (the notice is for dietary supplements' "
                "structure/function statements)"
            ),
            "otc-drug-claim": (
                f"{_US_FUNCTION}; antiperspirants (21 CFR part 350) and dandruff products "
                "(21 CFR part 358) are OTC drugs"
            ),
        },
    ),
    "au": MarketRules(
        code="au",
        name="Australia",
        regulations={
            "medicinal-claim": _AU_THERAPEUTIC,
            "condition-named": _AU_THERAPEUTIC,
            "serious-condition": (
                "Therapeutic Goods Act 1989 s42DD (restricted representations about serious "
                "diseases)"
            ),
            "medicine-comparison": _AU_THERAPEUTIC,
            "proof-without-citation": (
                "Australian Consumer Law s18 and s29 (misleading claims about a product)"
            ),
            "food-health-claim": (
                "Food Standards Code Standard 1.2.7 (health claims for foods only) and "
                f"{_AU_THERAPEUTIC}"
            ),
            "body-function-claim": (
                "Therapeutic Goods Act 1989 s3 (influencing a physiological process is a "
                "therapeutic use)"
            ),
            "cure-testimonial": f"{_AU_THERAPEUTIC}; testimonials are advertising",
        },
    ),
}


def market_rules(market: str) -> MarketRules:
    """Return the rules for ``market`` (uk, eu, us or au); raise ValueError for any other."""
    try:
        return MARKETS[market.strip().lower()]
    except (KeyError, AttributeError):
        known = ", ".join(sorted(MARKETS))
        raise ValueError(f"Unknown market {market!r}: use one of {known}.") from None


#: Rewordings for a claim about a kind of condition (the kinds of ``conditions.CONDITIONS``).
CONDITION_REWORDINGS: dict[str, str] = {
    "muscle": "a relaxing soak after exercise",
    "pain": "a warm, comforting soak",
    "head": "a quiet, calming soak at the end of the day",
    "sleep": "a calming soak before bed",
    "skin": "leaves skin feeling soft and smooth",
    "mood": "a calm moment to unwind",
    "other": "a relaxing magnesium bath soak",
}

_NEUTRAL_TITLE = (
    'drop the condition; link to reading by a neutral title such as "Magnesium research summary"'
)
#: The rewording for each rule whose findings all take the same advice.
RULE_REWORDINGS: dict[str, str] = {
    "condition-named": _NEUTRAL_TITLE,
    "serious-condition": _NEUTRAL_TITLE,
    "medicine-comparison": "drop the comparison with medicines",
    "proof-without-citation": "name the study (authors and year) or drop the claim of proof",
    "food-health-claim": "magnesium chloride flakes for a relaxing bath",
    "body-function-claim": "a relaxing magnesium bath soak",
    "supplement-notice": (
        'drop the notice; "not intended to diagnose, treat, cure or prevent any disease" can stay'
    ),
}

#: Rewordings for body-function and drug claims that depend on what the phrase is about.
PHRASE_REWORDINGS: tuple[tuple[str, str], ...] = (
    (r"sleep", "a calming soak before bed"),
    (r"detox|toxin", "a mineral-rich bath soak"),
    (r"skin|transdermal", "magnesium chloride to spray onto the skin and rinse off"),
    (r"recover|energy", "a relaxing soak after exercise"),
    (r"sweat|perspir", "a natural deodorant that leaves you feeling fresh"),
    (r"dandruff", "leaves the scalp feeling clean"),
)


def rewording(rule: str, phrase: str, condition_kind: str = "") -> str:
    """Return a compliant rewording for ``phrase`` found by ``rule``, or "" when none fits.

    A shopper's own story of a cure has no rewording: it is published without that part.
    """
    if rule == "medicinal-claim":
        return CONDITION_REWORDINGS.get(condition_kind, CONDITION_REWORDINGS["other"])
    if rule in ("body-function-claim", "otc-drug-claim"):
        for pattern, text in PHRASE_REWORDINGS:
            if re.search(pattern, phrase, re.IGNORECASE):
                return text
    return RULE_REWORDINGS.get(rule, "")
