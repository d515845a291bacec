"""What a report is made from: an export folder (or a room, exported first), read once.

The export folder is the contract between a run and everything after it, so the
report reads nothing else: reactions, messages, timeline, pressure, inputs,
events and run.json.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pandas as pd

from ..model.inputs import read_inputs
from ..model.scenario import Scenario, load_scenario

REQUIRED = ("reactions.csv", "messages.csv", "timeline.csv", "pressure.csv", "inputs.jsonl", "run.json")


class ReportError(ValueError):
    """The report cannot be built from what was given; the message says what is missing."""


@dataclass
class RunData:
    folder: Path
    info: dict[str, Any]
    scenario: Scenario
    reactions: pd.DataFrame
    messages: pd.DataFrame
    timeline: pd.DataFrame
    pressure: pd.DataFrame
    inputs: list
    events: list[dict[str, Any]]
    team: str = ""
    siblings: list[RunData] = field(default_factory=list)

    @property
    def minutes(self) -> int:
        return int(self.info.get("minutes", len(self.pressure)))

    @property
    def started_at(self) -> datetime | None:
        value = self.info.get("started_at")
        return datetime.fromisoformat(value) if value else None


def load_export(folder: str | Path, scenario: Scenario | None = None) -> RunData:
    """Read an export folder written by `uproar run --export` or `uproar room export`."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ReportError(f"{folder}: not a folder; give an export folder (uproar run … --export DIR) or a room id")
    missing = [name for name in REQUIRED if not (folder / name).exists()]
    if missing:
        raise ReportError(f"{folder}: missing {', '.join(missing)}; export the run again with this version of Uproar")
    info = json.loads((folder / "run.json").read_text(encoding="utf-8"))
    if scenario is None:
        try:
            scenario = load_scenario(info.get("scenario_path") or info["scenario"])
        except ValueError:
            scenario = load_scenario(info["scenario"])
    events_path = folder / "events.jsonl"
    events = [json.loads(line) for line in events_path.read_text(encoding="utf-8").splitlines() if line.strip()] \
        if events_path.exists() else []
    return RunData(
        folder=folder,
        info=info,
        scenario=scenario,
        reactions=pd.read_csv(folder / "reactions.csv", keep_default_na=False, na_values={"parent_seq": [""]},
                              dtype={"text": str, "hashtags": str}),
        messages=pd.read_csv(folder / "messages.csv", keep_default_na=False, dtype={"text": str}),
        timeline=pd.read_csv(folder / "timeline.csv"),
        pressure=pd.read_csv(folder / "pressure.csv"),
        inputs=read_inputs(folder / "inputs.jsonl"),
        events=events,
        team=info.get("room_name") or "",
    )


def load_source(source: str | Path, database: str | None = None, siblings: bool = True) -> RunData:
    """An export folder, or a room id (exported to a temporary folder, with its sister rooms)."""
    path = Path(source)
    if path.exists():
        return load_export(path)
    from ..app.rooms import RoomError, export_room, get_room, list_rooms, room_scenario
    from ..store.engine import open_store

    engine = open_store(database)
    try:
        room = get_room(engine, str(source))
    except RoomError as exc:
        raise ReportError(f"{source}: neither an export folder nor a room ({exc})") from None
    scenario = room_scenario(room)
    tmp = Path(tempfile.mkdtemp(prefix=f"uproar-report-{room.id}-"))
    export_room(engine, room.id, tmp)
    data = load_export(tmp, scenario=scenario)
    if siblings:
        for other in list_rooms(engine):
            if other["room_id"] != room.id and other["scenario"] == room.scenario_id and other["seed"] == room.seed \
                    and other["minute"] > 0:
                folder = Path(tempfile.mkdtemp(prefix=f"uproar-report-{other['room_id']}-"))
                export_room(engine, other["room_id"], folder)
                data.siblings.append(load_export(folder, scenario=scenario))
    return data
