"""Can a target of this size pin a parameter down? Recovery from synthetic targets.

Sobol indices say how much of the curve's variance a parameter drives across its
whole range; they do not say whether a 15% error is visible through the noise
of *one* observed crisis. This module answers that directly, one parameter at a
time:

1. run the scenario as it stands with `targets` seeds: each run is a synthetic
   "observed crisis" whose true parameter values are known;
2. profile each parameter on a grid of multiples of its value (the others held
   at their values), every grid point averaged over `seeds` runs;
3. for every synthetic target, the grid point of least loss — refined by a
   parabola on the log axis — is what a calibration would have found.

The spread of those estimates around the truth is the error a designer should
expect from data of this scale (crowd size, duration, binning, loss). Holding the
other parameters fixed makes it a lower bound on the error of a joint fit: a
parameter that fails here cannot be recovered by any optimiser, and one that
passes may still trade off with another (the joint fit's near-best ranges show
that).
"""

from __future__ import annotations

import time
from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..model.scenario import Scenario
from ..model.taxonomy import EMOTIONS
from .ensemble import Ensemble
from .fit import bin_series, loss_value
from .params import make_param

#: multiples of the current value profiled by default (denser near 1)
GRID = (0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.25, 1.4, 1.6)

VERDICTS = ("identifiable", "weak", "not identifiable")


def estimate(losses: np.ndarray, grid: np.ndarray) -> float:
    """Grid multiple of least loss, refined by a parabola through it and its neighbours (log axis).

    An estimate at the grid's edge stays there: the profile did not turn, so
    the truth may lie beyond it and the error is reported as at least that large.
    """
    i = int(np.argmin(losses))
    if i in (0, len(grid) - 1):
        return float(grid[i])
    x, y = np.log(grid[i - 1:i + 2]), losses[i - 1:i + 2]
    a, b, _ = np.polyfit(x, y, 2)
    if a <= 0:
        return float(grid[i])
    return float(np.exp(np.clip(-b / (2 * a), x[0], x[2])))


def verdict(errors: np.ndarray, tolerance: float) -> str:
    """'identifiable' when every synthetic target came back within tolerance,
    'weak' when the typical (root-mean-square) error is within it, else 'not identifiable'."""
    if np.all(np.abs(errors) <= tolerance):
        return VERDICTS[0]
    if np.sqrt(np.mean(errors**2)) <= tolerance:
        return VERDICTS[1]
    return VERDICTS[2]


def identifiability(
    scenario: Scenario,
    names: Sequence[str],
    population: int | None = None,
    minutes: int | None = None,
    seeds: Sequence[int] = (1, 2, 3, 4),
    targets: Sequence[int] = (501, 502, 503, 504, 505, 506),
    grid: Sequence[float] = GRID,
    columns: Sequence[str] = EMOTIONS,
    loss: str = "poisson",
    bin_min: int = 5,
    tolerance: float = 0.15,
    ensemble: Ensemble | None = None,
    executor: str = "local",
    workers: int | None = None,
) -> pd.DataFrame:
    """One row per parameter: the recovery error over synthetic targets, and a verdict.

    Columns, each parameter alone: parameter, value, bias (mean relative error),
    sd, rms (root mean square relative error), worst (largest absolute relative
    error), at_edge (targets whose profile did not turn inside the grid), verdict;
    then fitted together with the others named (see `joint_table`): inflation,
    confounded_with, correlation, joint_rms, joint_worst, joint_verdict.

    Costs len(names)·len(grid)·len(seeds) + len(targets) runs. `columns` are the
    series compared (the five emotions, or "positive", "negative", "total" for a
    sentiment-only export).
    """
    started = time.perf_counter()
    if not names:
        raise ValueError("name at least one parameter to profile")
    if len(targets) < 2:
        raise ValueError("give at least two target seeds: one realisation says nothing about the spread")
    grid_arr = np.asarray(sorted(grid), dtype=float)
    if not (grid_arr[0] < 1.0 < grid_arr[-1]):
        raise ValueError(f"the grid must surround 1.0 (the current value), got {list(grid_arr)}")
    minutes = int(minutes or scenario.scenario.duration_min)
    params = [make_param(scenario, n) for n in names]
    points: list[dict[str, float]] = []
    for p in params:
        if p.default == 0:
            raise ValueError(f"{p.name} is 0 in the scenario: a multiple of it cannot be profiled")
        values = [float(np.clip(p.default * g, p.low, p.high)) for g in grid_arr]
        if len(set(values)) < len(values):
            raise ValueError(f"{p.name} = {p.default:g} sits near a limit of the scenario schema "
                             f"[{p.low:g}, {p.high:g}]: {grid_arr.min():g}×–{grid_arr.max():g}× of it does not fit; "
                             "give a narrower grid")
        points += [{p.name: v} for v in values]
    own = ensemble is None
    ens = ensemble or Ensemble(scenario, population, minutes, executor, workers=workers)
    try:
        observed = ens.evaluate([{}], list(targets))[0]
        profiles = ens.evaluate(points, list(seeds))
    finally:
        if own:
            ens.close()
    obs = [bin_series(run, columns, bin_min) for run in observed]
    g = len(grid_arr)
    # the multiples really run: a schema limit may have clipped the grid's ends
    multiples = np.array([[pt[p.name] / p.default for pt in points[k * g:(k + 1) * g]] for k, p in enumerate(params)])
    rows = []
    curves = []
    for k, p in enumerate(params):
        sims = [bin_series(r.mean(axis=0), columns, bin_min) for r in profiles[k * g:(k + 1) * g]]
        curves.append(np.stack(sims))
        estimates, edges = [], 0
        for o in obs:
            losses = np.array([loss_value(s, o, loss) for s in sims])
            est = estimate(losses, multiples[k])
            edges += est in (multiples[k][0], multiples[k][-1])
            estimates.append(est)
        errors = np.array(estimates) - 1.0
        rows.append({
            "parameter": p.name, "value": p.default, "bias": float(errors.mean()), "sd": float(errors.std()),
            "rms": float(np.sqrt(np.mean(errors**2))), "worst": float(np.abs(errors).max()), "at_edge": int(edges), "verdict": verdict(errors, tolerance),
        })
    frame = pd.DataFrame(rows)
    frame = frame.join(joint_table(params, curves, multiples, np.stack(obs), frame, tolerance))
    frame.attrs.update(
        runs=len(points) * len(seeds) + len(targets), population=population, minutes=minutes,
        seeds=list(seeds), targets=list(targets), tolerance=tolerance, loss=loss, bin_min=bin_min,
        elapsed_s=round(time.perf_counter() - started, 1),
    )
    return frame


