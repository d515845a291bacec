"""Scenario files: the TOML schema, its validation and friendly errors.

A scenario is data a designer writes by hand, so every mistake must come back as
a sentence naming the file, the field (and line when we can find it) and what was
expected — never as a traceback.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from . import phrasebank
from .taxonomy import CRISIS_TYPES, EMOTIONS, GROUPS, LANGUAGES, STYLES, VOCABULARY_KEYS

if TYPE_CHECKING:
    from .phrasebank import Bank

Unit = Annotated[float, Field(ge=0.0, le=1.0)]
Stance = Annotated[float, Field(ge=-1.0, le=1.0)]
Emotion = Literal["approval", "fear", "anger", "mockery", "sadness"]
Group = Literal[
    "journalist", "elected", "blogger", "employee", "union", "student", "public", "organisation"
]


class ScenarioError(ValueError):
    """A scenario file that cannot be used; the message says where and what to do."""

    def __init__(self, path: str, problems: list[str]):
        self.path = path
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"{path}: {len(problems)} problem(s) in the scenario:\n{lines}")


class _Located(ValueError):
    """Problems found across the scenario, each with the location of the field at fault."""

    def __init__(self, problems: list[tuple[tuple, str]]):
        self.problems = problems
        super().__init__("; ".join(f"{_dotted(loc)}: {msg}" for loc, msg in problems))


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_emotions(value: dict[str, float]) -> dict[str, float]:
    unknown = sorted(set(value) - set(EMOTIONS))
    if unknown:
        raise ValueError(f"unknown emotion(s) {unknown}; use {list(EMOTIONS)}")
    return value


class Meta(_Strict):
    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")]
    title: str
    language: Literal["fr", "en"]
    crisis_type: Literal["victim", "accidental", "preventable"]
    responsibility: Unit = Field(0.5, description="perceived responsibility at the start")
    organisation: str
    duration_min: Annotated[int, Field(gt=0, le=24 * 60)] = 120
    description: str = ""
    start_time: Annotated[str, Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$")] | None = Field(
        None, description='clock time at minute 0, "HH:MM": lets "update at 3 pm" fall due at the right minute')
    safety_risk: bool | None = Field(
        None, description="people must act to stay safe or protected (instructing information is due); "
        "default: an inject's fear shock reaches 0.2")
    on_site: bool = Field(
        True, description="the crisis happens at a place people work at, live near or help at (a plant, a stadium); "
        "false for a data breach, a recall or a scandal: the crowd then never speaks of staff on site, people "
        "helping on the ground or living next door (model/phrases/<lang>/site.toml)")


class Population(_Strict):
    size: Annotated[int, Field(ge=100, le=5_000_000)] = 20_000
    groups: dict[Group, Unit] = Field(
        default_factory=lambda: {"public": 0.7, "student": 0.15, "employee": 0.1, "blogger": 0.03, "union": 0.02}
    )
    stance: dict[Group, Stance] = Field(default_factory=dict)
    languages: dict[Literal["fr", "en"], Unit] = Field(default_factory=dict)
    localities: Annotated[int, Field(ge=1, le=1000)] = 8
    #: mean actions per account per hour at rest; heavy-tailed across accounts
    activity_per_hour: Annotated[float, Field(gt=0, le=60)] = 0.08
    #: Pareto exponent of the activity rate (smaller = a few accounts write most)
    activity_tail: Annotated[float, Field(gt=1.0, le=5.0)] = 1.3

    @field_validator("groups")
    @classmethod
    def _shares(cls, v: dict[str, float]) -> dict[str, float]:
        if sum(v.values()) <= 0:
            raise ValueError("group shares must not all be zero")
        return v


class Network(_Strict):
    generator: Literal["homophily"] = "homophily"
    #: the mass crowd's follow graph, read instead of generated; relative to the
    #: scenario file's folder. The crowd size then comes from the graph.
    file: str | None = Field(None, description="a follow graph (CSV edge list, GraphML, GEXF)")
    mean_following: Annotated[float, Field(gt=0, le=2000)] = 10.0
    follower_exponent: Annotated[float, Field(gt=1.5, le=4.0)] = 2.3
    homophily: Unit = 0.6
    locality: Unit = 0.5
    attention: Annotated[float, Field(gt=0)] = 30.0


class Platform(_Strict):
    name: Annotated[str, Field(pattern=r"^[a-z0-9_]+$")]
    label: str = ""
    style: Literal["microblog", "social", "photo", "professional", "messaging"]
    #: share of each group present on the platform
    presence: dict[Group, Unit]
    #: how far an item travels (multiplies exposure of followers)
    reach: Annotated[float, Field(ge=0, le=10)] = 1.0
    #: relative weight of the platform when an account picks where to act
    activity: Annotated[float, Field(ge=0, le=10)] = 1.0
    #: relative propensity to share (forward) rather than post
    share_rate: Annotated[float, Field(ge=0, le=10)] = 1.0
    max_chars: Annotated[int, Field(gt=0)] | None = None


class Persona(_Strict):
    id: Annotated[str, Field(pattern=r"^[A-Za-z0-9_.-]+$")]
    name: str
    handle: str
    group: Group
    outlet: str = ""
    followers: Annotated[int, Field(ge=0)] = 1000
    platforms: list[str]
    stance: Stance = 0.0
    language: Literal["fr", "en"] | None = None
    locality: Annotated[int, Field(ge=0)] = 0
    #: anger level (0–1) of the persona's constituency that makes it speak (officials, unions)
    threshold: Unit = 0.35
    #: minutes a journalist gives the organisation to answer
    deadline_min: Annotated[int, Field(gt=0, le=24 * 60)] = 30
    activity_per_hour: Annotated[float, Field(ge=0, le=60)] = 2.0


class Targets(_Strict):
    groups: list[Group] = Field(default_factory=list)
    platforms: list[str] = Field(default_factory=list)
    localities: list[int] = Field(default_factory=list)


class Inject(_Strict):
    at: Annotated[int, Field(ge=0)]
    kind: Literal["post", "article", "video", "statement", "fact", "question"] = "post"
    title: str = ""
    text: str
    author: str | None = Field(None, description="a persona id")
    platforms: list[str] = Field(default_factory=list)
    targets: Targets = Field(default_factory=Targets)
    shock: dict[str, Annotated[float, Field(ge=-1, le=1)]] = Field(default_factory=dict)
    #: share of the targeted accounts that see the inject directly
    reach: Unit = 0.3
    claim: str | None = None
    hashtags: list[str] = Field(default_factory=list)
    #: facts emerging may change the crisis; None leaves it as it was
    responsibility: Unit | None = None
    crisis_type: Literal["victim", "accidental", "preventable"] | None = None
    #: what the inject's text takes for granted: when it no longer holds at its minute ("spoken": the
    #: organisation has posted; "apologised": a message said sorry; "staff_told": a message spoke to
    #: the staff), the inject says `instead`, or does not fire when there is none
    unless: Literal["spoken", "apologised", "staff_told"] | None = None
    instead: str | None = None

    _emotions = field_validator("shock")(classmethod(lambda cls, v: _check_emotions(v)))

    @model_validator(mode="after")
    def _instead_needs_unless(self) -> Inject:
        if self.instead is not None and self.unless is None:
            raise ValueError("'instead' is the text said when 'unless' holds: give 'unless' too "
                             "(spoken, apologised or staff_told)")
        return self


class Hashtag(_Strict):
    tag: Annotated[str, Field(pattern=r"^#\w+$")]
    emotions: dict[str, Unit]
    start: Annotated[int, Field(ge=0)] = 0
    weight: Annotated[float, Field(gt=0, le=10)] = 1.0

    _emotions = field_validator("emotions")(classmethod(lambda cls, v: _check_emotions(v)))


class EmergentHashtag(_Strict):
    tag: Annotated[str, Field(pattern=r"^#\w+$")]
    group: Group = "public"
    emotion: Emotion = "anger"
    threshold: Unit = 0.3
    emotions: dict[str, Unit] = Field(default_factory=lambda: {"anger": 1.0})
    weight: Annotated[float, Field(gt=0, le=10)] = 2.0

    _emotions = field_validator("emotions")(classmethod(lambda cls, v: _check_emotions(v)))


class Claim(_Strict):
    id: Annotated[str, Field(pattern=r"^[A-Za-z0-9_.-]+$")]
    text: str
    true: bool
    keywords: list[str] = Field(min_length=1)
    emotion: Emotion = "fear"
    virality: Annotated[float, Field(gt=0, le=10)] = 1.0
    start: Annotated[int, Field(ge=0)] = 0


class Parameters(_Strict):
    """Model constants; defaults and their sources are in docs/model.md."""

    tau_min: dict[str, Annotated[float, Field(gt=0)]] = Field(
        default_factory=lambda: {"approval": 75.0, "fear": 90.0, "anger": 90.0, "mockery": 75.0, "sadness": 90.0}
    )
    contagion: dict[str, Annotated[float, Field(ge=0, le=5)]] = Field(
        default_factory=lambda: {"approval": 0.05, "fear": 0.07, "anger": 0.09, "mockery": 0.07, "sadness": 0.03}
    )
    baseline: dict[str, Unit] = Field(
        default_factory=lambda: {"approval": 0.12, "fear": 0.04, "anger": 0.05, "mockery": 0.04, "sadness": 0.03}
    )
    susceptibility: dict[Group, Annotated[float, Field(ge=0, le=5)]] = Field(default_factory=dict)
    arousal_tau_min: Annotated[float, Field(gt=0)] = 15.0
    arousal_gain: Annotated[float, Field(ge=0, le=10)] = 0.3
    arousal_drop: Unit = 0.5
    act_gain: Annotated[float, Field(ge=0, le=100)] = 12.0
    intensity: Annotated[float, Field(ge=0, le=10)] = 1.0
    message_strength: Annotated[float, Field(ge=0, le=10)] = 1.0
    silence_cost: Annotated[float, Field(ge=0, le=1)] = 0.0015
    #: how readily an item of each emotion is shared or answered, anger = 1 (joy/anger ≈ 0.7
    #: and sadness/anger ≈ 0.3, Fan et al. 2014; anxiety/anger ≈ 0.9, Berger & Milkman 2012)
    share_appeal: dict[str, Annotated[float, Field(ge=0, le=5)]] = Field(
        default_factory=lambda: {"approval": 0.7, "fear": 0.9, "anger": 1.0, "mockery": 0.95, "sadness": 0.3}
    )
    #: each moral-emotional word multiplies an item's appeal by 1 + this (Brady et al. 2017)
    moral_word_gain: Annotated[float, Field(ge=0, le=2)] = 0.2
    #: how much an intense item outdraws a faint one of the same emotion (Berger & Milkman 2012)
    arousal_appeal: Annotated[float, Field(ge=0, le=10)] = 3.0
    #: shape of the spread of attention spans: 1 + θ, θ ≈ 0.4 (Crane & Sornette 2008)
    attention_shape: Annotated[float, Field(ge=0.2, le=20)] = 1.4
    #: fatigue added by each action (and by a minute of reading) about the crisis
    fatigue_gain: Annotated[float, Field(ge=0, le=1)] = 0.2
    #: how long fatigue lasts (minutes, e-folding)
    fatigue_tau_min: Annotated[float, Field(gt=0, le=10_000)] = 180.0
    #: chance that someone about to share, finding nothing new from those they follow, looks platform-wide
    discovery: Unit = 0.3
    #: an item's novelty halves every this many minutes (about an hour, Wu & Huberman 2007)
    novelty_half_life_min: Annotated[float, Field(gt=0, le=10_000)] = 60.0
    trend_window_min: Annotated[int, Field(ge=1, le=60)] = 5
    trend_baseline_min: Annotated[int, Field(ge=5, le=240)] = 30
    trend_ratio: Annotated[float, Field(gt=1)] = 2.0
    trend_min_count: Annotated[int, Field(ge=1)] = 10

    @field_validator("tau_min", "contagion", "baseline", "share_appeal")
    @classmethod
    def _per_emotion(cls, v: dict[str, float], info: ValidationInfo) -> dict[str, float]:
        """Known emotions only; an emotion left out keeps its default, so `{ anger = 1.2 }` is enough."""
        _check_emotions(v)
        return {**cls.model_fields[info.field_name].default_factory(), **v}


class Scenario(_Strict):
    """A crisis scenario file, validated."""

    scenario: Meta
    population: Population = Field(default_factory=Population)
    network: Network = Field(default_factory=Network)
    platforms: list[Platform] = Field(min_length=1)
    personas: list[Persona] = Field(default_factory=list)
    injects: list[Inject] = Field(default_factory=list)
    hashtags: list[Hashtag] = Field(default_factory=list)
    emergent_hashtags: list[EmergentHashtag] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    vocabulary: dict[str, str | list[str]] = Field(default_factory=dict)
    parameters: Parameters = Field(default_factory=Parameters)
    #: lines the scenario adds to the shipped phrase banks, or replaces (docs/phrases.md)
    phrases: dict[str, Any] = Field(default_factory=dict)
    #: where it was loaded from and its content hash (set by the loader)
    source: str = ""
    sha256: str = ""

    @field_validator("vocabulary")
    @classmethod
    def _vocabulary(cls, v: dict[str, str | list[str]]) -> dict[str, str | list[str]]:
        problems = []
        for key, value in v.items():
            if key not in VOCABULARY_KEYS:
                problems.append((("vocabulary", key), f"unknown vocabulary key; use one of {list(VOCABULARY_KEYS)}"))
            elif isinstance(value, list) and not value:
                problems.append((("vocabulary", key), "is an empty list; give at least one word"))
        if problems:
            raise _Located(problems)
        return v

    @model_validator(mode="after")
    def _references(self) -> Scenario:
        problems: list[tuple[tuple, str]] = []
        platforms = [p.name for p in self.platforms]
        if len(set(platforms)) != len(platforms):
            problems.append((("platforms",), f"names must be unique, got {platforms}"))
        personas = {p.id: p for p in self.personas}
        if len(personas) != len(self.personas):
            problems.append((("personas",), "ids must be unique"))
        claims = {c.id for c in self.claims}
        for i, p in enumerate(self.personas):
            for name in p.platforms:
                if name not in platforms:
                    problems.append((("personas", i, "platforms"), f"unknown platform {name!r}; declared: {platforms}"))
        for i, inj in enumerate(self.injects):
            if inj.at >= self.scenario.duration_min:
                problems.append((("injects", i, "at"), f"minute {inj.at} is after the end of the scenario "
                                 f"(duration_min = {self.scenario.duration_min})"))
            author = personas.get(inj.author) if inj.author is not None else None
            if inj.author is not None and author is None:
                problems.append((("injects", i, "author"), f"unknown persona {inj.author!r}; declared: {sorted(personas)}"))
            for name in inj.platforms:
                if name not in platforms:
                    problems.append((("injects", i, "platforms"), f"unknown platform {name!r}; declared: {platforms}"))
            for name in inj.targets.platforms:
                if name not in platforms:
                    problems.append((("injects", i, "targets", "platforms"), f"unknown platform {name!r}; declared: {platforms}"))
            if inj.claim is not None and inj.claim not in claims:
                problems.append((("injects", i, "claim"), f"unknown claim {inj.claim!r}; declared: {sorted(claims)}"))
            if inj.kind == "question" and author is not None and author.group != "journalist":
                problems.append((("injects", i, "author"), f"a question needs a journalist persona as author, {inj.author!r} is {author.group!r}"))
            elif inj.kind == "question" and inj.author is None:
                problems.append((("injects", i, "kind"), "a question needs a journalist persona as author"))
        if not any(p.group == "organisation" for p in self.personas):
            problems.append((("personas",), 'at least one persona with group = "organisation" must speak for the organisation'))
        problems += self._network_file_problems()
        problems += self._phrase_problems()
        if problems:
            raise _Located(problems)
        return self

    def _phrase_problems(self) -> list[tuple[tuple, str]]:
        """The [phrases] tables, and the phrases files they name (each error names its own file and line)."""
        problems: list[tuple[tuple, str]] = list(phrasebank.scenario_problems(self.phrases))
        if problems:
            return problems
        for lang, (file, _) in phrasebank.scenario_overlays(self.phrases, self.language).items():
            if file is None:
                continue
            try:
                phrasebank.overlay_file(self.phrases_path(file))
            except phrasebank.PhraseError as exc:
                where = ("phrases", "file") if "file" in self.phrases else ("phrases", lang, "file")
                problems += [(where, p) for p in exc.problems]
        return problems

    def phrases_path(self, file: str) -> Path:
        """A phrases file named in [phrases]: relative paths start at the scenario file's folder."""
        path = Path(file).expanduser()
        if path.is_absolute() or not self.source or self.source.startswith("<"):
            return path
        return Path(self.source).parent / path

    def phrase_bank(self, lang: str) -> Bank:
        """The phrase bank of one language: the shipped lines with the scenario's own."""
        bank = phrasebank.shipped(lang)
        file, tables = phrasebank.scenario_overlays(self.phrases, self.language).get(lang, (None, {}))
        if file is not None:
            bank = phrasebank.merge(bank, phrasebank.overlay_file(self.phrases_path(file)))
        bank = phrasebank.merge(bank, tables)
        return bank if self.scenario.on_site else phrasebank.off_site(bank)

    def _network_file_problems(self) -> list[tuple[tuple, str]]:
        """A `network.file` that cannot be opened; its content is checked when the crowd is built."""
        path = self.network_path()
        if path is None:
            return []
        from ..network.io import FORMATS as GRAPH_FORMATS  # networkx: only when a file is set

        where = ("network", "file")
        if path.suffix.lower() not in GRAPH_FORMATS:
            return [(where, f"{path}: unknown graph format {path.suffix or '(no suffix)'!r}; "
                     f"give a {', '.join(GRAPH_FORMATS)} file")]
        if not path.is_file():
            return [(where, f"{path}: no such file; fix the path (a relative path is read from the "
                     "scenario's folder) or remove `file` to generate the follow graph")]
        return []

    def network_path(self) -> Path | None:
        """Where `network.file` points: relative paths start at the scenario file's folder
        (the current directory for a scenario parsed from text); None without a file."""
        if not self.network.file:
            return None
        path = Path(self.network.file).expanduser()
        if path.is_absolute() or not self.source or self.source.startswith("<"):
            return path
        return Path(self.source).parent / path

    def persona(self, persona_id: str) -> Persona:
        found = next((p for p in self.personas if p.id == persona_id), None)
        if found is None:
            raise KeyError(f"no persona {persona_id!r}")
        return found

    @property
    def id(self) -> str:
        return self.scenario.id

    @property
    def language(self) -> str:
        return self.scenario.language

    @property
    def platform_names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.platforms)

    @property
    def has_safety_risk(self) -> bool:
        """Whether people must act to stay safe: as declared, else an inject carries real fear."""
        if self.scenario.safety_risk is not None:
            return self.scenario.safety_risk
        return any(i.shock.get("fear", 0.0) >= 0.2 for i in self.injects)

    @property
    def start_minute_of_day(self) -> int | None:
        """Minutes since midnight at minute 0 (None when the scenario gives no clock)."""
        if not self.scenario.start_time:
            return None
        hours, minutes = self.scenario.start_time.split(":")
        return int(hours) * 60 + int(minutes)


