"""Live rooms on a real database — SQLite and PostgreSQL — as trainers use them.

A room killed at any moment resumes with nothing lost; several rooms run side by
side with people posting into them; a room's export equals the offline replay of
its input log.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text

from uproar.app import rooms
from uproar.app.runner import RoomRunner, run_room
from uproar.cli import main
from uproar.model.inputs import InputError
from uproar.store.engine import current_revision, head_revision, open_store
from uproar.store.tables import Input, Message, Reaction

PG_URL = os.environ.get("UPROAR_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
POP, MINUTES = 3000, 45


def _postgres_database() -> str | None:
    """A fresh database on the test server for this session, or None (with the reason) if none answers."""
    try:
        admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
        name = f"uproar_test_{uuid.uuid4().hex[:8]}"
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
    except Exception as exc:
        pytest.skip(f"PostgreSQL not reachable at {PG_URL}: {exc.__class__.__name__}: {exc}"[:300])
    return PG_URL.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def store_url(request, tmp_path_factory):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'uproar.db'}"
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


def uproar(store_url: str, *args: str, **kw) -> subprocess.CompletedProcess:
    env = {**os.environ, "UPROAR_DATABASE_URL": store_url}
    return subprocess.run([sys.executable, "-m", "uproar.cli", *args], env=env, capture_output=True, text=True,
                          timeout=300, **kw)


def cli(monkeypatch, capsys, store_url: str, *args: str) -> subprocess.CompletedProcess:
    """The command line run in this process: what `uproar` prints and returns, without the
    seconds of imports a new process costs (keep subprocesses for runners that must die)."""
    monkeypatch.setenv("UPROAR_DATABASE_URL", store_url)
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse refusing an argument
        code = exc.code
    out, err = capsys.readouterr()
    return subprocess.CompletedProcess(list(args), code, out, err)


def spawn(store_url: str, *args: str) -> subprocess.Popen:
    env = {**os.environ, "UPROAR_DATABASE_URL": store_url}
    return subprocess.Popen([sys.executable, "-m", "uproar.cli", *args], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)


def offline(store_url: str, room_id: str, folder: Path, scenario: str, seed: int) -> Path:
    """Export the room, then rebuild it headless from its inputs.jsonl."""
    room = folder / "room"
    rebuilt = folder / "offline"
    rooms.export_room(open_store(store_url), room_id, room)
    # in this process: the replay is a pure function of its files, and a new process costs seconds of imports
    code = main(["run", scenario, "--seed", str(seed), "--population", str(POP), "--minutes", str(MINUTES),
                 "--inputs", str(room / "inputs.jsonl"), "--export", str(rebuilt), "--quiet"])
    assert code == 0
    return room


def same_files(a: Path, b: Path) -> None:
    for name in ("reactions.csv", "messages.csv", "timeline.csv", "pressure.csv", "inputs.jsonl", "events.jsonl"):
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def scheduled_messages(engine, room_id: str) -> None:
    rooms.submit(engine, room_id, {"type": "message", "t_min": 8, "platforms": ["twitter"],
                                   "text": "We are aware of the incident and are investigating."})
    rooms.submit(engine, room_id, {"type": "message", "t_min": 21, "platforms": ["twitter", "facebook"],
                                   "text": "We are truly sorry. Every password has been reset and we will pay "
                                           "for credit monitoring."})
    rooms.submit(engine, room_id, {"type": "inject", "t_min": 30, "index": 4})


def test_schema_is_migrated_on_start(engine):
    assert current_revision(engine) == head_revision()


def test_create_prints_codes_and_refuses_bad_requests(engine, store_url, monkeypatch, capsys):
    done = cli(monkeypatch, capsys, store_url, "room", "create", "--scenario", "fr-usine-chimique", "--population", "500", "--json")
    assert done.returncode == 0, done.stderr
    import json

    created = json.loads(done.stdout)
    assert set(created) == {"room_id", "trainer_code", "trainee_code"}
    assert len(created["trainer_code"]) >= 8 and created["trainer_code"] != created["trainee_code"]
    room = rooms.get_room(engine, created["room_id"])
    assert rooms.role_for_code(room, created["trainer_code"]) == "trainer"
    assert rooms.role_for_code(room, created["trainee_code"].lower()) == "trainee"
    assert rooms.role_for_code(room, "WRONGCODE1") is None
    bad = cli(monkeypatch, capsys, store_url, "room", "create", "--scenario", "no-such-scenario")
    assert bad.returncode == 2 and "no such file" in bad.stderr and "Traceback" not in bad.stderr


def test_bad_input_is_refused_and_nothing_changes(engine, store_url, monkeypatch, capsys):
    created = rooms.create_room(engine, "en-retail-breach", population=500)
    rooms.post(engine, created.room_id, "We are sorry.", platforms=["twitter"])
    with engine.connect() as conn:
        before = conn.execute(select(func.count()).select_from(Input)).scalar()
    cases = [
        (("room", "post", created.room_id, "--platform", "tiktok", "--text", "hi"), "unknown platform 'tiktok'"),
        (("room", "post", created.room_id, "--platform", "twitter", "--text", "hi", "--author", "journalist_1"),
         "organisation's accounts"),
        (("room", "inject", created.room_id, "--index", "99"), "no inject #99"),
        (("room", "inject", created.room_id, "--text", "x", "--shock", "rage=0.3"), "unknown emotion 'rage'"),
        (("room", "post", "nope", "--platform", "twitter", "--text", "hi"), "no room 'nope'"),
        (("room", "run", created.room_id, "--speed", "fast"), "not a number"),
    ]
    for args, expected in cases:
        done = cli(monkeypatch, capsys, store_url, *args)
        assert done.returncode == 2, (args, done.stderr)
        assert expected in done.stderr and "Traceback" not in done.stderr, done.stderr
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Input)).scalar() == before


def test_room_export_matches_the_offline_replay(engine, store_url, tmp_path):
    created = rooms.create_room(engine, "en-retail-breach", seed=11, population=POP, minutes=MINUTES)
    scheduled_messages(engine, created.room_id)
    report = run_room(engine, created.room_id, speed=0, progress=False)
    assert report.to_minute == MINUTES
    room = offline(store_url, created.room_id, tmp_path, "en-retail-breach", 11)
    same_files(room, tmp_path / "offline")
    status = rooms.status(engine, created.room_id)
    assert status["state"] == "finished" and status["minute"] == MINUTES and status["items"] > 100


def test_a_room_resumed_after_the_reader_changed_reads_its_messages_as_it_did(engine, store_url, tmp_path,
                                                                               monkeypatch):
    """Uproar is upgraded mid-exercise and its reader now reads differently: the resumed room
    keeps each message's reading from its input log, so it continues the exercise that ran."""
    import dataclasses

    from uproar.model import model as crisis_model

    resumed = rooms.create_room(engine, "en-retail-breach", seed=12, population=POP, minutes=MINUTES)
    steady = rooms.create_room(engine, "en-retail-breach", seed=12, population=POP, minutes=MINUTES)
    for room_id in (resumed.room_id, steady.room_id):
        scheduled_messages(engine, room_id)
    run_room(engine, steady.room_id, speed=0, progress=False)
    run_room(engine, resumed.room_id, speed=0, until=25, progress=False)  # both messages read and applied
    with engine.connect() as conn:
        payloads = [p for (p,) in conn.execute(select(Input.payload).where(
            Input.room_id == resumed.room_id, Input.type == "message").order_by(Input.id))]
    assert all('"reading"' in p for p in payloads), payloads

    real = crisis_model.classify_message

    def upgraded(text, lang=None, context=None):  # a reader that sees every message as a denial
        return dataclasses.replace(real(text, lang, context), strategy="deny", tone="defensive", alternatives=())

    monkeypatch.setattr(crisis_model, "classify_message", upgraded)
    run_room(engine, resumed.room_id, speed=0, progress=False)
    a, b = tmp_path / "resumed", tmp_path / "steady"
    rooms.export_room(engine, resumed.room_id, a)
    rooms.export_room(engine, steady.room_id, b)
    same_files(a, b)
    assert "deny" not in (a / "messages.csv").read_text().split("\n")[2]  # the apology is still read as one


