"""Turning a model's minute into rows, writing them in bulk, and reading a room back as frames.

Writes use Core `insert()` with lists of dicts (one executemany per table), never one
ORM object per row: a minute of a large crowd is thousands of items.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from sqlalchemy import Connection, insert, select

from ..model.export import (
    MESSAGE_COLUMNS,
    REACTION_COLUMNS,
    TIMELINE_COLUMNS,
    reactions_frame,
)
from ..model.inputs import Message, parse_input
from ..model.taxonomy import EMOTIONS, GROUPS
from .tables import (
    HashtagCount,
    InjectFired,
    Input,
    PressurePoint,
    Reaction,
    RoomEvent,
    TimelineRow,
    TrainerAction,
    Trend,
)
from .tables import Message as MessageRow

if TYPE_CHECKING:
    from ..model.model import CrisisModel


@dataclass(frozen=True)
class Batch:
    """Rows of one table as tuples in `keys` order: the fastest shape for executemany."""

    keys: tuple[str, ...]
    values: list[tuple]

    def __len__(self) -> int:
        return len(self.values)

    def dicts(self) -> list[dict[str, Any]]:
        return [dict(zip(self.keys, row, strict=True)) for row in self.values]


def frame_records(frame: pd.DataFrame, **constant: Any) -> Batch:
    """DataFrame rows as plain-Python tuples (NA → None): column lists zipped, no iterrows."""
    lists: list[list[Any]] = [[v] * len(frame) for v in constant.values()]
    for c in frame.columns:
        col = frame[c]
        lists.append(col.astype(object).where(col.notna(), None).tolist() if col.hasnans else col.tolist())
    return Batch(tuple([*constant, *frame.columns]), list(zip(*lists, strict=True)))


def message_payloads(model: CrisisModel, since: int, input_ids: dict[int, int]) -> dict[int, str]:
    """The payload, reading included, of each message the model applied from log position
    `since` on, by database input id: what the input table keeps so a replay reads alike."""
    return {
        input_ids[pos]: item.model_dump_json(exclude_none=True, exclude={"t_min"})
        for pos, item in enumerate(model.input_log[since:], start=since)
        if isinstance(item, Message) and item.reading is not None and pos in input_ids
    }


def minute_rows(model: CrisisModel, room_id: str, minute: int, since_seq: int, events_from: int,
                input_ids: dict[int, int]) -> dict[type, Batch | list[dict[str, Any]]]:
    """Everything minute `minute` produced, as rows per table.

    `input_ids` maps the position of an input in `model.input_log` to its database id.
    """
    rows: dict[type, Batch | list[dict[str, Any]]] = {}
    rows[Reaction] = frame_records(reactions_frame(model, since=since_seq), room_id=room_id)
    log_pos = {id(item): pos for pos, item in enumerate(model.input_log)}
    rows[MessageRow] = [
        {
            "room_id": room_id, "seq": r.seq, "t_min": r.t_min, "author": r.author,
            "platforms": " ".join(r.platforms), "strategy": r.strategy, "tone": r.tone,
            "detected": r.detected, "calm": float(r.calm), "text": r.text, "reasons": "; ".join(r.reasons),
        }
        for r in model.messages
        if r.t_min == minute
    ]
    rows[TrainerAction] = [
        {"room_id": room_id, "t_min": minute, "type": item.type, "input_id": input_ids.get(log_pos[id(item)]),
         "payload": item.model_dump_json(exclude_none=True)}
        for item in model.input_log
        if item.t_min == minute and not isinstance(item, Message)
    ]
    events = model.events[events_from:]
    rows[RoomEvent] = [
        {"room_id": room_id, "t_min": e["t_min"], "source": e["source"], "label": e["label"],
         "data": json.dumps({k: _plain(v) for k, v in e.items() if k not in ("t_min", "source", "label")},
                            ensure_ascii=False, sort_keys=True)}
        for e in events
    ]
    rows[InjectFired] = [
        {"room_id": room_id, "t_min": e["t_min"], "inject_index": e.get("index"), "kind": e.get("kind", "post"),
         "title": e["label"], "by_hand": bool(e.get("by_hand")), "seq": _plain(e.get("seq"))}
        for e in events
        if e["source"] == "inject"
    ]
    tags = model.hashtags
    if len(tags.counts) > minute:
        counts = tags.counts[minute]
        rows[HashtagCount] = [
            {"room_id": room_id, "t_min": minute, "tag": tags.tags[i], "count": int(counts[i])}
            for i in np.flatnonzero(counts)
        ]
    rows[Trend] = [
        {"room_id": room_id, "t_min": m, "tag": tag, "change": change}
        for m, tag, change in tags.events
        if m == minute
    ]
    present = model.population.group_sizes() > 0
    counts, means = model.timeline_counts[minute], model.timeline_means[minute]
    rows[TimelineRow] = [
        {"room_id": room_id, "t_min": minute, "group": GROUPS[g], "emotion": EMOTIONS[e],
         "count": int(counts[g, e]), "mean_intensity": round(float(means[g, e]), 4)}
        for g in np.flatnonzero(present)
        for e in range(len(EMOTIONS))
    ]
    rows[PressurePoint] = [
        {"room_id": room_id, "t_min": minute, "pressure": round(float(model.pressure_series[minute]), 2)}
    ]
    return rows


def _plain(value: Any) -> Any:
    if isinstance(value, np.generic):
        return value.item()
    return value


def write_rows(conn: Connection, rows: dict[type, Batch | list[dict[str, Any]]]) -> int:
    """Bulk-insert rows per table (one executemany each); returns the number of crowd items.

    The statement is a Core `insert()` compiled once per batch for the connection's
    dialect; the rows go straight to the driver's executemany, which skips SQLAlchemy's
    per-row parameter processing (the columns are plain numbers and strings).
    """
    for table, batch in rows.items():
        if not batch:
            continue
        keys = list(batch.keys) if isinstance(batch, Batch) else list(batch[0])
        compiled = insert(table.__table__).compile(dialect=conn.dialect, column_keys=keys)
        params: list[Any]
        if not compiled.positional:
            params = batch.dicts() if isinstance(batch, Batch) else batch
        elif isinstance(batch, Batch) and list(compiled.positiontup or []) == keys:
            params = batch.values
        else:
            order = compiled.positiontup or []
            dicts = batch.dicts() if isinstance(batch, Batch) else batch
            params = [tuple(row[k] for k in order) for row in dicts]
        conn.exec_driver_sql(compiled.string, params)
    return len(rows.get(Reaction, []))


# ---------------------------------------------------------------------------- reading back


def reactions_from_db(conn: Connection, room_id: str) -> pd.DataFrame:
    t = Reaction.__table__
    result = conn.execute(select(*[t.c[c] for c in REACTION_COLUMNS]).where(t.c.room_id == room_id).order_by(t.c.seq))
    frame = pd.DataFrame(result.fetchall(), columns=REACTION_COLUMNS)
    frame["parent_seq"] = frame["parent_seq"].astype("Int64")
    for c in ("seq", "author_id", "cascade_root"):
        frame[c] = frame[c].astype(np.int64)
    for c in ("t_min", "intensity"):
        frame[c] = frame[c].astype(np.float64)
    return frame


def messages_from_db(conn: Connection, room_id: str) -> pd.DataFrame:
    t = MessageRow.__table__
    result = conn.execute(select(*[t.c[c] for c in MESSAGE_COLUMNS]).where(t.c.room_id == room_id).order_by(t.c.seq))
    return pd.DataFrame(result.fetchall(), columns=MESSAGE_COLUMNS)


def timeline_from_db(conn: Connection, room_id: str) -> pd.DataFrame:
    t = TimelineRow.__table__
    result = conn.execute(select(*[t.c[c] for c in TIMELINE_COLUMNS]).where(t.c.room_id == room_id))
    frame = pd.DataFrame(result.fetchall(), columns=TIMELINE_COLUMNS)
    order = frame["group"].map(GROUPS.index) * len(EMOTIONS) + frame["emotion"].map(EMOTIONS.index)
    frame = frame.assign(_o=order).sort_values(["t_min", "_o"], kind="stable").drop(columns="_o")
    frame["count"] = frame["count"].astype(np.int64)
    frame["t_min"] = frame["t_min"].astype(np.int64)
    return frame.reset_index(drop=True)


def pressure_from_db(conn: Connection, room_id: str) -> pd.DataFrame:
    t = PressurePoint.__table__
    result = conn.execute(select(t.c.t_min, t.c.pressure).where(t.c.room_id == room_id).order_by(t.c.t_min))
    frame = pd.DataFrame(result.fetchall(), columns=["t_min", "pressure"])
    frame["t_min"] = frame["t_min"].astype(np.int64)
    return frame


def events_from_db(conn: Connection, room_id: str) -> list[dict[str, Any]]:
    """The room's events in the order they happened, shaped as the model logs them."""
    t = RoomEvent.__table__
    rows = conn.execute(select(t.c.t_min, t.c.source, t.c.label, t.c.data).where(t.c.room_id == room_id)
                        .order_by(t.c.id))
    return [{"t_min": r.t_min, "source": r.source, "label": r.label, **json.loads(r.data)} for r in rows]


def applied_inputs(conn: Connection, room_id: str, before: int | None = None) -> list[tuple[int, Any]]:
    """(db id, input stamped with its minute) in the order the runner applied them."""
    t = Input.__table__
    q = select(t.c.id, t.c.payload, t.c.applied_minute).where(t.c.room_id == room_id, t.c.applied_minute.is_not(None))
    if before is not None:
        q = q.where(t.c.applied_minute < before)
    out = []
    for row in conn.execute(q.order_by(t.c.applied_minute, t.c.id)):
        item = parse_input(row.payload).model_copy(update={"t_min": row.applied_minute})
        out.append((row.id, item))
    return out


__all__ = ["applied_inputs", "events_from_db", "frame_records", "minute_rows", "write_rows"]
