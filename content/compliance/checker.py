"""Find the health claims a market forbids in product copy, articles and reviews.

The checker reads sentence by sentence. In each it looks for claims (a claim verb with a
condition, a condition with a claim noun, a pharmacological word, a comparison with medicines,
a borrowed food claim, a body-function claim, an unsupported "clinically proven", a cure
story), then takes back what the sentence itself takes back: negated claims, warnings, and on
editorial pages reports of cited studies. What is left, under the rules the market applies,
is a finding.
"""

import re
from dataclasses import dataclass

from content.compliance import patterns
from content.compliance.context import (
    cites_source,
    clause_end,
    is_attributed,
    is_first_person,
    is_negated,
    is_passive,
    is_safety_warning,
    quotation_groups,
)
from content.compliance.rules import RULES, MarketRules, market_rules, rewording
from content.compliance.text import Text, html_text, plain_text, sentences

#: Where a text appears: advertising, an editorial page, or a shopper's review.
SETTINGS = ("product", "editorial", "review")

#: When two findings overlap, the one whose rule comes first is kept.
_PRECEDENCE = (
    "cure-testimonial",
    "supplement-notice",
    "food-health-claim",
    "medicinal-claim",
    "medicine-comparison",
    "body-function-claim",
    "otc-drug-claim",
    "proof-without-citation",
    "serious-condition",
    "condition-named",
)
#: What an editorial page may report when it attributes it to a cited study.
_ALLOWED_WHEN_ATTRIBUTED = frozenset(
    {"medicinal-claim", "medicine-comparison", "food-health-claim", "body-function-claim"}
)
#: How far after a claim verb its condition may come, in words.
_CLAIM_REACH = 6


@dataclass(frozen=True)
class Finding:
    """One forbidden claim: where it is, the rule it breaks, and what to say instead."""

    phrase: str
    start: int
    end: int
    rule: str
    summary: str
    regulation: str
    suggestion: str


@dataclass(frozen=True)
class _Candidate:
    """A claim found in a sentence, by offsets into that sentence."""

    rule: str
    start: int
    end: int
    kind: str = ""


def check_text(text: str, *, market: str, setting: str = "product") -> list[Finding]:
    """Return the health claims in plain ``text`` that ``market`` forbids in ``setting``."""
    return _check(plain_text(text), market, setting)


def check_html(html: str, *, market: str, setting: str = "product") -> list[Finding]:
    """Return the health claims in the words of ``html``, with offsets into the raw HTML."""
    return _check(html_text(html), market, setting)


def _check(text: Text, market: str, setting: str) -> list[Finding]:
    rules = market_rules(market)
    if setting not in SETTINGS:
        raise ValueError(f"Unknown setting {setting!r}: use one of {', '.join(SETTINGS)}.")
    spans = sentences(text.clean)
    groups = quotation_groups(text.clean, spans)
    attributed = {
        groups[number]
        for number, (start, end) in enumerate(spans)
        if is_attributed(text.clean[start:end])
    }
    findings = []
    for number, (start, end) in enumerate(spans):
        reports_a_study = setting == "editorial" and groups[number] in attributed
        candidates = [
            candidate
            for candidate in _candidates(text.clean[start:end], setting)
            if rules.applies(candidate.rule)
            and not (reports_a_study and candidate.rule in _ALLOWED_WHEN_ATTRIBUTED)
        ]
        findings.extend(
            _finding(text, start, candidate, rules) for candidate in _without_overlaps(candidates)
        )
    return findings


def _finding(text: Text, offset: int, candidate: _Candidate, rules: MarketRules) -> Finding:
    start, end = text.span(offset + candidate.start, offset + candidate.end)
    phrase = text.source[start:end]
    return Finding(
        phrase=phrase,
        start=start,
        end=end,
        rule=candidate.rule,
        summary=RULES[candidate.rule],
        regulation=rules.regulations[candidate.rule],
        suggestion=rewording(candidate.rule, phrase, candidate.kind),
    )


def _merged(candidates: list[_Candidate]) -> list[_Candidate]:
    """Join overlapping candidates of one rule: "for migraine" + "migraine relief"."""
    merged: list[_Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (c.rule, c.start)):
        last = merged[-1] if merged else None
        if last and last.rule == candidate.rule and candidate.start < last.end:
            end = max(last.end, candidate.end)
            merged[-1] = _Candidate(last.rule, last.start, end, last.kind or candidate.kind)
        else:
            merged.append(candidate)
    return merged


def _without_overlaps(candidates: list[_Candidate]) -> list[_Candidate]:
    """Keep one candidate per stretch of text, the one whose rule comes first."""
    kept: list[_Candidate] = []
    by_precedence = sorted(_merged(candidates), key=lambda c: (_PRECEDENCE.index(c.rule), c.start))
    for candidate in by_precedence:
        if all(candidate.end <= other.start or candidate.start >= other.end for other in kept):
            kept.append(candidate)
    return sorted(kept, key=lambda candidate: candidate.start)


