"""Real faults, on SQLite and PostgreSQL: the exercise carries on by itself.

The database goes away mid-room — PostgreSQL behind a TCP relay that drops and
refuses connections (the shared server is never restarted), SQLite locked by another
process — and messages are posted meanwhile; a runner is killed, or gives up after a
long outage, and a supervisor starts it again. Each time the room must end identical
to the headless replay of its inputs, with every message applied once, in order.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text, update
from test_rooms import (
    MINUTES,
    PG_URL,
    POP,
    _postgres_database,
    offline,
    same_files,
    scheduled_messages,
)

from uproar.app import rooms
from uproar.app.runner import RoomRunner
from uproar.app.supervisor import Supervisor
from uproar.benchmarks.relay import Relay
from uproar.cli import main
from uproar.store.engine import make_engine, open_store
from uproar.store.tables import Input, Room, utcnow

SPEED = "600"  # ten simulated minutes a second: a room of 45 minutes in ~5 s plus the outage
OUTAGE_S = 5.0  # SQLite: longer than the runner's busy timeout (3 s), so its own retry shows


#: A cut PostgreSQL connection stops readers too; SQLite readers are not stopped by a writer's
#: lock, and its give-up path is the runner's, shown on PostgreSQL.
POSTGRES_ONLY = pytest.mark.parametrize("store_url", ["postgresql"], indirect=True)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def store_url(request, tmp_path_factory):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('faults') / 'uproar.db'}"
        return
    url = _postgres_database()
    yield url
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="module")
def engine(store_url):
    eng = open_store(store_url)
    yield eng
    eng.dispose()


@pytest.fixture(autouse=True)
def _no_dead_room_left(request):
    """A room left "running" without its runner would be restarted by the next test's supervisor:
    pytest's workers run this module's tests in any order on their own database, so no test
    leaves one behind for another."""
    eng = request.getfixturevalue("engine") if "store_url" in request.fixturenames else None
    yield
    if eng is not None:
        with eng.begin() as conn:
            conn.execute(update(Room).where(Room.state == "running").values(state="stopped"))


@pytest.fixture(scope="module")
def watcher(store_url):
    """Reads the room while the fault lasts (on SQLite a reader that never takes the write lock)."""
    eng = make_engine(store_url, writer=False)
    yield eng
    eng.dispose()


@dataclass
class Outage:
    """The database away for `seconds`: PostgreSQL cut at a relay, SQLite locked by another process.

    `url` is what Uproar's processes use (through the relay on PostgreSQL); the test itself
    reads and writes the database directly, as a console on an unaffected host would.
    """

    store_url: str
    relay: Relay | None = None
    began: threading.Event = field(default_factory=threading.Event)
    ended: threading.Event = field(default_factory=threading.Event)

    @property
    def url(self) -> str:
        return self.relay.url(self.store_url) if self.relay else self.store_url

    def start(self, seconds: float, on_begin=None, before_end=None) -> threading.Thread:
        def run() -> None:
            if self.relay is not None:
                self.relay.cut()
                self._hold(seconds, on_begin, before_end)
                self.relay.restore()
            else:  # another process's write transaction holds the file's lock
                lock = sqlite3.connect(self.store_url.removeprefix("sqlite:///"), timeout=30, isolation_level=None)
                lock.execute("BEGIN IMMEDIATE")
                self._hold(seconds, on_begin, before_end)
                lock.execute("COMMIT")
                lock.close()
            self.ended.set()

        thread = threading.Thread(target=run, daemon=True)
        thread.start()
        return thread

    def _hold(self, seconds: float, on_begin, before_end) -> None:
        self.began.set()
        if on_begin:
            on_begin()
        time.sleep(seconds)
        if before_end:
            before_end()


@pytest.fixture
def outage(store_url):
    relay = Relay() if store_url.startswith("postgresql") else None
    yield Outage(store_url, relay)
    if relay is not None:
        relay.close()


def runner(url: str, room_id: str, *args: str) -> subprocess.Popen:
    env = {**os.environ, "UPROAR_DATABASE_URL": url}
    return subprocess.Popen([sys.executable, "-m", "uproar.cli", "room", "run", room_id, *args], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def watch(eng, room_id: str, until, timeout: float = 120.0) -> list[tuple[float, int]]:
    """(seconds, minute) every 0.1 s until `until()` holds: how the room's clock moved."""
    seen, t0 = [], time.monotonic()
    while not until():
        assert time.monotonic() - t0 < timeout, f"the room stood at minute {seen[-1][1] if seen else '?'}"
        seen.append((time.monotonic() - t0, rooms.status(eng, room_id)["minute"]))
        time.sleep(0.1)
    return seen


