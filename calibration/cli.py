"""`uproar calibrate`: fit a scenario's parameters to an observed crisis curve.

Wire-up (in uproar/cli.py): `from .calibration.cli import add_parser` then
`add_parser(sub)`; the sub-command sets `func=cmd_calibrate`. Problems the user
can fix are raised as ValueError, which the main command prints as one line.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the `calibrate` sub-command to an argparse sub-parsers object."""
    p = subparsers.add_parser(
        "calibrate",
        help="fit scenario parameters to an observed time series (CSV)",
        description="Fit scenario parameters to a target series with differential evolution, "
        "report near-best ranges and the fitted model's ensemble band.",
    )
    p.add_argument("scenario", help="a scenario file or the name of a shipped one")
    p.add_argument("--target", required=True, help="CSV of counts per minute (emotions or sentiment), or a timeline.csv")
    p.add_argument("--target-bin", type=int, default=1, metavar="MIN", help="bin size of the target in minutes (default 1)")
    p.add_argument("--params", help="comma-separated parameter names (default: a standard set; "
                   "e.g. activity_per_hour,contagion.anger,tau_min.anger,injects[3].shock.anger)")
    p.add_argument("--budget", type=int, default=60, help="maximum number of parameter points evaluated (default 60)")
    p.add_argument("--seeds", type=int, default=3, help="model runs per point, averaged (default 3)")
    p.add_argument("--loss", choices=["rmse", "shape", "poisson"], default="poisson")
    p.add_argument("--bin", type=int, default=5, metavar="MIN", help="compare in bins of this many minutes (default 5)")
    p.add_argument("--scheduler", metavar="tcp://HOST:PORT", help="run the ensemble on this Dask scheduler")
    p.add_argument("--workers", type=int, help="local worker processes (default: all cores)")
    p.add_argument("--population", type=int, help="accounts per run (default: the scenario's)")
    p.add_argument("--minutes", type=int, help="minutes to compare (default: the target's span)")
    p.add_argument("--out", metavar="TOML", help="write the calibrated scenario here")
    p.add_argument("--report", metavar="HTML", help="write the calibration report here")
    p.add_argument("--sensitivity", action="store_true", help="also compute Sobol indices (costs N·(d+2)·seeds runs)")
    p.add_argument("--sensitivity-n", type=int, default=32, metavar="N", help="Sobol base samples (default 32)")
    p.add_argument("--description", help="what the target is (goes into the report and the TOML note)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_calibrate)
    return p


def cmd_calibrate(args: argparse.Namespace) -> int:
    """Run the calibration the arguments describe; print a summary or JSON."""
    from ..model.scenario import load_scenario
    from .ensemble import Ensemble
    from .fit import as_target, fit
    from .params import default_space

    if args.budget < 1:
        raise ValueError("--budget must be a positive number of evaluations")
    if args.seeds < 1:
        raise ValueError("--seeds must be at least 1")
    scenario = load_scenario(args.scenario)
    names = [n.strip() for n in args.params.split(",") if n.strip()] if args.params else None
    space = default_space(scenario, names)
    target = as_target(args.target, bin_min=args.target_bin)
    progress = not args.quiet and not args.json and sys.stderr.isatty()
    minutes = args.minutes or target.minutes
    executor = "dask" if args.scheduler else "local"
    seeds = list(range(1, args.seeds + 1))
    description = args.description or f"{args.target} ({target.minutes} min)"
    with Ensemble(scenario, args.population, minutes, executor, args.scheduler, args.workers) as ens:
        result = fit(scenario, target, space, budget=args.budget, seeds=seeds, loss=args.loss,
                     population=args.population, minutes=minutes, bin_min=args.bin, ensemble=ens,
                     progress=progress)
        indices = None
        if args.sensitivity:
            from .sensitivity import sobol

            ens.progress = progress
            indices = sobol(scenario, space, n=args.sensitivity_n, seeds=seeds[:1], population=args.population,
                            minutes=minutes, ensemble=ens)
    out: dict[str, Any] = result.to_dict()
    if args.out:
        from .report import write_calibrated_scenario

        out["out"] = str(write_calibrated_scenario(scenario.source, result, args.out, description))
    if args.report:
        from .report import write_report

        out["report"] = str(write_report(result, args.report, scenario, description, indices))
    if indices is not None:
        out["sensitivity"] = indices.to_dict("records")
    if args.json:
        print(json.dumps(out, indent=2, default=float))
        return 0
    print(f"{scenario.id}: {result.loss_name} {result.default_loss:.4g} -> {result.loss:.4g} "
          f"in {result.evaluations} evaluations ({result.runs} runs, {result.elapsed_s:.0f} s)")
    for p in result.space:
        lo, hi = result.intervals[p.name]
        print(f"  {p.name:<28} {p.default:>10.4g} -> {result.params[p.name]:<10.4g} near-best {lo:.4g}–{hi:.4g}")
    if indices is not None:
        top = indices.sort_values("ST", ascending=False).groupby("output").head(3)
        for row in top.itertuples():
            print(f"  sensitivity {row.output:<16} {row.parameter:<28} S1 {row.S1:6.3f}  ST {row.ST:6.3f}")
    for key in ("out", "report"):
        if key in out:
            print(f"  wrote {out[key]}")
    return 0


__all__ = ["add_parser", "cmd_calibrate"]
