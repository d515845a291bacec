"""Named, bounded scenario parameters that calibration may change.

A calibration run speaks of parameters by dotted names ("contagion.anger",
"activity_per_hour", "injects[3].shock.anger") so that the command line, the
report and the calibrated TOML all use the same words. `apply_params` turns a
dict of such names into a *validated* copy of the scenario, so an optimiser can
never run the model on values the scenario schema would refuse.
"""

from __future__ import annotations

import math
import re
import typing
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from ..model.population import DEFAULT_SUSCEPTIBILITY
from ..model.scenario import Inject, Network, Parameters, Population, Scenario
from ..model.taxonomy import EMOTIONS, GROUPS

#: scalar model constants one may calibrate ([parameters] floats)
_PARAM_SCALARS = (
    "arousal_tau_min", "arousal_gain", "arousal_drop", "act_gain", "intensity",
    "message_strength", "silence_cost", "moral_word_gain", "arousal_appeal", "attention_shape",
    "fatigue_gain", "fatigue_tau_min", "discovery", "novelty_half_life_min",
)  # fmt: skip
_PARAM_DICTS = {
    "tau_min": EMOTIONS, "contagion": EMOTIONS, "baseline": EMOTIONS, "share_appeal": EMOTIONS,
    "susceptibility": GROUPS,
}  # fmt: skip
_POPULATION = ("activity_per_hour", "activity_tail")
_NETWORK = ("mean_following", "follower_exponent", "homophily", "locality", "attention")
_INJECT_RE = re.compile(r"^injects\[(\d+)\]\.(?:(reach)|shock\.(\w+))$")

#: what `default_space` fits when none are named: what a mention curve can pin down
#: (volume and resting mood; see docs/calibration.md and `uproar calibrate --identify`)
DEFAULT_NAMES = ("activity_per_hour", "baseline.approval")
#: offered by the studio: the defaults, then knobs that are rarely identifiable from
#: a curve alone (act_gain trades off with activity_per_hour: fit one of the two)
COMMON_NAMES = (
    *DEFAULT_NAMES, "act_gain", "share_appeal.anger", "arousal_tau_min", "baseline.anger", "baseline.fear",
    "contagion.anger", "contagion.fear", "tau_min.anger", "tau_min.fear", "arousal_gain", "susceptibility.public",
    "silence_cost", "fatigue_gain",
)  # fmt: skip


@dataclass(frozen=True)
class Param:
    """One calibrated quantity: its name, search bounds and the scenario's own value.

    `log` marks scale-like quantities searched (and sampled for sensitivity) on a
    log axis, so 0.3× and 3× the default are equally far from it.
    """

    name: str
    low: float
    high: float
    default: float
    log: bool = False

    def to_unit(self, value: float) -> float:
        """Map a value to [0, 1] on the parameter's search axis."""
        if self.log:
            return (math.log(value) - math.log(self.low)) / (math.log(self.high) - math.log(self.low))
        return (value - self.low) / (self.high - self.low)

    def from_unit(self, u: float) -> float:
        """Map u ∈ [0, 1] back to a value (inverse of `to_unit`)."""
        if self.log:
            value = math.exp(math.log(self.low) + u * (math.log(self.high) - math.log(self.low)))
        else:
            value = self.low + u * (self.high - self.low)
        return float(min(max(value, self.low), self.high))  # no rounding step past a schema limit


# --------------------------------------------------------------------------- names


def _split(name: str) -> tuple[str, ...]:
    """Canonical path of a parameter name, or ValueError."""
    name = name.strip()
    for prefix in ("parameters.", "population.", "network."):
        if name.startswith(prefix):
            head, rest = prefix[:-1], name[len(prefix):]
            if head == "population" and rest in _POPULATION:
                return ("population", rest)
            if head == "network" and rest in _NETWORK:
                return ("network", rest)
            if head == "parameters":
                name = rest
                break
            raise ValueError(f"unknown parameter {name!r}")
    if name in _POPULATION:
        return ("population", name)
    if name in _PARAM_SCALARS:
        return ("parameters", name)
    head, _, key = name.partition(".")
    if head in _PARAM_DICTS and key in _PARAM_DICTS[head]:
        return ("parameters", head, key)
    m = _INJECT_RE.match(name)
    if m:
        return ("injects", m.group(1), "reach") if m.group(2) else ("injects", m.group(1), "shock", m.group(3))
    raise ValueError(f"unknown parameter {name!r}")