def _candidates(sentence: str, setting: str) -> list[_Candidate]:
    sentence = patterns.IDIOM.sub(lambda idiom: " " * len(idiom.group()), sentence)
    found = [*_testimonials(sentence, setting), *_medicinal_claims(sentence)]
    if setting == "product" and not is_safety_warning(sentence):
        found += _intended_uses(sentence) + _named_conditions(sentence)
    found += _matches(sentence, patterns.MEDICINE_COMPARISON, "medicine-comparison", negates=False)
    if not cites_source(sentence):
        found += _matches(sentence, patterns.PROOF, "proof-without-citation")
    found += _matches(sentence, patterns.FOOD_CLAIM, "food-health-claim")
    found += _matches(sentence, patterns.BODY_FUNCTION, "body-function-claim")
    found += _matches(sentence, patterns.US_DRUG_CLAIM, "otc-drug-claim")
    found += _matches(sentence, patterns.SUPPLEMENT_NOTICE, "supplement-notice", negates=False)
    return found


def _matches(
    sentence: str, pattern: re.Pattern[str], rule: str, *, negates: bool = True
) -> list[_Candidate]:
    return [
        _Candidate(rule, match.start(), match.end())
        for match in pattern.finditer(sentence)
        if not (negates and is_negated(sentence, match.start()))
    ]


def _kind_within(sentence: str, start: int, end: int) -> str:
    condition = patterns.CONDITION.search(sentence, start, end)
    return patterns.condition_kind(condition) if condition else "other"


def _word_reach(sentence: str, index: int, count: int) -> int:
    match = re.match(rf"(?:\W*[\w'-]+){{1,{count}}}", sentence[index:])
    return index + (match.end() if match else 0)


def _is_claim_verb(sentence: str, verb: re.Match[str]) -> bool:
    """Return whether ``verb`` is used as a claim, not "treat yourself" or "is reduced"."""
    word = verb.group().lower()
    if word.endswith("ed") and is_passive(sentence, verb.start()):
        return False
    if patterns.MEDICINE_BEFORE.search(sentence[max(0, verb.start() - 40) : verb.start()]):
        return False
    if word in ("treat", "treats"):
        if patterns.TREAT_NOT_A_CLAIM_AFTER.match(sentence, verb.end()):
            return False
        if patterns.TREAT_NOT_A_CLAIM_BEFORE.search(sentence[: verb.start()]):
            return False
        regarded = patterns.TREAT_AS.match(sentence, verb.end())
        if regarded and not patterns.ANY_CONDITION.search(sentence, verb.end(), regarded.end()):
            return False
    return True


def _medicinal_claims(sentence: str) -> list[_Candidate]:
    found = []
    for verb in patterns.CLAIM_VERB.finditer(sentence):
        if not _is_claim_verb(sentence, verb) or is_negated(sentence, verb.start()):
            continue
        reach = min(
            clause_end(sentence, verb.end()), _word_reach(sentence, verb.end(), _CLAIM_REACH)
        )
        conditions = list(patterns.ANY_CONDITION.finditer(sentence, verb.end(), reach))
        if conditions:
            kind = _kind_within(sentence, verb.end(), conditions[-1].end())
            found.append(_Candidate("medicinal-claim", verb.start(), conditions[-1].end(), kind))
    for condition in patterns.ANY_CONDITION.finditer(sentence):
        claim = patterns.CLAIM_AFTER_CONDITION.match(sentence, condition.end())
        if claim and not is_negated(sentence, condition.start()):
            kind = _kind_within(sentence, condition.start(), condition.end())
            found.append(_Candidate("medicinal-claim", condition.start(), claim.end(), kind))
    for word in patterns.PROPERTY.finditer(sentence):
        if not is_negated(sentence, word.start()):
            found.append(_Candidate("medicinal-claim", word.start(), word.end(), "other"))
    return found


def _intended_uses(sentence: str) -> list[_Candidate]:
    return [
        _Candidate(
            "medicinal-claim",
            use.start(),
            use.end(),
            _kind_within(sentence, use.start(), use.end()),
        )
        for use in patterns.INTENDED_USE.finditer(sentence)
        if not is_negated(sentence, use.start())
    ]


def _named_conditions(sentence: str) -> list[_Candidate]:
    return [
        _Candidate(
            "serious-condition" if patterns.is_serious(condition.group()) else "condition-named",
            condition.start(),
            condition.end(),
        )
        for condition in patterns.CONDITION.finditer(sentence)
        if not is_negated(sentence, condition.start())
    ]


def _testimonials(sentence: str, setting: str) -> list[_Candidate]:
    personal = setting == "review" or is_first_person(sentence)
    found = [
        _Candidate(
            "cure-testimonial" if personal else "medicinal-claim",
            story.start(),
            story.end(),
            _kind_within(sentence, story.start(), story.end()),
        )
        for pattern in (patterns.TESTIMONIAL, patterns.USED_TO)
        for story in pattern.finditer(sentence)
        if not is_negated(sentence, story.start())
    ]
    found += [
        _Candidate("cure-testimonial" if personal else "medicine-comparison", *stop.span())
        for stop in patterns.STOPPED_MEDICINE.finditer(sentence)
    ]
    return found
