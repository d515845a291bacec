"""`uproar bench`: time a full crowd step at a given size, and the naive version beside it.

The full step includes everything a live room pays for each minute: exposure,
emotions, acting, parents and cascades, text ids, hashtags and trends, notable
accounts and pressure. Timings compare within one run (the machine is noisy).
"""

from __future__ import annotations

import resource
import sys
import time

import numpy as np
from tqdm import tqdm

from ..model.model import CrisisModel
from ..model.scenario import load_scenario

#: the shipped scenario the benchmark crowd lives through (its injects start early)
BENCH_SCENARIO = "fr-usine-chimique"
WARMUP_MIN = 20


def _rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024.0 if sys.platform != "darwin" else peak / 1024.0 / 1024.0


def time_steps(model, steps: int, progress: bool = False, label: str = "") -> list[float]:
    times = []
    for _ in tqdm(range(steps), desc=label, disable=not progress, leave=False):
        t0 = time.perf_counter()
        model.step()
        times.append(time.perf_counter() - t0)
    return times


def bench_scenario(edges_per_account: float = 10.0):
    """The shipped scenario with its follow density set to ~`edges_per_account` edges per account."""
    sc = load_scenario(BENCH_SCENARIO)
    shares = sc.population.groups
    total = sum(shares.values())
    layers = sum(shares[g] / total * sum(p.presence.get(g, 0.0) for p in sc.platforms) for g in shares)
    network = sc.network.model_copy(update={"mean_following": edges_per_account / max(layers, 1e-9)})
    return sc.model_copy(update={"network": network})


def run_bench(agents: int, steps: int = 30, naive: bool = True, progress: bool = False, seed: int = 1) -> dict:
    """Build a crowd of `agents` accounts (~10 follow edges each), warm it up into the
    crisis, then time `steps` full steps. With `naive`, time the per-agent version too."""
    scenario = bench_scenario(edges_per_account=10.0)
    t0 = time.perf_counter()
    model = CrisisModel(scenario, rng=seed, population=agents)
    build_s = time.perf_counter() - t0
    time_steps(model, WARMUP_MIN, progress, "warm-up")
    before = len(model.items)
    times = time_steps(model, steps, progress, "steps")
    result = {
        "agents": model.population.n,
        "edges": int(model.population.network.edges),
        "build_s": round(build_s, 2),
        "step_ms": round(1000 * float(np.median(times)), 2),
        "step_ms_p90": round(1000 * float(np.quantile(times, 0.9)), 2),
        "rss_mb": round(_rss_mb(), 1),
        "items_per_step": round((len(model.items) - before) / steps, 1),
    }
    if naive:
        from .naive import NaiveCrowd

        slow = NaiveCrowd(model.population, model.crowd.E0.T, model.crowd.tau, model.crowd.contagion, seed=seed)
        naive_steps = 3 if agents <= 20_000 else 1
        naive_times = time_steps(slow, naive_steps, progress, "naive")
        naive_ms = 1000 * float(np.median(naive_times))
        result["naive_step_ms"] = round(naive_ms, 1)
        result["speedup_vs_naive"] = round(naive_ms / max(result["step_ms"], 1e-6), 1)
    return result
