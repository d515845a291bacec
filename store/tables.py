"""The tables of a room's life: what it is, what people did in it, what the crowd said.

Table models do not validate: every write that starts from user input goes
through a non-table model first (`model.inputs`, `RoomSpec` in `app/rooms.py`).
Times are UTC; `t_min` is the simulated minute.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import BigInteger, Column, Index, Text
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(UTC)


class Room(SQLModel, table=True):
    __tablename__ = "rooms"

    id: str = Field(primary_key=True, max_length=32)
    name: str
    scenario_id: str
    scenario_path: str
    scenario_sha256: str
    scenario_toml: str = Field(sa_column=Column(Text, nullable=False))  # the room keeps its own copy
    seed: int
    population: int
    until: int  # minutes to simulate (0 … until − 1)
    state: str = "created"  # created | running | paused | stopped (runner ended early) | finished
    speed: float = 1.0  # simulated minutes per real minute; 0 means as fast as possible
    minute: int = 0  # minutes durably simulated = the next minute to simulate
    trainer_code_hash: str
    trainee_code_hash: str
    runner_pid: int | None = None
    runner_host: str | None = None
    heartbeat_at: datetime | None = None  # the runner writes it every few seconds while it holds the room
    runner_lost_at: datetime | None = None  # last heartbeat of the last runner found dead: when it died
    runner_restarts: int = Field(default=0, sa_column_kwargs={"server_default": "0"})  # by a supervisor
    restarted_at: datetime | None = None  # when a supervisor last started a runner (restarts wait on it)
    stop_at: int | None = None  # where the current runner was asked to stop (a jump, `--until`): a restart keeps it
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class Run(SQLModel, table=True):
    """One runner process's stint on a room (a crash and restart makes two)."""

    __tablename__ = "runs"

    id: int | None = Field(default=None, primary_key=True)
    room_id: str = Field(foreign_key="rooms.id", index=True)
    pid: int
    host: str
    from_minute: int
    to_minute: int | None = None
    started_at: datetime = Field(default_factory=utcnow)
    ended_at: datetime | None = None
    end_reason: str | None = None


class Account(SQLModel, table=True):
    """The room's notable personas, for the console's pickers and the report."""

    __tablename__ = "accounts"

    room_id: str = Field(foreign_key="rooms.id", primary_key=True)
    persona_id: str = Field(primary_key=True)
    account_index: int
    name: str
    handle: str
    group: str
    outlet: str = ""
    followers: int = 0
    platforms: str = ""


class Input(SQLModel, table=True):
    """The durable input log: a queue while `applied_minute` is empty, the room's truth after."""

    __tablename__ = "inputs"
    __table_args__ = (Index("ix_inputs_room_applied", "room_id", "applied_minute"),
                      Index("ux_inputs_token", "token", unique=True))

    id: int | None = Field(default=None, primary_key=True)
    room_id: str = Field(foreign_key="rooms.id")
    type: str
    payload: str = Field(sa_column=Column(Text, nullable=False))  # the validated input as JSON
    requested_minute: int | None = None
    applied_minute: int | None = None
    source: str = "cli"
    created_at: datetime = Field(default_factory=utcnow)
    token: str | None = Field(default=None, max_length=32)  # the sender's: a retried post is stored once


class Message(SQLModel, table=True):
    """A trainee message as the engine applied it."""

    __tablename__ = "messages"

    room_id: str = Field(foreign_key="rooms.id", primary_key=True)
    seq: int = Field(primary_key=True, sa_type=BigInteger)
    t_min: int
    input_id: int | None = None
    author: str
    platforms: str
    strategy: str
    tone: str
    detected: bool
    calm: float
    text: str = Field(sa_column=Column(Text, nullable=False))
    reasons: str = ""


class InjectFired(SQLModel, table=True):
    __tablename__ = "injects_fired"

    id: int | None = Field(default=None, primary_key=True)
    room_id: str = Field(foreign_key="rooms.id", index=True)
    t_min: int
    inject_index: int | None = None
    kind: str
    title: str
    by_hand: bool = False
    seq: int | None = Field(default=None, sa_type=BigInteger)


class TrainerAction(SQLModel, table=True):
    """Pause, speed, intensity, injects by hand, persona posts, notes — with their minute."""

    __tablename__ = "trainer_actions"

    id: int | None = Field(default=None, primary_key=True)
    room_id: str = Field(foreign_key="rooms.id", index=True)
    t_min: int
    type: str
    input_id: int | None = None
    payload: str = Field(sa_column=Column(Text, nullable=False))


class RoomEvent(SQLModel, table=True):
    """Everything the main courante lists: injects, notable accounts' moves, trends, notes."""

    __tablename__ = "events"

    id: int | None = Field(default=None, primary_key=True)
    room_id: str = Field(foreign_key="rooms.id", index=True)
    t_min: int
    source: str
    label: str = Field(sa_column=Column(Text, nullable=False))
    data: str = Field(default="{}", sa_column=Column(Text, nullable=False))


class Reaction(SQLModel, table=True):
    """One crowd item; the export's reactions.csv, row for row."""

    __tablename__ = "reactions"
    __table_args__ = (Index("ix_reactions_room_parent", "room_id", "parent_seq"),)

    room_id: str = Field(foreign_key="rooms.id", primary_key=True)
    seq: int = Field(primary_key=True, sa_type=BigInteger)
    t_min: float
    author_id: int
    author_group: str
    author_name: str
    platform: str
    kind: str
    emotion: str
    intensity: float
    text: str = Field(sa_column=Column(Text, nullable=False))
    hashtags: str
    parent_seq: int | None = Field(default=None, sa_type=BigInteger)
    cascade_root: int = Field(sa_type=BigInteger)
    lang: str


class HashtagCount(SQLModel, table=True):
    __tablename__ = "hashtag_counts"

    room_id: str = Field(foreign_key="rooms.id", primary_key=True)
    t_min: int = Field(primary_key=True)
    tag: str = Field(primary_key=True)
    count: int


class Trend(SQLModel, table=True):
    __tablename__ = "trends"

    id: int | None = Field(default=None, primary_key=True)
    room_id: str = Field(foreign_key="rooms.id", index=True)
    t_min: int
    tag: str
    change: str  # enter | exit


class TimelineRow(SQLModel, table=True):
    """Per minute × group × emotion: items written and the group's mean feeling."""

    __tablename__ = "timeline"

    room_id: str = Field(foreign_key="rooms.id", primary_key=True)
    t_min: int = Field(primary_key=True)
    group: str = Field(primary_key=True)
    emotion: str = Field(primary_key=True)
    count: int
    mean_intensity: float


class PressurePoint(SQLModel, table=True):
    __tablename__ = "pressure"

    room_id: str = Field(foreign_key="rooms.id", primary_key=True)
    t_min: int = Field(primary_key=True)
    pressure: float
