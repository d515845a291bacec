"""How far the reader agrees with people: labelled statements in, agreement and confusions out.

A trainer checks Uproar's reading against their own organisation's past statements
(`uproar classify --eval FILE`, or the console's statements page) before trusting it in front of a
class; the project checks it on its corpus and its real statements the same way. Files come
from spreadsheets, so the CSV may use commas, semicolons or tabs, may start with a byte-order
mark, and may spell a label "No comment"; anything else wrong is named with its line.
"""

from __future__ import annotations

import csv
import io
import json
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from .classify import Reading, classify_message, warm
from .taxonomy import LANGUAGES, STRATEGIES, TONES

#: Columns a labelled file may hold; only `text` is required to read, `strategy` and `tone` to score.
COLUMNS = ("text", "lang", "strategy", "tone", "secondary", "instructing", "adjusting", "commitments", "split")
#: Rows with more problems than this are summarised: the first few say what to fix.
SHOWN_PROBLEMS = 5


class LabelledFileError(ValueError):
    """A labelled file Uproar cannot use; the message names the file, the lines and the fix."""


def read_labelled(text: str, name: str = "the file", need_labels: bool = True) -> list[dict[str, str]]:
    """The rows of a labelled CSV (as text), labels normalised ("No comment" → "no_comment");
    without `need_labels`, a file of texts alone, or with some rows labelled, is read too.

    Raises `LabelledFileError` naming every problem's line (up to `SHOWN_PROBLEMS`): a missing
    column, an empty text, a label outside the reader's classes, a base response not 0 or 1."""
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise LabelledFileError(f"{name} is empty: expected a CSV with a header line (text, lang, strategy, tone).")
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)  # the header's separator: spreadsheets in French use ";"
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [(h or "").strip().lower() for h in reader.fieldnames or []]
    reader.fieldnames = header
    required = ("text", "strategy", "tone") if need_labels else ("text",)
    missing = [c for c in required if c not in header]
    if missing:
        raise LabelledFileError(
            f"{name}: no column {', '.join(repr(c) for c in missing)} in its header ({', '.join(header) or 'empty'}). "
            "Expected a header line naming text, lang, strategy, tone (and optionally secondary, instructing, "
            "adjusting as 0/1), one statement per row.")
    rows, problems = [], []
    for row in reader:
        line = reader.line_num
        clean = {k: (v or "").strip() for k, v in row.items() if k in COLUMNS}
        problems += [f"line {line}: {p}" for p in _row_problems(clean, labels_optional=not need_labels)]
        rows.append(clean)
    if not rows:
        raise LabelledFileError(f"{name}: a header and no statements: add one statement per row.")
    if problems:
        more = f" (and {len(problems) - SHOWN_PROBLEMS} more)" if len(problems) > SHOWN_PROBLEMS else ""
        raise LabelledFileError(f"{name}: " + "; ".join(problems[:SHOWN_PROBLEMS]) + more + ". Nothing was read.")
    return rows


def _label(value: str) -> str:
    return value.strip().lower().replace(" ", "_").replace("-", "_")


def _row_problems(row: dict[str, str], labels_optional: bool = False) -> list[str]:
    """What is wrong with one row (normalising its labels in place); `labels_optional`: a row may
    leave its strategy and tone empty (it is read, not scored)."""
    out = []
    if not row.get("text"):
        out.append("the text is empty")
    if row.get("lang", ""):
        row["lang"] = row["lang"].lower()
        if row["lang"] not in LANGUAGES:
            out.append(f"lang {row['lang']!r} is not one of {', '.join(LANGUAGES)} (or leave it empty)")
    for column, allowed, optional in (("strategy", STRATEGIES, labels_optional), ("tone", TONES, labels_optional),
                                      ("secondary", STRATEGIES, True)):
        if column in row and (row[column] or not optional):
            row[column] = _label(row[column])
            if row[column] not in allowed:
                out.append(f"{column} {row[column] or '(empty)'!r} is not one of {', '.join(allowed)}")
    for column in ("instructing", "adjusting"):
        if row.get(column, "") not in ("", "0", "1"):
            out.append(f"{column} {row[column]!r} is not 0 or 1 (or leave it empty)")
    if row.get("commitments"):
        try:
            promises = json.loads(row["commitments"])
        except ValueError:
            promises = None
        if not isinstance(promises, list):
            out.append("commitments is not a JSON list, e.g. [] or [{\"text\": \"update at 3 pm\"}] (or leave it empty)")
    return out


