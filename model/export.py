"""A run as tables and files: the export contract of design.md, byte for byte stable.

Columns and their order are a contract other parts rely on (report, console,
calibration, spreadsheets), so they are spelled out once here.
"""

from __future__ import annotations

import hashlib
import json
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .inputs import dump_inputs
from .items import KIND_CODES, MESSAGE
from .taxonomy import EMOTIONS, GROUPS, LANGUAGES

if TYPE_CHECKING:
    from .model import CrisisModel

REACTION_COLUMNS = [
    "seq", "t_min", "author_id", "author_group", "author_name", "platform", "kind", "emotion",
    "intensity", "text", "hashtags", "parent_seq", "cascade_root", "lang",
]  # fmt: skip
MESSAGE_COLUMNS = ["seq", "t_min", "author", "platforms", "strategy", "tone", "text"]
TIMELINE_COLUMNS = ["t_min", "group", "emotion", "count", "mean_intensity"]

_FIRST = {
    "fr": ["camille", "lea", "hugo", "lucas", "chloe", "manon", "nathan", "ines", "theo", "sarah", "julien",
           "marie", "nico", "pauline", "karim", "sophie", "antoine", "laura", "yanis", "clara"],
    "en": ["emma", "liam", "olivia", "noah", "ava", "jack", "mia", "harry", "amelia", "oscar", "sophie",
           "george", "grace", "leo", "chloe", "sam", "ella", "max", "ruby", "tom"],
}  # fmt: skip
_LAST = {
    "fr": ["martin", "bernard", "dubois", "thomas", "robert", "richard", "petit", "durand", "leroy", "moreau",
           "simon", "laurent", "lefebvre", "michel", "garcia", "david", "bertrand", "roux", "vincent", "fournier"],
    "en": ["smith", "jones", "taylor", "brown", "williams", "wilson", "johnson", "davies", "patel", "wright",
           "walker", "evans", "thompson", "white", "green", "hall", "wood", "clarke", "hughes", "lee"],
}  # fmt: skip


def account_handle(index: int, lang: str) -> str:
    """A stable, believable handle for a mass account (no randomness: derived from its index)."""
    first, last = _FIRST[lang], _LAST[lang]
    h = (index * 2654435761) & 0xFFFFFFFF
    style = h % 4
    a, b, num = first[h % len(first)], last[(h >> 8) % len(last)], (h >> 16) % 1000
    if style == 0:
        return f"@{a}_{b}"
    if style == 1:
        return f"@{a}{b[0]}{num}"
    if style == 2:
        return f"@{a}.{b}{num % 100}"
    return f"@{b}{a.capitalize()}"


def author_names(model: CrisisModel, authors: np.ndarray) -> np.ndarray:
    uniq, inverse = np.unique(authors, return_inverse=True)
    personas = model.scenario.personas
    lang = model.population.lang
    names = [
        personas[i].handle if i < len(personas) else account_handle(int(i), LANGUAGES[int(lang[i])])
        for i in uniq
    ]
    return np.array(names, dtype=object)[inverse]


def reactions_frame(model: CrisisModel, since: int = 0) -> pd.DataFrame:
    """Every crowd, persona and inject item from seq `since` on (trainee messages are in
    `messages_frame`)."""
    items = model.items
    keep = since + np.flatnonzero(items["kind"][since:] != MESSAGE)
    col = {name: items[name][keep] for name in items.columns}
    tags = [*model.hashtags.tags, ""]
    tag1 = np.array(tags, dtype=object)[col["tag1"]]
    tag2 = np.array(tags, dtype=object)[col["tag2"]]
    hashtags = np.array([f"{a} {b}".strip() for a, b in zip(tag1, tag2, strict=True)], dtype=object)
    texts = model.texts.lookup(col["text_id"])
    # a feed shows the hashtags at the end of the text (chat groups rarely use them)
    with_tags = (hashtags != "") & (model.styles[col["platform"]] != 4)
    texts[with_tags] = texts[with_tags] + " " + hashtags[with_tags]
    parent = pd.array(np.where(col["parent"] >= 0, col["parent"], 0), dtype="Int64")
    parent[col["parent"] < 0] = pd.NA
    frame = pd.DataFrame(
        {
            "seq": keep.astype(np.int64),
            "t_min": np.round(col["t"], 3),
            "author_id": col["author"].astype(np.int64),
            "author_group": np.array(GROUPS, dtype=object)[col["group"]],
            "author_name": author_names(model, col["author"]),
            "platform": np.array(model.platform_names, dtype=object)[col["platform"]],
            "kind": np.array(KIND_CODES, dtype=object)[col["kind"]],
            "emotion": np.array(EMOTIONS, dtype=object)[col["emotion"]],
            "intensity": np.round(col["intensity"].astype(np.float64), 3),
            "text": texts,
            "hashtags": hashtags,
            "parent_seq": parent,
            "cascade_root": col["root"].astype(np.int64),
            "lang": np.array(LANGUAGES, dtype=object)[col["lang"]],
        },
        columns=REACTION_COLUMNS,
    )
    return frame


