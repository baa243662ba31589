"""The vocabularies compiled into the patterns the checker runs, case-insensitive."""

import re
from collections.abc import Iterable

from content.compliance import conditions
from content.compliance import vocabulary as words


def any_of(fragments: Iterable[str]) -> str:
    """Return one group matching any fragment, longest fragments tried first."""
    return "(?:" + "|".join(sorted(fragments, key=len, reverse=True)) + ")"


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


#: A named disease or symptom; the group that matched names its kind.
CONDITION = _compile(
    r"\b(?:"
    + "|".join(f"(?P<{kind}>{any_of(forms)})" for kind, forms in conditions.CONDITIONS.items())
    + r")\b"
)
#: A named condition, or illness in general ("any disease", "symptoms").
ANY_CONDITION = _compile(
    r"\b(?:"
    + "|".join(f"(?P<{kind}>{any_of(forms)})" for kind, forms in conditions.CONDITIONS.items())
    + f"|(?P<general>{any_of(conditions.GENERAL_CONDITIONS)})"
    + r")\b"
)
SERIOUS = _compile(rf"\b{any_of(conditions.SERIOUS_CONDITIONS)}\b")
_CONDITION_WORDS = any_of(form for forms in conditions.CONDITIONS.values() for form in forms)
_MEDICINE = any_of(conditions.MEDICINES)

CLAIM_VERB = _compile(rf"\b{any_of(words.CLAIM_VERBS)}\b")
#: "treat yourself", "a treat", "treat baths as": "treat" that is not about a condition.
TREAT_NOT_A_CLAIM_AFTER = _compile(
    r"\s+(?:yourself|yourselves|myself|themselves|herself|himself|ourselves|someone|them"
    r"|(?:your|their|her|his)\s+(?:\w+\s+)?to)\b"
)
#: "treat baths as part of a routine": "treat" meaning "regard", when no condition comes first.
TREAT_AS = _compile(r"(?:\s+[\w'-]+){1,5}?\s+as\b")
TREAT_NOT_A_CLAIM_BEFORE = _compile(
    r"\b(?:a|an|the|little|real|lovely|special|perfect|weekly|sweet|bath|spa|such)\s+$"
)
#: A claim word right after a condition: "pain relief", "cramp-free", "can be alleviated".
CLAIM_AFTER_CONDITION = _compile(
    rf"(?:[\s-]+{any_of(words.CLAIM_RIGHT_AFTER_CONDITION)}"
    rf"|[\s,-]+(?:(?:or|and|[\w']+)\s+){{0,3}}?{any_of(words.CLAIM_NEAR_CONDITION)})\b"
)
PROPERTY = _compile(rf"\b{any_of(words.PHARMACOLOGICAL_PROPERTIES)}\b")
#: A medicine just before a claim verb is its subject: "opioids to control pain".
MEDICINE_BEFORE = _compile(rf"\b{_MEDICINE}\b(?:\s+\w+){{0,2}}\s*$")

_WHO = r"(?:people|those|anyone|sufferers|women|men|athletes|adults|children|kids)"
#: Product copy that aims the product at a condition: "for arthritis sufferers".
INTENDED_USE = _compile(
    rf"\bfor\s+(?:{_WHO}\s+(?:with|who (?:have|get|suffer from)|suffering (?:from|with)"
    rf"|prone to)\s+)?(?:(?:the|your|their|a|an)\s+)?(?:[\w-]+\s+)??\b(?:{_CONDITION_WORDS})\b"
    rf"|\b(?:{_CONDITION_WORDS})[\s-]+(?:sufferers|prone)\b"
    rf"|\b(?:if you|anyone who|those who|people who)\s+(?:suffer|suffers|get|gets)"
    rf"(?:\s+from)?\s+(?:\w+\s+){{0,2}}?(?:{_CONDITION_WORDS})\b"
    rf"|\bsuffer(?:ing|ers?)?\s+(?:from|with)\s+(?:\w+\s+){{0,2}}?(?:{_CONDITION_WORDS})\b"
)

_AGAINST = (
    r"instead of|rather than|in place of|skip(?:s|ped)?|(?:an? )?(?:natural |drug-free |gentle )?"
    r"alternatives? to|substitute for|replacement for|replac(?:e|es|ed|ing)|swap(?:s|ped)?"
    r"(?: out)?|ditch(?:es|ed|ing)?|no need for|without the need for|cut(?:s|ting)? down on"
    r"|reduc(?:e|es|ing) (?:your |the )?need for|put away|throw away"
    r"|without (?:reaching for|taking|needing|resorting to|popping|relying on)"
)
_OWNER = r"(?:(?:your|the|any|all|those|these|their|my|a|an)\s+)?"
#: Setting the product against medicines, or offering it without their side effects.
MEDICINE_COMPARISON = _compile(
    r"\b(?:better|faster|stronger|safer|gentler|more effective|works better|"
    r"as (?:good|effective|powerful|strong|fast))\s+(?:than|as)\s+"
    rf"{_OWNER}(?:[\w-]+\s+){{0,2}}?{_MEDICINE}\b"
    rf"|\b(?:{_AGAINST})\s+{_OWNER}(?:[\w-]+\s+){{0,2}}?{_MEDICINE}\b"
    r"|\b(?:without|with no|free from|free of|none of)\s+(?:the\s+|any\s+)?(?:[\w-]+\s+){0,2}?"
    r"side[- ]effects\b"
    r"|\bno (?:known |nasty |negative |harmful |unwanted )?side[- ]effects\b"
    r"|\bside[- ]effect[- ]free\b"
    rf"|\b(?:drug|medication|medicine|{_MEDICINE})-free\b"
    rf"|\b(?:nature'?s (?:own )?|natural |works like (?:a |an )?){_MEDICINE}\b"
)