def read_all(rows: Sequence[dict[str, str]],
             progress: Callable[[int, int], None] | None = None) -> tuple[list[Reading], float]:
    """Every row's reading, and the mean milliseconds a reading took; `progress(done, total)` as it goes."""
    warm()  # before timing: the encoder loads once per process
    readings, elapsed = [], 0.0
    for i, row in enumerate(rows):
        t0 = time.perf_counter()
        readings.append(classify_message(row["text"], lang=row.get("lang") or None))
        elapsed += time.perf_counter() - t0
        if progress:
            progress(i + 1, len(rows))
    return readings, 1000.0 * elapsed / max(1, len(rows))


def scored(rows: Sequence[dict[str, str]]) -> list[int]:
    """Which rows carry both a strategy and a tone label: the ones `agreement` can score."""
    return [i for i, r in enumerate(rows) if r.get("strategy") and r.get("tone")]


def agreement(rows: Sequence[dict[str, str]], readings: Sequence[Reading]) -> dict[str, Any]:
    """Agreement of `readings` with the rows' labels: accuracy, per-class precision/recall/F1 and
    confusion matrices ({label: {reading: count}}) of strategy and tone, precision and recall of
    each base response and of "has a commitment" (where the rows give them), the secondary
    strategy's accuracy, and how many wrong and right strategies came with "uncertain"."""
    n = len(rows)
    out: dict[str, Any] = {"n": n}
    for head, labels in (("strategy", STRATEGIES), ("tone", TONES)):
        got = [(r[head], getattr(p, head)) for r, p in zip(rows, readings, strict=True)]
        out[f"{head}_accuracy"] = sum(t == p for t, p in got) / n
        confusion = {t: dict(Counter(p for tt, p in got if tt == t)) for t in labels if any(tt == t for tt, _ in got)}
        out[f"{head}_confusion" if head == "tone" else "confusion"] = confusion
        out[f"{head}_per_class"] = {k: _prf(sum(t == k and p == k for t, p in got), sum(p == k for _, p in got),
                                            sum(t == k for t, _ in got)) for k in labels}
    binary: dict[str, list[tuple[bool, bool]]] = {}
    clauses = Counter()
    for row, res in zip(rows, readings, strict=True):
        for b in ("instructing", "adjusting"):
            if row.get(b, "") != "":
                binary.setdefault(b, []).append((row[b] == "1", b in res.base_responses))
        if "commitments" in row:
            labelled = [c["text"] for c in json.loads(row["commitments"] or "[]")]
            binary.setdefault("commitment", []).append((bool(labelled), bool(res.commitments)))
            found = {_clause(c.text) for c in res.commitments}
            clauses.update(labelled=len(labelled), found=len(res.commitments),
                           matched=sum(_clause(t) in found for t in labelled))
    out["base_responses"] = {b: _prf(sum(y and p for y, p in v), sum(p for _, p in v), sum(y for y, _ in v))
                             for b, v in binary.items()}
    if clauses:
        # promises cut as the labels cut them: the labelled clause found word for word
        out["commitment_clauses"] = {k: clauses[k] for k in ("labelled", "found", "matched")}
    if rows and "secondary" in rows[0]:
        out["secondary_accuracy"] = sum((r["secondary"] or None) == p.secondary
                                        for r, p in zip(rows, readings, strict=True)) / n
    out["uncertain"] = flag_counts((r["strategy"] == p.strategy, p.uncertain) for r, p in zip(rows, readings, strict=True))
    return out


def evaluate(path: str | Path, split: str | None = None) -> dict[str, Any]:
    """`agreement` of a labelled CSV file (its rows of `split` only, if given), with the mean time
    per message (`ms_per_message`)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise LabelledFileError(f"{path}: not UTF-8 text (byte {exc.start}): save it as 'CSV UTF-8'.") from None
    rows = [r for r in read_labelled(text, str(path)) if split is None or r.get("split") == split]
    if not rows:
        raise LabelledFileError(f"{path}: no labelled messages" + (f" in split {split!r}" if split else ""))
    readings, ms = read_all(rows)
    return {**agreement(rows, readings), "ms_per_message": ms}


def _clause(text: str) -> str:
    """A promise's clause as compared with its label: case and a closing full stop ignored."""
    return text.strip().rstrip(".").strip().lower()


def flag_counts(outcomes: Iterable[tuple[bool, bool]]) -> dict[str, int]:
    """How many wrong and right strategies came with "uncertain", from (right, uncertain) pairs:
    what a trainer needs to know to trust the flag."""
    seen = Counter(outcomes)
    return {"wrong": seen[False, True] + seen[False, False], "wrong_flagged": seen[False, True],
            "right": seen[True, True] + seen[True, False], "right_flagged": seen[True, True]}


def _prf(tp: int, predicted: int, actual: int) -> dict[str, float | int]:
    p = tp / predicted if predicted else 0.0
    r = tp / actual if actual else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "support": actual}
