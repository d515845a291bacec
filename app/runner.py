"""The live room runner: one process owns a room's model and moves its clock.

Each simulated minute is one database transaction: the inputs applied at that
minute are stamped, everything the crowd published is written, and the room's
minute advances — all or nothing. Killed at any moment, the runner resumes from
the last durable minute by replaying the room's input log (scenario + seed +
inputs rebuild the model exactly), so no item is lost or written twice.

Through a database outage (a restart, a dropped link, a SQLite file locked by
another process) every transaction is tried again with backoff: the clock holds
while the database is away, then catches up in order, up to `CATCH_UP` times its
speed, until it is back on schedule. After `GIVE_UP_S` without the database the
runner stops with one line; the room still says it should run, so a supervisor
(`app/supervisor.py`) or a person starts it again and it resumes by replay.
"""

from __future__ import annotations

import os
import signal
import socket
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import Engine, func, or_, select, update
from tqdm import tqdm

from ..model.classify import warm as warm_reader
from ..model.inputs import parse_input
from ..model.model import CrisisModel
from ..store import records
from ..store.engine import StoreUnavailable, is_outage
from ..store.outage import Patience
from ..store.tables import Input, Message, Reaction, Room, Run, utcnow
from .rooms import HEARTBEAT_S, RoomError, get_room, room_scenario, runner_alive

T = TypeVar("T")

POLL_S = 0.2
GIVE_UP_S = 300.0  # five minutes without the database: stop, and let a supervisor or a person restart
CATCH_UP = 4.0  # behind schedule (after an outage), minutes come up to this many times faster
RUNNER_BUSY_S = 3.0  # SQLite: past this the runner's own retry takes over and says so


@dataclass
class RunReport:
    room_id: str
    from_minute: int
    to_minute: int
    items_written: int
    replayed_minutes: int
    seconds: float
    outages_s: list[float] = field(default_factory=list)  # each database outage ridden out