# --------------------------------------------------------------------------- loading


def shipped_dir() -> Path:
    """The folder of scenarios that ship with Uproar."""
    return Path(str(resources.files("uproar.scenarios")))


def shipped_scenarios() -> list[Path]:
    return sorted(shipped_dir().glob("*.toml"))


def resolve(path_or_name: str | Path) -> Path:
    """A path, or the id/file stem of a shipped scenario."""
    path = Path(path_or_name)
    if path.exists():
        return path
    for candidate in shipped_scenarios():
        if candidate.stem == str(path_or_name) or candidate.name == str(path_or_name):
            return candidate
    names = ", ".join(p.stem for p in shipped_scenarios())
    raise ScenarioError(str(path_or_name), [f"no such file, and no shipped scenario by that name (shipped: {names})"])


def load_scenario(path_or_name: str | Path) -> Scenario:
    """Read and validate a scenario; raise `ScenarioError` with readable problems."""
    path = resolve(path_or_name)
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ScenarioError(str(path), [f"line {line}: the file is not UTF-8 text (byte {exc.start}); save it as UTF-8"]) from None
    return parse_scenario(text, source=str(path), sha256=hashlib.sha256(raw).hexdigest())


def parse_scenario(text: str, source: str = "<scenario>", sha256: str = "") -> Scenario:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ScenarioError(source, [f"not valid TOML: {exc}"]) from None
    if not sha256:
        sha256 = hashlib.sha256(text.encode()).hexdigest()
    try:
        return Scenario.model_validate({**data, "source": source, "sha256": sha256})
    except ValidationError as exc:
        problems: list[str] = []
        for err in exc.errors():
            located = err.get("ctx", {}).get("error")
            if isinstance(located, _Located):
                prefix = tuple(p for p in err["loc"])
                for loc, msg in located.problems:
                    loc = loc if loc[: len(prefix)] == prefix else prefix + loc
                    line = _phrase_line(text, loc) if loc[:1] == ("phrases",) else _find_line(text, loc)
                    problems.append(f"{f'line {line}, ' if line else ''}{_dotted(loc)}: {msg}")
            else:
                problems.append(_describe(err, text))
        raise ScenarioError(source, problems) from None