def test_a_stored_reading_that_does_not_fit_is_refused_with_a_clear_message(engine):
    created = rooms.create_room(engine, "en-retail-breach", population=500, minutes=MINUTES)
    bad = {"type": "message", "text": "We are sorry.", "reading": {"strategy": "apologise", "tone": "factual"}}
    with pytest.raises(InputError, match="strategy is 'apologise'; expected one of deny"):
        rooms.submit(engine, created.room_id, bad)
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Input).where(Input.room_id == created.room_id)).scalar() == 0


def test_pause_holds_the_clock_and_resume_releases_it(engine):
    created = rooms.create_room(engine, "fr-usine-chimique", population=500, minutes=MINUTES)
    rooms.pause(engine, created.room_id)
    runner = RoomRunner(engine, created.room_id, speed=0)
    thread = threading.Thread(target=runner.run)
    thread.start()
    time.sleep(2.0)
    assert rooms.status(engine, created.room_id)["minute"] == 0
    assert rooms.status(engine, created.room_id)["runner_alive"]
    rooms.resume(engine, created.room_id)
    thread.join(timeout=120)
    assert not thread.is_alive()
    assert rooms.status(engine, created.room_id)["state"] == "finished"


def test_a_second_runner_is_refused(engine, store_url):
    created = rooms.create_room(engine, "fr-usine-chimique", population=500, minutes=MINUTES)
    rooms.pause(engine, created.room_id)
    first = spawn(store_url, "room", "run", created.room_id, "--quiet")
    try:
        for _ in range(100):
            if rooms.status(engine, created.room_id)["runner_alive"]:
                break
            time.sleep(0.1)
        second = uproar(store_url, "room", "run", created.room_id, "--quiet")
        assert second.returncode == 2 and "already being run" in second.stderr
    finally:
        first.kill()
        first.wait()


