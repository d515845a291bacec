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
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, Field, ValidationError
from sqlalchemy import Engine, func, select, update
from sqlmodel import Session

from ..model import inputs as inp
from ..model.export import uproar_version, write_frames
from ..model.scenario import Scenario, load_scenario, parse_scenario
from ..store import records
from ..store.tables import Account, Input, Reaction, Room, Run, utcnow

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: codes are read aloud in a training room
CODE_LENGTH = 10


class RoomError(ValueError):
    """A room request that cannot be honoured; the message says why."""


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
    with Session(engine) as session:
        room = session.get(Room, room_id)
        if room is None:
            known = [r for (r,) in session.execute(select(Room.id).order_by(Room.created_at.desc()).limit(5))]
            hint = f"; recent rooms: {', '.join(known)}" if known else "; create one with `uproar room create`"
            raise RoomError(f"no room {room_id!r}{hint}")
        session.expunge(room)
        return room


def room_scenario(room: Room) -> Scenario:
    return parse_scenario(room.scenario_toml, source=room.scenario_path, sha256=room.scenario_sha256)


def role_for_code(room: Room, code: str) -> str | None:
    """'trainer', 'trainee' or None, comparing in constant time."""
    digest = _hash(code or "")
    trainer = hmac.compare_digest(digest, room.trainer_code_hash)
    trainee = hmac.compare_digest(digest, room.trainee_code_hash)
    return "trainer" if trainer else "trainee" if trainee else None


def submit(engine: Engine, room_id: str, data: dict[str, Any] | inp._Input, source: str = "cli") -> int:
    """Validate an input against the room's scenario and queue it; returns its id.

    A bad input is refused with a message and nothing stored changes.
    """
    room = get_room(engine, room_id)
    if room.state == "finished":
        raise RoomError(f"room {room_id} has finished (minute {room.minute}); nothing more can happen in it")
    item = data if isinstance(data, inp._Input) else inp.parse_input(data)
    inp.check_input(room_scenario(room), item)
    if item.t_min is not None and item.t_min < room.minute:
        raise RoomError(f"minute {item.t_min} has already been simulated (the room is at minute {room.minute})")
    row = Input(room_id=room_id, type=item.type, requested_minute=item.t_min,
                payload=item.model_dump_json(exclude_none=True, exclude={"t_min"}), source=source)
    with Session(engine) as session:
        session.add(row)
        if isinstance(item, inp.Clock):
            _apply_clock(session, room_id, item)
        session.commit()
        return int(row.id)


def _apply_clock(session: Session, room_id: str, item: inp.Clock) -> None:
    values: dict[str, Any] = {"updated_at": utcnow()}
    if item.type == "pause":
        values["state"] = "paused"
    elif item.type == "resume":
        values["state"] = "running"
    elif item.type == "speed":
        values["speed"] = float(item.value or 0.0)
    session.execute(update(Room).where(Room.id == room_id, Room.state != "finished").values(**values))


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
        "runner_alive": runner_alive(room),
    }


def runner_alive(room: Room, stale_s: float = 15.0) -> bool:
    """A runner holds the room: its process exists (same machine) or its heartbeat is fresh."""
    if room.runner_pid is None or room.heartbeat_at is None:
        return False
    if room.runner_host == socket.gethostname():
        try:
            os.kill(room.runner_pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:  # pragma: no cover - another user's process
            return True
    beat = room.heartbeat_at if room.heartbeat_at.tzinfo else room.heartbeat_at.replace(tzinfo=utcnow().tzinfo)
    return (utcnow() - beat).total_seconds() < stale_s


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
    "RoomError",
    "create_room",
    "export_room",
    "list_rooms",
    "pause",
    "post",
    "resume",
    "role_for_code",
    "set_speed",
    "status",
    "submit",
]


def start_runner(room_id: str, speed: float | None = None, until: int | None = None,
                 database: str | None = None, log: str | Path | None = None) -> int:
    """Start `uproar room run` for a room as a background process (what the console's Start does).

    Returns the process id; the runner takes the room through the database, so the
    console can be restarted without stopping the exercise.
    """
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
    proc = subprocess.Popen(args, env=env, stdout=out, stderr=out, start_new_session=True)
    return proc.pid