def known_names(scenario: Scenario) -> list[str]:
    """Every name `apply_params` accepts for this scenario."""
    names = [*_POPULATION, *(f"network.{k}" for k in _NETWORK), *_PARAM_SCALARS]
    names += [f"{d}.{k}" for d, keys in _PARAM_DICTS.items() for k in keys]
    for i, _ in enumerate(scenario.injects):
        names += [f"injects[{i}].shock.{e}" for e in EMOTIONS] + [f"injects[{i}].reach"]
    return names


def _check(scenario: Scenario, name: str) -> tuple[str, ...]:
    try:
        path = _split(name)
    except ValueError:
        path = None
    if path is not None and path[0] == "injects" and int(path[1]) >= len(scenario.injects):
        path = None
    if path is None:
        known = known_names(scenario)
        short = [n for n in known if not n.startswith("injects[")]
        raise ValueError(
            f"unknown parameter {name!r}; known: {', '.join(short)}, and injects[i].shock.<emotion> / "
            f"injects[i].reach for i in 0..{len(scenario.injects) - 1} "
            f"(emotions: {', '.join(EMOTIONS)})"
        ) from None
    if path[0] == "injects" and path[2] == "shock" and path[3] not in EMOTIONS:
        raise ValueError(f"unknown emotion in {name!r}; use one of {list(EMOTIONS)}")
    return path


def canonical(scenario: Scenario, name: str) -> str:
    """The short spelling of a name ("parameters.contagion.anger" -> "contagion.anger")."""
    path = _check(scenario, name)
    if path[0] == "injects":
        return f"injects[{path[1]}]." + ".".join(path[2:])
    if path[0] == "network":
        return f"network.{path[1]}"
    return ".".join(path[1:])


def read(scenario: Scenario, name: str) -> float:
    """The value the model uses now for a named parameter (schema defaults included)."""
    path = _check(scenario, name)
    if path[0] == "population":
        return float(getattr(scenario.population, path[1]))
    if path[0] == "network":
        return float(getattr(scenario.network, path[1]))
    if path[0] == "parameters":
        value = getattr(scenario.parameters, path[1])
        if len(path) == 2:
            return float(value)
        if path[1] == "susceptibility":
            return float(value.get(path[2], DEFAULT_SUSCEPTIBILITY[path[2]]))
        return float(value.get(path[2], getattr(Parameters(), path[1])[path[2]]))
    inject = scenario.injects[int(path[1])]
    if path[2] == "reach":
        return float(inject.reach)
    return float(inject.shock.get(path[3], 0.0))


def apply_params(scenario: Scenario, values: dict[str, float]) -> Scenario:
    """A validated copy of `scenario` with the named values set.

    Raises ValueError naming an unknown parameter (with the known ones) or a value
    the schema refuses (with the schema's reason).
    """
    if not values:
        return scenario
    data = scenario.model_dump()
    params = data["parameters"]
    for name, value in values.items():
        path = _check(scenario, name)
        value = float(value)
        if not math.isfinite(value):
            raise ValueError(f"parameter {name!r}: value {value!r} is not a finite number")
        if path[0] in ("population", "network"):
            data[path[0]][path[1]] = value
        elif path[0] == "parameters" and len(path) == 2:
            params[path[1]] = value
        elif path[0] == "parameters":
            params[path[1]][path[2]] = value
        elif path[2] == "reach":
            data["injects"][int(path[1])]["reach"] = value
        else:
            data["injects"][int(path[1])]["shock"][path[3]] = value
    try:
        return Scenario.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']} (got {e.get('input')!r})" for e in exc.errors()
        )
        raise ValueError(f"parameter values refused by the scenario schema: {problems}") from None


