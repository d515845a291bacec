"""A room's live view, computed once per new minute and shared by every session watching it.

Thirty people on four rooms must not cost thirty times one person. `ViewHub` (one
per console process) keeps, per room, the incremental `RoomClient` and the
`RoomView` built from its last snapshot. A session asks the hub for the view on
each tick: at most every `check_s` seconds one of them reads the room's row (one
small query); when the minute moved, that session builds the new view — frames
read incrementally, then HTML pieces and chart specifications made lazily, once
per language (and once per feed filter) — and every other session picks it up.
A tick that finds nothing new costs a dictionary lookup.
"""

from __future__ import annotations

import re
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from . import charts
from .feed import (
    CARD_COLUMNS,
    feed_html,
    filter_feed,
    header_html,
    influential_html,
    item_cards,
    messages_html,
    questions_html,
    status_line_html,
    trends_html,
)
from .snapshot import RoomClient, RoomSnapshot

NOTABLE_GROUPS = ("journalist", "elected", "union")
FEED_ITEMS = 40
TRAINEE_ITEMS = 30


@dataclass
class RoomView:
    """Everything the pages draw for one room at one minute; pieces are made on first use."""

    snapshot: RoomSnapshot
    _parts: dict[tuple, Any] = field(default_factory=dict)
    _lock: threading.RLock = field(default_factory=threading.RLock)  # a piece may be made of pieces
    #: what is worked out once per item — (seq, lang) → its card, (seq, "org") → whether it names the
    #: organisation — kept from one minute's view to the next while the item is in the feed: a new
    #: minute works on its new items only, not on every tab's thirty and the feed's 2,000 again
    _per_item: dict[tuple[int, str], Any] = field(default_factory=dict)

    @property
    def room(self) -> dict:
        return self.snapshot.room

    @property
    def version(self) -> int:
        """Changes when the frames change (a new minute)."""
        return self.snapshot.version

    @property
    def status(self) -> tuple:
        """What the clock and controls show; changes on a new minute, a pause, a speed, a dead runner."""
        r = self.room
        return (r["minute"], r["state"], r["speed"], r.get("runner_alive"), r.get("stalled"))

    def with_snapshot(self, snapshot: RoomSnapshot) -> RoomView:
        """The same frames under a new room status: the pieces already made are kept."""
        if snapshot.version != self.version:
            feed = snapshot.feed
            oldest = int(feed["seq"].min()) if len(feed) else 0
            kept = self._per_item.copy()  # one call under the GIL: sessions on this view may be adding to it
            return RoomView(snapshot, _per_item={k: v for k, v in kept.items() if k[0] >= oldest})
        return RoomView(snapshot, self._parts, self._lock, self._per_item)

    def _items(self, rows: np.ndarray, lang: str, limit: int) -> str:
        """The feed's rows `rows` (positions, newest first) as a column of cards, each made once."""
        feed = self.snapshot.feed
        rows = np.asarray(rows, dtype=np.int64)[:limit]
        seqs = feed["seq"].to_numpy()[rows].tolist()
        known = self._per_item
        missing = [(r, s) for r, s in zip(rows.tolist(), seqs, strict=True) if (s, lang) not in known]
        if missing:
            at = np.array([r for r, _ in missing], dtype=np.int64)
            made = item_cards([column[at] for column in self._part(("card columns",), self._card_columns)], lang)
            known.update(((s, lang), card) for (_, s), card in zip(missing, made, strict=True))
        return feed_html([known[(s, lang)] for s in seqs], lang)

    def _card_columns(self) -> list[np.ndarray]:
        """The feed's columns a card shows, as arrays (taking rows from a frame costs more than a card)."""
        return [self.snapshot.feed[c].to_numpy(object) for c in CARD_COLUMNS]

    def _part(self, key: tuple, make: Callable[[], Any]) -> Any:
        found = self._parts.get(key)
        if found is None:
            with self._lock:
                found = self._parts.get(key)
                if found is None:
                    found = self._parts[key] = make()
        return found

    # ------------------------------------------------------------------ trainer and observer
    def header(self, lang: str) -> str:
        snap = self.snapshot
        pressure = snap.pressure["pressure"]

        def make() -> str:
            now = float(pressure.iloc[-1]) if len(pressure) else 0.0
            before = float(pressure.iloc[-6]) if len(pressure) > 5 else 0.0
            return header_html(self.room, now, before, int(snap.per_minute["count"].sum()), lang, live_key(self))

        return self._part(("header", lang, self.status, self.version), make)

    def charts(self, lang: str) -> dict[str, dict]:
        """Chart specifications by name (data inside as Arrow bytes); copy before handing to Streamlit."""
        snap = self.snapshot

        def make() -> dict[str, dict]:
            return {
                "per_minute": charts.items_per_minute(snap.per_minute, snap.markers, lang),
                "pressure": charts.pressure_history(snap.pressure, snap.markers, lang),
                "groups": charts.group_heatmap(snap.group_emotions, lang),
                "platforms": charts.platform_split(snap.platform_split, lang),
                "network": charts.network_view(snap.network_nodes, snap.network_edges, lang),
            }

        return self._part(("charts", lang), make)

    def trends(self, lang: str) -> str:
        return self._part(("trends", lang), lambda: trends_html(self.snapshot.hashtags, lang))

    def influential(self, lang: str) -> str:
        return self._part(("influential", lang), lambda: influential_html(self.snapshot.influential, lang))

    def feed(self, lang: str, filters: tuple = (None, None, None, None, "")) -> str:
        """The live feed under the session's filters (one rendering per distinct filter set)."""
        snap = self.snapshot

        def make() -> str:
            items = filter_feed(snap.feed, *filters) if any(filters) else snap.feed
            return (messages_html(self.messages(), lang, limit=5) if len(snap.messages) else "") + self._items(
                items.index.to_numpy(), lang, FEED_ITEMS)  # a filter keeps the feed's positions as its index

        return self._part(("feed", lang, filters), make)

    # ------------------------------------------------------------------ trainee
    def status_line(self, lang: str) -> str:
        return self._part(("status", lang, self.status, self.version),
                          lambda: status_line_html(self.room, lang, live_key(self)))

    def mentions(self, platform: str, lang: str) -> str:
        """What the organisation's accounts see on one platform: replies to it, mentions, notable accounts."""
        rows = self._part(("seen",), self._seen).get(platform)
        return self._part(("mentions", platform, lang),
                          lambda: self._items(rows if rows is not None else np.empty(0, np.int64), lang, TRAINEE_ITEMS))

    def _seen(self) -> dict[str, np.ndarray]:
        """Per platform, the feed rows (newest first, at most `TRAINEE_ITEMS`) the trainees' tabs show."""
        snap = self.snapshot
        feed = snap.feed
        org = snap.accounts[snap.accounts["group"] == "organisation"]
        names = [n for n in [*org["name"], *org["handle"]] if n]
        keep = feed["author_group"].isin(NOTABLE_GROUPS).to_numpy(bool).copy()
        if len(snap.messages):
            keep |= feed["parent_seq"].isin(snap.messages["seq"]).to_numpy(bool)
        if names:
            keep |= self._names_organisation(feed, "|".join(map(re.escape, names)))
        rows = np.flatnonzero(keep)
        platform = feed["platform"].to_numpy(object)[rows]
        return {p: rows[platform == p][:TRAINEE_ITEMS] for p in set(platform.tolist())}

    def _names_organisation(self, feed: pd.DataFrame, pattern: str) -> np.ndarray:
        """Per feed row, whether its text names the organisation (searched once per item)."""
        seqs = feed["seq"].to_numpy().tolist()
        known = self._per_item
        new = [i for i, s in enumerate(seqs) if (s, "org") not in known]
        if new:
            found = feed["text"].take(new).str.contains(pattern, case=False, regex=True).to_numpy(bool)
            known.update(((seqs[i], "org"), bool(f)) for i, f in zip(new, found, strict=True))
        return np.fromiter((known[(s, "org")] for s in seqs), dtype=bool, count=len(seqs))

    def messages(self) -> pd.DataFrame:
        """The organisation's messages as the crowd now reads them: a trainer's correction (a `reading`
        event) replaces the engine's strategy and tone; `engine` keeps what Uproar read, when corrected."""
        return self._part(("messages",), lambda: corrected_messages(self.snapshot.messages, self.snapshot.events))

    def press(self, lang: str) -> str:
        return self._part(("press", lang),
                          lambda: questions_html(self.snapshot.questions, self.room["minute"], lang))

    def sent(self, lang: str) -> str:
        return self._part(("sent", lang), lambda: messages_html(self.messages(), lang, full=True))


