"""A room as plain data for the live console, kept up to date from the database incrementally.

The console polls about once a second, from every open browser tab. Re-reading a
room of 100,000 items each time would cost seconds, so one shared `RoomClient` per
room remembers what it has seen and asks only for newer rows:

* a minute is written in one transaction that also advances `rooms.minute`, so
  reading that minute first and then only rows with `t_min` below it gives a
  consistent cut even while the runner keeps writing (and nothing new can exist
  while the minute has not moved: a refresh then costs one query);
* crowd items are kept for the last `window_min` simulated minutes only (at least
  the last `feed_size` of them, so a quiet room still has a feed); reply counts
  under trainee messages are running counters, since a reply may come long after
  the message's items have left the window;
* everything else is small (one row per minute, per message, per event).

Frames are shared between snapshots: treat them as read-only.
"""

from __future__ import annotations

import functools
import json
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np
import pandas as pd
from sqlalchemy import Connection, Engine, case, func, select

from ..model.export import REACTION_COLUMNS
from ..model.taxonomy import EMOTIONS, GROUPS, KINDS, QUESTION_CLOSINGS
from ..model.texttable import vocabulary
from ..store.tables import (
    Account,
    HashtagCount,
    Message,
    PressurePoint,
    Reaction,
    Room,
    RoomEvent,
    TimelineRow,
    Trend,
)
from .rooms import RoomError, get_room, room_scenario, runner_info

HOSTILE = ("anger", "mockery")
_HOSTILE_CODES = np.array([EMOTIONS.index(e) for e in HOSTILE])
INFLUENCE_MIN = 15  # minutes over which influence and the network are measured
TOP_AUTHORS = 20
TREND_MIN = 5  # a hashtag's "now" is its count over the last five minutes, as trends are
LABEL_CHARS = 80  # marker labels are chart tooltips, not documents
STR = "str"  # pandas' own string dtype, as `store.records` frames have
IN_CHUNK = 500  # bound parameters per IN (…) list, far below every driver's limit

PRESSURE_COLUMNS = ["t_min", "pressure"]
PER_MINUTE_COLUMNS = ["t_min", "emotion", "count"]
GROUP_EMOTION_COLUMNS = ["t_min", "group", "emotion", "mean_intensity"]
PLATFORM_SPLIT_COLUMNS = ["platform", "emotion", "count"]
HASHTAG_COLUMNS = ["tag", "count_5min", "trending", "series"]
MESSAGE_COLUMNS = ["seq", "t_min", "author", "platforms", "strategy", "tone", "text", "calm", "detected",
                   "replies", "hostile_share"]
EVENT_COLUMNS = ["t_min", "source", "label", "data"]
MARKER_COLUMNS = ["t_min", "kind", "label"]
ACCOUNT_COLUMNS = ["persona_id", "account_index", "name", "handle", "group", "outlet", "followers", "platforms"]
INFLUENTIAL_COLUMNS = ["author_id", "author_name", "author_group", "items", "engagement", "emotion"]
NODE_COLUMNS = ["author_id", "author_name", "author_group", "emotion", "engagement"]
EDGE_COLUMNS = ["source", "target", "weight"]
QUESTION_KEYS = ["id", "journalist", "name", "outlet", "handle", "asked_at", "deadline_at", "status", "topic", "text"]

_TIMELINE_READ = ["t_min", "group", "emotion", "count", "mean_intensity"]
_MESSAGE_READ = ["seq", "t_min", "author", "platforms", "strategy", "tone", "text", "calm", "detected"]


@dataclass(frozen=True)
class RoomSnapshot:
    """Everything the console draws, as of one simulated minute (see the module docstring)."""

    room: dict
    pressure: pd.DataFrame
    per_minute: pd.DataFrame
    group_emotions: pd.DataFrame
    platform_split: pd.DataFrame
    hashtags: pd.DataFrame
    feed: pd.DataFrame
    messages: pd.DataFrame
    events: pd.DataFrame
    markers: pd.DataFrame
    questions: list[dict]
    accounts: pd.DataFrame
    influential: pd.DataFrame
    network_nodes: pd.DataFrame
    network_edges: pd.DataFrame
    refreshed_at: float
    refresh_ms: float
    version: int = 0  # grows each time the frames are rebuilt (a new minute was read)