def joint_table(
    params: Sequence, curves: Sequence[np.ndarray], multiples: np.ndarray, observed: np.ndarray,
    alone: pd.DataFrame, tolerance: float,
) -> pd.DataFrame:
    """How much fitting the parameters together costs: a Fisher-information view.

    Each parameter's effect on the binned curve is the least-squares slope of
    its profile against log(multiple) over the grid's middle (0.7–1.4); noise per
    bin is the variance of the synthetic targets, floored at their mean (Poisson).
    F = Jᵀ W J. A parameter's joint sd over its alone sd is √((F⁻¹)ᵢᵢ · Fᵢᵢ): 1 when
    its effect is unlike every other's, large when another parameter can mimic it
    (a ridge in the loss). The alone figures measured on the targets are scaled by
    it to give the joint estimate and verdict.
    """
    mid = [(m >= 0.69) & (m <= 1.41) for m in multiples]
    mid = [keep if keep.sum() >= 3 else np.ones_like(keep) for keep in mid]  # a narrow grid: use it all
    slopes = []
    for c, m, keep in zip(curves, multiples, mid, strict=True):
        x = np.log(m[keep])
        y = c[keep].reshape(int(keep.sum()), -1)
        x = x - x.mean()
        slopes.append((x @ (y - y.mean(axis=0))) / (x @ x))
    jac = np.stack(slopes, axis=1)  # (bins·columns, d): d(curve)/d(log θ)
    flat = observed.reshape(len(observed), -1)
    var = np.maximum(flat.var(axis=0, ddof=1), np.maximum(flat.mean(axis=0), 1.0))
    fisher = np.nan_to_num(jac.T @ (jac / var[:, None]))
    diag = np.diag(fisher)
    cov = np.linalg.pinv(fisher)
    inflation = np.sqrt(np.maximum(np.diag(cov) * diag, 1.0))
    corr = cov / np.sqrt(np.outer(np.abs(np.diag(cov)), np.abs(np.diag(cov))) + 1e-300)
    rows = []
    for i, _ in enumerate(params):
        others = [j for j in range(len(params)) if j != i]
        j = max(others, key=lambda j: abs(corr[i, j])) if others else None
        worst, rms = alone["worst"].iloc[i] * inflation[i], alone["rms"].iloc[i] * inflation[i]
        rows.append({
            "inflation": float(inflation[i]),
            "confounded_with": params[j].name if j is not None else "",
            "correlation": float(corr[i, j]) if j is not None else 0.0,
            "joint_rms": float(rms), "joint_worst": float(worst),
            "joint_verdict": VERDICTS[0] if worst <= tolerance else VERDICTS[1] if rms <= tolerance else VERDICTS[2],
        })
    return pd.DataFrame(rows, index=alone.index)


def describe(frame: pd.DataFrame) -> list[str]:
    """One printable line per parameter."""
    lines = []
    for r in frame.itertuples():
        edge = f", {r.at_edge} at the grid's edge" if r.at_edge else ""
        lines.append(f"  {r.parameter:<28} alone: {r.verdict:<17} worst {100 * r.worst:5.1f}%  "
                     f"sd {100 * r.sd:5.1f}%  bias {100 * r.bias:+5.1f}%{edge}")
        if len(frame) > 1:
            lines.append(f"  {'':<28} joint: {r.joint_verdict:<17} worst {100 * r.joint_worst:5.1f}%  "
                         f"(×{r.inflation:.1f}; most like {r.confounded_with}, r = {r.correlation:+.2f})")
    return lines


__all__ = ["GRID", "VERDICTS", "describe", "estimate", "identifiability", "joint_table", "verdict"]
