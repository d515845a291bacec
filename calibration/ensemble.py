"""Many (parameters, seed) runs at once, on local processes or a Dask cluster.

Every run is the pure function `run_series(scenario, population, minutes, values,
seed)`: the model is fully determined by (scenario, seed), so the same inputs give
the same array wherever they run. Results are put back by index, never in
completion order, which is what makes a local and a Dask ensemble agree bit for bit.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor, as_completed
from typing import Any

import numpy as np

from ..model.scenario import Scenario
from ..model.taxonomy import EMOTIONS
from .params import apply_params

#: columns of a run's series: the five emotions' item counts, then the pressure index
COLUMNS: tuple[str, ...] = (*EMOTIONS, "pressure")
PRESSURE = len(EMOTIONS)


def run_series(
    scenario: Scenario, population: int | None, minutes: int, values: dict[str, float], seed: int
) -> np.ndarray:
    """One run: a (minutes × 6) float64 array of items per emotion per minute and the pressure.

    Counts are summed over groups (what an observer of the platforms would see).
    """
    from ..model.model import CrisisModel

    model = CrisisModel(apply_params(scenario, values), rng=int(seed), population=population)
    model.run_for(int(minutes))
    counts = np.stack(model.timeline_counts).sum(axis=1)  # (T, 5)
    out = np.empty((counts.shape[0], len(COLUMNS)), dtype=np.float64)
    out[:, :PRESSURE] = counts
    out[:, PRESSURE] = model.pressure_series
    return out


def _run_task(args: tuple) -> np.ndarray:
    return run_series(*args)


class Ensemble:
    """A reusable pool of workers (local processes, a Dask client, or in-process).

    Use as a context manager so an optimiser can send batch after batch without
    paying the start-up of new processes each time.

    executor: "local" (ProcessPoolExecutor, spawn), "dask" (a `distributed.Client`
    to `scheduler`, or a local cluster when none is given), "serial", an existing
    `distributed.Client`, or any `concurrent.futures.Executor`.
    """

    def __init__(
        self,
        scenario: Scenario,
        population: int | None,
        minutes: int,
        executor: str | Any = "local",
        scheduler: str | None = None,
        workers: int | None = None,
        progress: bool = False,
    ):
        self.scenario = scenario
        self.population = population
        self.minutes = int(minutes)
        self.progress = progress
        self.runs = 0
        self._own: list[Any] = []  # what we started and must close
        self._client = None
        self._pool: Executor | None = None
        self._scenario_ref: Any = scenario
        if isinstance(executor, str):
            kind = executor.lower()
            if kind == "local":
                n = workers or max(1, os.cpu_count() or 1)
                self._pool = ProcessPoolExecutor(max_workers=n, mp_context=multiprocessing.get_context("spawn"))
                self._own.append(self._pool)
            elif kind == "dask":
                self._client = self._connect(scheduler, workers)
            elif kind != "serial":
                raise ValueError(f"unknown executor {executor!r}; use 'local', 'dask' or 'serial'")
        elif hasattr(executor, "scatter") and hasattr(executor, "gather"):
            self._client = executor
        elif isinstance(executor, Executor):
            self._pool = executor
        else:
            raise ValueError(f"executor must be 'local', 'dask', 'serial', a distributed.Client or an Executor, not {executor!r}")
        if self._client is not None:
            # ship the scenario once to every worker instead of once per task
            self._scenario_ref = self._client.scatter(scenario, broadcast=True)

    def _connect(self, scheduler: str | None, workers: int | None) -> Any:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:  # pragma: no cover - dask is a dependency
            raise ValueError("the Dask executor needs dask[distributed] installed") from exc
        if scheduler:
            try:
                client = Client(scheduler, timeout="10s")
            except OSError as exc:
                raise ValueError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        else:
            cluster = LocalCluster(n_workers=workers or max(1, os.cpu_count() or 1), threads_per_worker=1,
                                   processes=True, dashboard_address=None)
            self._own.append(cluster)
            client = Client(cluster)
        self._own.insert(0, client)
        return client

    # ------------------------------------------------------------------ running
    def evaluate(self, points: Sequence[dict[str, float]], seeds: Sequence[int]) -> list[np.ndarray]:
        """For each point, an array (len(seeds), minutes, 6) of its runs, in the order given."""
        tasks = [(dict(p), int(s)) for p in points for s in seeds]
        flat = self._map(tasks)
        k = len(seeds)
        return [np.stack(flat[i * k:(i + 1) * k]) for i in range(len(points))]

    def _map(self, tasks: list[tuple[dict[str, float], int]]) -> list[np.ndarray]:
        results: list[np.ndarray | None] = [None] * len(tasks)
        bar = _bar(len(tasks)) if self.progress else None
        args = [(self._scenario_ref, self.population, self.minutes, v, s) for v, s in tasks]
        if self._client is not None:
            futures = [self._client.submit(run_series, *a, pure=False) for a in args]
            if bar is not None:
                from distributed import as_completed as dask_completed

                for _ in dask_completed(futures):
                    bar.update(1)
            results = self._client.gather(futures)  # gather keeps the submission order
        elif self._pool is not None:
            futures = {self._pool.submit(_run_task, a): i for i, a in enumerate(args)}
            for fut in as_completed(futures):
                results[futures[fut]] = fut.result()
                if bar is not None:
                    bar.update(1)
        else:
            for i, a in enumerate(args):
                results[i] = _run_task(a)
                if bar is not None:
                    bar.update(1)
        if bar is not None:
            bar.close()
        self.runs += len(tasks)
        return list(results)  # type: ignore[arg-type]

    # ------------------------------------------------------------------ lifetime
    def close(self) -> None:
        for thing in self._own:
            if isinstance(thing, Executor):
                thing.shutdown(wait=True, cancel_futures=True)
            else:
                thing.close()
        self._own.clear()

    def __enter__(self) -> Ensemble:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _bar(total: int) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, unit="run", leave=False, dynamic_ncols=True)


def evaluate(
    scenario: Scenario,
    population: int | None,
    minutes: int,
    points: Sequence[dict[str, float]],
    seeds: Sequence[int],
    executor: str | Any = "local",
    scheduler: str | None = None,
    workers: int | None = None,
    progress: bool = False,
) -> list[np.ndarray]:
    """Run every point with every seed; one (len(seeds), minutes, 6) array per point.

    Columns are `COLUMNS` (five emotion counts, then pressure). A one-shot wrapper
    around `Ensemble`; keep an `Ensemble` open to send several batches.
    """
    with Ensemble(scenario, population, minutes, executor, scheduler, workers, progress) as ens:
        return ens.evaluate(points, seeds)


Runner = Callable[[Sequence[dict[str, float]], Sequence[int]], list[np.ndarray]]

__all__ = ["COLUMNS", "PRESSURE", "Ensemble", "Runner", "evaluate", "run_series"]
