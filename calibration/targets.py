"""Observed crises as calibration targets: time series of mentions per emotion.

Scenario designers bring what social-listening tools export — counts of mentions
per minute by emotion or by sentiment, or the raw timestamped posts — and
calibration compares them with simulated runs. Everything here ends in one
shape, :class:`Target`: a frame indexed by ``t_min`` with a column per emotion
the source really measured plus ``positive``, ``negative``, ``neutral`` and
``total`` (so a sentiment-only export and a simulated run still compare on
``positive``/``negative``).

Mapping rules (kept simple so a designer can predict them):

- emotion columns (approval, fear, anger, mockery, sadness) are kept as such;
  ``positive`` defaults to approval and ``negative`` to the sum of the four
  negative emotions;
- sentiment columns: ``positive`` → also the ``approval`` column (the only
  positive emotion); ``negative`` stays a total — it is not spread over fear,
  anger, mockery and sadness, which would invent data; ``neutral`` counts in
  ``total`` only;
- ``total`` is ``positive + negative + neutral`` unless the file gives one.

A file that cannot be used raises :class:`TargetError`, whose message names the
file, the line and column, and what to do — never a pandas traceback.
"""

from __future__ import annotations

import csv
import io
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..model.taxonomy import EMOTIONS, LANGUAGES, NEGATIVE

__all__ = [
    "LEXICON",
    "VIEWS",
    "Target",
    "TargetError",
    "label_post",
    "load_posts",
    "load_target",
]

#: the columns every Target carries after its emotion columns
VIEWS: tuple[str, ...] = ("positive", "negative", "neutral", "total")
NEUTRAL = "neutral"

# Header names and category values, normalised (lowercase, no accents, "_" for spaces).
_EMOTION_NAMES = {
    "approval": "approval", "approbation": "approval", "joy": "approval", "joie": "approval",
    "fear": "fear", "peur": "fear",
    "anger": "anger", "colere": "anger",
    "mockery": "mockery", "moquerie": "mockery",
    "sadness": "sadness", "tristesse": "sadness",
}  # fmt: skip
_SENTIMENT_NAMES = {
    "positive": "positive", "positif": "positive", "pos": "positive",
    "negative": "negative", "negatif": "negative", "neg": "negative",
    "neutral": "neutral", "neutre": "neutral", "neu": "neutral",
}  # fmt: skip
_TOTAL_NAMES = ("total", "mentions", "volume")
_MINUTE_NAMES = ("t_min", "minute", "minutes")
_TIME_NAMES = ("timestamp", "time", "datetime", "date", "created_at", "published_at")
_CATEGORY_NAMES = ("emotion", "sentiment")
_VALUE_NAMES = ("count", "mentions", "volume", "n")
_DELIMITERS = ",;\t"


class TargetError(ValueError):
    """An observation file that cannot be used; the message names file, line, column and fix."""

    def __init__(
        self,
        path: str | Path,
        problem: str,
        *,
        line: int | None = None,
        column: str | None = None,
    ):
        self.path = str(path)
        self.line = line
        self.column = column
        self.problem = problem
        where = "".join(
            (f", line {line}" if line is not None else "", f", column {column!r}" if column else "")
        )
        super().__init__(f"{path}{where}: {problem}")


# --------------------------------------------------------------------------- Target


def _compact(frame: pd.DataFrame) -> pd.DataFrame:
    """Integer columns when every count is whole (the usual case), floats otherwise."""
    values = frame.to_numpy(dtype=np.float64)
    if values.size and np.all(values == np.round(values)):
        return frame.astype(np.int64)
    return frame.astype(np.float64)


