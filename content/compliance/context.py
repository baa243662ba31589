"""What the words around a claim do to it: negate it, attribute it, or make it a warning.

* Negation: "not intended to diagnose, treat, cure or prevent", "does not cure", "no claim
  that ..." take back the claim words that follow them, up to the end of the clause. A list
  after the negation ("diagnose, treat, cure or prevent") stays inside it; "but" ends it.
* Attribution: on editorial pages a report of a cited study is allowed. A sentence is
  attributed when it names its source ("Shin et al. (2020)", "(Thomas et al., 2000)"), or
  describes the study itself ("In one study of 29 migraine patients", "A 2020 review"), or
  only says what has been studied ("has been studied for"), which claims nothing.
* Safety wording: "do not use if", "speak to your GP" name conditions to warn, not to sell.
"""

import re

_NEGATION = re.compile(
    r"\b(?:not|no|never|nor|neither|cannot|none|whether)\b|n't\b"
    r"|\bwithout (?:making |any )*claim",
    re.IGNORECASE,
)
#: Words after "not" / "no" / "never" that turn it into something other than a negation.
_NOT_A_NEGATION = re.compile(
    r"\s*(?:only|just|more|longer|better|finer|easier|faster|quicker|wonder|doubt|matter"
    r"|sooner|less|fewer)\b",
    re.IGNORECASE,
)
#: Verbs that continue a negated list across a comma: "not ... diagnose, treat, cure".
_LIST_VERBS = (
    r"diagnos\w*|treat\w*|cur\w*|mitigat\w*|prevent\w*|heal\w*|reliev\w*|alleviat\w*|eas\w*"
    r"|affect\w*|claim\w*|relief"
)
_CLAUSE_END = re.compile(
    r"[.;:!?()]|\s[-\u2013\u2014]\s|\b(?:but|however|whereas|although|though|yet)\b",
    re.IGNORECASE,
)
_NEGATION_SCOPE_END = re.compile(
    _CLAUSE_END.pattern + rf"|,(?!\s*(?:(?:and|or)\s+)?(?:to\s+)?(?:{_LIST_VERBS})\b)",
    re.IGNORECASE,
)
_PASSIVE_BEFORE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|get|gets|got)\s+(?:\w+ly\s+)?$", re.IGNORECASE
)

_CITATION = re.compile(
    r"\bet al\b"
    r"|\((?:[A-Z][\w'-]+(?:\s+(?:and|&)\s+[A-Z][\w'-]+)?(?:\s+et al\.?)?,?\s*)?"
    r"(?:19|20)\d{2}[a-z]?\)"
    r"|(?i:\bdoi\s*:|\bpmid\b)|\[\d+\]"
    r"|(?i:\bpublished in) (?:the )?[A-Z]"
    r"|(?i:\baccording to) (?:the )?[A-Z][a-z]+"
)
_STUDY_DESCRIBED = re.compile(
    r"\b(?:in|from) (?:a|an|one|another|the) (?:[\w-]+ ){0,4}?"
    r"(?:study|trial|review|meta-analysis|survey) (?:of|in|with|involving) (?:[\w-]+ ){0,2}\d+"
    r"|\b(?:a|an|the|one) (?:19|20)\d{2} (?:[\w-]+ ){0,3}?(?:study|trial|review|meta-analysis)",
    re.IGNORECASE,
)
_STUDY_TOPIC = re.compile(
    r"\b(?:has|have|had) been (?:\w+ )?(?:studied|investigated|tried|trialled|looked at)\b"
    r"|\bstudies have looked at\b|\bunder study\b|\bsubject of study\b"
    r"|\bresearchers have (?:looked at|studied)\b",
    re.IGNORECASE,
)
_SAFETY = re.compile(
    r"\b(?:consult|speak to|talk to|ask|see|check with)\s+(?:your|a)\s+(?:doctor|gp|pharmacist"
    r"|health ?(?:care )?professional|physician|midwife)"
    r"|\b(?:do not|don't)\s+(?:use|apply|spray)\b|\bnot (?:suitable|for use)\b"
    r"|\bavoid (?:using (?:it |them )?|use )?if\b|\bseek medical (?:advice|help|attention)\b"
    r"|\bunder medical supervision\b|\bbeing treated for\b|\bkeep away from\b",
    re.IGNORECASE,
)
#: How many characters a quotation judged as one piece may span.
_LONGEST_QUOTATION = 600
_FIRST_PERSON = re.compile(r"\bI\b|\bI'(?:m|ve|d)\b|(?i:\b(?:my|me|mine|our|we)\b)")


def clause_end(sentence: str, index: int) -> int:
    """Return where the clause holding ``index`` ends (a stop, a semicolon, "but")."""
    match = _CLAUSE_END.search(sentence, index)
    return match.start() if match else len(sentence)


def is_negated(sentence: str, index: int) -> bool:
    """Return whether a negation earlier in the clause takes back the words at ``index``."""
    for cue in _NEGATION.finditer(sentence, 0, index):
        if _NOT_A_NEGATION.match(sentence, cue.end()):
            continue
        scope_end = _NEGATION_SCOPE_END.search(sentence, cue.end())
        if index < (scope_end.start() if scope_end else len(sentence)):
            return True
    return False


def is_passive(sentence: str, index: int) -> bool:
    """Return whether the verb at ``index`` follows "is", "were", "been" (a passive)."""
    return bool(_PASSIVE_BEFORE.search(sentence[max(0, index - 30) : index]))


def cites_source(text: str) -> bool:
    """Return whether ``text`` names its source or the study it reports."""
    return bool(_CITATION.search(text) or _STUDY_DESCRIBED.search(text))


def is_attributed(text: str) -> bool:
    """Return whether ``text`` reports a cited study, or only says what has been studied."""
    return cites_source(text) or bool(_STUDY_TOPIC.search(text))


def is_safety_warning(sentence: str) -> bool:
    """Return whether ``sentence`` warns ("do not use if", "speak to your GP")."""
    return bool(_SAFETY.search(sentence))


def is_first_person(sentence: str) -> bool:
    """Return whether ``sentence`` speaks for the writer ("I", "my", "we")."""
    return bool(_FIRST_PERSON.search(sentence))


def quotation_groups(text: str, spans: list[tuple[int, int]]) -> list[int]:
    """Return, for each sentence span, the index of the first sentence of its quotation.

    A quotation that runs over several sentences ("Another study reported that, "...
    ... decreased." (Shin 2020)) is judged as one piece: its citation covers all of it.
    Sentences outside quotations are their own group, and so is every sentence of a
    "quotation" too long to be one (a stray quote mark pairs with one far away).
    """
    groups = list(range(len(spans)))
    quote_marks = [match.start() for match in re.finditer('"', text)]
    for opening, closing in zip(quote_marks[::2], quote_marks[1::2], strict=False):
        if closing - opening > _LONGEST_QUOTATION:
            continue
        inside = [
            number
            for number, (start, end) in enumerate(spans)
            if start <= closing and end > opening
        ]
        for number in inside:
            groups[number] = groups[inside[0]]
    return groups
