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
    p.add_argument("--target", help="CSV of counts per minute (emotions or sentiment), or a timeline.csv "
                   "(not needed for --identify or --graph alone)")
    p.add_argument("--target-bin", type=int, default=1, metavar="MIN", help="bin size of the target in minutes (default 1)")
    p.add_argument("--params", help="comma-separated parameter names (default: activity_per_hour,baseline.approval, "
                   "what a mention curve can pin down; "
                   "others: act_gain, contagion.anger, tau_min.anger, injects[3].shock.anger…)")
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
    p.add_argument("--graph", metavar="FILE",
                   help="a real follower graph (CSV edge list, GraphML, GEXF): fit the scenario's [network] "
                   "generator to it before fitting the dynamics, and compare the two")
    p.add_argument("--identify", action="store_true",
                   help="profile each parameter on synthetic targets of the same size: which ones can data "
                   "like this pin down within --tolerance? (costs params·9·seeds + --targets runs)")
    p.add_argument("--targets", type=int, default=6, metavar="K", help="synthetic targets for --identify (default 6)")
    p.add_argument("--tolerance", type=float, default=0.15, help="relative error called identifiable (default 0.15)")
    p.add_argument("--description", help="what the target is (goes into the report and the TOML note)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_calibrate)
    return p


def cmd_calibrate(args: argparse.Namespace) -> int:
    """Run the calibration (and/or identifiability study) the arguments describe; print a summary or JSON."""
    from ..model.scenario import load_scenario
    from .ensemble import Ensemble
    from .fit import as_target, fit, target_columns
    from .params import apply_params, default_space

    if args.budget < 1:
        raise ValueError("--budget must be a positive number of evaluations")
    if args.seeds < 1:
        raise ValueError("--seeds must be at least 1")
    if not args.target and not args.identify and not args.graph:
        raise ValueError("give --target CSV to calibrate against, --graph FILE to fit the network, "
                         "or --identify to study identifiability alone")
    if not args.target and (args.out or args.report):
        raise ValueError("--out and --report write a fit's result: give a --target to fit")
    if args.identify and args.targets < 2:
        raise ValueError("--targets must be at least 2")
    if not 0 < args.tolerance < 1:
        raise ValueError("--tolerance is a relative error between 0 and 1, e.g. 0.15")
    scenario = load_scenario(args.scenario)
    graph = None
    if args.graph:
        from .networks import study_graph

        if scenario.network.file:
            raise ValueError(f"{scenario.source} runs on its own follow graph ([network] file = "
                             f"{scenario.network.file!r}); --graph fits the generator, which that scenario does "
                             "not use: remove one of the two")
        graph = study_graph(args.graph, scenario.network.model_dump())
        # the dynamics are fitted on the crowd that follows like the designer's graph
        scenario = apply_params(scenario, {f"network.{k}": v for k, v in graph.fitted.items()})
    names = [n.strip() for n in args.params.split(",") if n.strip()] if args.params else None
    space = default_space(scenario, names)
    target = as_target(args.target, bin_min=args.target_bin) if args.target else None
    progress = not args.quiet and not args.json and sys.stderr.isatty()
    minutes = args.minutes or (target.minutes if target is not None else scenario.scenario.duration_min)
    executor = "dask" if args.scheduler else "local"
    seeds = list(range(1, args.seeds + 1))
    result = indices = ident = None
    out: dict[str, Any] = {}
    with Ensemble(scenario, args.population, minutes, executor, args.scheduler, args.workers) as ens:
        if target is not None:
            result = fit(scenario, target, space, budget=args.budget, seeds=seeds, loss=args.loss,
                         population=args.population, minutes=minutes, bin_min=args.bin, ensemble=ens,
                         progress=progress)
            if graph is not None:
                result.extra.update(network=graph.fitted, graph_source=graph.source,
                                    graph_comparison=graph.comparison)
            out.update(result.to_dict())
        if args.sensitivity:
            from .sensitivity import sobol

            ens.progress = progress
            indices = sobol(scenario, space, n=args.sensitivity_n, seeds=seeds[:1], population=args.population,
                            minutes=minutes, ensemble=ens)
            out["sensitivity"] = indices.to_dict("records")
    if args.identify:
        from .identify import identifiability

        # profile around the fitted values when there are some: that is the result whose sureness matters
        at = apply_params(scenario, result.params) if result is not None else scenario
        columns = target_columns(target) if target is not None else None
        with Ensemble(at, args.population, minutes, executor, args.scheduler, args.workers, progress) as ens:
            ident = identifiability(at, [p.name for p in space], population=args.population, minutes=minutes,
                                    seeds=seeds, targets=[9001 + k for k in range(args.targets)],
                                    **({"columns": columns} if columns else {}), loss=args.loss,
                                    bin_min=args.bin, tolerance=args.tolerance, ensemble=ens)
        out["identifiability"] = ident.to_dict("records")
    if graph is not None:
        out["network"] = {"graph": graph.source, "fitted": graph.fitted,
                          "comparison": graph.comparison.to_dict("records")}
    description = args.description or (f"{args.target} ({target.minutes} min)" if target is not None else "")
    if args.out and result is not None:
        from .report import write_calibrated_scenario

        out["out"] = str(write_calibrated_scenario(scenario.source, result, args.out, description))
    if args.report and result is not None:
        from .report import write_report

        out["report"] = str(write_report(result, args.report, scenario, description, indices, ident))
    if args.json:
        print(json.dumps(out, indent=2, default=float))
        return 0
    if graph is not None:
        print(f"follower graph {graph.source}: [network] fitted to it (observed | before | after)")
        for row in graph.comparison.itertuples():
            print(f"  {row.statistic:<26} {row.observed:>12.4g} {row.before:>12.4g} {row.after:>12.4g}")
        print("  [network] " + ", ".join(f"{k} = {v:.4g}" for k, v in graph.fitted.items()))
    if result is not None:
        print(f"{scenario.id}: {result.loss_name} {result.default_loss:.4g} -> {result.loss:.4g} "
              f"in {result.evaluations} evaluations ({result.runs} runs, {result.elapsed_s:.0f} s)")
        for p in result.space:
            lo, hi = result.intervals[p.name]
            print(f"  {p.name:<28} {p.default:>10.4g} -> {result.params[p.name]:<10.4g} near-best {lo:.4g}–{hi:.4g}")
    if indices is not None:
        top = indices.sort_values("ST", ascending=False).groupby("output").head(3)
        for row in top.itertuples():
            print(f"  sensitivity {row.output:<16} {row.parameter:<28} S1 {row.S1:6.3f}  ST {row.ST:6.3f}")
    if ident is not None:
        from .identify import describe

        print(f"identifiability ({ident.attrs['runs']} runs, {ident.attrs['elapsed_s']:.0f} s; "
              f"{len(ident.attrs['targets'])} synthetic targets, tolerance {100 * args.tolerance:.0f}%):")
        print("\n".join(describe(ident)))
    for key in ("out", "report"):
        if key in out:
            print(f"  wrote {out[key]}")
    return 0


__all__ = ["add_parser", "cmd_calibrate"]