PROOF = _compile(rf"\b{any_of(words.PROOF_CLAIMS)}\b")
_FOOD_CLAIM_LEAD = rf"{any_of(words.FOOD_CLAIM_LEADS)}\s+(?:the\s+|a\s+)?"
FOOD_CLAIM = _compile(rf"\b(?:{_FOOD_CLAIM_LEAD})?{any_of(words.FOOD_HEALTH_CLAIMS)}\b")
BODY_FUNCTION = _compile(
    rf"\b{any_of(words.BODY_FUNCTION_VERBS)}\s+(?:[\w'-]+\s+){{0,3}}?"
    rf"{any_of(words.BODY_FUNCTIONS)}\b"
    rf"|\b{any_of(words.BODY_FUNCTION_PHRASES)}\b"
)
US_DRUG_CLAIM = _compile(rf"\b{any_of(words.US_DRUG_CLAIMS)}\b")
SUPPLEMENT_NOTICE = _compile(words.SUPPLEMENT_NOTICE)
IDIOM = _compile(rf"\b{any_of(words.IDIOMS)}\b")

_CONDITION_OR_MEDICINE = rf"(?:{_CONDITION_WORDS}|{_MEDICINE})"
#: A shopper's story of a cure: "cured my migraines", "my cramps have gone", "no more pain".
TESTIMONIAL = _compile(
    rf"\b{any_of(words.TESTIMONIAL_VERBS)}\s+(?:\w+\s+)?(?:my|our|his|her|me of my)\s+"
    rf"(?:[\w'-]+\s+){{0,2}}?(?:{_CONDITION_WORDS})\b"
    rf"|\b(?:my|our)\s+(?:[\w'-]+\s+){{0,2}}?(?:{_CONDITION_WORDS})\s+(?:[\w'-]+\s+){{0,4}}?"
    rf"{any_of(words.CONDITION_GONE)}\b"
    rf"|\bno more\s+(?:[\w-]+\s+){{0,2}}?(?:{_CONDITION_WORDS})\b"
    rf"|\b(?:haven't|have not|hasn't|has not|hadn't|not|never)\s+(?:once\s+)?(?:had|suffered"
    rf"(?: from)?|experienced|got|needed|taken|woken up with)\s+(?:[\w-]+\s+){{0,3}}?"
    rf"{_CONDITION_OR_MEDICINE}\b[^.!?]{{0,40}}?\b(?:since|anymore|any more|again)\b"
    rf"|\bno longer\s+(?:\w+\s+)?(?:need|take|use|suffer(?: from)?|get|have|reach for)\s+"
    rf"(?:[\w'-]+\s+){{0,3}}?{_CONDITION_OR_MEDICINE}\b"
    rf"|\b(?:don't|do not|never|rarely|hardly)\s+(?:\w+\s+)?(?:need|take|use|suffer(?: from)?"
    rf"|get|reach for)\s+(?:[\w'-]+\s+){{0,3}}?{_CONDITION_OR_MEDICINE}\b[^.!?]{{0,30}}?"
    rf"\b(?:anymore|any more|since|now|again)\b"
)
#: A shopper's before and after: "I used to wake with cramp every night, now I don't".
USED_TO = _compile(
    rf"\bused to\s+(?:\w+\s+){{0,3}}?(?:{_CONDITION_WORDS})\b[^.!?]{{0,40}}?"
    rf"\b(?:now|these days|no more|not any ?more|anymore)\b"
)
#: Giving up medicines, in the shopper's words: "I stopped taking my painkillers".
STOPPED_MEDICINE = _compile(
    rf"\b(?:stopped|quit|ditched|gave up|came off|cut down on)\s+(?:taking\s+)?"
    rf"(?:(?:my|the|all|those)\s+)?(?:[\w-]+\s+){{0,2}}?{_MEDICINE}\b"
)


def condition_kind(match: re.Match[str]) -> str:
    """Return the kind of condition a ``CONDITION`` or ``ANY_CONDITION`` match found."""
    return match.lastgroup or "other"


def is_serious(condition: str) -> bool:
    """Return whether the named ``condition`` is a serious one."""
    return bool(SERIOUS.search(condition))
