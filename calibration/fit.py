"""Fit scenario parameters to an observed crisis curve.

The objective compares the seed-mean simulated series with the target, bin by
bin, on the columns the target really measured (the five emotions, or
positive/negative for a sentiment-only export). Three losses:

- ``rmse``    — root mean square error on counts: shape *and* volume;
- ``shape``   — the simulation is first scaled to the target's total, then the
  RMSE is divided by the target's mean bin: only the shape counts, so parameters
  that only change volume (``activity_per_hour``) are *not* identifiable with it;
- ``poisson`` — mean Poisson deviance: counts are counts, so a bin of 2 vs 4
  weighs more than 402 vs 404; shape and volume.

Every point is run with the same seeds (common random numbers), so two points
differ by their parameters rather than by their luck. The optimiser is
`scipy.optimize.differential_evolution` in vectorised mode: each generation is
one batch for the ensemble (local processes or Dask). ``budget`` caps the number
of points evaluated (each costs ``len(seeds)`` model runs).
"""

from __future__ import annotations

import math
import time
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from scipy.optimize import differential_evolution

from ..model.scenario import Scenario
from ..model.taxonomy import EMOTIONS
from .ensemble import COLUMNS, PRESSURE, Ensemble
from .params import Param, default_space

LOSSES = ("rmse", "shape", "poisson")
SERIES_VIEWS = ("positive", "negative", "total")  # derived from the emotion counts
_POISSON_FLOOR = 0.1


# --------------------------------------------------------------------------- targets


def as_target(target: Any, bin_min: int = 1) -> Any:
    """A `calibration.targets.Target` from a Target, a path, a timeline frame or a series frame.

    The one place that knows about `targets.py`, so its reader can change freely.
    """
    from .targets import Target, load_target

    if isinstance(target, Target):
        return target
    if isinstance(target, str | Path):
        return load_target(target, bin_min=bin_min)
    if isinstance(target, pd.DataFrame):
        if {"t_min", "emotion", "count"} <= set(target.columns):
            return Target.from_timeline(target, bin_min=bin_min)
        return Target(target.copy(), "frame", bin_min=bin_min)
    raise TypeError(f"cannot use {type(target).__name__} as a calibration target")


def target_columns(target: Any) -> tuple[str, ...]:
    """Which columns a fit compares: the measured emotions, else positive/negative."""
    measured = tuple(target.emotions)
    return measured if measured else ("positive", "negative")


def views(series: np.ndarray) -> dict[str, np.ndarray]:
    """Named columns of simulated (…, minutes, 6) arrays: emotions, positive, negative, total, pressure."""
    out = {e: series[..., i] for i, e in enumerate(EMOTIONS)}
    out["positive"] = series[..., 0]
    out["negative"] = series[..., 1:PRESSURE].sum(axis=-1)
    out["total"] = series[..., :PRESSURE].sum(axis=-1)
    out["pressure"] = series[..., PRESSURE]
    return out


def bin_series(series: np.ndarray, columns: Sequence[str], bin_min: int) -> np.ndarray:
    """(minutes × 6) per-minute run -> (bins × len(columns)) counts per bin (sums)."""
    named = views(series)
    minutes = series.shape[0]
    b = np.arange(minutes) // bin_min
    bins = int(b[-1]) + 1 if minutes else 0
    return np.stack([np.bincount(b, weights=named[c], minlength=bins) for c in columns], axis=1)


def loss_value(sim: np.ndarray, obs: np.ndarray, loss: str) -> float:
    """Distance between binned simulated means and binned observations (same shape)."""
    if loss == "rmse":
        return float(np.sqrt(np.mean((sim - obs) ** 2)))
    if loss == "shape":
        total = sim.sum()
        scaled = sim * (obs.sum() / total) if total > 0 else sim
        return float(np.sqrt(np.mean((scaled - obs) ** 2)) / max(obs.mean(), 1e-9))
    if loss == "poisson":
        mu = np.maximum(sim, _POISSON_FLOOR)
        with np.errstate(divide="ignore", invalid="ignore"):
            ylogy = np.where(obs > 0, obs * np.log(obs / mu), 0.0)
        return float(np.mean(2.0 * (ylogy - (obs - mu))))
    raise ValueError(f"unknown loss {loss!r}; use one of {list(LOSSES)}")


# --------------------------------------------------------------------------- result


