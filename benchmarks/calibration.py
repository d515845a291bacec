"""`uproar bench --calibration`: can calibration find parameters it hid, and how fast?

Two studies on the shipped French scenario, at a crowd size you choose:

- **identifiability** — each parameter profiled alone on synthetic targets
  (`calibration.identify`): the error one observed crisis of this size leaves;
- **recovery** — a known set of values is hidden in targets made with other
  seeds, then a joint differential-evolution fit starts from the scenario's
  defaults; the relative error of every fitted parameter is reported per target.

The figures go to the closing notes and docs/benchmarks.md; nothing here is
asserted (the tests hold the small-scale version of both).
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from ..calibration.ensemble import Ensemble
from ..calibration.fit import fit
from ..calibration.identify import identifiability
from ..calibration.params import apply_params, default_space
from ..calibration.targets import Target
from ..model.model import CrisisModel
from ..model.scenario import load_scenario

SCENARIO = "fr-usine-chimique"
#: profiled one at a time: volume, baseline mood, drift of anger, contagion, memory, one inject
PROFILED = (
    "activity_per_hour", "act_gain", "baseline.approval", "baseline.anger", "silence_cost",
    "contagion.anger", "tau_min.anger", "susceptibility.public", "injects[5].shock.anger",
)  # fmt: skip
#: hidden in the recovery targets (defaults 0.08 and 0.12): volume and resting mood, which
#: do not trade off (activity_per_hour and act_gain do: fit one of the two)
TRUTH = {"activity_per_hour": 0.1, "baseline.approval": 0.15}


def run_calibration_bench(
    agents: int = 10_000,
    minutes: int = 150,
    profiled: Sequence[str] = PROFILED,
    truth: dict[str, float] | None = None,
    target_seeds: Sequence[int] = (101, 202, 303),
    budget: int = 40,
    seeds: int = 4,
    fit_seeds: int = 2,
    workers: int | None = None,
    progress: bool = False,
) -> dict:
    """Both studies; a JSON-ready dict with the errors (relative, signed) and the times.

    `seeds` runs average each identifiability grid point, `fit_seeds` each fit point.
    """
    scenario = load_scenario(SCENARIO)
    truth = dict(truth or TRUTH)
    out: dict = {"agents": agents, "minutes": minutes, "scenario": SCENARIO}
    if profiled:
        with Ensemble(scenario, agents, minutes, "local", workers=workers, progress=progress) as ens:
            frame = identifiability(scenario, list(profiled), population=agents, minutes=minutes,
                                    seeds=list(range(1, seeds + 1)), ensemble=ens)
        out["identifiability"] = {
            "runs": frame.attrs["runs"], "elapsed_s": frame.attrs["elapsed_s"],
            "rows": [{k: (round(v, 4) if isinstance(v, float) else v) for k, v in row.items()}
                     for row in frame.to_dict("records")],
        }
    if truth:
        hidden = apply_params(scenario, truth)
        space = default_space(scenario, list(truth))
        fits = []
        with Ensemble(scenario, agents, minutes, "local", workers=workers) as ens:
            for ts in target_seeds:
                t0 = time.perf_counter()
                model = CrisisModel(hidden, rng=int(ts), population=agents)
                model.run_for(minutes)
                result = fit(scenario, Target.from_timeline(model.timeline_frame()), space, budget=budget,
                             seeds=list(range(1, fit_seeds + 1)), population=agents, ensemble=ens,
                             band_seeds=[99], progress=progress)
                fits.append({
                    "target_seed": int(ts),
                    "errors": {k: round(result.params[k] / v - 1.0, 4) for k, v in truth.items()},
                    "near_best": {k: [round(x, 5) for x in result.intervals[k]] for k in truth},
                    "loss": round(result.loss, 4), "default_loss": round(result.default_loss, 4),
                    "evaluations": result.evaluations, "elapsed_s": round(time.perf_counter() - t0, 1),
                })
        out["recovery"] = {"truth": truth, "defaults": {p.name: p.default for p in space}, "budget": budget,
                           "seeds_per_point": fit_seeds, "fits": fits,
                           "worst_error": max(abs(e) for f in fits for e in f["errors"].values())}
    return out


__all__ = ["PROFILED", "TRUTH", "run_calibration_bench"]