class RoomRunner:
    """Runs one room until `until` (default: the scenario's end), in real time × speed."""

    def __init__(self, engine: Engine, room_id: str, speed: float | None = None, until: int | None = None,
                 progress: bool = False, on_minute: Callable[[int, CrisisModel], None] | None = None,
                 give_up_after: float = GIVE_UP_S, say: Callable[[str], None] | None = None):
        self.engine = engine
        self.room_id = room_id
        self.speed = speed
        self.until = until
        self.progress = progress
        self.on_minute = on_minute
        self.pid = os.getpid()
        self.host = socket.gethostname()
        self.say = say or (lambda _line: None)
        self.db = Patience(engine, limit_s=give_up_after, say=lambda line: self.say(f"room {room_id}: {line}"))
        self.durable = 0  # the room's minute as the database has it
        self._beat_at = 0.0

    # ------------------------------------------------------------------ ownership
    def _claim(self) -> None:
        """Take the room unless another live runner holds it; note when a dead one died."""
        room = get_room(self.engine, self.room_id)
        if room.state == "finished":
            raise RoomError(f"room {self.room_id} has finished (minute {room.minute}); export it instead")
        if room.runner_pid not in (None, self.pid) and runner_alive(room):
            raise RoomError(
                f"room {self.room_id} is already being run by process {room.runner_pid} on {room.runner_host}"
            )
        values: dict[str, Any] = {"runner_pid": self.pid, "runner_host": self.host, "heartbeat_at": utcnow(),
                                  "updated_at": utcnow(), "stop_at": self.until}
        if room.runner_pid not in (None, self.pid) and room.heartbeat_at is not None:
            values["runner_lost_at"] = room.heartbeat_at
        if room.state in ("created", "stopped"):
            values["state"] = "running"  # from now on a dead runner is restarted; a trainer's pause survives
        with self.engine.begin() as conn:
            claimed = conn.execute(
                update(Room)
                .where(Room.id == self.room_id,
                       or_(Room.runner_pid.is_(None), Room.runner_pid == room.runner_pid))
                .values(**values)
            ).rowcount
            if not claimed:
                raise RoomError(f"room {self.room_id} was taken by another runner just now")
        self._beat_at = time.monotonic()

    def _open_run(self, minute: int) -> int:
        with self.engine.begin() as conn:
            return conn.execute(
                Run.__table__.insert().values(room_id=self.room_id, pid=self.pid, host=self.host,
                                              from_minute=minute, started_at=utcnow())
            ).inserted_primary_key[0]

    def _release(self, reason: str, run_id: int | None) -> None:
        """Let go of the room (and close its run, if one was opened)."""
        with self.engine.begin() as conn:
            conn.execute(update(Room).where(Room.id == self.room_id, Room.runner_pid == self.pid)
                         .values(runner_pid=None, runner_host=None, updated_at=utcnow()))
            if run_id is not None:
                conn.execute(update(Run).where(Run.id == run_id)
                             .values(ended_at=utcnow(), to_minute=self.durable, end_reason=reason[:500]))

    def _stop_deliberately(self) -> None:
        """Ctrl+C or SIGTERM: the room no longer asks to run, so no supervisor restarts it."""
        with self.engine.begin() as conn:
            conn.execute(update(Room).where(Room.id == self.room_id, Room.runner_pid == self.pid,
                                            Room.state == "running")
                         .values(state="stopped", updated_at=utcnow()))

    # ------------------------------------------------------------------ rebuilding
    def rebuild(self, room: Room) -> tuple[CrisisModel, dict[int, int]]:
        """The model at the room's last durable minute, from scenario, seed and input log."""
        model = CrisisModel(room_scenario(room), rng=room.seed, population=room.population)

        def read() -> tuple[list, int]:
            with self.engine.connect() as conn:
                applied = records.applied_inputs(conn, self.room_id, before=room.minute)
                stored = conn.execute(select(func.count()).select_from(Reaction)
                                      .where(Reaction.room_id == room.id)).scalar()
                stored += conn.execute(select(func.count()).select_from(Message)
                                       .where(Message.room_id == room.id)).scalar()
            return applied, stored

        applied, stored = self.db(read)
        input_ids = {}
        for pos, (db_id, item) in enumerate(applied):
            model.submit(item)
            input_ids[pos] = db_id
        for _ in tqdm(range(room.minute), desc="replaying", unit="min", disable=not self.progress, leave=False):
            model.step()
            self._beat()  # a long replay must not look like a dead runner
        if len(model.items) != stored:
            raise RoomError(
                f"room {room.id}: replaying minutes 0–{room.minute - 1} gives {len(model.items)} items but the "
                f"database holds {stored}; the scenario or the engine changed since the room ran"
            )
        return model, input_ids

    # ------------------------------------------------------------------ the run
    def run(self) -> RunReport:
        t0 = time.perf_counter()
        try:  # a stop can land while the room is being taken: the updates below only touch it if ours
            self.db(self._claim)
            room = self.db(lambda: get_room(self.engine, self.room_id))
            start_minute = self.durable = room.minute
            run_id = self.db(lambda: self._open_run(start_minute))
        except KeyboardInterrupt:  # stopped between taking the room and starting: still deliberate
            self._quietly(self._stop_deliberately)
            self._quietly(lambda: self._release("interrupted", None))
            raise
        reason, written = "error", 0
        try:
            model, input_ids = self.rebuild(room)
            warm_reader()  # a trainee's first message would otherwise stall the clock a second
            stop = min(self.until if self.until is not None else room.until, room.until)
            if self.speed is not None:
                self.db(lambda: self._set(speed=self.speed))
            written = self._loop(model, input_ids, stop)
            finished = model.minute >= room.until
            self.db(lambda: self._set(state="finished" if finished else "stopped"))
            reason = "finished" if finished else "until"
        except KeyboardInterrupt:
            reason = "interrupted"
            self._quietly(self._stop_deliberately)
            raise
        except StoreUnavailable as exc:
            reason = "database unavailable"
            raise StoreUnavailable(
                f"room {self.room_id}: {exc}; stopped at minute {self.durable}. Nothing is lost: "
                f"`uproar room run {self.room_id}` resumes it once the database is back "
                "(`uproar room supervise` or a console does that by itself)"
            ) from None
        except Exception as exc:
            reason = f"error: {exc}"
            raise
        finally:
            self._quietly(lambda: self._release(reason, run_id))
        return RunReport(self.room_id, start_minute, self.durable, written, start_minute,
                         time.perf_counter() - t0, list(self.db.outages))

    def _loop(self, model: CrisisModel, input_ids: dict[int, int], stop: int) -> int:
        """Step on schedule; behind schedule (after an outage) catch up at most `CATCH_UP`× faster."""
        written = 0
        bar = tqdm(total=stop, initial=model.minute, unit="min", desc=f"room {self.room_id}",
                   disable=not self.progress)
        next_due, last_step = time.monotonic(), float("-inf")
        while model.minute < stop:
            room = self.db(lambda: get_room(self.engine, self.room_id))
            if room.runner_pid != self.pid:
                raise RoomError(f"room {self.room_id} was taken over by process {room.runner_pid} on "
                                f"{room.runner_host}; stopping")
            if room.state == "paused":
                self._beat()
                time.sleep(POLL_S)
                next_due = time.monotonic()
                continue
            if room.speed > 0:
                interval = 60.0 / room.speed
                due = max(next_due, last_step + interval / CATCH_UP)
                if time.monotonic() < due:
                    self._beat()
                    time.sleep(min(due - time.monotonic(), POLL_S))
                    continue
            last_step = time.monotonic()
            written += self._step(model, input_ids)
            bar.update(1)
            if room.speed > 0:
                # never owe more than an outage the runner would have ridden out
                next_due = max(next_due + interval, time.monotonic() - self.db.limit_s)
            if self.on_minute:
                self.on_minute(model.minute - 1, model)
        bar.close()
        return written

    def _step(self, model: CrisisModel, input_ids: dict[int, int]) -> int:
        """Simulate one minute and make it durable in one transaction."""
        m = model.minute
        t = Input.__table__

        def pending() -> list:
            with self.engine.connect() as conn:
                return conn.execute(
                    select(t.c.id, t.c.payload).where(
                        t.c.room_id == self.room_id, t.c.applied_minute.is_(None),
                        or_(t.c.requested_minute.is_(None), t.c.requested_minute <= m),
                    ).order_by(t.c.id)
                ).fetchall()

        ids, first = [], len(model.input_log)
        for row in self.db(pending):
            item = parse_input(row.payload).model_copy(update={"t_min": m})
            input_ids[len(model.input_log) + len(ids)] = row.id
            model.submit(item)
            ids.append(row.id)
        since, events_from = len(model.items), len(model.events)
        model.step()
        rows = records.minute_rows(model, self.room_id, m, since, events_from, input_ids)
        written = self._write_minute(m, rows, ids, records.message_payloads(model, first, input_ids))
        self.durable = m + 1
        self._beat_at = time.monotonic()
        return written

    def _write_minute(self, m: int, rows: dict, ids: list[int], readings: dict[int, str] | None = None) -> int:
        """The minute's one transaction, tried again through an outage with the same rows.

        `readings`: the new payload (with the reading the model made) of each message applied,
        by input id, so a resumed room reads its messages as it did.

        A commit whose answer was lost with the connection may have landed: a retry first
        looks whether the room's minute moved, and if it did under this runner, it is done.
        """
        attempts = 0

        def write() -> int:
            nonlocal attempts
            attempts += 1
            with self.engine.begin() as conn:
                if attempts > 1:
                    now = conn.execute(select(Room.minute, Room.runner_pid).where(Room.id == self.room_id)).one()
                    if now.minute == m + 1 and now.runner_pid == self.pid:
                        return len(rows.get(Reaction, []))
                written = records.write_rows(conn, rows)
                if ids:
                    conn.execute(update(Input).where(Input.id.in_(ids)).values(applied_minute=m))
                for input_id, payload in (readings or {}).items():
                    conn.execute(update(Input).where(Input.id == input_id).values(payload=payload))
                moved = conn.execute(
                    update(Room).where(Room.id == self.room_id, Room.minute == m, Room.runner_pid == self.pid)
                    .values(minute=m + 1, heartbeat_at=utcnow(), updated_at=utcnow())
                ).rowcount
                if moved != 1:
                    raise RoomError(f"room {self.room_id} changed hands during minute {m}; stopping")
                return written

        return self.db(write)

    # ------------------------------------------------------------------ small writes
    def _set(self, **values: Any) -> None:
        with self.engine.begin() as conn:
            conn.execute(update(Room).where(Room.id == self.room_id).values(updated_at=utcnow(), **values))

    def _beat(self) -> None:
        """The heartbeat, at most every `HEARTBEAT_S` (only while this runner holds the room)."""
        if time.monotonic() - self._beat_at < HEARTBEAT_S:
            return

        def beat() -> None:
            with self.engine.begin() as conn:
                conn.execute(update(Room).where(Room.id == self.room_id, Room.runner_pid == self.pid)
                             .values(heartbeat_at=utcnow()))

        self.db(beat)
        self._beat_at = time.monotonic()

    def _quietly(self, work: Callable[[], Any]) -> None:
        """Once, and never raise for an outage: used on the way out, when the database may be gone."""
        try:
            work()
        except Exception as exc:
            if not is_outage(exc):
                raise


def run_room(engine: Engine, room_id: str, speed: float | None = None, until: int | None = None,
             progress: bool | None = None, give_up_after: float = GIVE_UP_S,
             say: Callable[[str], None] | None = None) -> RunReport:
    """Run a room in this process (what `uproar room run` does).

    SIGTERM (a service manager stopping it) is a deliberate stop like Ctrl+C: the room is
    left 'stopped', not 'running', so no supervisor starts it again.
    """
    show = sys.stderr.isatty() if progress is None else progress
    runner = RoomRunner(engine, room_id, speed=speed, until=until, progress=show, give_up_after=give_up_after,
                        say=say)
    if threading.current_thread() is not threading.main_thread():
        return runner.run()
    before = signal.signal(signal.SIGTERM, _interrupt)
    try:
        return runner.run()
    finally:
        signal.signal(signal.SIGTERM, before)


def _interrupt(_signum: int, _frame: Any) -> None:
    raise KeyboardInterrupt
