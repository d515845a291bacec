"""Everything a person does to a run: trainee messages and trainer actions.

These are the only way in. Each input is validated here (a pydantic model that is
not a table), stamped with the simulated minute at which it took effect, and kept
in the input log; (scenario, seed, input log) rebuilds the run exactly.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, model_validator

from .taxonomy import EMOTIONS, GROUPS

Strategy = Literal["deny", "diminish", "rebuild", "bolster", "no_comment"]
Tone = Literal["empathetic", "factual", "defensive", "humorous"]
Text = Annotated[str, Field(min_length=1, max_length=10_000)]


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid")
    t_min: Annotated[int, Field(ge=0)] | None = None


class Message(_Input):
    """A trainee message posted from one of the organisation's accounts.

    `reading` is how the engine read it when it took effect (`Reading.to_record`), written into
    the log by the model then: a replay uses it rather than reading the text again, so a room
    rebuilt on a machine whose reader has since changed still reads each message as it did.
    """

    type: Literal["message"] = "message"
    text: Text
    platforms: list[str] = Field(default_factory=list)
    author: str | None = None
    strategy: Strategy | None = None
    tone: Tone | None = None
    corrects: list[str] = Field(default_factory=list)
    reading: dict[str, Any] | None = None

    @model_validator(mode="after")
    def _reading_fits(self) -> Message:
        if self.reading is not None:
            from .classify import Reading

            Reading.from_record(self.reading)
        return self


class ReadingCorrection(_Input):
    """A trainer's correction of how the engine read a message.

    It names the message by `seq` (as in the feed and messages.csv) or by `message`, its
    position in the input log (0-based). Applied at its own minute like any input, so a
    replay of the log reads the message the same way; from that minute the message counts
    as corrected (its calm, the consistency of later messages, its promises' record), and
    the report shows both readings. The model keeps it in its log by position.
    """

    type: Literal["reading"] = "reading"
    seq: Annotated[int, Field(ge=0)] | None = None
    message: Annotated[int, Field(ge=0)] | None = None
    strategy: Strategy | None = None
    secondary: Strategy | Literal["none"] | None = None
    tone: Tone | None = None
    base_responses: list[Literal["instructing", "adjusting"]] | None = None
    note: Annotated[str, Field(max_length=2000)] = ""

    @model_validator(mode="after")
    def _names_one_message(self) -> ReadingCorrection:
        if (self.seq is None) == (self.message is None):
            raise ValueError("name the message by exactly one of seq (as in the feed) or message (its position in the input log)")
        if self.strategy is None and self.secondary is None and self.tone is None and self.base_responses is None:
            raise ValueError("say what the reading should be: strategy, secondary, tone or base_responses")
        return self


class Inject(_Input):
    """Fire a scenario inject now (`index`) or one written on the fly."""

    type: Literal["inject"] = "inject"
    index: Annotated[int, Field(ge=0)] | None = None
    kind: Literal["post", "article", "video", "statement", "fact", "question"] = "post"
    title: str = ""
    text: str = ""
    author: str | None = None
    platforms: list[str] = Field(default_factory=list)
    groups: list[str] = Field(default_factory=list)
    shock: dict[str, Annotated[float, Field(ge=-1, le=1)]] = Field(default_factory=dict)
    reach: Annotated[float, Field(ge=0, le=1)] = 0.3
    hashtags: list[str] = Field(default_factory=list)


class PersonaPost(_Input):
    """A trainer playing a persona by hand (a journalist's tweet, an official's statement)."""

    type: Literal["persona_post"] = "persona_post"
    persona: str
    text: Text
    platform: str | None = None
    emotion: Literal["approval", "fear", "anger", "mockery", "sadness"] = "anger"
    strength: Annotated[float, Field(ge=0, le=1)] = 0.1


class Intensity(_Input):
    """Turn the crowd's activity up or down (1 = as the scenario says)."""

    type: Literal["intensity"] = "intensity"
    value: Annotated[float, Field(ge=0, le=5)]


class Note(_Input):
    """A trainer's note for the main courante; no effect on the crowd."""

    type: Literal["note"] = "note"
    text: Text


class Clock(_Input):
    """Pause, resume or speed changes: logged for the record, no effect on the crowd."""

    type: Literal["pause", "resume", "speed"]
    value: float | None = None


AnyInput = Annotated[Message | ReadingCorrection | Inject | PersonaPost | Intensity | Note | Clock,
                     Field(discriminator="type")]
_adapter: TypeAdapter[AnyInput] = TypeAdapter(AnyInput)


class InputError(ValueError):
    """An input that cannot be applied; the message says what is wrong."""


def check_input(scenario: Any, item: _Input) -> None:
    """Check an input against a scenario's personas, platforms, claims and injects.

    Cheap (no crowd is built), so rooms validate inputs when they arrive, long before
    the runner applies them.
    """
    platforms = list(scenario.platform_names)
    personas = {p.id: p for p in scenario.personas}

    def platform(name: str) -> None:
        if name not in platforms:
            raise InputError(f"unknown platform {name!r}; this scenario has {platforms}")

    def persona(pid: str) -> None:
        if pid not in personas:
            raise InputError(f"unknown persona {pid!r}; the scenario lists {sorted(personas)}")

    if isinstance(item, Message):
        org = [p for p in scenario.personas if p.group == "organisation"]
        if item.author is not None and not any(item.author in (p.id, p.handle, p.name) for p in org):
            raise InputError(
                f"trainees post from the organisation's accounts {[p.id for p in org]}, not {item.author!r}"
            )
        for name in item.platforms:
            platform(name)
        known = {c.id for c in scenario.claims}
        for claim in item.corrects:
            if claim not in known:
                raise InputError(f"unknown claim {claim!r}; the scenario lists {sorted(known)}")
    elif isinstance(item, PersonaPost):
        persona(item.persona)
        if item.platform:
            platform(item.platform)
    elif isinstance(item, Inject):
        n = len(scenario.injects)
        if item.index is not None and item.index >= n:
            raise InputError(f"no inject #{item.index}: the scenario has {n} (0–{n - 1})")
        if item.author:
            persona(item.author)
        for name in item.platforms:
            platform(name)
        for g in item.groups:
            if g not in GROUPS:
                raise InputError(f"unknown group {g!r}; use one of {list(GROUPS)}")
        for e in item.shock:
            if e not in EMOTIONS:
                raise InputError(f"unknown emotion {e!r}; use one of {list(EMOTIONS)}")


def parse_input(data: dict | str) -> Message | ReadingCorrection | Inject | PersonaPost | Intensity | Note | Clock:
    """Validate one input (a dict or a JSON line)."""
    try:
        if isinstance(data, str):
            return _adapter.validate_json(data)
        return _adapter.validate_python(data)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'input'}: {e['msg']}" for e in exc.errors())
        raise InputError(f"invalid input: {problems}") from None


