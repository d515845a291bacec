"""Train the message reader's linear models from the labelled corpus (scikit-learn).

    python -m uproar.model.reader_train            # or: uproar classify --train
    python -m uproar.model.reader_train --cv 5     # k-fold cross-validation on train + dev
    python -m uproar.model.reader_train --cv-real 5   # the same, by crisis, on the real statements

Reads the train and dev splits of `tests/data/corpus/messages.csv` (the train split
includes the train-only messages, `src/<lang>/train-only/`) and the train split of the
real statements (`tests/data/real/statements.csv`), fits each head's
temperature on 5-fold out-of-fold scores of all of them (calibration), then fits
every head on all of them and writes `model/data/reader.npz` (coefficients and
vocabulary as numpy arrays, no pickle). Neither test split is ever read here. The settings below were
chosen by `--cv` (folds of the 730-message corpus's train + dev by sha256 of the id;
train-only, older labelled messages and real statements always on the training side) and
`--cv-real` (folds of the real statements' train split by crisis, the corpus always training). Fitting
involves no random state (liblinear/lbfgs on fixed data), so the same corpus gives the same
artifact up to float32 rounding (about 1e-7: a BLAS kernel's order of summation depends on where an
array lies in memory) and the same readings. It takes under 40 seconds on two cores: the encoder
reads the rows on both, and the calibration folds and the final fit run two at a time.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from .reader import ARTIFACT, BLOCKS, PAIRS, Head, LinearReader, analyse
from .taxonomy import STRATEGIES

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
CORPUS = DATA / "corpus" / "messages.csv"
#: Older labelled sets (strategy and tone only) that also teach the two main heads: short
#: one-line statements the corpus has few of. The blind set and the corpus test split are
#: never read here.
EXTRA = (DATA / "labelled_messages.csv",)
#: Real crisis statements, each labelled twice from the corpus guidelines (`tests/data/real/`):
#: their train split teaches every head; their test split is never read here.
REAL = DATA / "real" / "statements.csv"

#: Chosen by 5-fold cross-validation on train + dev (`--cv`): per head group,
#: the classifier ("svm": linear SVM, "lr": logistic regression), its C (inverse
#: regularisation) and the weight of each feature block. The sentence embedding ("e") weighs 0.5
#: in every head (3 × 5-fold CV, corpus / real: strategy 85.6 → 87.1% / 60.6 → 62.3%, tone
#: 85.5 → 85.8% / 60.8 → 64.1%; 0.25 and 0.75 for the strategy, 1.0 for the tone, 0.25 and 1.0
#: for the base responses did less well).
MIN_DF = 2
#: Weight of a real statement against a corpus message (chosen by `--cv-real`; with the sentence
#: encoder, 1.5 and 2 did worse on both sets, 3 × 5-fold: docs/reader.md, ninth pass).
REAL_WEIGHT = 1.0
#: Folds of the out-of-fold scores the temperatures are fitted on (`calibrate`).
CALIBRATION_FOLDS = 5
SETTINGS: dict[str, dict[str, Any]] = {
    # a logistic regression's scores added at half weight (10-fold CV: corpus 85.3 → 85.8%, real
    # statements 60.3 → 61.2%); the head stays one linear model. No class weights: balancing gave bolster,
    # the rarest class in training (295 of 2,239 rows) and in real statements (7%), half as much weight
    # again as the others (10-fold CV corpus 85.8 → 86.2%, real 61.2 → 61.6%; 3 × 5-fold +0.6 / +0.7)
    "strategy": {"model": "svm", "C": 0.5, "weights": {"train_only": 0.5},
                 "blend": {"model": "lr", "C": 4.0, "weight": 0.5, "tol": 1e-3},
                 "blocks": {"w": 1.0, "c": 1.0, "r": 0.3, "m": 0.3, "f": 0.0, "x": 0.0, "e": 0.5}},
    # the first sentence sets the tone (CV: corpus 85.3 → 85.6%, real statements 58.6 → 59.3%)
    "tone": {"model": "svm", "C": 1.0, "class_weight": "balanced", "weights": {"train_only": 0.5},
             "blocks": {"w": 1.0, "c": 1.0, "r": 0.3, "m": 0.3, "f": 0.5, "x": 0.3, "e": 0.5}},
    "instructing": {"model": "svm", "C": 0.5, "class_weight": "balanced",
                    "blocks": {"w": 1.0, "c": 1.0, "r": 1.0, "m": 0.3, "f": 0.0, "x": 0.3, "e": 0.5}},
    "adjusting": {"model": "svm", "C": 1.0, "class_weight": "balanced",
                  "blocks": {"w": 1.0, "c": 0.5, "r": 1.0, "m": 0.3, "f": 0.0, "x": 0.0, "e": 0.5}},
    "present": {"model": "svm", "C": 1.0, "blocks": {"w": 1.0, "c": 0.5, "r": 0.3, "m": 0.3, "f": 0.0, "x": 0.0, "e": 0.5}},
    # pair heads: trained only on the messages of two classes the main head confuses most, they split
    # that pair's probability when it is the main head's top two (`reader.PAIRS`); stance groups,
    # whole-message and within a sentence, weigh more here than they can in the five-class head
    "deny_diminish": {"model": "svm", "C": 0.25, "pair": PAIRS["deny_diminish"],
                      "weights": {"train_only": 0.5},  # the opening says which claim is answered
                      "blocks": {"w": 1.0, "c": 1.0, "r": 0.3, "m": 0.3, "f": 1.0, "x": 0.3, "d": 0.3, "e": 0.5}},
    "defensive_factual": {"model": "svm", "C": 1.0, "class_weight": "balanced", "pair": PAIRS["defensive_factual"],
                          "weights": {"train_only": 0.5},
                          "blocks": {"w": 1.0, "c": 1.0, "r": 0.3, "m": 0.3, "f": 0.0, "x": 0.3, "d": 0.3, "e": 0.5}},
}


def read_corpus(path: str | Path = CORPUS, splits: Sequence[str] = ("train",)) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return [r for r in csv.DictReader(fh) if r.get("split", "train") in splits]


def targets(row: dict[str, str], settings: dict[str, dict[str, Any]] = SETTINGS) -> dict[str, str | None]:
    """What each head learns from one labelled row (None: the row does not say, or is outside a pair head's two classes)."""
    full = "instructing" in row  # the corpus labels everything; older sets only strategy and tone
    out: dict[str, str | None] = {"strategy": row["strategy"], "tone": row["tone"]}
    for name, spec in settings.items():
        if "pair" in spec:
            of, classes = spec["pair"]
            out[name] = row[of] if row[of] in classes else None
    for b in ("instructing", "adjusting"):
        out[b] = str(int(row.get(b) or 0)) if full else None
    for s in STRATEGIES:
        out[f"present.{s}"] = str(int(s in (row["strategy"], row.get("secondary") or ""))) if full else None
    return out


def featurise(rows: list[dict[str, str]]) -> list[Counter[str]]:
    from .classify import rule_pass

    out = []
    for r in rows:
        rp = rule_pass(r["text"], r.get("lang") or None)
        out.append(analyse(rp.norm, rp.lang, rp.feature_cues))
    return out


@dataclass(frozen=True)
class Counts:
    """Raw feature counts of a set of documents: every feature name met (sorted) and a documents ×
    names matrix. Counted once per run; each fold's vocabulary and weights are then column and row
    selections of it (a Python pass over the features of 2,000 documents took a third of a run)."""

    names: np.ndarray
    tf: Any  # scipy.sparse.csr_matrix, documents × names
    emb: np.ndarray  # documents × encoder.DIM sentence embeddings

    def take(self, rows: Sequence[int]) -> Counts:
        at = np.asarray(rows, dtype=np.int64)
        return Counts(self.names, self.tf[at], self.emb[at])


def counts_of(rows: list[dict[str, str]]) -> Counts:
    """Feature counts and sentence embeddings of labelled rows (the encoder on every core: 12 s of
    a training run on one)."""
    from .encoder import embed

    return count(featurise(rows), embed([r["text"] for r in rows], workers=_cores()))


def _cores() -> int:
    """Threads for training: the cores this process may run on, at most four (five folds and a fit)."""
    return max(1, min(4, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1))


def count(docs: list[Counter[str]], emb: np.ndarray) -> Counts:
    from scipy.sparse import csr_matrix

    names = np.array(sorted({f for d in docs for f in d}))
    index = {f: j for j, f in enumerate(names)}
    indptr = np.cumsum([0, *map(len, docs)])
    cols = np.fromiter((index[f] for d in docs for f in d), dtype=np.int64, count=int(indptr[-1]))
    tf = np.fromiter((n for d in docs for n in d.values()), dtype=np.float64, count=int(indptr[-1]))
    out = csr_matrix((tf, cols, indptr), shape=(len(docs), len(names)))
    out.sort_indices()
    return Counts(names, out, emb)


def build_vocabulary(counts: Counts, min_df: int = MIN_DF) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The features kept (column indices into `counts.names`), their names, idf and block."""
    df = np.asarray((counts.tf > 0).sum(axis=0)).ravel()
    # rule cues and meta features are kept even when rare: they are few and meant
    kind = np.array([f[0] for f in counts.names]) if len(counts.names) else np.array([], dtype=str)
    keep = np.flatnonzero((df >= min_df) | np.isin(kind, list("rmx")))
    n = counts.tf.shape[0]
    idf = np.log((1 + n) / (1 + df[keep])) + 1.0
    block = np.array([BLOCKS.index(k) for k in kind[keep]], dtype=np.int64)
    return keep, counts.names[keep], idf, block


def matrix(counts: Counts, keep: np.ndarray, idf: np.ndarray, block: np.ndarray):
    """Documents × kept features: sublinear tf × idf, each block at unit length (as `reader.weigh`;
    block weights are the heads' own)."""
    x = counts.tf[:, keep].tocsr()
    x.sort_indices()
    rows = np.repeat(np.arange(x.shape[0]), np.diff(x.indptr))
    v = (1.0 + np.log(x.data)) * idf[x.indices]
    key = rows * len(BLOCKS) + block[x.indices]
    norms = np.sqrt(np.bincount(key, weights=v * v, minlength=x.shape[0] * len(BLOCKS)))
    x.data = v / np.where(norms[key] > 0, norms[key], 1.0)
    return x


def _head_names(settings: dict[str, dict[str, Any]] = SETTINGS) -> list[str]:
    return ["strategy", "tone", "instructing", "adjusting", *(f"present.{s}" for s in STRATEGIES),
            *(name for name, spec in settings.items() if "pair" in spec)]


def fit(rows: list[dict[str, str]], settings: dict[str, dict[str, Any]] = SETTINGS,
        temperatures: dict[str, float] | None = None, counts: Counts | None = None,
        heads: list[str] | None = None) -> tuple[LinearReader, dict[str, np.ndarray]]:
    """Fit every head on `rows`; returns the reader and the arrays to save."""
    from scipy.sparse import csr_matrix, diags, hstack

    counts = counts_of(rows) if counts is None else counts
    keep, names, idf, block = build_vocabulary(counts)
    vocab = {str(f): i for i, f in enumerate(names)}
    unit = matrix(counts, keep, idf, block)
    fitted: dict[str, Head] = {}
    arrays: dict[str, np.ndarray] = {}
    labels = [targets(r, settings) for r in rows]
    for name in heads or _head_names(settings):
        spec = settings[name.split(".")[0]]
        bw = np.array([spec["blocks"].get(b, 0.0) for b in BLOCKS], dtype=np.float64)
        known = np.array([t[name] is not None for t in labels])
        x = (unit @ diags(bw[block]))[known]
        reads_emb = bw[BLOCKS.index("e")] > 0
        if reads_emb:
            x = hstack([x, csr_matrix(counts.emb[known] * bw[BLOCKS.index("e")])], format="csr")
        y = np.array([t[name] for t in labels if t[name] is not None])
        weights = _row_weights(rows, spec)[known]
        clf = _classifier(spec)
        clf.fit(x, y, sample_weight=weights)
        classes = tuple(str(k) for k in clf.classes_)
        coef = clf.coef_.T.astype(np.float32)
        intercept = np.atleast_1d(clf.intercept_).astype(np.float32)
        if spec.get("blend"):  # a second linear model on the same features, added: still one linear head
            other = _classifier({**spec, **spec["blend"]}).fit(x, y, sample_weight=weights)
            assert tuple(str(k) for k in other.classes_) == classes
            coef = coef + spec["blend"]["weight"] * other.coef_.T.astype(np.float32)
            intercept = intercept + spec["blend"]["weight"] * np.atleast_1d(other.intercept_).astype(np.float32)
        temp = (temperatures or {}).get(name, 1.0)
        coef, emb_coef = (coef[:len(names)], coef[len(names):]) if reads_emb else (coef, None)
        fitted[name] = Head(name, classes, bw, coef.astype(np.float64), intercept.astype(np.float64), temp,
                            None if emb_coef is None else emb_coef.astype(np.float64))
        if emb_coef is not None:
            arrays[f"{name}.emb_coef"] = emb_coef
        arrays[f"{name}.classes"] = np.array(classes)
        arrays[f"{name}.block_weights"] = bw
        arrays[f"{name}.coef"] = coef
        arrays[f"{name}.intercept"] = intercept
        arrays[f"{name}.temperature"] = np.array(temp)
    arrays.update(features=np.array(names), idf=idf.astype(np.float64), block=block.astype(np.int8),
                  heads=np.array(list(fitted)))
    return LinearReader(vocabulary=vocab, idf=idf, block=block, heads=fitted), arrays


def _classifier(spec: dict[str, Any]):
    from sklearn.linear_model import LogisticRegression
    from sklearn.svm import LinearSVC

    if spec["model"] == "svm":
        return LinearSVC(C=spec["C"], tol=1e-5, max_iter=20000, random_state=0,  # liblinear shuffles
                         class_weight=spec.get("class_weight"))
    return LogisticRegression(C=spec["C"], max_iter=2000, tol=spec.get("tol", 1e-4), class_weight=spec.get("class_weight"))


def source(row: dict[str, str]) -> str:
    """Where a labelled row comes from: "corpus", "train_only", "real" or "extra" (the older set, no ids)."""
    ident = row.get("id") or ""
    return "extra" if not ident else "real" if ident.startswith("real-") else "train_only" if "-t" in ident else "corpus"


def _row_weights(rows: list[dict[str, str]], spec: dict[str, Any]) -> np.ndarray:
    """Each training row's weight for one head: the main corpus's messages 1, the other sources as
    the head's `weights` say (train-only and older messages: other hands wrote them; real
    statements: `REAL_WEIGHT` unless the head says otherwise)."""
    w = {"real": REAL_WEIGHT, **spec.get("weights", {})}
    return np.array([w.get(source(r), 1.0) for r in rows])


def features_of(reader: LinearReader, counts: Counts):
    """The documents of `counts` as `reader` sees them (its vocabulary, idf and blocks), all at once."""
    return matrix(counts, np.searchsorted(counts.names, np.array(list(reader.vocabulary))), reader.idf, reader.block)


def logits(reader: LinearReader, x, emb: np.ndarray, name: str) -> np.ndarray:
    """Raw scores (before temperature) of head `name` for each row of `x` (`features_of`) and of
    `emb`, as classes columns: what `LinearReader.predict` computes one message at a time."""
    head = reader.heads[name]
    z = x @ (head.coef * head.block_weights[reader.block][:, None]) + head.intercept
    if head.emb_coef is not None:
        z = z + (emb * head.block_weights[BLOCKS.index("e")]) @ head.emb_coef
    return np.hstack([np.zeros_like(z), z]) if len(head.classes) == 2 and z.shape[1] == 1 else z


def best_temperature(z: np.ndarray, truth: np.ndarray) -> float:
    """The temperature that minimises the log-loss of scores `z` (rows × classes) against `truth` (grid search)."""
    best, best_loss = 1.0, np.inf
    for t in np.exp(np.linspace(np.log(0.02), np.log(4.0), 81)):
        s = z / t
        s = s - s.max(axis=1, keepdims=True)
        logp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
        loss = -logp[np.arange(len(truth)), truth].mean()
        if loss < best_loss:
            best, best_loss = float(t), loss
    return best


def calibrate(rows: list[dict[str, str]], counts: Counts, k: int = CALIBRATION_FOLDS,
              pool: ThreadPoolExecutor | None = None) -> tuple[dict[str, float], dict[str, float]]:
    """Each head's temperature, fitted on out-of-fold scores of every training row, and the heads'
    out-of-fold accuracy.

    Why out of fold: the dev split alone (147 clean corpus messages, about 50 for a pair head) left
    the deny/diminish head overconfident (temperature 0.105 where 5-fold scores of the 1,932 rows of
    the time asked for 0.17: log-loss 0.384 → 0.345), and it never sees the train-only messages or
    the real statements, whose register is the one trainees write in. Folds go by sha256 of the id (of the text for older rows)."""
    fold = [_fold(r.get("id") or r["text"], k) for r in rows]
    labels = [targets(r) for r in rows]

    def fold_scores(f: int) -> dict[str, list[tuple[np.ndarray, int]]]:
        inside = [i for i in range(len(rows)) if fold[i] != f]
        out = [i for i in range(len(rows)) if fold[i] == f]
        model, _ = fit([rows[i] for i in inside], counts=counts.take(inside))
        held = counts.take(out)
        x = features_of(model, held)
        scores = {}
        for name, head in model.heads.items():
            at = [j for j, i in enumerate(out) if labels[i][name] is not None]  # a pair head: its two classes only
            z = logits(model, x[at], held.emb[at], name)
            scores[name] = [(z[n], head.classes.index(labels[out[j]][name])) for n, j in enumerate(at)]
        return scores

    # The folds are independent fits, and liblinear and scipy's sparse products let go of the
    # interpreter: one thread per core (37 s → about 20 s on two). Gathered in fold order.
    with nullcontext(pool) if pool else ThreadPoolExecutor(max_workers=min(k, _cores())) as folds:
        per_fold = list(folds.map(fold_scores, range(k)))
    scores = {name: [s for f in per_fold for s in f[name]] for name in _head_names()}
    temps = {name: best_temperature(np.array([z for z, _ in s]), np.array([y for _, y in s])) for name, s in scores.items()}
    accuracy = {name: round(float(np.mean([np.argmax(z) == y for z, y in s])), 3) for name, s in scores.items()
                if name in ("strategy", "tone", "instructing", "adjusting")}
    return temps, accuracy


def train(corpus: str | Path = CORPUS, out: str | Path = ARTIFACT, quiet: bool = False,
          extra: Sequence[str | Path] = EXTRA, real: str | Path | None = REAL) -> dict[str, Any]:
    """Calibrate out of fold, fit every head on train + dev, save; returns out-of-fold scores and timings."""
    t0 = time.perf_counter()
    train_rows, dev_rows = read_corpus(corpus, ("train",)), read_corpus(corpus, ("dev",))
    real_rows = read_corpus(real, ("train",)) if real else []
    rows = train_rows + [r for path in extra for r in read_corpus(path, ("train",))] + dev_rows + real_rows
    with one_blas_thread(), ThreadPoolExecutor(max_workers=_cores()) as pool:
        counts = counts_of(rows)
        final_fit = pool.submit(fit, rows, counts=counts)  # beside the folds: it needs no temperature to fit
        temps, accuracy = calibrate(rows, counts, pool=pool)
        final, arrays = final_fit.result()
    arrays.update({f"{name}.temperature": np.array(t) for name, t in temps.items()})
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out, **arrays)
    report = {"rows": len(rows), "train": len(train_rows), "dev": len(dev_rows), "real": len(real_rows),
              "extra": [str(p) for p in extra],
              "features": len(final.vocabulary), "temperatures": {k: round(v, 3) for k, v in temps.items()},
              "out_of_fold_linear_only": accuracy, "seconds": round(time.perf_counter() - t0, 2), "artifact": str(out)}
    if not quiet:
        print(json.dumps(report, indent=2))
    return report


def one_blas_thread() -> Any:
    """BLAS on one thread while training: its threads only fought over the two cores the folds
    already share (a final fit took 9.5 s with them, 6.3 without). The limit holds for the
    libraries loaded when it is set: scikit-learn's and scipy's are loaded first."""
    from sklearn import linear_model, svm  # noqa: F401
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1, user_api="blas")


