"""The supervisor: a room that should be running and whose runner is gone gets a new runner.

Nobody has to notice a dead runner. Every `uproar console` runs a supervisor in the
background, and `uproar room supervise` runs one for command-line users; any number
may watch one database. Each look (`Supervisor.scan`) finds the rooms whose state is
`running` and whose runner is dead — on this machine its process is gone, on another
its heartbeat is stale — and starts `uproar room run` for them, which resumes by replay.

Only rooms that ask to run are restarted: a room paused by a trainer, stopped at its
`--until`, stopped by Ctrl+C or SIGTERM, or finished is left alone. Two supervisors
never start two runners for one room: a restart is claimed in the database first, by
a conditional UPDATE on the room's restart counter (the one whose UPDATE changes the row
starts the runner), and the runner's own claim refuses a room a live runner holds.
"""

from __future__ import annotations

import contextlib
import socket
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select, update

from ..store.engine import database_url, is_outage, make_engine
from ..store.outage import describe
from ..store.tables import Room, Run, utcnow
from .rooms import iso_utc, runner_alive, spawn_runner

INTERVAL_S = 1.0  # one cheap query a second per supervisor
START_GRACE_S = 30.0  # a runner just started has this long to take the room before another try
CONFIRM_S = 6.0  # after the supervisor's own outage, live runners on other hosts need this to beat again
MAX_RESTARTS = 5  # restarts in a row without the room's clock moving, then leave it to a person


@dataclass(frozen=True)
class Restart:
    """One runner started by a supervisor."""

    room_id: str
    minute: int
    lost_at: datetime | None  # the dead runner's last heartbeat: when it died
    pid: int


