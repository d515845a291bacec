"""Faults at full length, for the record: how long a room stands still and whether it comes back whole.

    python -m uproar.benchmarks.faults --outage 30            # PostgreSQL and SQLite, then a runner kill
    python -m uproar.benchmarks.faults --only postgresql --outage 30 --json

For each database a room (`--population`, `--minutes`, `--speed`, as `uproar room run`)
runs in its own `uproar room run` process; at `--at` its database goes away for
`--outage` seconds — PostgreSQL behind a TCP relay that drops and refuses connections
(the server itself is never restarted), SQLite locked by another process's write
transaction — and a trainee message is posted meanwhile. Then a runner is killed with
SIGKILL while a supervisor watches. Each room must end identical to the headless replay
of its inputs (`uproar run … --inputs`), every message applied once.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

from sqlalchemy import create_engine, text

from ..app import rooms
from ..app.supervisor import Supervisor
from ..store.engine import make_engine, open_store
from .relay import Relay

PG_URL = os.environ.get("UPROAR_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
SCENARIO = "en-retail-breach"
FILES = ("reactions.csv", "messages.csv", "timeline.csv", "pressure.csv", "inputs.jsonl", "events.jsonl")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m uproar.benchmarks.faults", description=__doc__.split("\n")[0])
    p.add_argument("--outage", type=float, default=30.0, help="seconds without the database (default 30)")
    p.add_argument("--at", type=int, default=7, help="the room's minute when the database goes away")
    p.add_argument("--population", type=int, default=5000)
    p.add_argument("--minutes", type=int, default=60)
    p.add_argument("--speed", default="60")
    p.add_argument("--only", choices=["postgresql", "sqlite", "kill"], action="append")
    p.add_argument("--json", action="store_true")
    args = p.parse_args(argv)
    results = []
    with tempfile.TemporaryDirectory(prefix="uproar-faults-") as tmp:
        for what in args.only or ["postgresql", "sqlite", "kill"]:
            results.append(run_case(what, args, Path(tmp) / what))
            if not args.json:
                print(format_result(results[-1]), flush=True)
    if args.json:
        print(json.dumps(results, indent=2))
    return 0 if all(r["identical_to_replay"] and r["messages_lost"] == 0 for r in results) else 1


def run_case(what: str, args: argparse.Namespace, folder: Path) -> dict:
    folder.mkdir(parents=True)
    store = _postgres() if what == "postgresql" else f"sqlite:///{folder / 'uproar.db'}"
    relay = Relay() if what == "postgresql" else None
    engine = open_store(store)
    reader = make_engine(store, writer=False)
    try:
        created = rooms.create_room(engine, SCENARIO, seed=7, population=args.population, minutes=args.minutes)
        url = relay.url(store) if relay else store
        sup = Supervisor(url).start() if what == "kill" else None
        proc = _runner(url, created.room_id, args.speed)
        seen: list[tuple[float, int]] = []
        t0 = time.monotonic()
        fault: dict = {"kind": {"postgresql": "connection cut at a TCP relay", "sqlite": "file locked by another "
                                "process", "kill": "runner killed with SIGKILL"}[what]}
        while True:
            minute = rooms.status(reader, created.room_id)["minute"]
            seen.append((time.monotonic() - t0, minute))
            if minute >= args.at and "at_minute" not in fault:
                fault["at_minute"] = minute
                fault.update(_inject(what, args, relay, store, engine, created.room_id, proc))
            if rooms.status(reader, created.room_id)["state"] == "finished":
                break
            if what != "kill" and proc.poll() is not None:
                break
            time.sleep(0.1)
        if what != "kill":
            proc.wait(timeout=60)
        if sup is not None:
            sup.stop()
        err = "" if what == "kill" else proc.stderr.read()
        outcome = _compare(engine, store, created.room_id, args, folder)
        return {"fault": what, **fault, "stood_still_s": round(_standstill(seen), 1),
                "room_seconds": round(seen[-1][0], 1), "runner_exit": proc.returncode,
                "runner_said": [line for line in err.splitlines() if line.strip()][-3:], **outcome}
    finally:
        reader.dispose()
        engine.dispose()
        if relay:
            relay.close()
        if what == "postgresql":
            _drop(store)


def _inject(what, args, relay, store, engine, room_id, proc) -> dict:  # type: ignore[no-untyped-def]
    """Start the fault (in the background for outages) and post during it."""
    if what == "kill":
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        killed = time.monotonic()
        reader = make_engine(store, writer=False)
        while not rooms.status(reader, room_id)["runner_alive"]:
            time.sleep(0.05)
        alive = time.monotonic() - killed
        minute = rooms.status(reader, room_id)["minute"]
        while rooms.status(reader, room_id)["minute"] == minute:
            time.sleep(0.05)
        reader.dispose()
        return {"running_again_after_s": round(alive, 1), "clock_moving_after_s": round(time.monotonic() - killed, 1)}

    def hold() -> None:
        if relay is not None:
            relay.cut()
            time.sleep(args.outage)
            relay.restore()
        else:
            lock = sqlite3.connect(store.removeprefix("sqlite:///"), timeout=60, isolation_level=None)
            lock.execute("BEGIN IMMEDIATE")
            time.sleep(args.outage)
            lock.execute("COMMIT")
            lock.close()

    threading.Thread(target=hold, daemon=True).start()
    time.sleep(0.5)
    # a trainee at a console the fault does not reach (on SQLite the post waits for the lock)
    threading.Thread(target=rooms.post, args=(engine, room_id, "We are sorry: every password has been reset."),
                     kwargs={"platforms": ["twitter"], "source": "fault"}, daemon=True).start()
    return {"outage_s": args.outage}


def _compare(engine, store: str, room_id: str, args: argparse.Namespace, folder: Path) -> dict:  # type: ignore[no-untyped-def]
    from ..cli import main as uproar

    room, offline = folder / "room", folder / "offline"
    rooms.export_room(engine, room_id, room)
    with contextlib.redirect_stdout(io.StringIO()):  # its summary is not this report's
        code = uproar(["run", SCENARIO, "--seed", "7", "--population", str(args.population), "--minutes",
                       str(args.minutes), "--inputs", str(room / "inputs.jsonl"), "--export", str(offline),
                       "--quiet"])
    same = code == 0 and all((room / f).read_bytes() == (offline / f).read_bytes() for f in FILES)
    with engine.connect() as conn:
        posted, applied = conn.execute(text(
            "SELECT count(*), count(applied_minute) FROM inputs WHERE room_id = :r AND source = 'fault'"),
            {"r": room_id}).one()
    return {"identical_to_replay": same, "messages_posted": posted, "messages_lost": posted - applied,
            "final": rooms.status(engine, room_id)["state"]}


def _runner(url: str, room_id: str, speed: str) -> subprocess.Popen:
    env = {**os.environ, "UPROAR_DATABASE_URL": url}
    return subprocess.Popen([sys.executable, "-m", "uproar.cli", "room", "run", room_id, "--speed", speed, "--quiet"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def _standstill(seen: list[tuple[float, int]]) -> float:
    longest, since, last = 0.0, 0.0, None
    for t, minute in seen:
        if minute != last:
            if last is not None and last > 0:
                longest = max(longest, t - since)
            last, since = minute, t
    return longest


def _postgres() -> str:
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    name = f"uproar_faults_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return PG_URL.rsplit("/", 1)[0] + "/" + name


def _drop(url: str) -> None:
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)'))
    admin.dispose()


def format_result(r: dict) -> str:
    lines = [f"{r['fault']}: {r['kind']} at minute {r.get('at_minute')}"]
    if "outage_s" in r:
        lines.append(f"  database away {r['outage_s']:.0f} s; the room stood still {r['stood_still_s']:.1f} s")
    else:
        lines.append(f"  running again after {r['running_again_after_s']} s, clock moving after "
                     f"{r['clock_moving_after_s']} s (longest standstill {r['stood_still_s']:.1f} s)")
    lines.append(f"  room {r['final']} in {r['room_seconds']:.0f} s; identical to the headless replay: "
                 f"{r['identical_to_replay']}; messages posted during the fault {r['messages_posted']}, "
                 f"lost {r['messages_lost']}")
    lines += [f"  runner: {line}" for line in r["runner_said"]]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
