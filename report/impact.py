"""The measured impact of every trainee message: replay the run without it.

A run is fully determined by (scenario, seed, input log), so the effect of one
message is what changes when only that message is left out. One seed would mix
that effect with the crowd's own chance, so each replay pair is repeated over
several seeds and reported as a mean paired difference with a Student t
interval: positive means the message inflamed the crowd, negative that it calmed it.

>>> from uproar.model.inputs import read_inputs
>>> from uproar.model.scenario import load_scenario
>>> impacts = message_impacts(load_scenario("fr-usine-chimique"), seed=1, population=3000,
...                           minutes=90, inputs=read_inputs("run/inputs.jsonl"))  # doctest: +SKIP
>>> rank_messages(impacts)[["t_min", "strategy", "anger", "verdict"]]  # doctest: +SKIP
"""

from __future__ import annotations

import math
import multiprocessing
import os
import sys
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats
from tqdm import tqdm

from uproar.model.classify import classify_message
from uproar.model.inputs import check_input, parse_input
from uproar.model.model import CrisisModel

METRICS: tuple[str, ...] = ("anger", "negative_volume", "pressure")
COLUMNS: list[str] = [
    "message", "seq", "t_min", "strategy", "tone", "text", "window", "metric",
    "mean_diff", "ci_low", "ci_high", "n_seeds",
]  # fmt: skip
RANK_COLUMNS: list[str] = [
    "message", "t_min", "strategy", "tone", "text", "anger", "anger_low", "anger_high",
    "negative_volume", "pressure", "verdict",
]  # fmt: skip
_ANGER = 2  # column of anger in EMOTIONS


@dataclass(frozen=True)
class _Replay:
    """One run to make: a seed, and which message (index into the input log) to leave out."""

    seed_index: int
    seed: int
    skip: int | None  # position in the input log of the message left out; None = the full run
    stop: int  # minutes to simulate: nothing after the last window this run serves is needed


def mean_ci(diffs: Sequence[float] | np.ndarray, level: float = 0.95) -> tuple[float, float, float, int]:
    """Mean of paired differences and its Student t interval: (mean, low, high, n).

    With a handful of seeds the normal approximation is too narrow, hence Student t
    with n − 1 degrees of freedom. NaNs are dropped; fewer than two values give no interval.

    >>> mean_ci([1.0, 2.0, 3.0, 4.0, 5.0])[1:3]  # doctest: +ELLIPSIS
    (1.036..., 4.963...)
    """
    d = np.asarray(diffs, dtype=np.float64)
    d = d[~np.isnan(d)]
    n = len(d)
    if n == 0:
        return math.nan, math.nan, math.nan, 0
    mean = float(d.mean())
    if n < 2:
        return mean, math.nan, math.nan, 1
    half = float(stats.t.ppf(0.5 + level / 2.0, n - 1) * d.std(ddof=1) / math.sqrt(n))
    return mean, mean - half, mean + half, n


def _replay(scenario: Any, seed: int, population: int, inputs: list[dict], stop: int, record: bool) -> dict:
    """Run one replay and return only the per-minute series (and, if asked, the messages).

    Lives at module level and returns small numpy arrays so it can run in a spawned
    worker: shipping a whole model back would cost more than the run itself.
    """
    model = CrisisModel(scenario, rng=seed, population=population)
    for data in inputs:
        model.submit(parse_input(data))
    model.run_for(stop)
    sizes = model.population.group_sizes().astype(np.float64)
    means = np.stack(model.timeline_means).astype(np.float64)  # (T, groups, emotions)
    counts = np.stack(model.timeline_counts)
    out = {
        "anger": means[:, :, _ANGER] @ sizes / sizes.sum(),
        "negative_volume": counts[:, :, 1:].sum(axis=(1, 2)).astype(np.float64),
        "pressure": np.asarray(model.pressure_series, dtype=np.float64),
    }
    if record:
        out["messages"] = [(r.seq, r.t_min, r.strategy, r.tone) for r in model.messages]
    return out


def without_input(dumped: list[dict], skip: int | None) -> list[dict]:
    """The input log with input `skip` left out. A trainer's correction of that message
    goes too; corrections of later messages are renumbered, since they name a message by
    its position in the log. (Corrections naming a message by seq only are kept as they
    are: the model rewrites them by position when it applies them, so exported logs have none.)"""
    if skip is None:
        return list(dumped)
    out = []
    for k, d in enumerate(dumped):
        if k == skip:
            continue
        if d.get("type") == "reading" and d.get("message") is not None:
            if d["message"] == skip:
                continue
            if d["message"] > skip:
                d = {**d, "message": d["message"] - 1}
        out.append(d)
    return out


def _run(job: tuple) -> tuple[int, int | None, dict]:
    replay, scenario, population, inputs, record = job
    return replay.seed_index, replay.skip, _replay(scenario, replay.seed, population, inputs, replay.stop, record)


