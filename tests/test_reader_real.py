"""The reader on real crisis statements (tests/data/real): what a trainer meets when they paste
their organisation's past statements. The test split is crises the reader never trained on."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from uproar.model import reader_train
from uproar.model.classify import evaluate

REAL = Path(__file__).parent / "data" / "real" / "statements.csv"


def _rows() -> list[dict[str, str]]:
    with open(REAL, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_real_statements_are_labelled_twice_and_split_by_crisis():
    rows = _rows()
    assert len(rows) == 500 and {r["lang"] for r in rows} == {"fr", "en"}
    for r in rows:
        assert r["text"].strip() and r["org"] and r["source"] and r["wording"] in ("verbatim", "close")
        assert r["strategy"] and r["strategy_b"] and r["tone"] and r["tone_b"]
    crises = {split: {(r["org"], r["crisis"]) for r in rows if r["split"] == split} for split in ("train", "test")}
    assert crises["train"] and crises["test"] and not crises["train"] & crises["test"]


def test_training_never_reads_the_real_test_split():
    trained = {r["text"] for r in reader_train.read_corpus(reader_train.REAL, ("train",))}
    held_out = {r["text"] for r in _rows() if r["split"] == "test"}
    assert len(held_out) == 193 and not trained & held_out


@pytest.fixture(scope="module")
def real_test() -> dict:
    rep = evaluate(REAL, split="test")
    print(f"\nreal statements, test split: n={rep['n']} strategy {rep['strategy_accuracy']:.1%}, "
          f"tone {rep['tone_accuracy']:.1%}, uncertain {rep['uncertain']}")
    return rep


# Measured with the shipped reader (issue 12, fifteenth pass; trained on the 307 statements of the
# train split at the weight `python -m uproar.model.reader_train --cv-real 5` chose): strategy 62.2%,
# tone 64.2% against the first labeller (eighth to fourteenth passes 62.7% / 63.7%, and 61.7% / 67.4%
# against the second; seventh pass 61.1% / 63.2%, sixth 61.7% / 63.7%); the fifth pass's reader trained without any
# real statement read 49.2% and 56.0%. Far from "nearly all": the floors catch regressions (about three
# statements below the measured level), not the aim.
def test_no_regression_on_real_statements(real_test):
    assert real_test["n"] == 193
    assert real_test["strategy_accuracy"] >= 0.61
    assert real_test["tone_accuracy"] >= 0.62


def test_uncertain_marks_the_real_statements_to_check(real_test):
    """On real statements the reader is wrong far more often than on the corpus; "uncertain" must
    point the trainer at those readings (measured: 37 of 72 wrong, 22 of 121 right)."""
    u = real_test["uncertain"]
    assert u["wrong_flagged"] / u["wrong"] > 1.5 * u["right_flagged"] / u["right"]