@dataclass
class FitResult:
    """What a calibration found, and how sure it can be.

    intervals: per parameter, the range among the best `top_fraction` of evaluated
    points — where the optimiser could not tell points apart, not a confidence
    interval. fitted_band: per minute and series, the mean and the 5–95% range over
    `band_seeds` runs of the fitted scenario. history: every evaluated point.
    """

    params: dict[str, float]
    loss: float
    loss_name: str
    evaluations: int
    runs: int
    intervals: dict[str, tuple[float, float]]
    target: pd.DataFrame
    fitted_band: pd.DataFrame
    history: pd.DataFrame
    space: list[Param]
    defaults: dict[str, float]
    default_loss: float
    seeds: list[int]
    population: int | None
    minutes: int
    bin_min: int
    columns: tuple[str, ...]
    elapsed_s: float
    target_source: str = ""
    budget: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready summary (no frames)."""
        return {
            "params": self.params,
            "defaults": self.defaults,
            "intervals": {k: list(v) for k, v in self.intervals.items()},
            "bounds": {p.name: [p.low, p.high] for p in self.space},
            "loss": self.loss_name,
            "loss_value": self.loss,
            "default_loss": self.default_loss,
            "evaluations": self.evaluations,
            "budget": self.budget,
            "runs": self.runs,
            "seeds": self.seeds,
            "population": self.population,
            "minutes": self.minutes,
            "bin_min": self.bin_min,
            "columns": list(self.columns),
            "target": self.target_source,
            "elapsed_s": round(self.elapsed_s, 2),
        }


# --------------------------------------------------------------------------- fitting


def plan_budget(budget: int, dims: int) -> tuple[int, int]:
    """(popsize multiplier, maxiter) so that DE's popsize·d·(maxiter+1) points stay ≤ budget."""
    if budget < 2 * max(5, 2 * dims):
        raise ValueError(
            f"a budget of {budget} evaluations is too small for {dims} parameter(s): "
            f"give at least {2 * max(5, 2 * dims)} (two generations of the smallest population)"
        )
    popsize = max(2, min(15, budget // (6 * dims)))
    while popsize > 2 and 2 * max(5, popsize * dims) > budget:
        popsize -= 1
    total = max(5, popsize * dims)
    return popsize, budget // total - 1


def band_frame(runs: np.ndarray, lo: float = 5, hi: float = 95, bin_min: int = 1) -> pd.DataFrame:
    """Tidy band over seeds: t_min, series, mean, low, high (5–95% by default).

    With `bin_min` > 1, counts are summed per bin and the pressure averaged, so the
    band compares with a target in the same bins.
    """
    named = views(runs)
    rows = []
    b = np.arange(runs.shape[1]) // bin_min
    minutes = np.unique(b) * bin_min
    for name in (*EMOTIONS, *SERIES_VIEWS, "pressure"):
        v = named[name]
        if bin_min > 1:
            summed = np.stack([np.bincount(b, weights=row) for row in v])
            v = summed / np.bincount(b) if name == "pressure" else summed
        rows.append(pd.DataFrame({
            "t_min": minutes, "series": name, "mean": v.mean(axis=0),
            "low": np.percentile(v, lo, axis=0), "high": np.percentile(v, hi, axis=0),
        }))
    return pd.concat(rows, ignore_index=True)


def fit(
    scenario: Scenario,
    target: Any,
    space: Sequence[Param] | Sequence[str] | None = None,
    budget: int = 60,
    seeds: Sequence[int] = (1, 2, 3),
    loss: str = "poisson",
    population: int | None = None,
    minutes: int | None = None,
    bin_min: int = 5,
    executor: str | Any = "local",
    scheduler: str | None = None,
    workers: int | None = None,
    ensemble: Ensemble | None = None,
    band_seeds: Sequence[int] | None = None,
    top_fraction: float = 0.1,
    seed: int = 0,
    progress: bool = False,
) -> FitResult:
    """Calibrate `space` (Params or names; default `default_space`) to `target`.

    Starts from the scenario's own values (they seed the first generation).
    `minutes` defaults to the target's span; `bin_min` coarsens the comparison
    (per-minute counts are mostly Poisson noise at exercise scale). Raises
    ValueError on a bad loss, budget or parameter name.
    """
    started = time.perf_counter()
    if loss not in LOSSES:
        raise ValueError(f"unknown loss {loss!r}; use one of {list(LOSSES)}")
    if not seeds:
        raise ValueError("give at least one seed")
    tgt = as_target(target)
    space = list(default_space(scenario, None) if not space else
                 (space if isinstance(space[0], Param) else default_space(scenario, list(space))))
    dims = len(space)
    popsize, maxiter = plan_budget(int(budget), dims)
    minutes = int(minutes or tgt.minutes)
    if minutes > tgt.minutes:
        raise ValueError(f"the target covers {tgt.minutes} minutes, fewer than the {minutes} asked")
    if minutes < 1:
        raise ValueError("the target is empty")
    step = max(int(bin_min), tgt.bin_min)
    if step % tgt.bin_min:
        raise ValueError(f"bin_min {bin_min} must be a multiple of the target's bins ({tgt.bin_min} min)")
    columns = target_columns(tgt)
    # the target, per minute-aligned bin of `step` minutes, over the first `minutes`
    rows = tgt.series.loc[tgt.series.index < minutes, list(columns)].to_numpy(np.float64)
    rows_b = np.arange(len(rows)) * tgt.bin_min // step
    nb = -(-minutes // step)
    obs = np.stack([np.bincount(rows_b, weights=rows[:, j], minlength=nb) for j in range(len(columns))], axis=1)

    own = ensemble is None
    ens = ensemble or Ensemble(scenario, population, minutes, executor, scheduler, workers)
    seeds = [int(s) for s in seeds]
    history: list[dict[str, Any]] = []
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=max(5, popsize * dims) * (maxiter + 1), unit="eval",
                   desc="calibrate", leave=False, dynamic_ncols=True)

    def to_values(u: np.ndarray) -> dict[str, float]:
        return {p.name: p.from_unit(float(x)) for p, x in zip(space, u, strict=True)}

    def objective(x: np.ndarray) -> np.ndarray:
        cols = np.atleast_2d(x.T if x.ndim == 2 else x[None, :])  # (S, d)
        if len(history) + len(cols) > budget:  # never run past the budget
            return np.full(len(cols), np.inf)
        points = [to_values(u) for u in cols]
        runs = ens.evaluate(points, seeds)
        gen = len({h["generation"] for h in history})
        out = np.empty(len(cols))
        for i, (pt, r) in enumerate(zip(points, runs, strict=True)):
            sim = bin_series(r.mean(axis=0), columns, step)
            out[i] = loss_value(sim, obs, loss)
            history.append({"evaluation": len(history), "generation": gen, **pt, "loss": out[i]})
        if bar is not None:
            bar.update(len(cols))
            bar.set_postfix(loss=f"{np.nanmin([h['loss'] for h in history]):.4g}")
        return out

    defaults = {p.name: p.default for p in space}
    x0 = np.array([min(max(p.to_unit(min(max(p.default, p.low), p.high)), 0.0), 1.0) for p in space])
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=".*vectorized.*", category=UserWarning)
            differential_evolution(
                objective, [(0.0, 1.0)] * dims, popsize=popsize, maxiter=maxiter, x0=x0,
                vectorized=True, updating="deferred", polish=False, tol=0.0, seed=seed,
                init="latinhypercube",
            )
        hist = pd.DataFrame(history)
        best = hist.loc[hist["loss"].idxmin()]
        params = {p.name: float(best[p.name]) for p in space}
        default_row = hist.iloc[0]  # x0 is the first member of the first generation
        default_loss = float(default_row["loss"])
        k = max(2, math.ceil(top_fraction * len(hist)))
        top = hist.nsmallest(k, "loss")
        intervals = {p.name: (float(top[p.name].min()), float(top[p.name].max())) for p in space}
        band_seeds = list(band_seeds) if band_seeds is not None else [1000 + i for i in range(max(10, len(seeds)))]
        band_runs = ens.evaluate([params], band_seeds)[0]
        runs_total = len(hist) * len(seeds) + len(band_seeds)
    finally:
        if bar is not None:
            bar.close()
        if own:
            ens.close()

    target_frame = tgt.series.loc[tgt.series.index < minutes].copy()
    return FitResult(
        params=params, loss=float(best["loss"]), loss_name=loss, evaluations=len(hist), runs=runs_total,
        intervals=intervals, target=target_frame, fitted_band=band_frame(band_runs), history=hist,
        space=space, defaults=defaults, default_loss=default_loss, seeds=seeds, population=population,
        minutes=minutes, bin_min=step, columns=columns, elapsed_s=time.perf_counter() - started,
        target_source=str(getattr(tgt, "source", "")), budget=int(budget),
        extra={"target_bin_min": tgt.bin_min, "popsize": popsize, "maxiter": maxiter,
               "band_binned": band_frame(band_runs, bin_min=step), "band_seeds": band_seeds},
    )


__all__ = [
    "COLUMNS",
    "LOSSES",
    "FitResult",
    "as_target",
    "band_frame",
    "bin_series",
    "fit",
    "loss_value",
    "plan_budget",
    "target_columns",
    "views",
]
