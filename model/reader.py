"""The trained half of the message reader: n-gram features and linear models, numpy only.

`model/reader_train.py` fits the models with scikit-learn on the labelled corpus
(`tests/data/corpus/`) and writes their coefficients to `model/data/reader.npz`
(no pickle); this module reads that file and scores a message with plain numpy, so
a reading needs no scikit-learn, no download and no randomness at run time.

Features (one analyser shared by training and reading, so both see the same thing):

- words and word pairs of the normalised text (lowercase, accents stripped);
- character n-grams (3 to 5) inside word boundaries, which carry French and
  English morphology ("-rons", "apolog", "excus") and survive typos;
- the rule cues that fired (`r:<layer>:<target>:<label>`), so the linear model
  learns how far to trust each hand-written rule on real statements;
- the message's language and a length bucket (a press release is not a tweet).

Each block is weighted by sublinear tf × idf and scaled to unit length; each head
weighs the blocks its own way (`block_weights`: the first sentence matters for the
tone more than for the strategy). Every head is a linear classifier (a linear SVM
or a logistic regression) whose scores go through a softmax with a temperature
fitted on the development split, so its probabilities are calibrated.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

import numpy as np

ARTIFACT = Path(__file__).parent / "data" / "reader.npz"
BLOCKS: tuple[str, ...] = ("w", "c", "r", "m", "f")  # words, characters, rule cues, meta, first sentence
_FIRST = re.compile(r"[.!?\n]")
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)?|[^\sa-z0-9.,;:!?'\"()«»\-]")
CHAR_N = (3, 5)


def analyse(norm: str, lang: str, cues: Iterable[str]) -> list[str]:
    """The features of a normalised message, as strings prefixed by their block."""
    tokens = _TOKEN.findall(norm)
    out = [f"w:{t}" for t in tokens]
    out += [f"w:{a} {b}" for a, b in pairwise(tokens)]
    lo, hi = CHAR_N
    for t in tokens:
        if len(t) > 30:
            continue
        padded = f" {t} "
        size = len(padded)
        for n in range(lo, min(hi, size) + 1):
            out += [f"c:{padded[i:i + n]}" for i in range(size - n + 1)]
    out += [f"r:{c}" for c in cues]
    words = len(tokens)
    lead = _TOKEN.findall(_FIRST.split(norm.strip(), maxsplit=1)[0])[:25]
    out += [f"f:{t}" for t in lead] + [f"f:{a} {b}" for a, b in pairwise(lead)]
    out.append(f"m:lang={lang}")
    out.append(f"m:len={0 if words < 25 else 1 if words < 60 else 2 if words < 150 else 3}")
    return out


@dataclass(frozen=True)
class Head:
    """One linear classifier: its classes, block weights, coefficients (features × scores),
    intercepts and the temperature that turns its scores into calibrated probabilities."""

    name: str
    classes: tuple[str, ...]
    block_weights: np.ndarray
    coef: np.ndarray
    intercept: np.ndarray
    temperature: float

    def scores(self, rows: np.ndarray, unit: np.ndarray, block: np.ndarray) -> np.ndarray:
        values = unit * self.block_weights[block[rows]] if len(rows) else unit
        z = self.coef[rows].T @ values + self.intercept if len(rows) else self.intercept.copy()
        return np.array([0.0, z[0]]) if len(self.classes) == 2 and len(z) == 1 else z

    def proba(self, z: np.ndarray) -> np.ndarray:
        z = z / self.temperature
        e = np.exp(z - z.max())
        return e / e.sum()


@dataclass(frozen=True)
class LinearReader:
    vocabulary: dict[str, int]
    idf: np.ndarray
    block: np.ndarray  # block index of each feature
    heads: dict[str, Head]

    def vector(self, features: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """Sparse feature vector before block weights: (rows, values), as in training."""
        counts = Counter(f for f in features if f in self.vocabulary)
        if not counts:
            return np.empty(0, dtype=np.int64), np.empty(0)
        rows = np.fromiter((self.vocabulary[f] for f in counts), dtype=np.int64, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
        return rows, weigh(rows, tf, self.idf, self.block)

    def predict(self, features: list[str]) -> dict[str, dict[str, float]]:
        rows, unit = self.vector(features)
        out = {}
        for name, head in self.heads.items():
            p = head.proba(head.scores(rows, unit, self.block))
            out[name] = {c: float(v) for c, v in zip(head.classes, p, strict=True)}
        return out


def weigh(rows: np.ndarray, tf: np.ndarray, idf: np.ndarray, block: np.ndarray) -> np.ndarray:
    """Sublinear tf × idf, scaled to unit length within each block."""
    v = (1.0 + np.log(tf)) * idf[rows]
    b = block[rows]
    norms = np.sqrt(np.bincount(b, weights=v * v, minlength=len(BLOCKS)))
    return v / np.where(norms[b] > 0, norms[b], 1.0)


@lru_cache(maxsize=1)
def load(path: str | None = None) -> LinearReader | None:
    """The shipped reader, or None when the artifact is missing (rules alone then read)."""
    p = Path(path) if path else ARTIFACT
    if not p.exists():
        return None
    with np.load(p, allow_pickle=False) as z:
        names = [str(s) for s in z["features"]]
        heads = {}
        for name in [str(s) for s in z["heads"]]:
            heads[name] = Head(
                name=name,
                classes=tuple(str(s) for s in z[f"{name}.classes"]),
                block_weights=z[f"{name}.block_weights"].astype(np.float64),
                coef=z[f"{name}.coef"].astype(np.float64),
                intercept=z[f"{name}.intercept"].astype(np.float64),
                temperature=float(z[f"{name}.temperature"]),
            )
        return LinearReader(
            vocabulary={f: i for i, f in enumerate(names)},
            idf=z["idf"].astype(np.float64),
            block=z["block"].astype(np.int64),
            heads=heads,
        )


def entropy_confidence(p: dict[str, float]) -> float:
    """1 − normalised entropy: 1 when one class has it all, 0 when all are equal."""
    values = [v for v in p.values() if v > 0]
    if len(p) < 2:
        return 1.0
    return 1.0 + sum(v * math.log(v) for v in values) / math.log(len(p))