def read_inputs(path: str | Path) -> list:
    """Read an inputs.jsonl file; errors name the line."""
    out = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            out.append(parse_input(line))
        except InputError as exc:
            raise InputError(f"{path}, line {n}: {exc}") from None
    return out


def dump_inputs(inputs: list, path: str | Path) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for item in inputs:
            fh.write(json.dumps(item.model_dump(exclude_none=True), ensure_ascii=False, sort_keys=True) + "\n")


def read_messages_csv(path: str | Path) -> list[Message]:
    """Read a messages file: `t_min, platform, text` (+ strategy, tone, author), or an exported messages.csv."""
    import csv

    path = Path(path)
    try:
        with open(path, newline="", encoding="utf-8-sig") as fh:
            rows = list(csv.DictReader(fh))
            header = rows[0].keys() if rows else []
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text; save the file as UTF-8 CSV") from None
    if not rows:
        raise InputError(f"{path}: no messages (the file is empty or has only a header)")
    missing = [c for c in ("t_min", "text") if c not in header]
    if "platform" not in header and "platforms" not in header:
        missing.append("platform")
    if missing:
        raise InputError(f"{path}: missing column(s) {missing}; expected t_min, platform, text (+ strategy, tone, author)")
    out = []
    for n, row in enumerate(rows, 2):
        try:
            t = float(row["t_min"])
        except (TypeError, ValueError):
            raise InputError(f"{path}, line {n}: t_min {row['t_min']!r} is not a number of minutes") from None
        plats = (row.get("platforms") or row.get("platform") or "").split()
        data = {"t_min": int(t), "text": row["text"], "platforms": plats}
        for key in ("strategy", "tone", "author"):
            if row.get(key):
                data[key] = row[key].strip()
        try:
            out.append(Message(**data))
        except ValidationError as exc:
            problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
            raise InputError(f"{path}, line {n}: {problems}") from None
    return out