def _fold(key: str, k: int, repeat: int = 0) -> int:
    """A row's fold: sha256 of its key, salted from the second repeat on so that each repeat splits
    anew (one split's ±1 point is noise: choose on the mean of several, `--repeats`)."""
    import hashlib

    return int(hashlib.sha256((key if repeat == 0 else f"{repeat}|{key}").encode()).hexdigest(), 16) % k


def cross_validate(k: int = 5, corpus: str | Path = CORPUS, extra: Sequence[str | Path] = EXTRA,
                   settings: dict[str, dict[str, Any]] = SETTINGS, real: str | Path | None = REAL,
                   repeat: int = 0) -> dict[str, Any]:
    """The whole reader (rules + model, as `classify_message` decides) scored by k-fold
    cross-validation on the corpus's train + dev messages, to choose settings without the test split.

    Folds split the 730-message corpus only (by sha256 of the id); train-only messages, the
    older labelled set and the real statements' train split always stay on the training side."""
    rows = read_corpus(corpus, ("train", "dev"))
    held = [r for r in rows if source(r) == "corpus"]
    always = ([r for r in rows if source(r) != "corpus"] + [r for path in extra for r in read_corpus(path, ("train",))]
              + (read_corpus(real, ("train",)) if real else []))
    fold = [_fold(r["id"], k, repeat) for r in held]
    return _score_folds(held, always, fold, k, settings)