def corrected_messages(messages: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """Messages with the last trainer's correction of each laid over the engine's reading."""
    fixes = events[events["source"] == "reading"]
    out = messages.assign(engine="")
    if fixes.empty or out.empty:
        return out
    latest = {int(d["seq"]): d for d in fixes["data"] if d.get("seq") is not None}
    at = out["seq"].map(latest)
    hit = at.notna().to_numpy()
    if not hit.any():
        return out
    strategy, tone, engine = out["strategy"].tolist(), out["tone"].tolist(), out["engine"].tolist()
    for i in map(int, hit.nonzero()[0]):
        fix = at.iat[i]
        was = fix.get("engine") or {}
        engine[i] = f"{was.get('strategy', strategy[i])}/{was.get('tone', tone[i])}"
        strategy[i], tone[i] = fix.get("strategy") or strategy[i], fix.get("tone") or tone[i]
    return out.assign(strategy=strategy, tone=tone, engine=engine)


class ViewHub:
    """Per room, one client and one view for every session of this console process."""

    def __init__(self, engine, check_s: float = 0.1, forget_s: float = 600.0):  # type: ignore[no-untyped-def]
        self.engine = engine
        self.check_s = check_s
        self.forget_s = forget_s  # a room nobody looked at for this long leaves memory
        #: how many times each room's view was built (new frames), for tests and the curious
        self.builds: Counter[str] = Counter()
        self._entries: dict[str, _Entry] = {}
        self._lock = threading.Lock()

    def view(self, room_id: str) -> RoomView:
        """The room's current view; at most one database check per room every `check_s` seconds."""
        entry = self._entry(room_id)
        entry.used = time.monotonic()
        if entry.view is not None and entry.used - entry.checked < self.check_s:
            return entry.view
        # one session checks; the others take the view as it is rather than queue behind it
        if not entry.lock.acquire(blocking=entry.view is None):
            return entry.view  # type: ignore[return-value]
        try:
            if entry.view is None or time.monotonic() - entry.checked >= self.check_s:
                snap = entry.client.refresh(min_interval=0.0)
                if entry.view is None or snap.version != entry.view.version:
                    self.builds[room_id] += 1
                entry.view = RoomView(snap) if entry.view is None else entry.view.with_snapshot(snap)
                entry.checked = time.monotonic()
            return entry.view
        finally:
            entry.lock.release()

    def _entry(self, room_id: str) -> _Entry:
        entry = self._entries.get(room_id)
        if entry is None:
            with self._lock:
                entry = self._entries.get(room_id)
                if entry is None:
                    now = time.monotonic()
                    for old in [r for r, e in self._entries.items() if now - e.used > self.forget_s]:
                        del self._entries[old]
                    entry = self._entries[room_id] = _Entry(RoomClient(self.engine, room_id))
        return entry


@dataclass
class _Entry:
    client: RoomClient
    view: RoomView | None = None
    checked: float = 0.0
    used: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)




_hubs: dict[str, ViewHub] = {}
_hubs_lock = threading.Lock()


def shared_hub(url: str | None = None) -> ViewHub:
    """The console process's hub for a database (the pages and the live endpoint share it)."""
    from ..store.engine import database_url, make_engine, open_store

    url = database_url(url)
    hub = _hubs.get(url)
    if hub is None:
        with _hubs_lock:
            hub = _hubs.get(url)
            if hub is None:
                open_store(url).dispose()  # the schema first (a new database, a new release)
                hub = _hubs[url] = ViewHub(make_engine(url, writer=False))
    return hub


def live_key(view: RoomView) -> str:
    """What a page's live part depends on, as the pages' watcher compares it: clock, state, frames,
    the journalists' open questions (the trainee's composer lists them)."""
    r = view.room
    questions = ",".join(str(q["id"]) for q in view.snapshot.questions if q["status"] == "open")
    return (f"{r['minute']}.{view.version}.{r['state']}.{r['speed']:g}.{int(bool(r.get('runner_alive')))}"
            f".{int(bool(r.get('stalled')))}.{questions}")


__all__ = ["RoomView", "ViewHub", "live_key", "shared_hub"]