class RoomClient:
    """One room's snapshot, refreshed incrementally; share one per room (it is thread-safe)."""

    def __init__(self, engine: Engine, room_id: str, feed_size: int = 2000, window_min: int = 30):
        if feed_size < 1 or window_min < 1:
            raise ValueError(f"feed_size and window_min must be at least 1 (got {feed_size}, {window_min})")
        self.engine = engine
        self.room_id = room_id
        self.feed_size = feed_size
        self.window_min = window_min
        room = get_room(engine, room_id)  # a wrong id fails here, with the recent rooms as a hint
        scenario = room_scenario(room)
        self.language: str = scenario.scenario.language
        # a scripted question's topic is the inject's title, else the scenario's first word for the event
        self._default_topic = vocabulary(scenario, self.language)["event"][0]
        self._platforms = sorted(scenario.platform_names)
        #: rows fetched per table by the last refresh (what "incremental" means, measurable)
        self.fetched: dict[str, int] = {}
        self._lock = threading.Lock()
        self._snapshot: RoomSnapshot | None = None
        self._version = 0
        self._reset()

    def _reset(self) -> None:
        """Forget everything read so far (first use, or a room whose clock went backwards)."""
        self._minute = 0  # every row with t_min below this has been read
        self._loaded = False
        self._accounts = _account_frame([])
        self._window = _reaction_frame([], self._platforms)
        self._reaction_seq = -1
        self._messages = _message_frame([])
        self._message_seq = -1
        self._replies: dict[int, int] = {}
        self._hostile: dict[int, int] = {}
        self._event_rows: list[dict[str, Any]] = []
        self._event_id = 0
        self._trend_id = 0
        self._trending: dict[str, bool] = {}
        self._per_minute = per_minute(_timeline_frame([]))
        self._group_emotions = _group_emotions(_timeline_frame([]))
        self._pressure = _pressure_frame([])
        self._tag_counts = pd.DataFrame({"t_min": pd.Series(dtype=np.int64), "tag": pd.Series(dtype=object),
                                         "count": pd.Series(dtype=np.int64)})
        self._parents: dict[int, tuple[int, str, str]] = {}  # seq → author of items that left the window
        self._persona = persona_index(self._accounts)
        #: events, markers and questions: they change only with new events or messages, not every minute
        self._logged: tuple[pd.DataFrame, pd.DataFrame, list[dict]] | None = None

    # ------------------------------------------------------------------ public
    def refresh(self, min_interval: float = 1.0) -> RoomSnapshot:
        """The room now, or the cached snapshot if it is younger than `min_interval` seconds."""
        with self._lock:
            now = time.monotonic()
            if self._snapshot is not None and now - self._snapshot.refreshed_at < min_interval:
                return self._snapshot
            t0 = time.perf_counter()
            self.fetched = {}
            with self.engine.connect() as conn:  # one connection: one snapshot on SQLite, short-lived
                row = conn.execute(select(Room.__table__).where(Room.__table__.c.id == self.room_id)).first()
                if row is None:
                    get_room(self.engine, self.room_id)  # raises RoomError with a hint
                    raise RoomError(f"no room {self.room_id!r}")  # pragma: no cover - race with a deletion
                room = Room(**row._mapping)
                minute = int(room.minute)
                if minute < self._minute or minute - self._minute > self.window_min:
                    self._reset()  # a clock gone backwards, or more new rows than the window: read afresh
                changed = not self._loaded or minute != self._minute
                if changed:
                    try:
                        self._fetch(conn, minute)
                    except BaseException:
                        self._reset()  # half-read state would double rows next time: start over
                        raise
            info = self._room_info(room)
            if changed or self._snapshot is None:
                frames = self._frames(minute)
                self._version += 1
            else:
                frames = {k: v for k, v in vars(self._snapshot).items()
                          if k not in ("room", "refreshed_at", "refresh_ms", "version")}
            self._snapshot = RoomSnapshot(room=info, refreshed_at=now, refresh_ms=(time.perf_counter() - t0) * 1000.0,
                                          version=self._version, **frames)
            return self._snapshot

    @property
    def snapshot(self) -> RoomSnapshot:
        """The last snapshot (refreshing once if there is none yet)."""
        snap = self._snapshot
        return snap if snap is not None else self.refresh(min_interval=0.0)

    # ------------------------------------------------------------------ reading
    def _fetch(self, conn: Connection, minute: int) -> None:
        """Read rows with `t_min` in [last minute read, `minute`) into memory."""
        prev, cutoff = self._minute, minute - self.window_min
        if not self._loaded:
            a = Account.__table__
            rows = conn.execute(select(*[a.c[c] for c in ACCOUNT_COLUMNS]).where(a.c.room_id == self.room_id)
                                .order_by(a.c.account_index)).all()
            self._accounts = _account_frame(rows)
            self._persona = persona_index(self._accounts)
        self._read_messages(conn, minute)
        self._read_reactions(conn, minute, cutoff)
        self._read_events(conn, minute)
        self._read_minutes(conn, prev, minute, cutoff)
        self._read_parents(conn, minute)
        self._minute, self._loaded = minute, True

    def _read_messages(self, conn: Connection, minute: int) -> None:
        t = Message.__table__
        rows = conn.execute(
            select(*[t.c[c] for c in _MESSAGE_READ])
            .where(t.c.room_id == self.room_id, t.c.seq > self._message_seq, t.c.t_min < minute).order_by(t.c.seq)
        ).all()
        self.fetched["messages"] = len(rows)
        if rows:
            new = _message_frame(rows)
            self._messages = pd.concat([self._messages, new], ignore_index=True) if len(self._messages) else new
            self._message_seq = int(new["seq"].iloc[-1])

    def _read_reactions(self, conn: Connection, minute: int, cutoff: int) -> None:
        t = Reaction.__table__
        cols = [t.c[c] for c in REACTION_COLUMNS]
        if not self._loaded:
            # First look: the window only (plus enough for a full feed), never the whole room,
            # located on the (room_id, seq) key: t_min has no index of its own.
            last = conn.execute(select(t.c.seq).where(t.c.room_id == self.room_id)
                                .order_by(t.c.seq.desc()).limit(1)).scalar()
            end = self._first_seq_from(conn, minute, 0, -1 if last is None else int(last) + 1)
            first_of_feed = conn.execute(
                select(t.c.seq).where(t.c.room_id == self.room_id, t.c.seq < end)
                .order_by(t.c.seq.desc()).offset(self.feed_size - 1).limit(1)
            ).scalar()
            start = 0 if first_of_feed is None else self._first_seq_from(conn, cutoff, 0, int(first_of_feed))
            new = _reaction_frame(conn.execute(
                select(*cols).where(t.c.room_id == self.room_id, t.c.seq >= start, t.c.seq < end,
                                    t.c.t_min < minute).order_by(t.c.seq)
            ).all(), self._platforms)
            self._count_replies_from_db(conn, minute)
        else:
            new = _reaction_frame(conn.execute(
                select(*cols).where(t.c.room_id == self.room_id, t.c.seq > self._reaction_seq, t.c.t_min < minute)
                .order_by(t.c.seq)
            ).all(), self._platforms)
            self._count_replies(new)
        self.fetched["reactions"] = len(new)
        if len(new):
            self._reaction_seq = int(new["seq"].iloc[-1])
            window = pd.concat([self._window, new], ignore_index=True) if len(self._window) else new
        else:
            window = self._window
        self._window = _since(window, cutoff, keep_last=self.feed_size)

    def _first_seq_from(self, conn: Connection, minute: int, lo: int, hi: int) -> int:
        """The first seq in [lo, hi] of an item of minute `minute` or later (`hi` if none), by bisection.

        Items of minute m carry t_min in [m, m + 1) and seq follows time, so this turns
        "t_min >= minute" (no index) into a range of the (room_id, seq) key: about twenty
        one-row reads instead of a scan of the whole room.
        """
        t = Reaction.__table__
        probe = select(t.c.t_min).where(t.c.room_id == self.room_id).order_by(t.c.seq).limit(1)
        while lo < hi:  # smallest x whose next item (if any) is at `minute` or later
            mid = (lo + hi) // 2
            t_min = conn.execute(probe.where(t.c.seq >= mid)).scalar()
            if t_min is None or t_min >= minute:
                hi = mid
            else:
                lo = mid + 1
        return lo

    def _count_replies_from_db(self, conn: Connection, minute: int) -> None:
        """Replies under every message so far, counted by the database (the items may be long gone)."""
        seqs = self._messages["seq"].tolist()
        self._replies = dict.fromkeys(seqs, 0)
        self._hostile = dict.fromkeys(seqs, 0)
        t = Reaction.__table__
        hostile = func.sum(case((t.c.emotion.in_(HOSTILE), 1), else_=0))
        for chunk in _chunks(seqs):
            for parent, n, h in conn.execute(
                select(t.c.parent_seq, func.count(), hostile)
                .where(t.c.room_id == self.room_id, t.c.parent_seq.in_(chunk), t.c.t_min < minute)
                .group_by(t.c.parent_seq)
            ):
                self._replies[int(parent)], self._hostile[int(parent)] = int(n), int(h or 0)

    def _count_replies(self, new: pd.DataFrame) -> None:
        """Add the new rows' replies under each message (numpy: a groupby costs more than the minute's read)."""
        for seq in self._messages["seq"].tolist():
            self._replies.setdefault(seq, 0)
            self._hostile.setdefault(seq, 0)
        if new.empty or not self._replies:
            return
        parent = new["parent_seq"].to_numpy(dtype=np.int64, na_value=-1)
        under = np.isin(parent, np.fromiter(self._replies, dtype=np.int64, count=len(self._replies)))
        if not under.any():
            return
        parents, at = np.unique(parent[under], return_inverse=True)
        hostile = np.isin(_emotion_codes(new["emotion"])[under], _HOSTILE_CODES)
        replies = np.bincount(at, minlength=len(parents))
        hostiles = np.bincount(at, weights=hostile, minlength=len(parents))
        for seq, n, h in zip(parents.tolist(), replies.tolist(), hostiles.tolist(), strict=True):
            self._replies[seq] += n
            self._hostile[seq] += int(h)

    def _read_events(self, conn: Connection, minute: int) -> None:
        e = RoomEvent.__table__
        rows = conn.execute(
            select(e.c.id, e.c.t_min, e.c.source, e.c.label, e.c.data)
            .where(e.c.room_id == self.room_id, e.c.id > self._event_id, e.c.t_min < minute).order_by(e.c.id)
        ).all()
        self.fetched["events"] = len(rows)
        for r in rows:
            self._event_rows.append({"t_min": int(r.t_min), "source": r.source, "label": r.label,
                                     "data": json.loads(r.data or "{}")})
        if rows:
            self._event_id = int(rows[-1].id)
        tr = Trend.__table__
        trends = conn.execute(
            select(tr.c.id, tr.c.tag, tr.c.change)
            .where(tr.c.room_id == self.room_id, tr.c.id > self._trend_id, tr.c.t_min < minute).order_by(tr.c.id)
        ).all()
        self.fetched["trends"] = len(trends)
        for r in trends:
            self._trending[r.tag] = r.change == "enter"
        if trends:
            self._trend_id = int(trends[-1].id)

    def _read_minutes(self, conn: Connection, prev: int, minute: int, cutoff: int) -> None:
        """Per-minute tables: the primary key (room_id, t_min, …) makes these range reads."""
        tl = TimelineRow.__table__
        rows = conn.execute(select(*[tl.c[c] for c in _TIMELINE_READ])
                            .where(tl.c.room_id == self.room_id, tl.c.t_min >= prev, tl.c.t_min < minute)).all()
        self.fetched["timeline"] = len(rows)
        if rows:
            new = _timeline_frame(rows)  # whole new minutes: their sums append to what is known
            self._per_minute = pd.concat([self._per_minute, per_minute(new)], ignore_index=True)
            self._group_emotions = pd.concat([self._group_emotions, _group_emotions(new)], ignore_index=True)
        p = PressurePoint.__table__
        rows = conn.execute(select(p.c.t_min, p.c.pressure)
                            .where(p.c.room_id == self.room_id, p.c.t_min >= prev, p.c.t_min < minute)
                            .order_by(p.c.t_min)).all()
        self.fetched["pressure"] = len(rows)
        if rows:
            self._pressure = pd.concat([self._pressure, _pressure_frame(rows)], ignore_index=True)
        h = HashtagCount.__table__
        rows = conn.execute(select(h.c.t_min, h.c.tag, h.c["count"])
                            .where(h.c.room_id == self.room_id, h.c.t_min >= max(prev, cutoff), h.c.t_min < minute)).all()
        self.fetched["hashtag_counts"] = len(rows)
        tags = self._tag_counts[self._tag_counts["t_min"] >= cutoff]
        if rows:
            new = _rows(rows, ["t_min", "tag", "count"], t_min=np.int64, count=np.int64)
            tags = pd.concat([tags, new], ignore_index=True) if len(tags) else new
        self._tag_counts = tags.reset_index(drop=True)

    def _read_parents(self, conn: Connection, minute: int) -> None:
        """Authors of items that recent items answer but that have left the window (primary-key reads)."""
        w = self._window
        recent = _since(w, minute - min(INFLUENCE_MIN, self.window_min))
        parents = recent["parent_seq"].to_numpy(dtype=np.int64, na_value=-1)
        known = np.concatenate([w["seq"].to_numpy(np.int64), self._messages["seq"].to_numpy(np.int64), [-1]])
        needed = set(np.setdiff1d(parents, known).tolist())
        self._parents = {s: a for s, a in self._parents.items() if s in needed}
        missing = sorted(needed - set(self._parents))
        t = Reaction.__table__
        for chunk in _chunks(missing):  # the range lets the planner use the key even without statistics
            for seq, author, name, group in conn.execute(
                select(t.c.seq, t.c.author_id, t.c.author_name, t.c.author_group)
                .where(t.c.room_id == self.room_id, t.c.seq.between(chunk[0], chunk[-1]), t.c.seq.in_(chunk))
            ).all():
                self._parents[int(seq)] = (int(author), name, group)
        self.fetched["parents"] = len(missing)

    # ------------------------------------------------------------------ building
    def _room_info(self, room: Room) -> dict[str, Any]:
        return {
            "room_id": room.id, "name": room.name, "scenario_id": room.scenario_id, "language": self.language,
            "state": room.state, "speed": float(room.speed), "minute": int(room.minute), "until": int(room.until),
            "seed": int(room.seed), "platforms": list(self._platforms), **runner_info(room),  # runner_alive, heartbeat_at, runner_lost_at, stalled
        }

    def _frames(self, minute: int) -> dict[str, Any]:
        window, cutoff = self._window, minute - self.window_min
        messages = self._messages.assign(
            replies=pd.Series([self._replies.get(s, 0) for s in self._messages["seq"]], dtype=np.int64),
            hostile_share=pd.Series([self._hostile.get(s, 0) / n if (n := self._replies.get(s, 0)) else np.nan
                                     for s in self._messages["seq"]], dtype=np.float64),
        )[MESSAGE_COLUMNS]
        if self._logged is None or self.fetched.get("events") or self.fetched.get("messages"):
            events = pd.DataFrame(self._event_rows, columns=EVENT_COLUMNS).astype(
                {"t_min": np.int64, "source": STR, "label": STR, "data": object})
            self._logged = (events, markers(self._messages, events),
                            questions(events, self._accounts, self._default_topic, self._persona))
        events, marks, asked = self._logged
        influential, nodes, edges = influence(window, self._messages, self._accounts, self._parents,
                                              minute - min(INFLUENCE_MIN, self.window_min), people=self._persona)
        return {
            "pressure": self._pressure,
            "per_minute": self._per_minute,
            "group_emotions": self._group_emotions,
            "platform_split": platform_split(_since(window, cutoff)),
            "hashtags": hashtag_table(self._tag_counts, self._trending, minute, self.window_min),
            # newest first; text stays in object columns (converting 2,000 rows a minute to strings costs more)
            "feed": window.iloc[: -self.feed_size - 1 : -1].reset_index(drop=True),
            "messages": messages,
            "events": events,
            "markers": marks,
            "questions": asked,
            "accounts": self._accounts,
            "influential": influential,
            "network_nodes": nodes,
            "network_edges": edges,
        }


