"""Sobol sensitivity of the crisis curve to each calibrated parameter.

Which parameters can a target series pin down at all? A parameter with a small
total-order index ST on every output cannot be recovered by any fit, whatever the
budget. Saltelli sampling (scrambled Sobol points) and the Saltelli 2010 (S1) /
Jansen (ST) estimators are written out with numpy so every step is visible.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy.stats import qmc

from ..model.scenario import Scenario
from .ensemble import PRESSURE, Ensemble
from .params import Param

#: outputs of a run the indices are computed for
OUTPUTS = ("pressure_peak", "time_to_peak", "negative_volume")


def outputs(series: np.ndarray) -> np.ndarray:
    """The three scalar outputs of one run (or of a seed-mean series), (minutes × 6) -> (3,)."""
    pressure = series[:, PRESSURE]
    return np.array([
        float(pressure.max()),
        # first minute within 5% of the peak: a plateau's start, not its noisiest point
        float(np.argmax(pressure >= 0.95 * pressure.max())) if pressure.max() > 0 else 0.0,
        float(series[:, 1:PRESSURE].sum()),  # fear + anger + mockery + sadness items
    ])


def saltelli_points(space: Sequence[Param], n: int, seed: int) -> tuple[np.ndarray, int]:
    """Unit-cube design of N·(d+2) rows: A, B, then A with column i from B (i = 0…d−1)."""
    d = len(space)
    m = max(1, math.ceil(math.log2(max(n, 2))))
    base = qmc.Sobol(d=2 * d, scramble=True, seed=seed).random_base2(m)
    n = len(base)
    a, b = base[:, :d], base[:, d:]
    blocks = [a, b]
    for i in range(d):
        ab = a.copy()
        ab[:, i] = b[:, i]
        blocks.append(ab)
    return np.vstack(blocks), n


def sobol_indices(y: np.ndarray, n: int, d: int) -> tuple[np.ndarray, np.ndarray]:
    """First-order (Saltelli 2010) and total (Jansen 1999) indices from outputs in design order."""
    y = y - np.mean(y[:2 * n])  # centring leaves the estimators' means alone and cuts their noise
    fa, fb = y[:n], y[n:2 * n]
    fab = y[2 * n:].reshape(d, n)
    var = np.var(np.concatenate([fa, fb]))
    if var <= 0:
        return np.zeros(d), np.zeros(d)
    s1 = np.mean(fb[None, :] * (fab - fa[None, :]), axis=1) / var
    st = 0.5 * np.mean((fa[None, :] - fab) ** 2, axis=1) / var
    return s1, st


def sobol(
    scenario: Scenario,
    space: Sequence[Param],
    n: int = 64,
    seeds: Sequence[int] = (1,),
    population: int | None = None,
    minutes: int | None = None,
    ensemble: Ensemble | None = None,
    sample_seed: int = 0,
    bootstrap: int = 200,
    progress: bool = False,
) -> pd.DataFrame:
    """Tidy table (parameter, output, S1, ST, S1_conf, ST_conf) for every parameter × output.

    N base samples (rounded up to a power of two) cost N·(d+2)·len(seeds) runs.
    Parameters are sampled uniformly on their search axis (log axis for `log` ones).
    Each point's outputs are taken from its seed-mean series; the seed noise that
    remains shows up as indices that do not add up (Σ S1 > 1, ST < S1) and in the
    bootstrap intervals (95%, half-width).
    """
    space = list(space)
    d = len(space)
    unit, n = saltelli_points(space, n, sample_seed)
    points = [{p.name: p.from_unit(float(u)) for p, u in zip(space, row, strict=True)} for row in unit]
    minutes = int(minutes or scenario.scenario.duration_min)
    own = ensemble is None
    ens = ensemble or Ensemble(scenario, population, minutes, executor="serial", progress=progress)
    try:
        runs = ens.evaluate(points, list(seeds))
    finally:
        if own:
            ens.close()
    y = np.array([outputs(r.mean(axis=0)) for r in runs])  # (N(d+2), 3)
    rng = np.random.default_rng(sample_seed)
    rows = []
    for k, name in enumerate(OUTPUTS):
        s1, st = sobol_indices(y[:, k], n, d)
        s1_conf = st_conf = np.full(d, np.nan)
        if bootstrap:
            boots = []
            yk = y[:, k]
            fab = yk[2 * n:].reshape(d, n)
            for _ in range(bootstrap):
                idx = rng.integers(0, n, n)
                yb = np.concatenate([yk[:n][idx], yk[n:2 * n][idx], fab[:, idx].ravel()])
                boots.append(np.stack(sobol_indices(yb, n, d)))
            boots = np.stack(boots)  # (B, 2, d)
            s1_conf = 1.96 * boots[:, 0].std(axis=0)
            st_conf = 1.96 * boots[:, 1].std(axis=0)
        for i, p in enumerate(space):
            rows.append({"parameter": p.name, "output": name, "S1": float(s1[i]), "ST": float(st[i]),
                         "S1_conf": float(s1_conf[i]), "ST_conf": float(st_conf[i])})
    frame = pd.DataFrame(rows, columns=["parameter", "output", "S1", "ST", "S1_conf", "ST_conf"])
    frame.attrs.update(runs=len(points) * len(seeds), n=n, seeds=list(seeds))
    return frame


__all__ = ["OUTPUTS", "outputs", "saltelli_points", "sobol", "sobol_indices"]