def _describe(err: dict, text: str) -> str:
    loc = tuple(err["loc"])
    field = _dotted(loc)
    line = _find_line(text, loc)
    where = f"line {line}, " if line else ""
    message = err["msg"].removeprefix("Value error, ")
    if err["type"] == "missing":
        message = "is required but missing"
    elif err["type"] == "extra_forbidden":
        message = "is not a known field (check its spelling)"
    elif err["type"] == "literal_error":
        message = f"{message}, got {err.get('input')!r}"
    elif "input" in err and err["type"] not in ("model_type", "dict_type", "list_type"):
        got = repr(err["input"])
        message = f"{message} (got {got if len(got) <= 60 else got[:57] + '...'})"
    return f"{where}{field or 'file'}: {message}"


def _dotted(loc: tuple) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _phrase_line(text: str, loc: tuple) -> int | None:
    """The line of a field under [phrases] (deep dotted tables the generic finder does not follow)."""
    lines = phrasebank.key_lines(text)
    for i in range(len(loc), 0, -1):
        if tuple(loc[:i]) in lines:
            return lines[tuple(loc[:i])]
    return None


def _find_line(text: str, loc: tuple) -> int | None:
    """Best-effort line of a field: follow [table] / [[array]] headers, then the key."""
    lines = [re.sub(r"\s*#.*$", "", ln).strip() if ln.lstrip().startswith("[") else ln.strip() for ln in text.splitlines()]
    start, header, found = 0, "", False
    parts = [p for p in loc if p not in ("source", "sha256") and p != "[key]"]
    i = 0
    while i < len(parts):
        part = parts[i]
        if not isinstance(part, str):
            break  # an index into an inline list: the key's line is the best we have
        name = f"{header}.{part}" if header else part
        if i + 1 < len(parts) and isinstance(parts[i + 1], int):
            hits = [n for n, ln in enumerate(lines) if ln == f"[[{name}]]"]
            if parts[i + 1] < len(hits):
                start, header, found = hits[parts[i + 1]], name, True
                i += 2
                continue
        for n in range(start, len(lines)):
            stripped = lines[n]
            if stripped in (f"[{name}]", f"[[{name}]]") or (stripped.startswith(f"[{name}.") and not header):
                start, header, found = n, name, True
                break
            if re.match(rf"^{re.escape(part)}\s*=", stripped):
                start, found = n, True
                if i == len(parts) - 1 or not isinstance(parts[i + 1], str):
                    return n + 1
                break
            if n > start and header and stripped.startswith("[") and not stripped.startswith(f"[{header}."):
                break
        i += 1
    return start + 1 if found else None


__all__ = [
    "CRISIS_TYPES",
    "GROUPS",
    "LANGUAGES",
    "STYLES",
    "Scenario",
    "ScenarioError",
    "load_scenario",
    "parse_scenario",
    "shipped_scenarios",
]
