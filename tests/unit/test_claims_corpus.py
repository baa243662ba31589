"""The claims checker against a labelled corpus: precision and recall in every market.

Each row of ``tests/fixtures/claims_corpus.tsv`` is a sentence (or a quotation that runs over
two), where it appears (product, editorial, review) and the markets in which it breaks the
rules: ``all``, ``-`` for none, or market codes separated by spaces. A sentence counts as
flagged when the checker returns at least one finding for it.
"""

import csv
from dataclasses import dataclass
from pathlib import Path

import pytest

from content.compliance import MARKETS, SETTINGS, check_text

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "claims_corpus.tsv"
MINIMUM_PRECISION = 0.90
MINIMUM_RECALL = 0.95


@dataclass(frozen=True)
class Row:
    """One labelled sentence."""

    text: str
    setting: str
    violates: frozenset[str]


def load_corpus() -> list[Row]:
    """Return the corpus rows, refusing a label that names no known market or setting."""
    with CORPUS.open(encoding="utf-8", newline="") as corpus:
        records = list(csv.DictReader(corpus, delimiter="\t", quoting=csv.QUOTE_NONE))
    rows = []
    for record in records:
        label = record["violates"].split()
        violates = frozenset(MARKETS if label == ["all"] else [] if label == ["-"] else label)
        assert violates <= set(MARKETS), record
        assert record["setting"] in SETTINGS, record
        rows.append(Row(record["text"], record["setting"], violates))
    return rows


ROWS = load_corpus()


def test_the_corpus_is_big_enough_and_mixed():
    assert len(ROWS) >= 220
    assert {row.setting for row in ROWS} == set(SETTINGS)
    assert len({row.text for row in ROWS if not row.violates}) >= 100


@pytest.mark.parametrize("market", sorted(MARKETS))
def test_the_checker_finds_the_violations_and_little_else(market, record_property):
    flagged = [bool(check_text(row.text, market=market, setting=row.setting)) for row in ROWS]
    expected = [market in row.violates for row in ROWS]
    true_positives = sum(f and e for f, e in zip(flagged, expected, strict=True))
    precision = true_positives / sum(flagged)
    recall = true_positives / sum(expected)
    record_property("claims corpus", (market, len(ROWS), sum(expected), precision, recall))

    missed = [row.text for row, f, e in zip(ROWS, flagged, expected, strict=True) if e and not f]
    wrong = [row.text for row, f, e in zip(ROWS, flagged, expected, strict=True) if f and not e]
    assert recall >= MINIMUM_RECALL, missed
    assert precision >= MINIMUM_PRECISION, wrong
