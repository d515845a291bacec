"""Room functions: create, post, inject, pause, resume, status, list, export.

The command line and the console call these, never a copy of them. Inputs are
validated against the room's scenario when they arrive and queued in the
database; the runner (`app/runner.py`) applies them at the next step boundary.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import socket
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, Field, ValidationError
from sqlalchemy import Connection, Engine, func, insert, select, update
from sqlmodel import Session

from ..model import inputs as inp
from ..model.export import uproar_version, write_frames
from ..model.scenario import Scenario, load_scenario, parse_scenario
from ..store import records
from ..store.engine import StoreUnavailable
from ..store.outage import Patience
from ..store.tables import Account, Input, Reaction, Room, Run, utcnow

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: codes are read aloud in a training room
CODE_LENGTH = 10
HEARTBEAT_S = 2.0  # a runner writes its heartbeat this often, in every state
STALE_S = 10.0  # a runner on another host whose heartbeat is older than this is gone
SUBMIT_PATIENCE_S = 10.0  # a post waits this long for a database that blinked before giving up


class RoomError(ValueError):
    """A room request that cannot be honoured; the message says why."""


class DatabaseUnavailable(RoomError, StoreUnavailable):
    """The database did not come back in time; nothing was stored, trying again later is fine.

    A `RoomError` for callers that show a refused request, and a `StoreUnavailable` for those
    that wait for the database (the console's pages)."""


class RoomSpec(BaseModel):
    """What a user may ask for when creating a room (validated before anything is stored)."""

    scenario: str
    seed: Annotated[int, Field(ge=0, le=2**31 - 1)] = 1
    name: Annotated[str, Field(min_length=1, max_length=120)] | None = None
    population: Annotated[int, Field(ge=100, le=5_000_000)] | None = None
    minutes: Annotated[int, Field(gt=0, le=24 * 60)] | None = None


@dataclass(frozen=True)
class CreatedRoom:
    room_id: str
    trainer_code: str
    trainee_code: str

    def to_dict(self) -> dict[str, str]:
        return {"room_id": self.room_id, "trainer_code": self.trainer_code, "trainee_code": self.trainee_code}


def _hash(code: str) -> str:
    return hashlib.sha256(code.strip().upper().encode()).hexdigest()


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def create_room(engine: Engine, scenario: str | Path, seed: int = 1, name: str | None = None,
                population: int | None = None, minutes: int | None = None) -> CreatedRoom:
    """A new room on a shipped or given scenario; returns its id and its two access codes."""
    try:
        spec = RoomSpec(scenario=str(scenario), seed=seed, name=name, population=population, minutes=minutes)
    except ValidationError as exc:
        raise RoomError("; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())) from None
    sc = load_scenario(spec.scenario)
    text = Path(sc.source).read_text(encoding="utf-8")
    trainer, trainee = new_code(), new_code()
    while trainee == trainer:  # pragma: no cover - one chance in 10^15
        trainee = new_code()
    room_id = secrets.token_hex(4)
    room = Room(
        id=room_id,
        name=spec.name or sc.scenario.title,
        scenario_id=sc.id,
        scenario_path=sc.source,
        scenario_sha256=sc.sha256,
        scenario_toml=text,
        seed=spec.seed,
        population=spec.population or sc.population.size,
        until=spec.minutes or sc.scenario.duration_min,
        trainer_code_hash=_hash(trainer),
        trainee_code_hash=_hash(trainee),
    )
    accounts = [
        Account(room_id=room_id, persona_id=p.id, account_index=i, name=p.name, handle=p.handle, group=p.group,
                outlet=p.outlet, followers=p.followers, platforms=" ".join(p.platforms))
        for i, p in enumerate(sc.personas)
    ]
    with Session(engine) as session:
        session.add(room)
        session.commit()
        session.add_all(accounts)
        session.commit()
    return CreatedRoom(room_id, trainer, trainee)


def get_room(engine: Engine, room_id: str) -> Room:
    with engine.connect() as conn:
        return _load_room(conn, room_id)


def _load_room(conn: Connection, room_id: str) -> Room:
    row = conn.execute(select(Room.__table__).where(Room.__table__.c.id == room_id)).first()
    if row is None:
        known = [r for (r,) in conn.execute(select(Room.id).order_by(Room.created_at.desc()).limit(5))]
        hint = f"; recent rooms: {', '.join(known)}" if known else "; create one with `uproar room create`"
        raise RoomError(f"no room {room_id!r}{hint}")
    return Room(**row._mapping)


def room_scenario(room: Room) -> Scenario:
    return parse_scenario(room.scenario_toml, source=room.scenario_path, sha256=room.scenario_sha256)


def role_for_code(room: Room, code: str) -> str | None:
    """'trainer', 'trainee' or None, comparing in constant time."""
    digest = _hash(code or "")
    trainer = hmac.compare_digest(digest, room.trainer_code_hash)
    trainee = hmac.compare_digest(digest, room.trainee_code_hash)
    return "trainer" if trainer else "trainee" if trainee else None


def submit(engine: Engine, room_id: str, data: dict[str, Any] | inp._Input, source: str = "cli",
           patience_s: float = SUBMIT_PATIENCE_S) -> int:
    """Validate an input against the room's scenario and queue it; returns its id.

    A bad input is refused with a message and nothing stored changes. Through a database
    outage of up to `patience_s` seconds the input waits and is stored once it is back
    (exactly once: the attempt's token tells a retry that an earlier commit landed); after
    that, `DatabaseUnavailable` says so.
    """
    item = data if isinstance(data, inp._Input) else inp.parse_input(data)
    token = secrets.token_hex(16)
    patience = Patience(engine, limit_s=patience_s)
    try:
        return patience(lambda: _store_input(engine, room_id, item, token, source))
    except StoreUnavailable:
        raise DatabaseUnavailable(
            f"the database did not answer for {patience_s:.0f} s ({patience.last_error}): "
            "nothing was stored; try again in a moment"
        ) from None


def _store_input(engine: Engine, room_id: str, item: inp._Input, token: str, source: str) -> int:
    """One attempt, in one transaction (the room is read on the same connection: on SQLite a
    second one would wait for the write lock this one holds)."""
    with engine.begin() as conn:
        landed = conn.execute(select(Input.id).where(Input.token == token)).scalar()
        if landed is not None:
            return int(landed)
        room = _load_room(conn, room_id)
        if room.state == "finished":
            raise RoomError(f"room {room_id} has finished (minute {room.minute}); nothing more can happen in it")
        inp.check_input(room_scenario(room), item)
        if item.t_min is not None and item.t_min < room.minute:
            raise RoomError(f"minute {item.t_min} has already been simulated (the room is at minute {room.minute})")
        input_id = conn.execute(insert(Input).values(
            room_id=room_id, type=item.type, requested_minute=item.t_min, source=source, token=token,
            payload=item.model_dump_json(exclude_none=True, exclude={"t_min"}), created_at=utcnow(),
        )).inserted_primary_key[0]
        if isinstance(item, inp.Clock):
            conn.execute(_clock_update(room_id, item))
        return int(input_id)


def _clock_update(room_id: str, item: inp.Clock):  # type: ignore[no-untyped-def]
    values: dict[str, Any] = {"updated_at": utcnow()}
    if item.type == "pause":
        values["state"] = "paused"
    elif item.type == "resume":
        values["state"] = "running"
    elif item.type == "speed":
        values["speed"] = float(item.value or 0.0)
    return update(Room).where(Room.id == room_id, Room.state != "finished").values(**values)


def post(engine: Engine, room_id: str, text: str, platforms: list[str] | None = None, author: str | None = None,
         strategy: str | None = None, tone: str | None = None, source: str = "cli") -> int:
    """A trainee message (strategy and tone detected at the step when not given)."""
    data = {"type": "message", "text": text, "platforms": platforms or [], "author": author,
            "strategy": strategy, "tone": tone}
    return submit(engine, room_id, {k: v for k, v in data.items() if v is not None}, source=source)


def pause(engine: Engine, room_id: str, source: str = "cli") -> int:
    return submit(engine, room_id, {"type": "pause"}, source=source)


def resume(engine: Engine, room_id: str, source: str = "cli") -> int:
    return submit(engine, room_id, {"type": "resume"}, source=source)


def set_speed(engine: Engine, room_id: str, speed: float, source: str = "cli") -> int:
    if speed < 0 or speed > 600:
        raise RoomError(f"speed {speed} is out of range: use 0 (as fast as possible) or up to 600")
    return submit(engine, room_id, {"type": "speed", "value": speed}, source=source)


def status(engine: Engine, room_id: str) -> dict[str, Any]:
    room = get_room(engine, room_id)
    with engine.connect() as conn:
        items = conn.execute(select(func.count()).select_from(Reaction).where(Reaction.room_id == room_id)).scalar()
        pending = conn.execute(
            select(func.count()).select_from(Input).where(Input.room_id == room_id, Input.applied_minute.is_(None))
        ).scalar()
    return {
        "room_id": room.id,
        "minute": room.minute,
        "state": room.state,
        "speed": room.speed,
        "items": int(items or 0),
        "name": room.name,
        "scenario": room.scenario_id,
        "seed": room.seed,
        "until": room.until,
        "pending_inputs": int(pending or 0),
        **runner_info(room),
    }


def runner_info(room: Room) -> dict[str, Any]:
    """Who moves the room's clock, as plain data for `status` and the console.

    `stalled`: the room should be running and nothing runs it (a supervisor restarts such a
    room). `runner_lost_at`: the last heartbeat of the last runner found dead, i.e. when it
    died (to within `HEARTBEAT_S`); it stays after a restart so the console can say so.
    Times are ISO 8601 in UTC.
    """
    alive = runner_alive(room)
    lost = room.runner_lost_at
    if not alive and room.runner_pid is not None and room.heartbeat_at is not None:
        lost = room.heartbeat_at  # died, and nobody has taken the room since
    return {
        "runner_alive": alive,
        "runner_pid": room.runner_pid if alive else None,
        "runner_host": room.runner_host if alive else None,
        "heartbeat_at": iso_utc(room.heartbeat_at),
        "runner_lost_at": iso_utc(lost),
        "runner_restarts": int(room.runner_restarts or 0),
        "stalled": room.state == "running" and not alive,
    }


def iso_utc(when: datetime | None) -> str | None:
    if when is None:
        return None
    return (when if when.tzinfo else when.replace(tzinfo=UTC)).astimezone(UTC).isoformat(timespec="seconds")


def runner_alive(room: Room, stale_s: float = STALE_S) -> bool:
    """A runner holds the room.

    On this machine its process decides (a runner waiting out a database outage cannot write
    its heartbeat, yet it is alive): it must exist, not be a zombie, and be older than its last
    heartbeat (a newer process got a dead runner's pid). On another machine only the heartbeat
    can tell: fresher than `stale_s`.
    """
    if room.runner_pid is None:
        return False
    if room.runner_host == socket.gethostname():
        return _process_is_runner(room.runner_pid, room.heartbeat_at)
    if room.heartbeat_at is None:
        return False
    beat = room.heartbeat_at if room.heartbeat_at.tzinfo else room.heartbeat_at.replace(tzinfo=UTC)
    return (utcnow() - beat).total_seconds() < stale_s


def _process_is_runner(pid: int, heartbeat_at: datetime | None) -> bool:
    import psutil

    try:
        proc = psutil.Process(pid)
        if proc.status() == psutil.STATUS_ZOMBIE:
            return False
        created = proc.create_time()
    except psutil.NoSuchProcess:
        return False
    except psutil.AccessDenied:  # pragma: no cover - another user's process: trust it
        return True
    if heartbeat_at is None:
        return True
    beat = heartbeat_at if heartbeat_at.tzinfo else heartbeat_at.replace(tzinfo=UTC)
    return created <= beat.timestamp() + 1.0


def list_rooms(engine: Engine) -> list[dict[str, Any]]:
    with Session(engine) as session:
        rooms = session.exec(select(Room).order_by(Room.created_at)).scalars().all()  # type: ignore[call-overload]
        return [
            {"room_id": r.id, "name": r.name, "scenario": r.scenario_id, "seed": r.seed, "state": r.state,
             "minute": r.minute, "until": r.until, "speed": r.speed}
            for r in rooms
        ]


def export_room(engine: Engine, room_id: str, folder: str | Path) -> dict[str, Path]:
    """The same files as `uproar run --export`, read from the database."""
    room = get_room(engine, room_id)
    with engine.connect() as conn:
        frames = {
            "reactions": records.reactions_from_db(conn, room_id),
            "messages": records.messages_from_db(conn, room_id),
            "timeline": records.timeline_from_db(conn, room_id),
            "pressure": records.pressure_from_db(conn, room_id),
        }
        inputs = [item for _, item in records.applied_inputs(conn, room_id)]
        events = records.events_from_db(conn, room_id)
        started = conn.execute(select(func.min(Run.started_at)).where(Run.room_id == room_id)).scalar()
    info = {
        "scenario": room.scenario_id,
        "scenario_path": room.scenario_path,
        "scenario_sha256": room.scenario_sha256,
        "seed": room.seed,
        "minutes": room.minute,
        "population": room.population,
        "uproar_version": uproar_version(),
        "room_id": room.id,
        "room_name": room.name,
        "started_at": started.isoformat() if started else None,
    }
    return write_frames(folder, inputs=inputs, info=info, events=events, **frames)


__all__ = [
    "CreatedRoom",
    "DatabaseUnavailable",
    "RoomError",
    "create_room",
    "export_room",
    "list_rooms",
    "pause",
    "post",
    "resume",
    "role_for_code",
    "runner_alive",
    "runner_info",
    "set_speed",
    "start_runner",
    "status",
    "submit",
]


def start_runner(room_id: str, speed: float | None = None, until: int | None = None,
                 database: str | None = None, log: str | Path | None = None) -> int:
    """Start `uproar room run` for a room as a background process (what the console's Start does).

    Returns the process id; the runner takes the room through the database, so the
    console can be restarted without stopping the exercise.
    """
    return spawn_runner(room_id, speed=speed, until=until, database=database, log=log).pid


def spawn_runner(room_id: str, speed: float | None = None, until: int | None = None,
                 database: str | None = None, log: str | Path | None = None):  # type: ignore[no-untyped-def]
    """`start_runner`, returning the `Popen` (a parent that keeps it can reap the runner when it ends)."""
    import subprocess
    import sys

    from ..store.engine import database_url

    args = [sys.executable, "-m", "uproar.cli", "room", "run", room_id, "--quiet"]
    if speed is not None:
        args += ["--speed", "max" if speed == 0 else f"{speed:g}"]
    if until is not None:
        args += ["--until", str(until)]
    env = {**os.environ, "UPROAR_DATABASE_URL": database_url(database)}
    out = open(log, "a") if log else subprocess.DEVNULL  # noqa: SIM115 - handed to the child
    try:
        return subprocess.Popen(args, env=env, stdout=out, stderr=out, stdin=subprocess.DEVNULL,
                                start_new_session=True)
    finally:
        if log:
            out.close()  # the child has its own descriptor