# ---------------------------------------------------------------------------- frames from data


def per_minute(timeline: pd.DataFrame) -> pd.DataFrame:
    """Items per minute and emotion, summed over groups."""
    if timeline.empty:
        return _empty(PER_MINUTE_COLUMNS, t_min=np.int64, count=np.int64)
    emotion = _emotion_codes(timeline["emotion"])
    key = timeline["t_min"].to_numpy(np.int64) * len(EMOTIONS) + emotion
    keys, at = np.unique(key, return_inverse=True)
    counts = np.bincount(at, weights=timeline["count"].to_numpy(np.int64), minlength=len(keys))
    return pd.DataFrame({"t_min": keys // len(EMOTIONS),
                         "emotion": pd.Series(np.array(EMOTIONS, dtype=object)[keys % len(EMOTIONS)], dtype=STR),
                         "count": counts.astype(np.int64)})


def platform_split(reactions: pd.DataFrame) -> pd.DataFrame:
    """Items per platform and emotion."""
    if reactions.empty:
        return _empty(PLATFORM_SPLIT_COLUMNS, count=np.int64)
    platform, emotion = reactions["platform"], reactions["emotion"]
    if isinstance(platform.dtype, pd.CategoricalDtype) and isinstance(emotion.dtype, pd.CategoricalDtype):
        # the window's categoricals: one bincount instead of a groupby (this runs every new minute)
        names, moods = list(platform.cat.categories), list(emotion.cat.categories)
        counts = np.bincount(platform.cat.codes.to_numpy(np.int64) * len(moods) + emotion.cat.codes.to_numpy(np.int64),
                             minlength=len(names) * len(moods))
        cells = [(names[i // len(moods)], moods[i % len(moods)], int(counts[i])) for i in np.flatnonzero(counts)]
        cells.sort(key=lambda c: (c[0], EMOTIONS.index(c[1]) if c[1] in EMOTIONS else len(EMOTIONS)))
        return pd.DataFrame({"platform": pd.Series([c[0] for c in cells], dtype=STR),
                             "emotion": pd.Series([c[1] for c in cells], dtype=STR),
                             "count": np.array([c[2] for c in cells], dtype=np.int64)})
    out = (reactions.groupby(["platform", "emotion"], as_index=False, observed=True).size()
           .rename(columns={"size": "count"}).astype({"count": np.int64, "platform": STR, "emotion": STR}))
    order = out["emotion"].map(EMOTIONS.index)
    return out.assign(_o=order).sort_values(["platform", "_o"]).drop(columns="_o").reset_index(drop=True)


def hashtag_table(counts: pd.DataFrame, trending: dict[str, bool], minute: int, window: int) -> pd.DataFrame:
    """Tags seen in the window or trending: their last five minutes, their series, trending first."""
    first = minute - window
    counts = counts[(counts["t_min"] >= first) & (counts["t_min"] < minute)]
    live = sorted(tag for tag, on in trending.items() if on)
    tags = sorted(set(counts["tag"]) | set(live))
    if not tags:
        return _empty(HASHTAG_COLUMNS, count_5min=np.int64, trending=bool, series=object)
    grid = np.zeros((len(tags), window), dtype=np.int64)
    pos = {tag: i for i, tag in enumerate(tags)}
    np.add.at(grid, (np.array([pos[t] for t in counts["tag"].tolist()], dtype=np.int64),
                     counts["t_min"].to_numpy(np.int64) - first), counts["count"].to_numpy(np.int64))
    now = grid[:, -TREND_MIN:].sum(axis=1)
    on = np.array([trending.get(t, False) for t in tags], dtype=bool)
    order = np.lexsort((np.arange(len(tags)), -now, ~on))  # trending first, then busiest, then by name
    return pd.DataFrame({
        "tag": pd.Series([tags[i] for i in order], dtype=STR),
        "count_5min": now[order].astype(np.int64),
        "trending": on[order],
        "series": [grid[i].tolist() for i in order],
    })


def markers(messages: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """Vertical rules for charts: trainee messages and injects."""
    injects = events[events["source"] == "inject"]
    out = pd.DataFrame({
        "t_min": np.concatenate([messages["t_min"].to_numpy(np.int64), injects["t_min"].to_numpy(np.int64)]),
        "kind": pd.Series(["message"] * len(messages) + ["inject"] * len(injects), dtype=STR),
        "label": pd.Series([_short(x) for x in [*messages["text"], *injects["label"]]], dtype=STR),
    }, columns=MARKER_COLUMNS)
    return out.sort_values("t_min", kind="stable").reset_index(drop=True)


class Persona(NamedTuple):
    """A named account of the room (journalist, official, the organisation's own…)."""

    account_index: int
    name: str
    handle: str
    group: str
    outlet: str


def persona_index(accounts: pd.DataFrame) -> dict[str, Persona]:
    """The room's named accounts by persona id (read once per client: accounts do not change)."""
    cols = [accounts[c].tolist() for c in ("persona_id", "account_index", "name", "handle", "group", "outlet")]
    return {pid: Persona(int(i), *rest) for pid, i, *rest in zip(*cols, strict=True)}


def questions(events: pd.DataFrame, accounts: pd.DataFrame, default_topic: str,
              people: dict[str, Persona] | None = None) -> list[dict]:
    """Journalists' questions from the event log, with their status as of the last closing event
    (`people`: `persona_index(accounts)`, when the caller keeps it)."""
    people = people if people is not None else persona_index(accounts)
    asked: dict[int, dict[str, Any]] = {}
    for ev in events.itertuples(index=False):
        data = ev.data
        if ev.source == "inject" and data.get("kind") == "question" and "question" in data:
            text = data.get("text") or ev.label
            topic = ev.label if ev.label and ev.label != text else default_topic
        elif ev.source == "notable" and data.get("event") == "question" and "question" in data:
            person = people.get(data.get("persona"))
            prefix = f"{person.name}: " if person is not None else ""
            text = ev.label[len(prefix):] if prefix and ev.label.startswith(prefix) else ev.label.split(": ", 1)[-1]
            topic = data.get("topic") or default_topic
        elif ev.source == "notable" and data.get("event") in QUESTION_CLOSINGS:
            q = asked.get(int(data.get("question", -1)))
            if q is not None and q["status"] == "open":
                q["status"] = QUESTION_CLOSINGS[data["event"]]
            continue
        else:
            continue
        person = people.get(data.get("persona"))
        asked[int(data["question"])] = {
            "id": int(data["question"]),
            "journalist": data.get("persona"),
            "name": person.name if person is not None else data.get("persona"),
            "outlet": person.outlet if person is not None else "",
            "handle": person.handle if person is not None else "",
            "asked_at": int(ev.t_min),
            "deadline_at": int(data["deadline_at"]) if data.get("deadline_at") is not None else None,
            "status": "open",
            "topic": topic,
            "text": text,
        }
    return sorted(asked.values(), key=lambda q: (q["asked_at"], q["id"]))


def influence(window: pd.DataFrame, messages: pd.DataFrame, accounts: pd.DataFrame,
              parents: dict[int, tuple[int, str, str]], since: int, top: int = TOP_AUTHORS,
              people: dict[str, Persona] | None = None) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Who drives the conversation since minute `since`: engagement received + 1 per own item.

    Engagement is every share, reply and reaction pointing at an author's items (of any
    age: `parents` names the authors of items no longer in `window`, which is in seq
    order). Trainee messages count as items of their persona, so backlash under them
    shows. Returns (influential, network nodes, network edges); an edge is who
    answered whom, weighted by how often. Plain numpy: this runs on every refresh.
    """
    people = people if people is not None else persona_index(accounts)
    persona: dict[str, tuple[int, str, str]] = {}  # by persona id and by handle: a message names its author so
    for pid, p in people.items():
        persona[pid] = persona[p.handle] = (p.account_index, p.handle, p.group)
    seq = window["seq"].to_numpy(np.int64)
    recent = window["t_min"].to_numpy() >= since
    author = window["author_id"].to_numpy(np.int64)[recent]
    emotion = _emotion_codes(window["emotion"])[recent]
    parent = window["parent_seq"].to_numpy(dtype=np.int64, na_value=-1)[recent]
    who: dict[int, tuple[str, str]] = {}  # author id → (name, group), for the few that make the top

    lookup = dict(parents)
    lookup.update((int(s), persona[a]) for s, a in zip(messages["seq"], messages["author"], strict=True)
                  if a in persona)
    msg_authors = [persona[a][0] for a, t in zip(messages["author"], messages["t_min"], strict=True)
                   if t >= since and a in persona]
    for a in messages["author"]:
        if a in persona:
            who.setdefault(persona[a][0], persona[a][1:])

    # whom each answering item points at: an item in the window, else a message or a looked-up parent
    answering = np.flatnonzero(parent >= 0)
    ps = parent[answering]
    pos = np.minimum(np.searchsorted(seq, ps), max(len(seq) - 1, 0))
    in_window = (seq[pos] == ps) if len(seq) else np.zeros(len(ps), dtype=bool)
    target = np.full(len(ps), -1, dtype=np.int64)
    target[in_window] = window["author_id"].to_numpy(np.int64)[pos[in_window]]
    for i in np.flatnonzero(~in_window):
        found = lookup.get(int(ps[i]))
        if found is not None:
            target[i] = found[0]
            who.setdefault(found[0], (found[1], found[2]))
    known = target >= 0
    source, target, answer_emotion = author[answering][known], target[known], emotion[answering][known]
    if not (len(author) or msg_authors or len(target)):
        return (_empty(INFLUENTIAL_COLUMNS, author_id=np.int64, items=np.int64, engagement=np.int64),
                _empty(NODE_COLUMNS, author_id=np.int64, engagement=np.int64),
                _empty(EDGE_COLUMNS, source=np.int64, target=np.int64, weight=np.int64))

    own = np.concatenate([author, np.array(msg_authors, dtype=np.int64)])
    ids, engagement = np.unique(np.concatenate([own, target]), return_counts=True)
    best = np.lexsort((ids, -engagement))[:top]
    ids, engagement = ids[best], engagement[best]
    own_ids, own_n = np.unique(own, return_counts=True)
    items = np.zeros(len(ids), dtype=np.int64)
    if len(own_ids):
        at = np.searchsorted(own_ids, ids).clip(max=len(own_ids) - 1)
        hit = own_ids[at] == ids
        items[hit] = own_n[at[hit]]

    unnamed = [a for a in ids.tolist() if a not in who]  # authors of the window (others are named already)
    if unnamed:
        all_authors = window["author_id"].to_numpy(np.int64)
        by_author = np.argsort(all_authors, kind="stable")  # so each author's first row comes first
        rows = by_author[np.searchsorted(all_authors[by_author], unnamed)]
        names = window["author_name"].to_numpy(object)[rows].tolist()
        groups = window["author_group"].to_numpy(object)[rows].tolist()
        who.update(zip(unnamed, zip(names, groups, strict=True), strict=True))
    moods = []
    for a in ids.tolist():
        mine = np.flatnonzero(author == a)
        # their own most frequent emotion; else how they are answered (the organisation's messages have none)
        counts = np.bincount(emotion[mine], minlength=len(EMOTIONS))
        if not counts.any():
            counts = np.bincount(answer_emotion[target == a], minlength=len(EMOTIONS))
        moods.append(EMOTIONS[int(counts.argmax())] if counts.any() else "")
    columns = {
        "author_id": ids.astype(np.int64),
        "author_name": pd.array([who[a][0] for a in ids.tolist()], dtype=STR),
        "author_group": pd.array([who[a][1] for a in ids.tolist()], dtype=STR),
        "items": items,
        "engagement": engagement.astype(np.int64),
        "emotion": pd.array(moods, dtype=STR),
    }
    influential = pd.DataFrame(columns, columns=INFLUENTIAL_COLUMNS)
    nodes = pd.DataFrame({c: columns[c] for c in NODE_COLUMNS}, columns=NODE_COLUMNS)

    among = np.isin(source, ids) & np.isin(target, ids) & (source != target)
    pairs, weight = np.unique(np.stack([source[among], target[among]], axis=1), axis=0, return_counts=True)
    pairs = pairs.reshape(-1, 2)
    order = np.lexsort((pairs[:, 1], pairs[:, 0], -weight))
    edges = pd.DataFrame({"source": pairs[order, 0].astype(np.int64), "target": pairs[order, 1].astype(np.int64),
                          "weight": weight[order].astype(np.int64)}, columns=EDGE_COLUMNS)
    return influential, nodes, edges


def _since(window: pd.DataFrame, minute: int, keep_last: int = 0) -> pd.DataFrame:
    """The window's items from minute `minute` on (and its last `keep_last` in any case), index reset.

    The window is in seq order, which follows the clock minute by minute, so these rows are
    a tail: a slice, a tenth of a boolean mask's cost (the mask stays for any other order).
    """
    recent = window["t_min"].to_numpy() >= minute
    if keep_last:
        recent[max(0, len(window) - keep_last):] = True
    first = int(recent.argmax()) if recent.any() else len(window)
    if not recent[first:].all():
        return window[recent].reset_index(drop=True)
    return window.iloc[first:].reset_index(drop=True) if first else window


def _emotion_codes(emotions: pd.Series) -> np.ndarray:
    """Positions in EMOTIONS (free for the window's categorical column)."""
    if isinstance(emotions.dtype, pd.CategoricalDtype) and tuple(emotions.cat.categories) == EMOTIONS:
        return emotions.cat.codes.to_numpy(np.int64)
    return emotions.map(EMOTIONS.index).to_numpy(np.int64)


# ---------------------------------------------------------------------------- typed empties and rows


def _empty(columns: Sequence[str], **dtypes: Any) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=dtypes.get(c, STR)) for c in columns})


def _rows(rows: Sequence[Any], columns: Sequence[str], **dtypes: Any) -> pd.DataFrame:
    """Result rows as a frame, column by column (pandas probes each SQLAlchemy Row slowly).

    Columns named in `dtypes` become numpy arrays of that type; the rest stay objects.
    """
    return pd.DataFrame(_columns(rows, columns, **dtypes), columns=columns)


def _columns(rows: Sequence[Any], columns: Sequence[str], **dtypes: Any) -> dict[str, Any]:
    cols = list(zip(*rows, strict=True)) if rows else [()] * len(columns)
    # explicit object Series: pandas 3 would otherwise turn text into Arrow strings, slow to filter and append
    return {c: np.array(v, dtype=dtypes[c]) if c in dtypes else pd.Series(np.array(v, dtype=object), dtype=object)
            for c, v in zip(columns, cols, strict=True)}


_REACTION_TEXT = ("author_group", "author_name", "platform", "kind", "emotion", "text", "hashtags", "lang")


def _reaction_frame(rows: Sequence[Any], platforms: Sequence[str] = ()) -> pd.DataFrame:
    """Rows of the reactions table, numbers typed as `records.reactions_from_db` types them.

    While in memory, the closed vocabularies are categoricals (grouping them is then
    nearly free) and text stays in object columns: the window is appended to and cut
    every refresh, and Arrow-backed strings would pile up chunks doing that.
    """
    columns = _columns(rows, REACTION_COLUMNS, seq=np.int64, t_min=np.float64, author_id=np.int64,
                       intensity=np.float64, cascade_root=np.int64)
    for c, known in (("emotion", EMOTIONS), ("kind", KINDS), ("author_group", GROUPS), ("platform", platforms)):
        columns[c] = _categorical(columns[c].tolist(), tuple(known))
    columns["parent_seq"] = pd.array(columns["parent_seq"].tolist(), dtype="Int64")
    return pd.DataFrame(columns, columns=REACTION_COLUMNS)


def _categorical(values: list[Any], known: tuple[str, ...], strangers: bool = True) -> pd.Categorical:
    """Values as a categorical of the known vocabulary (plus any stranger, never seen in practice: then
    windows of different categories concatenate as objects), coded by a dictionary: pandas' own
    conversion probes its Arrow-backed categories, a tenth of a console's time under a class. Without
    `strangers`, a value outside the vocabulary is missing, as `pd.Categorical` makes it."""
    extra = set(values) - set(known) - {None} if strangers else ()
    dtype, code = _categories((*known, *sorted(extra)))
    return pd.Categorical.from_codes([code.get(v, -1) for v in values], dtype=dtype)


@functools.lru_cache(maxsize=64)
def _categories(values: tuple[str, ...]) -> tuple[pd.CategoricalDtype, dict[str, int]]:
    return pd.CategoricalDtype(list(values)), {v: i for i, v in enumerate(values)}


def _message_frame(rows: Sequence[Any]) -> pd.DataFrame:
    frame = _rows(rows, _MESSAGE_READ)
    return frame.astype({"seq": np.int64, "t_min": np.int64, "calm": np.float64, "detected": bool,
                         "author": STR, "platforms": STR, "strategy": STR, "tone": STR, "text": STR})


def _timeline_frame(rows: Sequence[Any]) -> pd.DataFrame:
    """Timeline rows in `records.timeline_from_db` order; group and emotion as categoricals in memory
    (sorted by their codes before the frame is built: sorting a built frame costs more than the rows)."""
    t_min, group, emotion, count, mean = (list(c) for c in zip(*rows, strict=True)) if rows else ([],) * 5
    (groups, by_group), (emotions, by_emotion) = _categories(tuple(GROUPS)), _categories(tuple(EMOTIONS))
    g = np.array([by_group.get(v, -1) for v in group], dtype=np.int64)
    e = np.array([by_emotion.get(v, -1) for v in emotion], dtype=np.int64)
    t = np.array(t_min, dtype=np.int64)
    order = np.lexsort((e, g, t))
    return pd.DataFrame({"t_min": t[order], "group": pd.Categorical.from_codes(g[order], dtype=groups),
                         "emotion": pd.Categorical.from_codes(e[order], dtype=emotions),
                         "count": np.array(count, dtype=np.int64)[order],
                         "mean_intensity": np.array(mean, dtype=np.float64)[order]}, columns=_TIMELINE_READ)


def _group_emotions(timeline: pd.DataFrame) -> pd.DataFrame:
    """Each group's mean feelings per minute, text as pandas' string dtype (built directly: `astype` costs
    three times as much, every minute)."""
    return pd.DataFrame({"t_min": timeline["t_min"].to_numpy(np.int64),
                         "group": pd.array(timeline["group"].tolist(), dtype=STR),
                         "emotion": pd.array(timeline["emotion"].tolist(), dtype=STR),
                         "mean_intensity": timeline["mean_intensity"].to_numpy(np.float64)},
                        columns=GROUP_EMOTION_COLUMNS)


def _pressure_frame(rows: Sequence[Any]) -> pd.DataFrame:
    return _rows(rows, PRESSURE_COLUMNS, t_min=np.int64, pressure=np.float64)


def _account_frame(rows: Sequence[Any]) -> pd.DataFrame:
    frame = _rows(rows, ACCOUNT_COLUMNS)
    frame["platforms"] = [p.split() if p else [] for p in frame["platforms"]]
    return frame.astype({"account_index": np.int64, "followers": np.int64, "persona_id": STR, "name": STR,
                         "handle": STR, "group": STR, "outlet": STR})


def _short(text: str) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1] + "…"


def _chunks(values: Iterable[int]) -> Iterable[list[int]]:
    values = list(values)
    for i in range(0, len(values), IN_CHUNK):
        yield values[i : i + IN_CHUNK]


__all__ = ["RoomClient", "RoomSnapshot"]