def messages_frame(model: CrisisModel) -> pd.DataFrame:
    rows = [
        {
            "seq": r.seq,
            "t_min": r.t_min,
            "author": r.author,
            "platforms": " ".join(r.platforms),
            "strategy": r.strategy,
            "tone": r.tone,
            "text": r.text,
        }
        for r in model.messages
    ]
    return pd.DataFrame(rows, columns=MESSAGE_COLUMNS)


def timeline_frame(model: CrisisModel) -> pd.DataFrame:
    """Minute × group × emotion: items written, and the group's mean feeling (state, not items)."""
    minutes = len(model.timeline_counts)
    if minutes == 0:
        return pd.DataFrame(columns=TIMELINE_COLUMNS)
    counts = np.stack(model.timeline_counts)  # (T, G, E)
    means = np.stack(model.timeline_means)
    t, g, e = np.meshgrid(np.arange(minutes), np.arange(len(GROUPS)), np.arange(len(EMOTIONS)), indexing="ij")
    present = model.population.group_sizes() > 0
    keep = present[g.ravel()]
    return pd.DataFrame(
        {
            "t_min": t.ravel()[keep],
            "group": np.array(GROUPS, dtype=object)[g.ravel()[keep]],
            "emotion": np.array(EMOTIONS, dtype=object)[e.ravel()[keep]],
            "count": counts.ravel()[keep],
            "mean_intensity": np.round(means.ravel()[keep].astype(np.float64), 4),
        },
        columns=TIMELINE_COLUMNS,
    )


def pressure_frame(model: CrisisModel) -> pd.DataFrame:
    return pd.DataFrame(
        {"t_min": np.arange(len(model.pressure_series)), "pressure": np.round(model.pressure_series, 2)}
    )


def event_record(event: dict) -> dict:
    """An event as plain JSON data (numpy numbers become Python numbers)."""
    return {k: (v.item() if isinstance(v, np.generic) else v) for k, v in event.items()}


def uproar_version() -> str:
    try:
        return version("uproar")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0+unknown"


def run_info(model: CrisisModel) -> dict:
    sc = model.scenario
    return {
        "scenario": sc.id,
        "scenario_path": sc.source,
        "scenario_sha256": sc.sha256,
        "seed": model.seed,
        "minutes": model.minute,
        "population": model.population.n,
        "uproar_version": uproar_version(),
    }


def write_export(model: CrisisModel, folder: str | Path) -> dict[str, Path]:
    """Write reactions, messages, timeline, pressure, inputs and run.json; returns the paths."""
    return write_frames(
        folder,
        reactions=reactions_frame(model),
        messages=messages_frame(model),
        timeline=timeline_frame(model),
        pressure=pressure_frame(model),
        inputs=model.input_log,
        info=run_info(model),
        events=model.events,
    )


def write_frames(
    folder: str | Path,
    *,
    reactions: pd.DataFrame,
    messages: pd.DataFrame,
    timeline: pd.DataFrame,
    pressure: pd.DataFrame,
    inputs: list,
    info: dict,
    events: list[dict] | None = None,
) -> dict[str, Path]:
    """The one writer of export folders, for offline runs and rooms alike (same bytes)."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    paths = {
        "reactions": out / "reactions.csv",
        "messages": out / "messages.csv",
        "timeline": out / "timeline.csv",
        "pressure": out / "pressure.csv",
        "inputs": out / "inputs.jsonl",
        "events": out / "events.jsonl",
        "run": out / "run.json",
    }
    csv = {"index": False, "lineterminator": "\n", "float_format": None}
    reactions.to_csv(paths["reactions"], **csv)
    messages.to_csv(paths["messages"], **csv)
    timeline.to_csv(paths["timeline"], **csv)
    pressure.to_csv(paths["pressure"], **csv)
    dump_inputs(inputs, paths["inputs"])
    with open(paths["events"], "w", encoding="utf-8") as fh:
        for event in events or []:
            fh.write(json.dumps(event_record(event), ensure_ascii=False, sort_keys=True) + "\n")
    info = dict(info)
    info["reactions_sha256"] = hashlib.sha256(paths["reactions"].read_bytes()).hexdigest()
    paths["run"].write_text(json.dumps(info, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return paths
