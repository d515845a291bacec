"""How fast the console's room snapshot refreshes on a large room.

A room of 100,000 accounts, with three trainee messages early on, runs (as fast
as possible) until it holds at least 100,000 crowd items; then, from inside the runner's own per-minute callback (so no
thread races the measurement), a new `RoomClient` takes its first look (cold), and
every five simulated minutes it refreshes again (incremental) and once more with
nothing new (warm). The console polls once a second: all three must stay well
under that.
"""

from __future__ import annotations

import contextlib
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from ..app import rooms
from ..app.runner import RoomRunner
from ..app.snapshot import RoomClient
from ..store.engine import open_store

SCENARIO = "fr-usine-chimique"
MESSAGES = [
    (15, "Nous avons connaissance d'un incident sur notre site de Valmont. Nous vérifions et revenons vers vous."),
    (45, "Une fuite de chlore a eu lieu ce matin. Trois salariés sont soignés. Suivez les consignes de la préfecture."),
    (90, "Nous sommes sincèrement désolés. Nous prendrons en charge tous les frais médicaux des riverains."),
]


class _Done(Exception):
    """Raised from the runner's callback once every measurement is taken."""


def run_console_bench(accounts: int = 100_000, items: int = 100_000, rounds: int = 20, every: int = 5,
                      url: str | None = None, progress: bool = False) -> dict[str, Any]:
    """Cold, warm and incremental refresh times (ms) of a room with `accounts` and ≥ `items` items."""
    with tempfile.TemporaryDirectory() as tmp:
        engine = open_store(url or f"sqlite:///{Path(tmp) / 'console.db'}")
        # ~500 items a minute at this size once the crisis is on: leave room for the rounds after
        room_id = rooms.create_room(engine, SCENARIO, population=accounts, minutes=24 * 60).room_id
        for t_min, body in MESSAGES:  # replies under them are counted by an aggregate on the first look
            rooms.submit(engine, room_id, {"type": "message", "t_min": t_min, "platforms": ["twitter"], "text": body})
        seen: dict[str, Any] = {"client": None, "cold": 0.0, "init": 0.0, "items": 0, "at": 0,
                                "incremental": [], "warm": [], "minute": 0}

        def on_minute(minute: int, model: Any) -> None:
            if seen["client"] is None:
                if len(model.items) < items:
                    return
                t0 = time.perf_counter()
                client = RoomClient(engine, room_id)
                t1 = time.perf_counter()
                client.refresh(min_interval=0.0)
                t2 = time.perf_counter()
                seen.update(client=client, init=(t1 - t0) * 1000, cold=(t2 - t1) * 1000, at=minute)
                seen["items"] = rooms.status(engine, room_id)["items"]
                seen["warm"].append(_timed(client))
                return
            if (minute - seen["at"]) % every:
                return
            seen["incremental"].append(_timed(seen["client"]))
            seen["warm"].append(_timed(seen["client"]))
            seen["minute"] = minute + 1
            if len(seen["incremental"]) >= rounds:
                raise _Done

        t0 = time.perf_counter()
        with contextlib.suppress(_Done):
            RoomRunner(engine, room_id, speed=0, progress=progress, on_minute=on_minute).run()
        if seen["client"] is None:
            raise RuntimeError(f"the room never reached {items} items; raise `accounts` or the room's minutes")
        snap = seen["client"].snapshot
        engine.dispose()
    return {
        "accounts": accounts,
        "items": seen["items"],
        "items_at_end": int(snap.per_minute["count"].sum()),
        "minute_cold": seen["at"] + 1,
        "minute_end": seen["minute"],
        "client_init_ms": round(seen["init"], 1),
        "cold_refresh_ms": round(seen["cold"], 1),
        "warm_refresh_ms": round(statistics.median(seen["warm"]), 2),
        "incremental_refresh_ms": round(statistics.median(seen["incremental"]), 1),
        "incremental_refresh_max_ms": round(max(seen["incremental"]), 1),
        "run_s": round(time.perf_counter() - t0, 1),
        "database": "sqlite" if url is None else url.split(":")[0],
    }


def _timed(client: RoomClient) -> float:
    t0 = time.perf_counter()
    client.refresh(min_interval=0.0)
    return (time.perf_counter() - t0) * 1000


if __name__ == "__main__":  # pragma: no cover
    import json

    print(json.dumps(run_console_bench(progress=True), indent=2))