def _with_views(
    counts: dict[str, np.ndarray], size: int, given: dict[str, np.ndarray] | None = None
) -> pd.DataFrame:
    """Emotion columns (taxonomy order) + positive/negative/neutral/total, per the module rules."""
    given = given or {}
    zero = np.zeros(size)
    cols = {e: np.asarray(counts[e], np.float64) for e in EMOTIONS if e in counts}
    if "approval" not in cols and "positive" in given:
        cols["approval"] = np.asarray(given["positive"], np.float64)  # positive → approval
    positive = given.get("positive", cols.get("approval", zero))
    if "negative" in given:
        negative = given["negative"]
    else:
        negative = sum((cols[e] for e in NEGATIVE if e in cols), zero)
    neutral = given.get("neutral", zero)
    total = given.get("total", positive + negative + neutral)
    out = {e: cols[e] for e in EMOTIONS if e in cols}
    out.update(positive=positive, negative=negative, neutral=neutral, total=total)
    frame = pd.DataFrame(out, index=pd.RangeIndex(size, name="t_min"))
    return _compact(frame)


@dataclass
class Target:
    """An observed (or simulated) crisis as counts per time bin, ready to compare.

    ``series`` is indexed by ``t_min`` — the first minute of each bin, ``0,
    bin_min, 2·bin_min, …``, every bin present (zeros filled) — with one column
    per emotion the source measured, then ``positive``, ``negative``,
    ``neutral`` and ``total``. ``minutes`` is the span covered (bins × bin_min).
    ``meta`` keeps what was aggregated away (groups, platforms, ignored
    columns, the start time) so a designer can check the import; ``posts`` is
    the per-post labelling of :func:`load_posts` (None otherwise).
    """

    series: pd.DataFrame
    source: str = ""
    minutes: int = -1
    bin_min: int = 1
    meta: dict[str, Any] = field(default_factory=dict)
    posts: pd.DataFrame | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.bin_min < 1:
            raise ValueError(f"bin_min must be ≥ 1, got {self.bin_min}")
        missing = [c for c in VIEWS if c not in self.series.columns]
        if missing:
            raise ValueError(f"a Target series needs the columns {missing}")
        bins = len(self.series)
        expected = np.arange(bins) * self.bin_min
        if not np.array_equal(self.series.index.to_numpy(), expected):
            raise ValueError("a Target series must be indexed by t_min = 0, bin_min, 2·bin_min, …")
        self.series.index.name = "t_min"
        if self.minutes < 0:
            self.minutes = bins * self.bin_min
        elif self.minutes != bins * self.bin_min:
            raise ValueError(f"minutes={self.minutes} but the series spans {bins * self.bin_min}")

    @property
    def emotions(self) -> tuple[str, ...]:
        """The emotion columns the source really measured, in taxonomy order."""
        return tuple(e for e in EMOTIONS if e in self.series.columns)

    @classmethod
    def from_timeline(
        cls, frame: pd.DataFrame | str | Path, *, bin_min: int = 1, source: str | None = None
    ) -> Target:
        """A simulated run's ``timeline.csv`` (frame or path), summed over groups.

        Every emotion is present (the crowd always labels its items) and
        ``neutral`` is zero, so observed and simulated targets line up column
        for column.
        """
        if not isinstance(frame, pd.DataFrame):
            source = source or str(frame)
            frame = pd.read_csv(frame)
        need = {"t_min", "emotion", "count"}
        if not need <= set(frame.columns):
            raise ValueError(f"a timeline frame needs the columns {sorted(need)}")
        minutes = int(frame["t_min"].max()) + 1 if len(frame) else 0
        bins = -(-minutes // bin_min)
        counts = {e: np.zeros(bins) for e in EMOTIONS}
        if len(frame):
            b = frame["t_min"].to_numpy(np.int64) // bin_min
            emotion = frame["emotion"].astype(str).to_numpy()
            value = frame["count"].to_numpy(np.float64)
            for e in EMOTIONS:
                sel = emotion == e
                counts[e] = np.bincount(b[sel], weights=value[sel], minlength=bins)
        groups = sorted(map(str, frame["group"].unique())) if "group" in frame else []
        series = _with_views(counts, bins)
        series.index = pd.RangeIndex(0, bins * bin_min, bin_min, name="t_min")
        return cls(series, source or "timeline", bin_min=bin_min, meta={"groups": groups})

    def rebin(self, bin_min: int) -> Target:
        """The same counts in coarser bins (``bin_min`` a multiple of the current one)."""
        if bin_min % self.bin_min:
            raise ValueError(f"bin_min {bin_min} is not a multiple of {self.bin_min}")
        k = bin_min // self.bin_min
        grouped = self.series.groupby(np.arange(len(self.series)) // k).sum()
        grouped.index = pd.RangeIndex(0, len(grouped) * bin_min, bin_min, name="t_min")
        return Target(grouped, self.source, bin_min=bin_min, meta=dict(self.meta))

    def to_csv(self, path: str | Path) -> Path:
        """Write ``t_min`` and every column; :func:`load_target` reads it back unchanged."""
        path = Path(path)
        self.series.to_csv(path, index=True, index_label="t_min", lineterminator="\n")
        return path


# --------------------------------------------------------------------------- reading CSV


def _key(name: str) -> str:
    """A header or category value as matched: lowercase, no accents, ``_`` for spaces."""
    text = unicodedata.normalize("NFKD", str(name).strip().lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[\s\-]+", "_", text)


@dataclass
class _Table:
    path: Path
    header: list[str]
    keys: list[str]
    rows: list[list[str]]
    lines: np.ndarray  # the file line where each row starts (1 = header line when first)

    def column(self, key: str) -> list[str]:
        j = self.keys.index(key)
        return [row[j] for row in self.rows]

    def find(self, names: Iterable[str]) -> str | None:
        return next((k for k in names if k in self.keys), None)

    def name(self, key: str) -> str:
        return self.header[self.keys.index(key)]


def _read_table(path: str | Path, expect: str) -> _Table:
    """Header and rows of a CSV, with the starting line of every row (quoted newlines kept)."""
    path = Path(path)
    if not path.is_file():
        raise TargetError(path, "no such file")
    raw = path.read_bytes()
    if not raw.strip():
        raise TargetError(path, f"the file is empty; expected a header row ({expect}) and data")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        raise TargetError(
            path,
            f"byte 0x{raw[err.start]:02x} is not UTF-8; re-export the file as UTF-8 "
            "(in Excel: 'CSV UTF-8')",
            line=line,
        ) from None
    first = next(ln for ln in text.splitlines() if ln.strip())
    delimiter = max(_DELIMITERS, key=first.count) if any(d in first for d in _DELIMITERS) else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    header: list[str] | None = None
    rows: list[list[str]] = []
    lines: list[int] = []
    end = 0
    while True:
        start = end + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            raise TargetError(path, f"not a readable CSV row ({err})", line=start) from None
        end = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if header is None:
            header = [cell.strip() for cell in row]
            continue
        if len(row) > len(header):
            raise TargetError(
                path,
                f"{len(row)} fields but the header has {len(header)}; quote texts that "
                f"contain {delimiter!r}",
                line=start,
            )
        rows.append([c.strip() for c in row] + [""] * (len(header) - len(row)))
        lines.append(start)
    assert header is not None  # the file has a non-blank line
    if not rows:
        raise TargetError(path, f"a header but no data rows; expected {expect}")
    return _Table(path, header, [_key(h) for h in header], rows, np.array(lines, np.int64))


def _timestamp(value: str | datetime | pd.Timestamp) -> pd.Timestamp:
    stamp = pd.Timestamp(value)
    return stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp.tz_convert("UTC")


def _minutes(
    table: _Table, start: str | datetime | pd.Timestamp | None
) -> tuple[np.ndarray, dict[str, Any]]:
    """Minutes since the start for every row, from ``t_min`` or ISO 8601 timestamps."""
    path = table.path
    key = table.find(_MINUTE_NAMES)
    if key is not None:
        raw = pd.Series(table.column(key), dtype=object)
        values = pd.to_numeric(raw.replace("", np.nan), errors="coerce").to_numpy(np.float64)
        bad = np.flatnonzero(~np.isfinite(values) | (values < 0))
        if bad.size:
            i = bad[0]
            raise TargetError(
                path,
                f"{raw.iloc[i]!r} is not a number of minutes ≥ 0 since the start "
                f"({bad.size} bad row(s))",
                line=int(table.lines[i]),
                column=table.name(key),
            )
        return values, {}
    key = table.find(_TIME_NAMES)
    if key is None:
        raise TargetError(
            path,
            "no time column: add 't_min' (minutes since the start) or 'timestamp' "
            f"(ISO 8601, e.g. 2024-03-12T10:00:00+01:00); found: {', '.join(table.header)}",
            line=1,
        )
    raw = pd.Series(table.column(key), dtype=object)
    stamps = pd.to_datetime(raw, format="ISO8601", utc=True, errors="coerce")
    bad = np.flatnonzero(stamps.isna().to_numpy())
    if bad.size:
        i = bad[0]
        raise TargetError(
            path,
            f"{raw.iloc[i]!r} is not an ISO 8601 time; write e.g. 2024-03-12T10:00:00+01:00 "
            f"({bad.size} bad row(s))",
            line=int(table.lines[i]),
            column=table.name(key),
        )
    origin = _timestamp(start) if start is not None else stamps.min()
    minutes = ((stamps - origin).dt.total_seconds() / 60.0).to_numpy(np.float64)
    early = np.flatnonzero(minutes < 0)
    if early.size:
        i = early[0]
        raise TargetError(
            path,
            f"{raw.iloc[i]!r} is before start={origin.isoformat()}; pass an earlier start "
            "or drop the row",
            line=int(table.lines[i]),
            column=table.name(key),
        )
    return minutes, {"start": origin.isoformat()}


def _counts(table: _Table, key: str) -> np.ndarray:
    """A count column as floats ≥ 0; an empty cell is 0 (exports leave zeros blank)."""
    raw = pd.Series(table.column(key), dtype=object)
    values = pd.to_numeric(raw.replace("", "0"), errors="coerce").to_numpy(np.float64)
    bad = np.flatnonzero(~np.isfinite(values) | (values < 0))
    if bad.size:
        i = bad[0]
        what = "negative" if np.isfinite(values[i]) else "not a number"
        raise TargetError(
            table.path,
            f"count {raw.iloc[i]!r} is {what}; counts must be numbers ≥ 0 — fix the cell "
            f"or leave it empty for 0 ({bad.size} bad row(s))",
            line=int(table.lines[i]),
            column=table.name(key),
        )
    return values


def _bins(minutes: np.ndarray, bin_min: int) -> tuple[np.ndarray, int]:
    if bin_min < 1:
        raise ValueError(f"bin_min must be ≥ 1, got {bin_min}")
    b = np.floor(minutes / bin_min).astype(np.int64)
    return b, int(b.max()) + 1


def _sum(b: np.ndarray, values: np.ndarray, size: int) -> np.ndarray:
    return np.bincount(b, weights=values, minlength=size)


def _groups_meta(table: _Table) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    for name in ("group", "platform"):
        if name in table.keys:
            meta[f"{name}s"] = sorted({v for v in table.column(name) if v})
    return meta


def load_target(
    path: str | Path,
    *,
    start: str | datetime | pd.Timestamp | None = None,
    bin_min: int = 1,
) -> Target:
    """Read a social-listening time series (CSV) into a :class:`Target`.

    Time: ``t_min`` (minutes since the start) or ``timestamp`` (ISO 8601,
    minutes since ``start`` or, without it, since the earliest row). Counts:
    wide — columns among approval, fear, anger, mockery, sadness and/or
    positive, neutral, negative (French names accepted: peur, colère, positif…)
    — or long — an ``emotion``/``sentiment`` column with a ``count`` column
    (Uproar's own ``timeline.csv`` reads this way). Rows may repeat a minute
    (one per ``group``/``platform``, or unsorted exports): they are summed into
    one series; other columns are ignored and listed in ``meta``. The
    delimiter (``,`` ``;`` or tab) is taken from the header.
    """
    expect = "t_min or timestamp, then counts per emotion or sentiment"
    table = _read_table(path, expect)
    minutes, meta = _minutes(table, start)
    b, size = _bins(minutes, bin_min)
    names = {**_EMOTION_NAMES, **_SENTIMENT_NAMES}
    counts: dict[str, np.ndarray] = {}
    given: dict[str, np.ndarray] = {}
    used: set[str] = set()
    category = table.find(_CATEGORY_NAMES)
    value = table.find(_VALUE_NAMES)
    if category is not None and value is not None:
        labels = [names.get(_key(v)) for v in table.column(category)]
        unknown = next((i for i, lab in enumerate(labels) if lab is None), None)
        if unknown is not None:
            raise TargetError(
                table.path,
                f"unknown {category} {table.column(category)[unknown]!r}; use one of "
                f"{', '.join((*EMOTIONS, 'positive', 'neutral', 'negative'))}",
                line=int(table.lines[unknown]),
                column=table.name(category),
            )
        values = _counts(table, value)
        labels_arr = np.array(labels, dtype=object)
        for lab in dict.fromkeys(labels):
            target = counts if lab in EMOTIONS else given
            target[lab] = _sum(b[labels_arr == lab], values[labels_arr == lab], size)
        used |= {category, value}
    else:
        for key in table.keys:
            lab = names.get(key) or ("total" if key in _TOTAL_NAMES else None)
            if lab is None:
                continue
            target = counts if lab in EMOTIONS else given
            target[lab] = target.get(lab, 0) + _sum(b, _counts(table, key), size)
            used.add(key)
    if not counts and not set(given) - {"total"}:
        raise TargetError(
            table.path,
            "no count columns: name them after emotions (approval, fear, anger, mockery, "
            "sadness) or sentiments (positive, neutral, negative), or give 'emotion' and "
            f"'count' columns; found: {', '.join(table.header)}",
            line=1,
        )
    time_keys = {*_MINUTE_NAMES, *_TIME_NAMES, "group", "platform"}
    meta.update(_groups_meta(table))
    meta["ignored_columns"] = [
        table.name(k) for k in table.keys if k not in used and k not in time_keys
    ]
    series = _with_views(counts, size, given)
    series.index = pd.RangeIndex(0, size * bin_min, bin_min, name="t_min")
    return Target(series, str(path), bin_min=bin_min, meta=meta)


# --------------------------------------------------------------------------- emotion lexicon

#: Word stems per emotion and language ("*" = any language). Matched on lowercase,
#: accent-free text at a word start; a trailing ``*`` allows any ending, otherwise the
#: whole word (or phrase) must match. Emojis match anywhere. Edit freely: it is data.
LEXICON: dict[str, dict[str, tuple[str, ...]]] = {
    "fear": {
        "fr": ("peur*", "inquiet*", "angoiss*", "danger*", "toxi*", "effray*", "terrifi*",
               "panique*", "crain*", "flipp*", "redout*", "alarmant*", "evacu*", "irrespirable"),
        "en": ("scared", "scary", "afraid", "fear*", "worr*", "anxi*", "panic*", "terrif*",
               "frighten*", "danger*", "toxic*", "unsafe", "evacuat*", "alarming"),
        "*": ("😱", "😨", "😰", "😧", "😟", "☢", "☣", "⚠"),
    },
    "anger": {
        "fr": ("honte*", "honteu*", "scandal*", "colere*", "inadmissible*", "inacceptable*",
               "boycott*", "revoltant*", "degueulasse*", "indign*", "marre", "ras le bol",
               "furieu*", "enrage*", "rage", "mensonge*", "menteur*", "irresponsable*",
               "criminel*", "demission*", "degage*"),
        "en": ("shame*", "outrage*", "furious*", "angry", "anger", "disgrac*", "disgust*",
               "unacceptable", "boycott*", "liar*", "lies", "criminal*", "pissed", "fury",
               "enraged", "fed up", "sick of", "resign*", "how dare"),
        "*": ("😡", "🤬", "😠", "💢", "🖕", "👎"),
    },
    "mockery": {
        "fr": ("mort de rire", "ridicule*", "clown*", "blague*", "bouffon*", "guignol*",
               "pathetique*", "comique*", "on y croit", "jpp"),
        "en": ("lmao", "lmfao", "rofl", "joke*", "clown*", "ridiculous*", "pathetic",
               "laughable", "yeah right", "nice try", "sure jan"),
        "*": ("mdr*", "ptdr*", "xptdr", "lol*", "haha*", "hihi*", "xd",
              "😂", "🤣", "🤡", "🙄", "😆", "😹", "🤭", "😏"),
    },
    "sadness": {
        "fr": ("triste*", "pensees", "condoleances", "deuil*", "chagrin*", "repose en paix",
               "reposent en paix", "bouleverse*", "larmes", "pleure*", "tragique*", "drame*",
               "effondre*"),
        "en": ("sad", "sadly", "sadden*", "heartbroken", "heartbreaking", "condolence*",
               "thoughts and prayers", "thoughts are with", "mourn*", "grief", "griev*",
               "tragic*", "tragedy", "tears", "crying", "devastat*", "rest in peace"),
        "*": ("rip", "😢", "😭", "💔", "🖤", "🕯", "😔", "😞", "🥀"),
    },
    "approval": {
        "fr": ("merci*", "bravo*", "soutien*", "soutenir", "felicit*", "chapeau", "bien joue*",
               "bon travail", "rassur*", "courage a vous"),
        "en": ("thank*", "thx", "well done", "good job", "great job", "support*", "kudos",
               "appreciat*", "proud of", "reassur*", "congrat*"),
        "*": ("bravo*", "👏", "👍", "💪", "🙌", "❤", "💙", "😊", "🙂"),
    },
}  # fmt: skip


def _lexicon_regex(stems: Iterable[str]) -> re.Pattern[str] | None:
    parts = []
    for stem in sorted(set(stems), key=len, reverse=True):
        if not stem[0].isascii():  # emoji / symbol: anywhere
            parts.append(re.escape(stem))
            continue
        body = re.escape(stem.rstrip("*")).replace(r"\ ", r"\s+")
        tail = "" if stem.endswith("*") else r"(?![a-z0-9])"
        parts.append(rf"(?<![a-z0-9]){body}{tail}")
    return re.compile("|".join(parts)) if parts else None


_PATTERNS: dict[str, dict[str, re.Pattern[str] | None]] = {
    lang: {e: _lexicon_regex(LEXICON[e].get(lang, ())) for e in EMOTIONS}
    for lang in (*LANGUAGES, "*")
}


_WORD_END = re.compile(r"[a-z0-9']*")


def _normalise(text: str) -> str:
    """Lowercase, accents stripped, typographic apostrophes straightened; emojis kept."""
    text = unicodedata.normalize("NFKD", text.lower().replace("’", "'").replace("œ", "oe"))
    return "".join(c for c in text if not unicodedata.combining(c))


def label_post(text: str, lang: str | None = None) -> tuple[str, tuple[str, ...]]:
    """The emotion a post expresses by the lexicon, and the cues that decided it.

    Every matched stem or emoji counts one for its emotion; the highest count
    wins. No cue, or a tie at the top, gives ``"neutral"`` — a post we cannot
    read counts in the total but in no emotion. ``lang`` ("fr"/"en") limits
    the words to one language; None uses both (short posts defeat language
    detection, and the stems are chosen not to collide).

    >>> label_post("C'est scandaleux, honte à eux !")
    ('anger', ('scandaleux', 'honte'))
    >>> label_post("mdr 😂")
    ('mockery', ('mdr', '😂'))
    """
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {LANGUAGES} or None, got {lang!r}")
    norm = _normalise(str(text))
    langs = (*((lang,) if lang else LANGUAGES), "*")
    scores = dict.fromkeys(EMOTIONS, 0)
    cues: list[tuple[int, str]] = []
    for e in EMOTIONS:
        # One cue per position: "toxique" matching both "toxi*" and "toxic*" counts once.
        found: dict[int, int] = {}
        for lg in langs:
            pattern = _PATTERNS[lg][e]
            if pattern is not None:
                for m in pattern.finditer(norm):
                    found[m.start()] = max(found.get(m.start(), 0), m.end())
        scores[e] = len(found)
        # Quote the whole word a stem matched ("scandaleux", not "scandal").
        cues.extend((a, norm[a : _WORD_END.match(norm, b).end()]) for a, b in found.items())
    best = max(scores.values())
    winners = [e for e, s in scores.items() if s == best]
    label = winners[0] if best > 0 and len(winners) == 1 else NEUTRAL
    return label, tuple(c for _, c in sorted(cues))


def load_posts(
    path: str | Path,
    *,
    lang: str | None = None,
    start: str | datetime | pd.Timestamp | None = None,
    bin_min: int = 1,
) -> Target:
    """Raw posts (``timestamp`` or ``t_min``, ``text``; optional ``platform``, ``author``,
    ``lang``) labelled by :func:`label_post` and binned into a :class:`Target`.

    Every emotion gets a column (a zero is a measurement here: the lexicon
    looked and found none); neutral posts count in ``total`` only. The
    labelling of each post, with its cues and file line, is kept in
    ``Target.posts`` so a designer can audit it.
    """
    expect = "timestamp or t_min, text[, platform, author, lang]"
    table = _read_table(path, expect)
    if "text" not in table.keys:
        raise TargetError(
            table.path,
            f"no 'text' column; a posts export needs {expect}; found: {', '.join(table.header)}",
            line=1,
        )
    minutes, meta = _minutes(table, start)
    b, size = _bins(minutes, bin_min)
    texts = table.column("text")
    own = table.column("lang") if lang is None and "lang" in table.keys else None
    labels, cues = [], []
    for i, text in enumerate(texts):
        post_lang = lang or (own[i].lower() if own and own[i].lower() in LANGUAGES else None)
        label, found = label_post(text, post_lang)
        labels.append(label)
        cues.append(" ".join(found))
    labels_arr = np.array(labels, dtype=object)
    ones = np.ones(len(labels))
    counts = {e: _sum(b[labels_arr == e], ones[labels_arr == e], size) for e in EMOTIONS}
    given = {"neutral": _sum(b[labels_arr == NEUTRAL], ones[labels_arr == NEUTRAL], size)}
    given["positive"] = counts["approval"]
    series = _with_views(counts, size, given)
    series.index = pd.RangeIndex(0, size * bin_min, bin_min, name="t_min")
    meta.update(_groups_meta(table))
    posts = pd.DataFrame(
        {
            "line": table.lines,
            "t_min": minutes,
            "emotion": labels,
            "cues": cues,
            "text": texts,
        }
    )
    for name in ("platform", "author"):
        if name in table.keys:
            posts[name] = table.column(name)
    meta["posts"] = len(posts)
    meta["neutral_share"] = float(np.mean(labels_arr == NEUTRAL)) if len(posts) else math.nan
    return Target(series, str(path), bin_min=bin_min, meta=meta, posts=posts)