# --------------------------------------------------------------------------- bounds


def _metadata_limits(metadata: list[Any]) -> tuple[float, float, bool, bool]:
    lo, hi, lo_open, hi_open = -math.inf, math.inf, False, False
    flat: list[Any] = []
    for m in metadata:  # Annotated[float, Field(...)] nests its constraints in a FieldInfo
        flat.extend(getattr(m, "metadata", None) or [m])
    for m in flat:
        for attr, strict in (("ge", False), ("gt", True)):
            if getattr(m, attr, None) is not None:
                lo, lo_open = float(getattr(m, attr)), strict
        for attr, strict in (("le", False), ("lt", True)):
            if getattr(m, attr, None) is not None:
                hi, hi_open = float(getattr(m, attr)), strict
    return lo, hi, lo_open, hi_open


def _field_limits(model: type[BaseModel], field: str, item: bool) -> tuple[float, float, bool, bool]:
    """Schema limits of a float field, or of the values of a dict-valued field."""
    info = model.model_fields[field]
    if not item:
        return _metadata_limits(info.metadata)
    value_type = typing.get_args(info.annotation)[1]
    return _metadata_limits(list(getattr(value_type, "__metadata__", ())))


def schema_limits(scenario: Scenario, name: str) -> tuple[float, float]:
    """Closed interval the schema allows (open ends nudged inward)."""
    path = _check(scenario, name)
    if path[0] == "population":
        lims = _field_limits(Population, path[1], False)
    elif path[0] == "network":
        lims = _field_limits(Network, path[1], False)
    elif path[0] == "parameters":
        lims = _field_limits(Parameters, path[1], len(path) == 3)
    else:
        lims = _field_limits(Inject, path[2], path[2] == "shock")
    lo, hi, lo_open, hi_open = lims
    if lo_open:
        lo = lo + max(abs(lo) * 1e-6, 1e-9)
    if hi_open:
        hi = hi - max(abs(hi) * 1e-6, 1e-9)
    return lo, hi


def make_param(scenario: Scenario, name: str, low: float | None = None, high: float | None = None) -> Param:
    """A `Param` with bounds 0.3× … 3× the current value, clipped to the schema's limits."""
    name = canonical(scenario, name)
    value = read(scenario, name)
    lim_lo, lim_hi = schema_limits(scenario, name)
    if value > 0:
        lo, hi = 0.3 * value, 3.0 * value
    elif value < 0:
        lo, hi = 3.0 * value, 0.3 * value
    else:  # nothing to scale (an emotion an inject does not shock): search a modest range
        lo, hi = 0.0, 0.5
    lo = max(lo if low is None else low, lim_lo)
    hi = min(hi if high is None else high, lim_hi)
    if not lo < hi:
        raise ValueError(f"parameter {name!r}: empty search range [{lo}, {hi}]")
    return Param(name, float(lo), float(hi), float(value), log=bool(lo > 0 and hi / lo >= 4.0))


def default_space(scenario: Scenario, names: list[str] | None = None) -> list[Param]:
    """The search space: the named parameters (or `DEFAULT_NAMES`) with sensible bounds."""
    chosen = list(names) if names else list(DEFAULT_NAMES)
    space = [make_param(scenario, n) for n in chosen]
    seen = [p.name for p in space]
    dupes = sorted({n for n in seen if seen.count(n) > 1})
    if dupes:
        raise ValueError(f"parameter(s) named twice: {dupes}")
    return space


__all__ = [
    "COMMON_NAMES",
    "DEFAULT_NAMES",
    "Param",
    "apply_params",
    "canonical",
    "default_space",
    "known_names",
    "make_param",
    "read",
    "schema_limits",
]