def message_impacts(
    scenario: Any,
    seed: int,
    population: int,
    minutes: int,
    inputs: list,
    seeds: int = 8,
    windows: tuple[int, ...] = (30, 60),
    workers: int | None = None,
    progress: bool = False,
) -> pd.DataFrame:
    """Impact of each trainee message on anger, negative volume and pressure, over several seeds.

    For seed s in (seed, seed+1, …) one run with every input and one run per message
    without it; each message's rows are the mean (with − without) over the seeds on
    the windows [t, t + w) after its minute t (cut at the end of the run). A message
    at or after `minutes` never took effect and gets NaN rows. Same arguments give
    the same frame, whatever the number of workers.

    Workers are spawned processes, so a script calling this with workers ≠ 1 needs
    the usual `if __name__ == "__main__":` guard.
    """
    if seeds < 1:
        raise ValueError(f"seeds must be at least 1, got {seeds}")
    if not windows or min(windows) < 1:
        raise ValueError(f"windows must be positive numbers of minutes, got {windows}")
    positions = [k for k, item in enumerate(inputs) if item.type == "message"]
    if not positions:
        return pd.DataFrame(columns=COLUMNS)
    if any(item.t_min is None for item in inputs):
        raise ValueError("every input needs its t_min (read the log with uproar.model.inputs.read_inputs)")
    for item in inputs:
        check_input(scenario, item)  # fail here, with the input named, not inside a worker
    longest = max(windows)
    times = [int(inputs[k].t_min) for k in positions]
    live = [i for i, t in enumerate(times) if t < minutes]

    diffs: dict[tuple[int, int, str], np.ndarray] = {}
    recorded: list[tuple] = []
    if live:
        # The full run serves every window; a run without message i differs from it only
        # from minute t_i on, so it stops at the end of i's own longest window.
        full_stop = min(minutes, max(times[i] for i in live) + longest)
        plan = [_Replay(s, seed + s, None, full_stop) for s in range(seeds)]
        plan += [
            _Replay(s, seed + s, positions[i], min(minutes, times[i] + longest))
            for s in range(seeds)
            for i in live
        ]
        # longest runs first, so the last few tasks do not leave a core idle
        plan.sort(key=lambda r: (-r.stop, r.seed_index, -1 if r.skip is None else r.skip))
        dumped = [item.model_dump() for item in inputs]
        jobs = [
            (r, scenario, population, without_input(dumped, r.skip), r.skip is None and r.seed_index == 0)
            for r in plan
        ]  # fmt: skip
        results = _execute(jobs, workers, progress)
        recorded = results[(0, None)]["messages"]
        for s in range(seeds):
            full = results[(s, None)]
            for i in live:
                without = results[(s, positions[i])]
                t = times[i]
                for w in windows:
                    hi = min(t + w, minutes)
                    for metric in METRICS:
                        a, b = full[metric][t:hi], without[metric][t:hi]
                        diff = a.sum() - b.sum() if metric == "negative_volume" else a.mean() - b.mean()
                        diffs.setdefault((i, w, metric), np.full(seeds, np.nan))[s] = diff

    # the model applies inputs minute by minute, in log order within a minute
    applied = sorted(live, key=lambda i: (times[i], i))
    record_of = dict(zip(applied, recorded, strict=True))
    rows = []
    for i, k in enumerate(positions):
        msg = inputs[k]
        if i in record_of:
            seq, _, strategy, tone = record_of[i]
        else:  # never took effect: name it as the model would have
            detected = classify_message(msg.text, lang=None)
            seq, strategy, tone = None, msg.strategy or detected.strategy, msg.tone or detected.tone
        for w in windows:
            for metric in METRICS:
                mean, low, high, n = mean_ci(diffs.get((i, w, metric), np.full(seeds, np.nan)))
                rows.append((i, seq, times[i], strategy, tone, msg.text, w, metric, mean, low, high, n))
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["seq"] = frame["seq"].astype("Int64")
    return frame


def _execute(jobs: list[tuple], workers: int | None, progress: bool) -> dict[tuple[int, int | None], dict]:
    """Run the replays, here or in spawned processes; results are keyed, so order does not matter."""
    workers = (os.cpu_count() or 1) if workers is None else workers
    results: dict[tuple[int, int | None], dict] = {}
    bar = tqdm(total=len(jobs), desc="impact replays", unit="run", file=sys.stderr, disable=not progress)
    try:
        if workers <= 1 or len(jobs) == 1:
            for job in jobs:
                s, skip, series = _run(job)
                results[(s, skip)] = series
                bar.update()
        else:
            # spawn: a forked child would inherit whatever threads and locks the parent holds
            context = multiprocessing.get_context("spawn")
            with ProcessPoolExecutor(max_workers=min(workers, len(jobs)), mp_context=context) as pool:
                futures = [pool.submit(_run, job) for job in jobs]
                for future in as_completed(futures):
                    s, skip, series = future.result()
                    results[(s, skip)] = series
                    bar.update()
    finally:
        bar.close()
    return results


def rank_messages(impacts: pd.DataFrame, window: int = 60) -> pd.DataFrame:
    """One row per message, most calming first, by its anger impact over `window` minutes.

    The verdict only claims an effect when the whole interval is on one side of zero,
    so a trainee is not praised or blamed for noise.
    """
    sub = impacts[impacts["window"] == window]
    if sub.empty:
        return pd.DataFrame(columns=RANK_COLUMNS)
    first = sub.drop_duplicates("message").set_index("message")[["t_min", "strategy", "tone", "text"]]
    by = sub.pivot(index="message", columns="metric", values="mean_diff")
    anger = sub[sub["metric"] == "anger"].set_index("message")
    out = first.assign(
        anger=by["anger"],
        anger_low=anger["ci_low"],
        anger_high=anger["ci_high"],
        negative_volume=by["negative_volume"],
        pressure=by["pressure"],
    ).reset_index()
    out["verdict"] = np.select(
        [out["anger_high"] < 0, out["anger_low"] > 0], ["calming", "inflaming"], default="no clear effect"
    )
    out = out.sort_values(["anger", "message"], kind="stable", na_position="last")
    return out[RANK_COLUMNS].reset_index(drop=True)


__all__ = ["COLUMNS", "METRICS", "RANK_COLUMNS", "mean_ci", "message_impacts", "rank_messages"]