class Supervisor:
    """Watches one database and restarts the runners of rooms that should be running."""

    def __init__(self, url: str | None = None, interval_s: float = INTERVAL_S,
                 say: Callable[[str], None] | None = None, runner_log: str | Path | None = None,
                 launch: Callable[[str, int | None], Any] | None = None):
        self.url = database_url(url)
        self.interval_s = interval_s
        self.say = say or (lambda _line: None)
        self.runner_log = runner_log
        self._launch = launch or (lambda room_id, until=None: spawn_runner(room_id, until=until, database=self.url,
                                                                            log=self.runner_log))
        self._reader = make_engine(self.url, writer=False)
        self._writer = make_engine(self.url)
        self.host = socket.gethostname()
        self.restarts: list[Restart] = []
        self._children: list[Any] = []  # Popen of the runners started here, reaped as they end
        self._tries: dict[str, tuple[int, int]] = {}  # room → (minute, restarts at that minute)
        self._left_alone: set[str] = set()
        self._db_ok_since: float | None = None
        self._said_down = False
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # ------------------------------------------------------------------ one look
    def scan(self) -> list[Restart]:
        """Restart what needs it now; returns the restarts this look made."""
        self._reap()
        try:
            rooms = self._rooms_asking_to_run()
        except Exception as exc:
            if not is_outage(exc):
                raise
            if self._db_ok_since is not None or not self._said_down:
                self.say(f"database unavailable ({describe(exc)}); watching")
                self._said_down = True
            self._db_ok_since = None
            return []
        now = time.monotonic()
        if self._db_ok_since is None:
            if self._said_down:
                self.say("database back")
            self._db_ok_since, self._said_down = now, False
        made = []
        for room in rooms:
            if runner_alive(room) or not self._may_restart(room, now):
                continue
            try:
                done = self._restart(room)
            except Exception as exc:
                if not is_outage(exc):
                    raise
                self._db_ok_since = None
                break
            if done is not None:
                made.append(done)
        return made

    def _rooms_asking_to_run(self) -> list[Room]:
        with self._reader.connect() as conn:
            rows = conn.execute(select(Room.__table__).where(Room.__table__.c.state == "running")).all()
        return [Room(**row._mapping) for row in rows]

    def _may_restart(self, room: Room, now: float) -> bool:
        if room.id in self._left_alone:
            return False
        if room.runner_host not in (None, self.host) and now - (self._db_ok_since or now) < CONFIRM_S:
            return False  # we were cut off ourselves: a live runner elsewhere may not have beaten yet
        if room.restarted_at is not None and utcnow() - _aware(room.restarted_at) < timedelta(seconds=START_GRACE_S):
            beat = _aware(room.heartbeat_at) if room.heartbeat_at is not None else None
            if beat is None or beat <= _aware(room.restarted_at):
                return False  # the runner we started has not taken the room yet
        minute, tries = self._tries.get(room.id, (room.minute, 0))
        if room.minute != minute:
            minute, tries = room.minute, 0
        if tries >= MAX_RESTARTS:
            self._give_up(room, f"its runner died {tries} times at minute {minute}")
            return False
        reason = self._last_end_reason(room)
        if reason is not None and reason.startswith("error"):
            self._give_up(room, f"its runner stopped on an error ({reason[7:]})")
            return False
        self._tries[room.id] = (minute, tries)
        return True

    def _last_end_reason(self, room: Room) -> str | None:
        """How the room's last run ended, if its runner released the room (a killed one did not)."""
        if room.runner_pid is not None:
            return None
        with self._reader.connect() as conn:
            return conn.execute(select(Run.end_reason).where(Run.room_id == room.id)
                                .order_by(Run.id.desc()).limit(1)).scalar()

    def _restart(self, room: Room) -> Restart | None:
        """Claim the restart in the database, then start the runner; None if another supervisor won."""
        lost = room.heartbeat_at if room.runner_pid is not None else None
        values: dict[str, Any] = {"runner_restarts": Room.runner_restarts + 1, "restarted_at": utcnow()}
        if lost is not None:
            values["runner_lost_at"] = lost
        with self._writer.begin() as conn:
            won = conn.execute(
                update(Room).where(Room.id == room.id, Room.state == "running",
                                   Room.runner_restarts == room.runner_restarts,
                                   Room.runner_pid.is_not_distinct_from(room.runner_pid))
                .values(**values)
            ).rowcount
        if won != 1:
            return None
        proc = self._launch(room.id, room.stop_at)  # a jump's runner, restarted, still stops at its minute
        self._children.append(proc)
        minute, tries = self._tries[room.id]
        self._tries[room.id] = (minute, tries + 1)
        done = Restart(room.id, room.minute, lost, int(proc.pid))
        self.restarts.append(done)
        died = f"runner died at {iso_utc(lost)}" if lost is not None else "no runner"
        self.say(f"room {room.id}: {died}, minute {room.minute}; started a new one (pid {proc.pid})")
        return done

    def _give_up(self, room: Room, why: str) -> None:
        self._left_alone.add(room.id)
        self.say(f"room {room.id}: not restarting it: {why}; see `uproar room run {room.id}`")

    def _reap(self) -> None:
        self._children = [p for p in self._children if p.poll() is None]

    # ------------------------------------------------------------------ looking forever
    def run_forever(self) -> None:
        while True:
            try:
                self.scan()
            except Exception as exc:  # a bug must not kill the watch: say it, keep looking
                self.say(f"supervisor: {exc.__class__.__name__}: {exc}")
            if self._stop.wait(self.interval_s):
                return

    def start(self) -> Supervisor:
        """Watch in a background thread (what the console does)."""
        self._thread = threading.Thread(target=self.run_forever, name="uproar-supervisor", daemon=True)
        self._thread.start()
        return self

    def request_stop(self) -> None:
        """Stop after the current look (safe from a signal handler)."""
        self._stop.set()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
        self._reader.dispose()
        self._writer.dispose()


def _aware(when: datetime) -> datetime:
    return when if when.tzinfo else when.replace(tzinfo=UTC)


_running: dict[str, Supervisor] = {}
_lock = threading.Lock()


def ensure_started(url: str | None = None) -> Supervisor:
    """One background supervisor per database per process (the console calls this on every page)."""
    key = database_url(url)
    with _lock:
        if key not in _running:
            _running[key] = Supervisor(key, say=_log).start()
        return _running[key]


def _log(line: str) -> None:
    with contextlib.suppress(OSError):
        print(f"{time.strftime('%H:%M:%S')} uproar supervisor: {line}", file=sys.stderr, flush=True)