@pytest.mark.slow
def test_a_killed_runner_resumes_with_nothing_lost(engine, store_url, tmp_path):
    """kill -9 the runner at random moments, restart it, repeat; compare with a room never interrupted."""
    rng = random.Random(7)
    crashed = rooms.create_room(engine, "en-retail-breach", seed=5, population=POP, minutes=MINUTES)
    steady = rooms.create_room(engine, "en-retail-breach", seed=5, population=POP, minutes=MINUTES)
    for room_id in (crashed.room_id, steady.room_id):
        scheduled_messages(engine, room_id)
    kills, minutes_seen = 0, []
    max_kills = 4  # then let it finish: each restart costs a process start and a replay
    while rooms.status(engine, crashed.room_id)["state"] != "finished":
        before = rooms.status(engine, crashed.room_id)["minute"]
        proc = spawn(store_url, "room", "run", crashed.room_id, "--speed", "max", "--quiet")
        # let it replay and write at least one minute (start-up speed varies with the machine's load),
        # then kill it at a random moment: inside a step, between steps, or mid-commit
        deadline = time.monotonic() + 120
        while proc.poll() is None and rooms.status(engine, crashed.room_id)["minute"] == before:
            assert time.monotonic() < deadline, "the runner made no progress in 2 minutes"
            time.sleep(0.05)
        time.sleep(rng.uniform(0.0, 0.25))  # a minute takes ~20 ms here: this lands anywhere in a step
        if proc.poll() is None and kills < max_kills:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait()
        if proc.returncode not in (0, -signal.SIGKILL):
            pytest.fail(f"runner failed: {proc.stderr.read()}")
        minutes_seen.append(rooms.status(engine, crashed.room_id)["minute"])
        assert len(minutes_seen) < 40, minutes_seen
    print(f"\nkilled the runner {kills} times; the room stood at minutes {minutes_seen} after each stop")
    assert kills >= 3, f"the runner finished before it could be killed often enough: {minutes_seen}"
    assert any(0 < m < MINUTES for m in minutes_seen)
    run_room(engine, steady.room_id, speed=0, progress=False)

    a, b = tmp_path / "crashed", tmp_path / "steady"
    rooms.export_room(engine, crashed.room_id, a)
    rooms.export_room(engine, steady.room_id, b)
    same_files(a, b)
    with engine.connect() as conn:
        seqs = [s for (s,) in conn.execute(select(Reaction.seq).where(Reaction.room_id == crashed.room_id))]
        seqs += [s for (s,) in conn.execute(select(Message.seq).where(Message.room_id == crashed.room_id))]
    assert sorted(seqs) == list(range(len(seqs))), "items written twice or lost"


@pytest.mark.slow
def test_four_rooms_run_side_by_side_while_people_post(engine, store_url, tmp_path):
    created = [rooms.create_room(engine, sc, seed=20 + i, population=POP, minutes=MINUTES)
               for i, sc in enumerate(["en-retail-breach", "fr-usine-chimique"] * 2)]
    runners = [spawn(store_url, "room", "run", c.room_id, "--speed", "max", "--quiet") for c in created]
    posted: dict[str, int] = {c.room_id: 0 for c in created}
    stop = threading.Event()

    def poster(room_id: str, platform: str) -> None:
        eng = open_store(store_url)
        while not stop.is_set() and rooms.status(eng, room_id)["state"] != "finished":
            try:
                rooms.post(eng, room_id, f"Update {posted[room_id]}: we apologise and are fixing it.",
                           platforms=[platform], source="test")
            except rooms.RoomError:
                break  # finished between the check and the post
            posted[room_id] += 1
            time.sleep(0.15)
        eng.dispose()

    threads = [threading.Thread(target=poster, args=(c.room_id, "twitter")) for c in created]
    for t in threads:
        t.start()
    try:
        for proc in runners:
            proc.wait(timeout=300)
            assert proc.returncode == 0, proc.stderr.read()
    finally:
        stop.set()
        for t in threads:
            t.join(timeout=30)
    for i, c in enumerate(created):
        assert posted[c.room_id] > 0
        scenario = ["en-retail-breach", "fr-usine-chimique"][i % 2]
        folder = tmp_path / c.room_id
        room = offline(store_url, c.room_id, folder, scenario, 20 + i)
        same_files(room, folder / "offline")
        with engine.connect() as conn:
            order = [m is not None for (m,) in conn.execute(
                select(Input.applied_minute).where(Input.room_id == c.room_id).order_by(Input.id))]
        # messages posted while the last minute was being written arrive too late to apply (how many
        # depends on how long that minute takes: one on a quiet machine); they stay in the log, status
        # says so, and they are the last ones posted, never a hole among those applied
        late = rooms.status(engine, c.room_id)["pending_inputs"]
        assert sum(order) + late == posted[c.room_id], "a posted message was lost"
        assert order == sorted(order, reverse=True), "a message was skipped among those applied"
