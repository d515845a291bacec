"""The live room runner: one process owns a room's model and moves its clock.

Each simulated minute is one database transaction: the inputs applied at that
minute are stamped, everything the crowd published is written, and the room's
minute advances — all or nothing. Killed at any moment, the runner resumes from
the last durable minute by replaying the room's input log (scenario + seed +
inputs rebuild the model exactly), so no item is lost or written twice.
"""

from __future__ import annotations

import os
import socket
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, func, or_, select, update
from tqdm import tqdm

from ..model.inputs import parse_input
from ..model.model import CrisisModel
from ..store import records
from ..store.tables import Input, Message, Reaction, Room, Run, utcnow
from .rooms import RoomError, get_room, room_scenario, runner_alive

POLL_S = 0.2
STALE_S = 15.0


@dataclass
class RunReport:
    room_id: str
    from_minute: int
    to_minute: int
    items_written: int
    replayed_minutes: int
    seconds: float


class RoomRunner:
    """Runs one room until `until` (default: the scenario's end), in real time × speed."""

    def __init__(self, engine: Engine, room_id: str, speed: float | None = None, until: int | None = None,
                 progress: bool = False, on_minute: Callable[[int, CrisisModel], None] | None = None):
        self.engine = engine
        self.room_id = room_id
        self.speed = speed
        self.until = until
        self.progress = progress
        self.on_minute = on_minute
        self.pid = os.getpid()
        self.host = socket.gethostname()

    # ------------------------------------------------------------------ ownership
    def _claim(self) -> None:
        """Take the room unless another live runner holds it."""
        room = get_room(self.engine, self.room_id)
        if room.state == "finished":
            raise RoomError(f"room {self.room_id} has finished (minute {room.minute}); export it instead")
        if room.runner_pid not in (None, self.pid) and runner_alive(room, STALE_S):
            raise RoomError(
                f"room {self.room_id} is already being run by process {room.runner_pid} on {room.runner_host}"
            )
        with self.engine.begin() as conn:
            claimed = conn.execute(
                update(Room)
                .where(Room.id == self.room_id,
                       or_(Room.runner_pid.is_(None), Room.runner_pid == room.runner_pid))
                .values(runner_pid=self.pid, runner_host=self.host, heartbeat_at=utcnow(), updated_at=utcnow())
            ).rowcount
            if not claimed:
                raise RoomError(f"room {self.room_id} was taken by another runner just now")

    def _release(self, reason: str, run_id: int, minute: int) -> None:
        with self.engine.begin() as conn:
            conn.execute(update(Room).where(Room.id == self.room_id, Room.runner_pid == self.pid)
                         .values(runner_pid=None, runner_host=None, updated_at=utcnow()))
            conn.execute(update(Run).where(Run.id == run_id)
                         .values(ended_at=utcnow(), to_minute=minute, end_reason=reason))

    # ------------------------------------------------------------------ rebuilding
    def rebuild(self, room: Room) -> tuple[CrisisModel, dict[int, int]]:
        """The model at the room's last durable minute, from scenario, seed and input log."""
        model = CrisisModel(room_scenario(room), rng=room.seed, population=room.population)
        with self.engine.connect() as conn:
            applied = records.applied_inputs(conn, self.room_id, before=room.minute)
            stored = conn.execute(select(func.count()).select_from(Reaction).where(Reaction.room_id == room.id)).scalar()
            stored += conn.execute(select(func.count()).select_from(Message).where(Message.room_id == room.id)).scalar()
        input_ids = {}
        for pos, (db_id, item) in enumerate(applied):
            model.submit(item)
            input_ids[pos] = db_id
        for _ in tqdm(range(room.minute), desc="replaying", unit="min", disable=not self.progress, leave=False):
            model.step()
        if len(model.items) != stored:
            raise RoomError(
                f"room {room.id}: replaying minutes 0–{room.minute - 1} gives {len(model.items)} items but the "
                f"database holds {stored}; the scenario or the engine changed since the room ran"
            )
        return model, input_ids

    # ------------------------------------------------------------------ the loop
    def run(self) -> RunReport:
        t0 = time.perf_counter()
        self._claim()
        room = get_room(self.engine, self.room_id)
        start_minute = room.minute
        with self.engine.begin() as conn:
            run_id = conn.execute(
                Run.__table__.insert().values(room_id=self.room_id, pid=self.pid, host=self.host,
                                              from_minute=start_minute, started_at=utcnow())
            ).inserted_primary_key[0]
        reason, written = "stopped", 0
        model = None
        try:
            model, input_ids = self.rebuild(room)
            stop = min(self.until if self.until is not None else room.until, room.until)
            if self.speed is not None:
                self._set(speed=self.speed)
            if room.state in ("created", "stopped"):
                self._set(state="running")  # a trainer's pause survives a runner restart
            bar = tqdm(total=stop, initial=room.minute, unit="min", desc=f"room {self.room_id}",
                       disable=not self.progress)
            next_due = time.monotonic()
            while model.minute < stop:
                room = get_room(self.engine, self.room_id)
                if room.state == "paused":
                    self._heartbeat()
                    time.sleep(POLL_S)
                    next_due = time.monotonic()
                    continue
                wait = next_due - time.monotonic()
                if room.speed > 0 and wait > 0:
                    time.sleep(min(wait, POLL_S))
                    continue
                written += self._step(model, input_ids)
                bar.update(1)
                if room.speed > 0:
                    next_due = max(next_due + 60.0 / room.speed, time.monotonic() - 1.0)
                if self.on_minute:
                    self.on_minute(model.minute - 1, model)
            bar.close()
            finished = model.minute >= room.until
            self._set(state="finished" if finished else "stopped")
            reason = "finished" if finished else "until"
        except KeyboardInterrupt:
            reason = "interrupted"
            raise
        finally:
            self._release(reason, run_id, model.minute if model is not None else start_minute)
        return RunReport(self.room_id, start_minute, model.minute, written, start_minute,
                         time.perf_counter() - t0)

    def _step(self, model: CrisisModel, input_ids: dict[int, int]) -> int:
        """Simulate one minute and make it durable in one transaction."""
        m = model.minute
        t = Input.__table__
        with self.engine.connect() as conn:
            pending = conn.execute(
                select(t.c.id, t.c.payload).where(
                    t.c.room_id == self.room_id, t.c.applied_minute.is_(None),
                    or_(t.c.requested_minute.is_(None), t.c.requested_minute <= m),
                ).order_by(t.c.id)
            ).fetchall()
        ids = []
        for row in pending:
            item = parse_input(row.payload).model_copy(update={"t_min": m})
            input_ids[len(model.input_log) + len(ids)] = row.id
            model.submit(item)
            ids.append(row.id)
        since, events_from = len(model.items), len(model.events)
        model.step()
        rows = records.minute_rows(model, self.room_id, m, since, events_from, input_ids)
        with self.engine.begin() as conn:
            written = records.write_rows(conn, rows)
            if ids:
                conn.execute(update(Input).where(Input.id.in_(ids)).values(applied_minute=m))
            moved = conn.execute(
                update(Room).where(Room.id == self.room_id, Room.minute == m, Room.runner_pid == self.pid)
                .values(minute=m + 1, heartbeat_at=utcnow(), updated_at=utcnow())
            ).rowcount
            if moved != 1:
                raise RoomError(f"room {self.room_id} changed hands during minute {m}; stopping")
        return written

    def _set(self, **values: Any) -> None:
        with self.engine.begin() as conn:
            conn.execute(update(Room).where(Room.id == self.room_id).values(updated_at=utcnow(), **values))

    def _heartbeat(self) -> None:
        self._set(heartbeat_at=utcnow())


def run_room(engine: Engine, room_id: str, speed: float | None = None, until: int | None = None,
             progress: bool | None = None) -> RunReport:
    """Run a room in this process (what `uproar room run` does)."""
    show = sys.stderr.isatty() if progress is None else progress
    return RoomRunner(engine, room_id, speed=speed, until=until, progress=show).run()