def longest_standstill(seen: list[tuple[float, int]]) -> float:
    longest, since, last = 0.0, 0.0, None
    for t, minute in seen:
        if minute != last:
            if last is not None and last > 0:  # the start (imports, replay) is not a standstill
                longest = max(longest, t - since)
            last, since = minute, t
    return longest


def wait_for_minute(eng, room_id: str, minute: int, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while rooms.status(eng, room_id)["minute"] < minute:
        assert time.monotonic() < deadline, f"the room never reached minute {minute}"
        time.sleep(0.05)


class Poster(threading.Thread):
    """Posts while the database is away, one after the other: the first straight to the database
    (a console the fault does not reach; on SQLite it waits for the lock), the others as Uproar
    does, through the fault (they wait for the database to come back)."""

    def __init__(self, engine, url: str, room_id: str, texts: list[str]):
        super().__init__(daemon=True)
        self.engine, self.url, self.room_id, self.texts = engine, url, room_id, texts
        self.error: BaseException | None = None
        self.start()

    def run(self) -> None:
        try:
            rooms.post(self.engine, self.room_id, self.texts[0], platforms=["twitter"], source="test")
            through = make_engine(self.url)
            for body in self.texts[1:]:
                rooms.post(through, self.room_id, body, platforms=["twitter"], source="test")
            through.dispose()
        except BaseException as exc:
            self.error = exc

    def done(self) -> None:
        self.join(timeout=60)
        assert not self.is_alive() and self.error is None, self.error


def applied_in_order(engine, room_id: str, texts: list[str]) -> list[int]:
    """The minutes at which `texts` were applied; fails unless each was applied once, in posting order."""
    with engine.connect() as conn:
        rows = conn.execute(select(Input.id, Input.payload, Input.applied_minute)
                            .where(Input.room_id == room_id, Input.source == "test").order_by(Input.id)).all()
    got = [(json.loads(r.payload)["text"], r.applied_minute) for r in rows]
    assert [body for body, _ in got] == texts, got
    minutes = [m for _, m in got]
    assert None not in minutes and minutes == sorted(minutes), got
    return minutes


def no_traceback(err: str) -> None:
    assert "Traceback" not in err, err


# ---------------------------------------------------------------------------- the database goes away
def test_the_room_rides_out_a_database_outage(engine, watcher, store_url, outage, tmp_path):
    created = rooms.create_room(engine, "en-retail-breach", seed=31, population=POP, minutes=MINUTES)
    scheduled_messages(engine, created.room_id)
    proc = runner(outage.url, created.room_id, "--speed", SPEED, "--quiet")
    wait_for_minute(watcher, created.room_id, 8)
    held: dict[str, int] = {}
    texts = ["During the outage: we are aware and investigating.", "During the outage: customers come first."]
    posting: list[Poster] = []
    outage.start(OUTAGE_S,
                 on_begin=lambda: (held.setdefault("from", rooms.status(watcher, created.room_id)["minute"]),
                                   posting.append(Poster(engine, outage.url, created.room_id, texts))),
                 before_end=lambda: held.setdefault("to", rooms.status(watcher, created.room_id)["minute"]))
    seen = watch(watcher, created.room_id, lambda: proc.poll() is not None)
    err = proc.stderr.read()
    posting[0].done()
    assert proc.returncode == 0, err
    no_traceback(err)
    assert "database unavailable" in err and "database back after" in err, err
    assert held["to"] == held["from"], f"the clock moved without a database: {held}"
    still = longest_standstill(seen)
    print(f"\n{store_url.split(":")[0]}: database away {OUTAGE_S:.0f} s at minute {held['from']}; the room stood "
          f"still {still:.1f} s, then finished by itself")
    assert still < OUTAGE_S + 8, "the room took too long to come back after the database did"
    status = rooms.status(engine, created.room_id)
    assert status["state"] == "finished" and status["minute"] == MINUTES and status["pending_inputs"] == 0
    minutes = applied_in_order(engine, created.room_id, texts)
    assert minutes[0] >= held["from"]
    room = offline(store_url, created.room_id, tmp_path, "en-retail-breach", 31)
    same_files(room, tmp_path / "offline")


@POSTGRES_ONLY
def test_after_a_long_outage_the_runner_stops_with_one_line_and_the_room_comes_back(
        engine, watcher, store_url, outage, tmp_path):
    """Past its patience the runner stops plainly; the room still asks to run, so a supervisor
    (here in the test process, as in a console) starts it again once the database is back.

    On PostgreSQL only: for the runner an outage is an outage once the driver's error is
    classified, which the SQLite outage test above shows; a minute of suite time is dear."""
    created = rooms.create_room(engine, "en-retail-breach", seed=32, population=POP, minutes=MINUTES)
    scheduled_messages(engine, created.room_id)
    proc = runner(outage.url, created.room_id, "--speed", SPEED, "--quiet", "--give-up-after", "2")
    wait_for_minute(watcher, created.room_id, 8)
    sup = Supervisor(outage.url, interval_s=0.5).start()
    try:
        outage.start(OUTAGE_S)
        proc.wait(timeout=60)
        err = proc.stderr.read()
        assert proc.returncode == 2, err
        no_traceback(err)
        last = err.strip().splitlines()[-1]
        assert "has not answered for" in last and "Nothing is lost" in last, err
        rooms.set_speed(engine, created.room_id, 0.0)  # a trainer at an unaffected console: finish quickly
        outage.ended.wait(timeout=30)
        watch(watcher, created.room_id, lambda: rooms.status(watcher, created.room_id)["state"] == "finished")
    finally:
        sup.stop()
        for child in sup._children:
            child.kill()
    status = rooms.status(engine, created.room_id)
    assert status["minute"] == MINUTES and status["runner_restarts"] >= 1
    assert [r.room_id for r in sup.restarts] == [created.room_id] * len(sup.restarts)
    room = offline(store_url, created.room_id, tmp_path, "en-retail-breach", 32)
    same_files(room, tmp_path / "offline")


# ---------------------------------------------------------------------------- the runner dies
def test_a_killed_runner_is_running_again_within_ten_seconds(engine, watcher, store_url, tmp_path):
    created = rooms.create_room(engine, "en-retail-breach", seed=33, population=POP, minutes=MINUTES)
    scheduled_messages(engine, created.room_id)
    sup = Supervisor(store_url, interval_s=1.0).start()  # a console's: it was there before the crash
    try:
        proc = runner(store_url, created.room_id, "--speed", "300", "--quiet")
        wait_for_minute(watcher, created.room_id, 6)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        killed_at, minute = time.monotonic(), rooms.status(watcher, created.room_id)["minute"]
        while not rooms.status(watcher, created.room_id)["runner_alive"]:
            assert time.monotonic() - killed_at < 30, "nobody restarted the runner"
            time.sleep(0.1)
        back = time.monotonic() - killed_at
        wait_for_minute(watcher, created.room_id, minute + 1)
        moving = time.monotonic() - killed_at
        print(f"\n{store_url.split(':')[0]}: runner killed at minute {minute}; running again after {back:.1f} s, "
              f"clock moving after {moving:.1f} s")
        assert back <= 10.0, f"the room had no runner for {back:.1f} s"
        status = rooms.status(watcher, created.room_id)
        assert status["runner_restarts"] == 1 and status["runner_lost_at"] is not None
        rooms.set_speed(engine, created.room_id, 0.0)
        watch(watcher, created.room_id, lambda: rooms.status(watcher, created.room_id)["state"] == "finished")
    finally:
        sup.stop()
        for child in sup._children:
            child.kill()
    room = offline(store_url, created.room_id, tmp_path, "en-retail-breach", 33)
    same_files(room, tmp_path / "offline")


def test_a_jump_whose_runner_dies_still_stops_at_its_minute(engine, watcher, store_url):
    """A trainer jumped to minute 12; the runner died on the way: the supervisor's runner stops at 12
    too, and the room waits there for the trainer instead of running to its end."""
    created = rooms.create_room(engine, "en-retail-breach", seed=35, population=POP, minutes=MINUTES)
    sup = Supervisor(store_url, interval_s=0.5).start()
    try:
        proc = runner(store_url, created.room_id, "--speed", "120", "--until", "12", "--quiet")
        wait_for_minute(watcher, created.room_id, 3)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        watch(watcher, created.room_id, lambda: rooms.status(watcher, created.room_id)["state"] == "stopped")
    finally:
        sup.stop()
        for child in sup._children:
            child.kill()
    status = rooms.status(watcher, created.room_id)
    assert status["runner_restarts"] == 1
    assert status["minute"] == 12 < MINUTES


def test_status_tells_a_dead_runner_and_supervise_restarts_it(engine, store_url, monkeypatch, capsys):
    created = rooms.create_room(engine, "fr-usine-chimique", seed=34, population=500, minutes=5)
    rooms.set_speed(engine, created.room_id, 0.0)
    died_at = kill_a_runner(engine, created.room_id)
    monkeypatch.setenv("UPROAR_DATABASE_URL", store_url)
    assert main(["room", "status", created.room_id, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["state"] == "running" and shown["runner_alive"] is False and shown["stalled"] is True
    assert shown["heartbeat_at"] == shown["runner_lost_at"] == rooms.iso_utc(died_at)
    assert main(["room", "status", created.room_id]) == 0
    assert f"its runner died at {shown['runner_lost_at']}" in capsys.readouterr().out

    assert main(["room", "supervise", "--once"]) == 0
    assert "1 runner(s) restarted" in capsys.readouterr().out
    deadline = time.monotonic() + 60
    while (st := rooms.status(engine, created.room_id))["state"] != "finished":
        assert time.monotonic() < deadline, f"the restarted runner did not finish the room: {st}"
        time.sleep(0.1)
    assert st["minute"] == 5 and st["runner_restarts"] == 1 and st["runner_lost_at"] == shown["runner_lost_at"]
    assert not st["stalled"]
    assert main(["room", "supervise", "--once"]) == 0  # a finished room is left alone
    assert "0 runner(s) restarted" in capsys.readouterr().out


def kill_a_runner(engine, room_id: str, state: str = "running"):
    """What a runner killed with SIGKILL leaves behind: its pid (now dead) and its last heartbeat."""
    dead = subprocess.Popen(["true"])
    dead.wait()
    beat = utcnow() - timedelta(seconds=3)
    with engine.begin() as conn:
        conn.execute(update(Room).where(Room.id == room_id).values(
            state=state, runner_pid=dead.pid, runner_host=socket.gethostname(), heartbeat_at=beat))
    return beat


def test_rooms_stopped_on_purpose_are_not_restarted(engine, store_url):
    """Paused by a trainer, stopped at --until, stopped by SIGTERM, finished, never started."""
    made = {k: rooms.create_room(engine, "fr-usine-chimique", seed=35, population=500, minutes=12).room_id
            for k in ("paused", "until", "sigterm", "finished", "created")}
    RoomRunner(engine, made["until"], speed=0, until=3).run()
    RoomRunner(engine, made["finished"], speed=0).run()
    rooms.set_speed(engine, made["sigterm"], 1.0)
    proc = runner(store_url, made["sigterm"], "--quiet")
    deadline = time.monotonic() + 60
    while not rooms.status(engine, made["sigterm"])["runner_alive"]:
        assert time.monotonic() < deadline, "the runner never took the room"
        time.sleep(0.1)
    proc.send_signal(signal.SIGTERM)  # a service manager stopping it
    proc.wait(timeout=30)
    kill_a_runner(engine, made["paused"], state="paused")  # the trainer resumes when ready: then it restarts
    states = {k: rooms.status(engine, v)["state"] for k, v in made.items()}
    assert states == {"paused": "paused", "until": "stopped", "sigterm": "stopped", "finished": "finished",
                      "created": "created"}, states
    launched: list[str] = []
    sup = Supervisor(store_url, launch=lambda room_id, until: launched.append(room_id) or _Gone())
    assert sup.scan() == [] and launched == []
    rooms.resume(engine, made["paused"])
    assert [r.room_id for r in sup.scan()] == [made["paused"]] and launched == [made["paused"]]
    sup.stop()


def test_a_stop_just_after_the_runner_takes_the_room_is_deliberate(engine, monkeypatch):
    """SIGTERM can land between the claim and the run's start (a service manager stopping a runner
    that has just started): the room is left stopped and free, not 'running' under a dead pid for a
    supervisor to restart."""
    room_id = rooms.create_room(engine, "fr-usine-chimique", seed=37, population=500, minutes=5).room_id
    runner_ = RoomRunner(engine, room_id, speed=0)

    def interrupted(minute: int) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(runner_, "_open_run", interrupted)
    with pytest.raises(KeyboardInterrupt):
        runner_.run()
    st = rooms.status(engine, room_id)
    assert st["state"] == "stopped" and not st["runner_alive"], st


class _Gone:
    """A launched runner, as a supervisor test sees it (no process: what is claimed is the point)."""

    pid = 0

    def poll(self) -> int:
        return 0


def test_two_supervisors_never_start_two_runners_for_one_room(engine, store_url):
    """Several consoles on one database: both see the dead runner, one restart wins."""
    created = rooms.create_room(engine, "fr-usine-chimique", seed=36, population=500, minutes=MINUTES)
    kill_a_runner(engine, created.room_id)
    launched: list[str] = []
    sups = [Supervisor(store_url, launch=lambda room_id, until: launched.append(room_id) or _Gone()) for _ in range(4)]
    start = threading.Barrier(len(sups))
    made: list[list] = [[] for _ in sups]

    def look(i: int) -> None:
        start.wait()
        made[i] = sups[i].scan()

    threads = [threading.Thread(target=look, args=(i,)) for i in range(len(sups))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    for s in sups:
        s.stop()
    assert launched == [created.room_id], f"{len(launched)} runners started for one room"
    assert sum(len(m) for m in made) == 1
    assert rooms.status(engine, created.room_id)["runner_restarts"] == 1


def test_a_post_through_an_outage_is_stored_once(engine, store_url, outage):
    """A trainee's post waits for the database; one that outlasts its patience says so plainly."""
    created = rooms.create_room(engine, "en-retail-breach", seed=37, population=500, minutes=MINUTES)
    through = open_store(outage.url)
    outage.start(3.0)
    outage.began.wait(timeout=10)
    t0 = time.monotonic()
    input_id = rooms.post(through, created.room_id, "We are sorry.", platforms=["twitter"])
    assert time.monotonic() - t0 >= 1.0  # it waited for the database
    outage.ended.wait(timeout=10)
    if outage.relay is not None:
        outage.relay.cut()
        with pytest.raises(rooms.DatabaseUnavailable, match="did not answer for 2 s"):
            rooms.submit(through, created.room_id, {"type": "message", "text": "Again.", "platforms": ["twitter"]},
                         patience_s=2)
        outage.relay.restore()
    with engine.connect() as conn:
        stored = conn.execute(select(Input.id).where(Input.room_id == created.room_id)).scalars().all()
    assert stored == [input_id]
    through.dispose()


@POSTGRES_ONLY
def test_a_cli_command_during_an_outage_says_so(store_url, outage, monkeypatch, capsys):
    outage.relay.cut()
    monkeypatch.setenv("UPROAR_DATABASE_URL", outage.url)
    code = main(["room", "list"])
    err = capsys.readouterr().err
    outage.relay.restore()
    assert code == 2 and "Traceback" not in err and "cannot open the database" in err, err



# ---------------------------------------------------------------------------- the console
@POSTGRES_ONLY
def test_a_page_shows_a_notice_through_an_outage_and_comes_back(engine, outage, monkeypatch):
    """The trainer's page while the database is cut: a notice, no traceback; then the page again."""
    from streamlit.testing.v1 import AppTest

    created = rooms.create_room(engine, "fr-usine-chimique", seed=38, population=500, minutes=20)
    RoomRunner(engine, created.room_id, speed=0, until=5).run()
    monkeypatch.setenv("UPROAR_DATABASE_URL", outage.url)
    at = AppTest.from_file(str(Path(__file__).resolve().parent.parent / "app" / "console.py"), default_timeout=60)
    at.query_params.update({"room": created.room_id, "view": "trainer"})
    at.session_state["roles"] = {created.room_id: "trainer"}

    def shown() -> tuple[list[str], list[str]]:
        return [w.value for w in at.warning], [h.value for h in at.html if "data-clock" in h.value]

    at.run()
    assert not at.exception and any(">T+5<" in h for h in shown()[1]) and not shown()[0]
    outage.relay.cut()
    at.run()
    warnings = shown()[0]
    assert not at.exception, at.exception
    assert any("indisponible" in w or "unavailable" in w for w in warnings), warnings
    outage.relay.restore()
    at.run()
    assert not at.exception and any(">T+5<" in h for h in shown()[1]) and not shown()[0]


def test_the_trainer_page_says_when_the_runner_died(engine, store_url, monkeypatch):
    """Without a supervisor (a console started with --no-supervise), the page says it plainly."""
    from datetime import datetime

    from streamlit.testing.v1 import AppTest

    created = rooms.create_room(engine, "fr-usine-chimique", seed=39, population=500, minutes=20)
    RoomRunner(engine, created.room_id, speed=0, until=3).run()
    died = kill_a_runner(engine, created.room_id)
    monkeypatch.setenv("UPROAR_DATABASE_URL", store_url)
    monkeypatch.setenv("UPROAR_SUPERVISE", "0")
    at = AppTest.from_file(str(Path(__file__).resolve().parent.parent / "app" / "console.py"), default_timeout=60)
    at.query_params.update({"room": created.room_id, "view": "trainer"})
    at.session_state["roles"] = {created.room_id: "trainer"}
    at.run()
    assert not at.exception
    state = " ".join(h.value for h in at.html if "data-clock" in h.value)  # the live header
    assert f"horloge tombée à {died.astimezone().strftime('%H:%M')}" in state, state
    assert datetime.fromisoformat(rooms.status(engine, created.room_id)["runner_lost_at"]) == died.replace(
        microsecond=0)