def cross_validate_real(k: int = 5, corpus: str | Path = CORPUS, extra: Sequence[str | Path] = EXTRA,
                        settings: dict[str, dict[str, Any]] = SETTINGS, real: str | Path = REAL,
                        repeat: int = 0) -> dict[str, Any]:
    """The whole reader scored by k-fold cross-validation on the real statements' train split, to
    choose how much they weigh without reading their test split. Folds go by crisis (sha256 of
    organisation and crisis), so no crisis is on both sides; the corpus always trains."""
    held = read_corpus(real, ("train",))
    always = read_corpus(corpus, ("train", "dev")) + [r for path in extra for r in read_corpus(path, ("train",))]
    fold = [_fold(f"{r['org']}|{r['crisis']}".lower(), k, repeat) for r in held]
    return _score_folds(held, always, fold, k, settings)


def _score_folds(held: list[dict[str, str]], always: list[dict[str, str]], fold: list[int], k: int,
                 settings: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Fit without each fold of `held` (with all of `always`) and read that fold as `classify_message`
    does. The shipped temperatures are kept, so the "uncertain" flag and the rules' say on short
    messages the model hesitates on behave as shipped (temperatures are refitted only by `train`)."""
    from . import classify
    from . import reader as linear
    from .agreement import flag_counts

    shipped = linear.load
    current = shipped()
    temps = {name: head.temperature for name, head in current.heads.items()} if current else None
    counts = counts_of(held + always)
    always_at = list(range(len(held), len(held) + len(always)))
    readings: list[Any] = [None] * len(held)
    try:
        for f in range(k):
            inside = [i for i in range(len(held)) if fold[i] != f]
            model, _ = fit([held[i] for i in inside] + always, settings, temperatures=temps,
                           counts=counts.take(inside + always_at))
            linear.load = lambda path=None, _m=model: _m  # type: ignore[assignment]
            for i in range(len(held)):
                if fold[i] == f:
                    readings[i] = classify.classify_message(held[i]["text"], lang=held[i]["lang"])
    finally:
        linear.load = shipped  # type: ignore[assignment]
    out: dict[str, Any] = {"n": len(held), "folds": k, "always_in_training": len(always)}
    for head in ("strategy", "tone"):
        out[f"{head}_accuracy"] = round(sum(r[head] == getattr(p, head) for r, p in zip(held, readings, strict=True)) / len(held), 3)
        labels = sorted({r[head] for r in held})
        out[f"{head}_confusion"] = {t: dict(Counter(getattr(p, head) for r, p in zip(held, readings, strict=True) if r[head] == t))
                                    for t in labels}
    for b in ("instructing", "adjusting"):
        pairs = [(r[b] == "1", b in p.base_responses) for r, p in zip(held, readings, strict=True)]
        tp = sum(y and q for y, q in pairs)
        out[b] = {"precision": round(tp / max(1, sum(q for _, q in pairs)), 3), "recall": round(tp / max(1, sum(y for y, _ in pairs)), 3)}
    out["uncertain"] = flag_counts((r["strategy"] == p.strategy, p.uncertain) for r, p in zip(held, readings, strict=True))
    return out


def repeated(score: Any, k: int, repeats: int, **kw: Any) -> dict[str, Any]:
    """`score` (`cross_validate` or `cross_validate_real`) on `repeats` different splits, and the mean
    of its headline figures."""
    runs = [score(k, repeat=i, **kw) for i in range(repeats)]
    if repeats == 1:
        return runs[0]
    mean = {f"{h}_accuracy": round(float(np.mean([r[f"{h}_accuracy"] for r in runs])), 3) for h in ("strategy", "tone")}
    for b in ("instructing", "adjusting"):
        mean[b] = {m: round(float(np.mean([r[b][m] for r in runs])), 3) for m in ("precision", "recall")}
    return {"mean": mean, "runs": runs}


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(CORPUS))
    ap.add_argument("--out", default=str(ARTIFACT))
    ap.add_argument("--cv", type=int, metavar="K", help="only cross-validate (K folds) on train + dev; write nothing")
    ap.add_argument("--cv-real", type=int, metavar="K", help="only cross-validate (K folds, by crisis) on the real statements' train split")
    ap.add_argument("--repeats", type=int, default=1, metavar="N", help="cross-validate on N different splits and give the mean")
    args = ap.parse_args(argv)
    if args.repeats < 1:
        ap.error("--repeats must be at least 1")
    if args.cv:
        print(json.dumps(repeated(cross_validate, args.cv, args.repeats, corpus=args.corpus), indent=2))
        return 0
    if args.cv_real:
        print(json.dumps(repeated(cross_validate_real, args.cv_real, args.repeats, corpus=args.corpus), indent=2))
        return 0
    train(args.corpus, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
