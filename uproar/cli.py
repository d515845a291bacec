"""The `uproar` command line.

Every command that produces data can print JSON (`--json`); long jobs show a
progress bar on a terminal and stay quiet in a pipe or with `--quiet`. Errors are
one readable paragraph and exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter

from tqdm import tqdm

from .model.taxonomy import EMOTIONS, GROUPS

EXIT_USAGE = 2


class CliError(Exception):
    """A problem the user can fix; printed without a traceback."""


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    where = " ".join(x for x in (args.command, getattr(args, "room_command", None)) if x)
    try:
        return args.func(args) or 0
    except BrokenPipeError:  # `uproar … | head`: the reader has all it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except (CliError, ValueError, OSError) as exc:  # Scenario/Input/Room errors: ValueError; StoreError: OSError
        print(f"uproar {where}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:
        from .store.engine import is_outage
        from .store.outage import describe

        if not is_outage(exc):
            raise
        print(f"uproar {where}: the database is unavailable ({describe(exc)}); nothing was changed by this "
              "command. Try again when it is back.", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="uproar", description="Crisis exercise simulator for social media.")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    run = sub.add_parser("run", help="run a scenario headless and print what happened")
    run.add_argument("scenario", help="a scenario file or the name of a shipped one (see `uproar scenarios`)")
    run.add_argument("--seed", type=int, default=1)
    run.add_argument("--minutes", type=int, help="minutes to simulate (default: the scenario's duration)")
    run.add_argument("--population", type=int, help="number of accounts (default: the scenario's; "
                     "ignored when [network] file gives the follow graph)")
    run.add_argument("--messages", help="CSV of trainee messages (t_min, platform, text [, strategy, tone, author])")
    run.add_argument("--inputs", help="an inputs.jsonl log to replay (messages and trainer actions)")
    run.add_argument("--export", metavar="DIR", help="write reactions.csv, messages.csv, timeline.csv, … to DIR")
    run.add_argument("--json", action="store_true", help="print the summary as JSON")
    run.add_argument("--quiet", action="store_true", help="no progress bar, no live events")
    run.add_argument("--sample", type=int, metavar="N", default=0,
                     help="also print N items drawn at random, to read the crowd's words against what happened")
    run.set_defaults(func=cmd_run)

    sc = sub.add_parser("scenarios", help="list the shipped scenarios")
    sc.add_argument("--json", action="store_true")
    sc.set_defaults(func=cmd_scenarios)

    val = sub.add_parser("validate", help="check scenario files and explain what is wrong")
    val.add_argument("files", nargs="+")
    val.add_argument("--json", action="store_true")
    val.set_defaults(func=cmd_validate)

    cl = sub.add_parser("classify", help="read a message: SCCT strategy, tone, base responses, commitments")
    cl.add_argument("text", nargs="?", help="the message (omit with --eval or --train)")
    cl.add_argument("--lang", choices=["fr", "en"])
    cl.add_argument("--scenario", help="a scenario (name or file): its claims for 'addresses', its clock for due times")
    cl.add_argument("--json", action="store_true")
    cl.add_argument("--eval", metavar="CSV", help="agreement with a labelled CSV (text, lang, strategy, tone [, "
                    "instructing, adjusting, commitments, split]): accuracy, per-class scores, confusion matrices")
    cl.add_argument("--split", help="with --eval: only rows of this split (train, dev, test)")
    cl.add_argument("--train", action="store_true",
                    help="retrain the reader from tests/data/corpus (needs the source tree) and write its coefficients")
    cl.set_defaults(func=cmd_classify)

    con = sub.add_parser("console", help="open the live console (Streamlit) in the browser")
    con.add_argument("--port", type=int, default=8501)
    con.add_argument("--host", default="localhost", help="address to listen on (0.0.0.0 to open it to the room)")
    _add_db(con)
    con.add_argument("--no-demo", action="store_true", help="do not create the demo room on an empty database")
    con.add_argument("--no-supervise", action="store_true",
                     help="do not restart the runners of rooms that should be running (on by default)")
    con.set_defaults(func=cmd_console)

    rep = sub.add_parser("report", help="the debrief: main courante, key figures, impact of every message")
    rep.add_argument("source", help="a room id or an export folder (uproar run … --export DIR)")
    rep.add_argument("--format", choices=["pdf", "html", "md"], default="pdf")
    rep.add_argument("--lang", choices=["fr", "en"], help="default: the scenario's language")
    rep.add_argument("--out", help="output file (default: report-<room or scenario>.<format>)")
    rep.add_argument("--no-impact", action="store_true", help="skip the counterfactual replays (fast)")
    rep.add_argument("--seeds", type=int, default=8, help="seeds per message for the impact analysis")
    rep.add_argument("--workers", type=int, help="processes for the replays (default: all cores)")
    rep.add_argument("--db", metavar="URL", help="database URL for a room id")
    rep.add_argument("--json", action="store_true", help="print a JSON summary instead of a sentence")
    rep.set_defaults(func=cmd_report)

    from .calibration.cli import add_parser as add_calibrate

    add_calibrate(sub)
    _room_parsers(sub)
    db = sub.add_parser("db", help="database schema")
    db.add_argument("action", choices=["upgrade", "current"])
    _add_db(db)
    db.set_defaults(func=cmd_db)

    b = sub.add_parser("bench", help="measure the speed of a crowd step")
    b.add_argument("--agents", type=int,
                   help="crowd size (default 100,000; 10,000 with --calibration; 20,000 per room with --console)")
    b.add_argument("--steps", type=int, default=30)
    b.add_argument("--naive", choices=["auto", "yes", "no"], default="auto",
                   help="also time the naive per-agent Mesa version (auto: when agents ≤ 100,000)")
    b.add_argument("--store", action="store_true", help="measure bulk writes of items into SQLite instead")
    b.add_argument("--reader", action="store_true", help="measure the message reader (ms per message) instead")
    b.add_argument("--calibration", action="store_true",
                   help="measure identifiability and parameter recovery of calibration instead (minutes to hours)")
    b.add_argument("--console", action="store_true",
                   help="measure the live console under a class: rooms × sessions through Streamlit's protocol")
    b.add_argument("--rooms", type=int, default=4, help="live rooms with --console")
    b.add_argument("--sessions", type=int, default=30, help="open pages with --console (trainers, observers, trainees)")
    b.add_argument("--seconds", type=float, default=60.0, help="measured time with --console")
    b.add_argument("--db", metavar="URL", help="database for --console (default: a fresh SQLite file)")
    b.add_argument("--screenshots", metavar="DIR", help="with --console: PNGs of a trainer and a trainee page under load")
    b.add_argument("--stylized", action="store_true",
                   help="check the stylized facts of online storms on the shipped scenarios instead (minutes)")
    b.add_argument("--sizes", default="5000,20000", help="crowd sizes with --stylized (comma-separated)")
    b.add_argument("--seeds", default="1,2,3,4,5", help="seeds with --stylized (comma-separated)")
    b.add_argument("--minutes", type=int, default=150, help="simulated minutes per run with --calibration")
    b.add_argument("--budget", type=int, default=40, help="fit evaluations per target with --calibration")
    b.add_argument("--json", action="store_true")
    b.set_defaults(func=cmd_bench)
    return p


# ---------------------------------------------------------------------------- run
def cmd_run(args: argparse.Namespace) -> int:
    from .model.export import write_export
    from .model.inputs import read_inputs, read_messages_csv
    from .model.model import CrisisModel
    from .model.scenario import load_scenario

    scenario = load_scenario(args.scenario)
    minutes = args.minutes or scenario.scenario.duration_min
    if minutes <= 0:
        raise CliError("--minutes must be positive")
    if args.sample < 0:
        raise CliError("--sample must be a number of items (0 or more)")
    queued = []
    if args.messages:
        queued += read_messages_csv(args.messages)
    if args.inputs:
        queued += read_inputs(args.inputs)
    show = not args.quiet and not args.json
    bar = tqdm(total=minutes, unit="min", desc=scenario.scenario.title[:40], disable=not (show and sys.stderr.isatty()),
               leave=False)
    model = CrisisModel(scenario, rng=args.seed, population=args.population)
    late = [q for q in queued if (q.t_min or 0) >= minutes]
    for item in queued:
        model.submit(item)
    if show:
        model.listeners.append(lambda ev: _print_event(ev, bar))
    for _ in range(minutes):
        model.step()
        bar.update(1)
        if show and model.minute % 15 == 0:
            bar.set_postfix(pressure=f"{model.pressure:.0f}", items=len(model.items))
    bar.close()
    summary = summarise(model)
    if late:
        summary["ignored_inputs"] = len(late)
    if args.export:
        paths = write_export(model, args.export)
        summary["export"] = {k: str(v) for k, v in paths.items()}
    if args.sample:
        summary["sample"] = sample_items(model, args.sample, args.seed)
    if args.json:
        print(json.dumps(summary, indent=2, ensure_ascii=False))
    else:
        print(format_summary(summary, model))
        if args.sample:
            print(format_sample(summary["sample"]))
        if late:
            print(f"\nNote: {len(late)} input(s) stamped after minute {minutes - 1} were not applied.")
    return 0


def sample_items(model, n: int, seed: int) -> list[dict]:
    """n items with a text, drawn at random by a generator of their own (the run is unchanged),
    in time order; each with what the project's word lists find it saying (`phrasebank.presupposes`:
    praise, a statement, an apology, a missed deadline…), which must have happened by then."""
    import numpy as np

    from .model.phrasebank import presupposes

    frame = model.reactions_frame()
    frame = frame[frame["text"].fillna("") != ""]
    picked = np.random.default_rng(seed).choice(len(frame), size=min(n, len(frame)), replace=False)
    rows = frame.iloc[picked].sort_values(["t_min", "seq"])
    return [{"t_min": round(float(r.t_min), 1), "group": r.author_group, "kind": r.kind, "emotion": r.emotion,
             "text": r.text, "says": [f"{c}: {w}" for c, w in presupposes(r.text, r.lang)]}
            for r in rows.itertuples()]


def format_sample(sample: list[dict]) -> str:
    lines = ["", f"{len(sample)} items at random (what the word lists find, in brackets, must have happened by then):"]
    for r in sample:
        says = f"  [{'; '.join(r['says'])}]" if r["says"] else ""
        lines.append(f"  T+{r['t_min']:5.1f}  {r['group']:<10} {r['kind']:<6} {r['emotion']:<8} {r['text']}{says}")
    return "\n".join(lines)


def _print_event(event: dict, bar: tqdm) -> None:
    t = event["t_min"]
    label = event["label"].replace("\n", " ")
    if len(label) > 140:
        label = label[:137] + "…"
    icon = {"inject": "▶", "message": "✉", "notable": "•", "trend": "#", "note": "✎", "trainer": "⚙", "persona": "•"}
    tqdm.write(f"T+{t:3d}  {icon.get(event['source'], ' ')} {label}", file=sys.stdout)
    if event["source"] == "message":
        tqdm.write(f"        strategy {event['strategy']}, tone {event['tone']} → crowd reception {event['calm']:+.2f}")


def summarise(model) -> dict:
    frame = model.reactions_frame()
    by_emotion = frame["emotion"].value_counts()
    by_group = frame["author_group"].value_counts()
    by_kind = frame["kind"].value_counts()
    tags = Counter(t for cell in frame["hashtags"] if cell for t in cell.split())
    peak = max(range(len(model.pressure_series)), key=lambda i: model.pressure_series[i]) if model.pressure_series else 0
    return {
        "scenario": model.scenario.id,
        "seed": model.seed,
        "minutes": model.minute,
        "population": model.population.n,
        "edges": model.population.network.edges,
        "items": len(frame),
        "items_per_emotion": {e: int(by_emotion.get(e, 0)) for e in EMOTIONS},
        "items_per_group": {g: int(by_group.get(g, 0)) for g in GROUPS if by_group.get(g, 0)},
        "items_per_kind": {k: int(v) for k, v in by_kind.items()},
        "top_hashtags": [{"tag": t, "count": c} for t, c in tags.most_common(8)],
        "trend_events": [{"t_min": m, "tag": t, "change": c} for m, t, c in model.hashtags.events],
        "peak_pressure": round(model.pressure_series[peak], 1) if model.pressure_series else 0.0,
        "peak_minute": peak,
        "final_pressure": round(model.pressure, 1),
        "messages": [
            {"t_min": r.t_min, "strategy": r.strategy, "tone": r.tone, "calm": round(r.calm, 2), "text": r.text}
            for r in model.messages
        ],
        "questions": [
            {"journalist": q.journalist, "asked_at": q.asked_at, "deadline_at": q.deadline_at, "status": q.status}
            for q in model.questions
        ],
    }


def format_summary(s: dict, model) -> str:
    lines = [
        "",
        f"{model.scenario.scenario.title} — {s['minutes']} minutes, {s['population']:,} accounts, "
        f"{s['edges']:,} follow edges, seed {s['seed']}",
        f"{s['items']:,} items; peak pressure {s['peak_pressure']:.0f}/100 at T+{s['peak_minute']}, "
        f"final {s['final_pressure']:.0f}/100",
        "",
        "Items per emotion:",
    ]
    total = max(s["items"], 1)
    for e, c in s["items_per_emotion"].items():
        lines.append(f"  {e:<9} {c:>8,}  {'█' * round(40 * c / total)}")
    lines.append("Items per group:")
    for g, c in sorted(s["items_per_group"].items(), key=lambda kv: -kv[1]):
        lines.append(f"  {g:<13} {c:>8,}")
    lines.append("Top hashtags:")
    for t in s["top_hashtags"]:
        lines.append(f"  {t['tag']:<28} {t['count']:>7,}")
    if s["questions"]:
        lines.append("Press questions:")
        for q in s["questions"]:
            lines.append(f"  {q['journalist']:<20} asked T+{q['asked_at']}, deadline T+{q['deadline_at']}: {q['status']}")
    frame = model.reactions_frame()
    top = frame.groupby("cascade_root").size().sort_values(ascending=False).head(3)
    if len(top):
        lines.append("Largest cascades:")
        for root, size in top.items():
            row = frame.loc[frame["seq"] == root]
            if len(row):
                r = row.iloc[0]
                lines.append(f"  {size:>6,} items  T+{int(r.t_min)} {r.author_name} ({r.platform}): {_cut(r.text)}")
    return "\n".join(lines)


def _cut(text: str, n: int = 90) -> str:
    text = str(text).replace("\n", " ")
    return text if len(text) <= n else text[: n - 1] + "…"


# ---------------------------------------------------------------------------- scenarios & validate
def cmd_scenarios(args: argparse.Namespace) -> int:
    from .model.scenario import ScenarioError, load_scenario, shipped_scenarios

    rows = []
    for path in shipped_scenarios():
        try:
            sc = load_scenario(path)
        except ScenarioError as exc:
            rows.append({"id": path.stem, "title": f"(invalid: {exc.problems[0]})", "language": "?",
                         "crisis_type": "?", "path": str(path)})
            continue
        rows.append({"id": sc.id, "title": sc.scenario.title, "language": sc.language,
                     "crisis_type": sc.scenario.crisis_type, "path": str(path)})
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        for r in rows:
            print(f"{r['id']:<24} {r['language']}  {r['crisis_type']:<12} {r['title']}")
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from .model.scenario import ScenarioError, load_scenario

    results, bad = [], 0
    for f in args.files:
        try:
            sc = load_scenario(f)
            graph = ""
            if sc.network_path() is not None:  # read it: a malformed graph is a scenario error too
                from .model.graphfile import read_network_file

                graph = f", follow graph of {read_network_file(sc).n:,} accounts"
            results.append({"file": f, "ok": True, "id": sc.id})
            if not args.json:
                print(f"{f}: ok ({sc.id}: {len(sc.personas)} personas, {len(sc.injects)} injects{graph})")
        except ScenarioError as exc:
            bad += 1
            results.append({"file": f, "ok": False, "problems": exc.problems})
            if not args.json:
                print(str(exc), file=sys.stderr)
    if args.json:
        print(json.dumps(results, indent=2, ensure_ascii=False))
    return 1 if bad else 0


# ---------------------------------------------------------------------------- classify
def cmd_classify(args: argparse.Namespace) -> int:
    from .model.classify import ReadingContext, classify_message, evaluate

    if args.train:
        from .model.reader_train import CORPUS, train

        if not CORPUS.exists():
            raise CliError(f"no corpus at {CORPUS}: --train needs the source tree (git clone), not an installed wheel")
        train(quiet=args.json)
        return 0
    if args.eval:
        try:
            report = evaluate(args.eval, split=args.split)
        except FileNotFoundError:
            raise CliError(f"{args.eval}: no such file") from None
        except (ValueError, KeyError) as exc:
            raise CliError(str(exc)) from None
        print(json.dumps(report, indent=2, ensure_ascii=False) if args.json else _eval_text(report))
        return 0
    if not args.text:
        raise CliError("give the message text, e.g. uproar classify \"Nous présentons nos excuses\"")
    context = None
    if args.scenario:
        from .model.scenario import load_scenario

        sc = load_scenario(args.scenario)
        context = ReadingContext(claims=tuple((c.id, tuple(c.keywords)) for c in sc.claims),
                                 clock=sc.start_minute_of_day)
    result = classify_message(args.text, lang=args.lang, context=context)
    if args.json:
        print(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
        return 0
    label = result.label(result.lang)
    second = f" + {result.secondary}" if result.secondary and result.secondary not in label else ""
    print(f"strategy:   {label}{second}  (confidence {result.confidence:.0%})")
    print(f"            {'; '.join(result.strategy_cues) or 'no cue'}")
    print(f"tone:       {result.tone}  ({'; '.join(result.tone_cues) or 'no cue'})")
    print(f"base:       {', '.join(result.base_responses) or 'none'}"
          + (f"  ({'; '.join(result.base_cues)})" if result.base_cues else ""))
    for c in result.commitments:
        due = f"due in {c.due_min} min" if c.due_min is not None else "no time given"
        print(f"commitment: {c.text}  [{c.when or '—'}, {due}]")
    if result.addresses:
        print(f"addresses:  {', '.join(result.addresses)}")
    print(f"language:   {result.lang}{'  — corrects a rumour' if result.correction else ''}"
          f"{'  — holding statement' if result.holding else ''}")
    return 0


def _eval_text(report: dict) -> str:
    """Accuracy, per-class scores and confusion matrices as a terminal table."""
    lines = [f"{report['n']} messages: strategy accuracy {report['strategy_accuracy']:.1%}, "
             f"tone accuracy {report['tone_accuracy']:.1%}, {report['ms_per_message']:.2f} ms per message"]
    for head, key in (("strategy", "confusion"), ("tone", "tone_confusion")):
        classes = list(report[f"{head}_per_class"])
        lines += ["", f"{head}: precision recall f1 support"]
        for k, v in report[f"{head}_per_class"].items():
            lines.append(f"  {k:>11} {v['precision']:9.3f} {v['recall']:6.3f} {v['f1']:5.3f} {v['support']:7d}")
        lines += ["", f"{head} confusion (rows: label, columns: reading)", "  " + " " * 11 + "".join(f"{c[:10]:>11}" for c in classes)]
        for t in classes:
            row = report[key].get(t, {})
            lines.append(f"  {t:>11}" + "".join(f"{row.get(c, 0):>11}" for c in classes))
    if report.get("base_responses"):
        lines += ["", "base responses and commitments: precision recall support"]
        for k, v in report["base_responses"].items():
            lines.append(f"  {k:>11} {v['precision']:9.3f} {v['recall']:6.3f} {v['support']:7d}")
    if c := report.get("commitment_clauses"):
        lines.append(f"  promises cut as labelled: {c['matched']} of {c['labelled']} labelled clauses found word for word "
                     f"({c['found']} promises found)")
    if "secondary_accuracy" in report:
        lines.append(f"\nsecondary strategy (incl. none) agreement: {report['secondary_accuracy']:.1%}")
    u = report["uncertain"]
    lines.append(f"said \"uncertain\" on {u['wrong_flagged']} of {u['wrong']} wrong strategies "
                 f"and on {u['right_flagged']} of {u['right']} right ones")
    return "\n".join(lines)


# ---------------------------------------------------------------------------- bench
def cmd_bench(args: argparse.Namespace) -> int:
    from .benchmarks.engine import run_bench

    if args.reader:
        from .benchmarks.reader import run_reader_bench

        result = run_reader_bench()
        print(json.dumps(result) if args.json else "\n".join(f"{k:>20}: {v}" for k, v in result.items()))
        return 0
    if args.store:
        from .benchmarks.store import run_store_bench

        result = run_store_bench(progress=not args.json and sys.stderr.isatty())
        print(json.dumps(result) if args.json else "\n".join(f"{k:>18}: {v}" for k, v in result.items()))
        return 0
    if args.console:
        from .benchmarks.console_load import run_console_load

        result = run_console_load(rooms=args.rooms, sessions=args.sessions, accounts=args.agents or 20_000,
                                  seconds=args.seconds, url=args.db, screenshots=args.screenshots,
                                  progress=not args.json and sys.stderr.isatty())
        print(json.dumps(result, indent=None if args.json else 2))
        return 0
    if args.stylized:
        return _bench_stylized(args)
    if args.calibration:
        from .benchmarks.calibration import run_calibration_bench

        result = run_calibration_bench(args.agents or 10_000, minutes=args.minutes, budget=args.budget,
                                       progress=not args.json and sys.stderr.isatty())
        print(json.dumps(result, indent=None if args.json else 2))
        return 0
    agents = args.agents or 100_000
    naive = {"auto": agents <= 100_000, "yes": True, "no": False}[args.naive]
    result = run_bench(agents, steps=args.steps, naive=naive, progress=not args.json and sys.stderr.isatty())
    if args.json:
        print(json.dumps(result))
    else:
        for k, v in result.items():
            print(f"{k:>18}: {v}")
    return 0


def _bench_stylized(args: argparse.Namespace) -> int:
    from .benchmarks.stylized import run_stylized, table

    try:
        sizes = [int(x) for x in args.sizes.split(",") if x.strip()]
        seeds = [int(x) for x in args.seeds.split(",") if x.strip()]
    except ValueError:
        print(f"--sizes and --seeds take whole numbers separated by commas (got {args.sizes!r}, {args.seeds!r})",
              file=sys.stderr)
        return 2
    if not sizes or not seeds or min(sizes) < 100:
        print("give at least one size (≥ 100 accounts) and one seed", file=sys.stderr)
        return 2
    live = not args.json and sys.stderr.isatty()
    result = run_stylized(sizes=sizes, seeds=seeds,
                          progress=(lambda label: print(f"\r{label:<40}", end="", file=sys.stderr)) if live else None)
    if live:
        print(file=sys.stderr)
    if args.json:
        print(json.dumps(result, default=float).replace("NaN", "null"))
    else:
        print(table(result["summary"]))
        print(f"\n{len(result['rows'])} scenario × size × seed combinations in {result['elapsed_s']} s")
    return 0 if all(s["holds"] for s in result["summary"]) else 1


# ---------------------------------------------------------------------------- rooms
def _room_parsers(sub: argparse._SubParsersAction) -> None:
    room = sub.add_parser("room", help="live exercise rooms on a database")
    rsub = room.add_subparsers(dest="room_command", metavar="ACTION", required=True)

    def cmd(name: str, help_: str, func) -> argparse.ArgumentParser:  # type: ignore[no-untyped-def]
        p = rsub.add_parser(name, help=help_)
        _add_db(p)
        p.set_defaults(func=func)
        return p

    c = cmd("create", "create a room and print its id and access codes", cmd_room_create)
    c.add_argument("--scenario", required=True, help="a scenario file or shipped scenario name")
    c.add_argument("--seed", type=int, default=1)
    c.add_argument("--name")
    c.add_argument("--population", type=int)
    c.add_argument("--minutes", type=int, help="length of the exercise (default: the scenario's duration)")
    c.add_argument("--json", action="store_true")

    r = cmd("run", "run a room's clock in this process (resumes after a crash)", cmd_room_run)
    r.add_argument("room")
    r.add_argument("--speed", default=None, help="simulated minutes per real minute (1 = real time, 60, … or max)")
    r.add_argument("--until", type=int, help="stop before this minute")
    r.add_argument("--give-up-after", type=float, default=300.0, metavar="SECONDS",
                   help="wait this long for a database that is down before stopping (default 300)")
    r.add_argument("--quiet", action="store_true")

    sv = cmd("supervise", "restart the runner of any room that should be running and whose runner died",
             cmd_room_supervise)
    sv.add_argument("--interval", type=float, default=1.0, help="seconds between looks (default 1)")
    sv.add_argument("--once", action="store_true", help="look once and exit")
    sv.add_argument("--runner-log", metavar="FILE", help="append the restarted runners' output to FILE")

    p = cmd("post", "post a trainee message", cmd_room_post)
    p.add_argument("room")
    p.add_argument("--platform", action="append", required=True, help="repeat for several platforms")
    p.add_argument("--text", required=True)
    p.add_argument("--author", help="one of the organisation's persona ids (default: the first)")
    p.add_argument("--strategy", choices=["deny", "diminish", "rebuild", "bolster", "no_comment"])
    p.add_argument("--tone", choices=["empathetic", "factual", "defensive", "humorous"])

    i = cmd("inject", "fire a scenario inject now (--index) or write one", cmd_room_inject)
    i.add_argument("room")
    i.add_argument("--index", type=int, help="the scenario inject to fire (0-based)")
    i.add_argument("--text", default="")
    i.add_argument("--title", default="")
    i.add_argument("--kind", default="post", choices=["post", "article", "video", "statement", "fact", "question"])
    i.add_argument("--author", help="a persona id")
    i.add_argument("--platform", action="append", default=[])
    i.add_argument("--group", action="append", default=[])
    i.add_argument("--shock", action="append", default=[], metavar="EMOTION=VALUE", help="e.g. anger=0.3")
    i.add_argument("--reach", type=float, default=0.3)
    i.add_argument("--hashtag", action="append", default=[])

    for name, help_ in (("pause", "pause the room's clock"), ("resume", "resume the room's clock")):
        x = cmd(name, help_, cmd_room_clock)
        x.add_argument("room")
    sp = cmd("speed", "change the clock's speed", cmd_room_clock)
    sp.add_argument("room")
    sp.add_argument("value", help="simulated minutes per real minute, or max")

    st = cmd("status", "where a room stands", cmd_room_status)
    st.add_argument("room")
    st.add_argument("--json", action="store_true")

    ls = cmd("list", "all rooms", cmd_room_list)
    ls.add_argument("--json", action="store_true")

    ex = cmd("export", "write a room's files (same as `uproar run --export`)", cmd_room_export)
    ex.add_argument("room")
    ex.add_argument("dir")


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="URL", help="database URL (default: $UPROAR_DATABASE_URL or sqlite:///uproar.db)")


def _engine(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from .store.engine import open_store

    return open_store(args.db)


def _speed(value: str | None) -> float | None:
    if value is None:
        return None
    if value == "max":
        return 0.0
    try:
        speed = float(value)
    except ValueError:
        raise CliError(f"speed {value!r} is not a number; use e.g. 1, 60 or max") from None
    if not 0 < speed <= 600:
        raise CliError(f"speed {value} is out of range: use a value in (0, 600] or max")
    return speed


def cmd_room_create(args: argparse.Namespace) -> int:
    from .app.rooms import create_room

    created = create_room(_engine(args), args.scenario, seed=args.seed, name=args.name,
                          population=args.population, minutes=args.minutes)
    if args.json:
        print(json.dumps(created.to_dict()))
    else:
        print(f"room {created.room_id}\n  trainer code: {created.trainer_code}\n  trainee code: {created.trainee_code}")
        print(f"start it with: uproar room run {created.room_id} --speed 1")
    return 0


def _say(line: str) -> None:
    import time

    print(f"{time.strftime('%H:%M:%S')} {line}", file=sys.stderr, flush=True)


def cmd_room_run(args: argparse.Namespace) -> int:
    from .app.runner import RUNNER_BUSY_S, run_room
    from .store.engine import open_store
    from .store.outage import Patience

    if args.give_up_after <= 0:
        raise CliError("--give-up-after must be a number of seconds above 0")
    speed = _speed(args.speed)
    # a runner started with the machine may come up before the database: wait for it like for an outage
    engine = Patience(limit_s=args.give_up_after, say=_say)(lambda: open_store(args.db, busy_timeout_s=RUNNER_BUSY_S))
    report = run_room(engine, args.room, speed=speed, until=args.until, progress=False if args.quiet else None,
                      give_up_after=args.give_up_after, say=_say)
    if not args.quiet:
        print(f"room {report.room_id}: minutes {report.from_minute}–{report.to_minute - 1} simulated, "
              f"{report.items_written:,} items written in {report.seconds:.1f} s")
    return 0


def cmd_room_supervise(args: argparse.Namespace) -> int:
    import signal

    from .app.supervisor import Supervisor
    from .store.engine import database_url, redact

    if args.interval <= 0:
        raise CliError("--interval must be a number of seconds above 0")
    _engine(args)  # the schema, and a clear error for a wrong URL
    sup = Supervisor(args.db, interval_s=args.interval, say=_say, runner_log=args.runner_log)
    if args.once:
        made = sup.scan()
        print(f"{len(made)} runner(s) restarted")
        return 0
    _say(f"supervising the rooms of {redact(database_url(args.db))} (Ctrl+C to stop)")
    signal.signal(signal.SIGTERM, lambda *_: sup.request_stop())
    try:
        sup.run_forever()
    except KeyboardInterrupt:
        _say("stopped")
    return 0


def cmd_room_post(args: argparse.Namespace) -> int:
    from .app.rooms import post

    input_id = post(_engine(args), args.room, args.text, platforms=args.platform, author=args.author,
                    strategy=args.strategy, tone=args.tone)
    print(f"queued as input {input_id}; it takes effect at the room's next minute")
    return 0


def cmd_room_inject(args: argparse.Namespace) -> int:
    from .app.rooms import submit

    shock = {}
    for pair in args.shock:
        emotion, _, value = pair.partition("=")
        try:
            shock[emotion.strip()] = float(value)
        except ValueError:
            raise CliError(f"--shock {pair!r}: expected EMOTION=VALUE, e.g. anger=0.3") from None
    data = {"type": "inject", "index": args.index, "text": args.text, "title": args.title, "kind": args.kind,
            "author": args.author, "platforms": args.platform, "groups": args.group, "shock": shock,
            "reach": args.reach, "hashtags": args.hashtag}
    if args.index is None and not (args.text or args.title or shock):
        raise CliError("give --index N for a scenario inject, or --text/--shock for one written now")
    input_id = submit(_engine(args), args.room, {k: v for k, v in data.items() if v is not None})
    print(f"queued as input {input_id}")
    return 0


def cmd_room_clock(args: argparse.Namespace) -> int:
    from .app import rooms

    engine = _engine(args)
    if args.room_command == "pause":
        rooms.pause(engine, args.room)
    elif args.room_command == "resume":
        rooms.resume(engine, args.room)
    else:
        rooms.set_speed(engine, args.room, _speed(args.value) or 0.0)
    print(f"room {args.room}: {args.room_command} noted")
    return 0


def cmd_room_status(args: argparse.Namespace) -> int:
    from .app.rooms import status

    st = status(_engine(args), args.room)
    if args.json:
        print(json.dumps({k: st[k] for k in ("room_id", "minute", "state", "speed", "items", "runner_alive",
                                             "heartbeat_at", "runner_lost_at", "runner_restarts", "stalled")}))
    else:
        alive = "runner alive" if st["runner_alive"] else "no runner"
        if st["stalled"]:
            alive = f"no runner: its runner died at {st['runner_lost_at']}" if st["runner_lost_at"] else alive
            alive += " — `uproar room run` or `uproar room supervise` restarts it"
        print(f"room {st['room_id']} ({st['name']}): {st['state']}, minute {st['minute']}/{st['until']}, "
              f"speed {st['speed']:g}, {st['items']:,} items, {st['pending_inputs']} pending input(s), {alive}")
        if st["state"] == "finished" and st["pending_inputs"]:
            print(f"  {st['pending_inputs']} input(s) arrived after the last minute and were not applied")
    return 0


def cmd_room_list(args: argparse.Namespace) -> int:
    from .app.rooms import list_rooms

    rows = list_rooms(_engine(args))
    if args.json:
        print(json.dumps(rows))
    elif not rows:
        print("no rooms yet; create one with `uproar room create --scenario fr-usine-chimique`")
    else:
        for r in rows:
            print(f"{r['room_id']}  {r['state']:<9} {r['minute']:>4}/{r['until']:<4} seed {r['seed']:<6} {r['name']}")
    return 0


def cmd_room_export(args: argparse.Namespace) -> int:
    from .app.rooms import export_room

    paths = export_room(_engine(args), args.room, args.dir)
    print(f"wrote {', '.join(p.name for p in paths.values())} to {args.dir}")
    return 0


def cmd_console(args: argparse.Namespace) -> int:
    import os
    from pathlib import Path

    from .app import rooms
    from .store.engine import database_url

    engine = _engine(args)
    if not args.no_demo and not rooms.list_rooms(engine):
        demo = rooms.create_room(engine, "fr-usine-chimique", seed=1, name="Démo — Chimex Valmont")
        print(f"Demo room {demo.room_id} is ready: trainer code {demo.trainer_code}, "
              f"trainee code {demo.trainee_code}")
    script = Path(__file__).resolve().parent.parent / "app" / "server.py"
    if not script.exists():  # installed as a package: app/ maps to uproar/app
        from . import app as app_pkg

        script = Path(app_pkg.__file__).parent / "server.py"
    print(f"Uproar console: http://{args.host}:{args.port}/  (Ctrl+C to stop)", flush=True)
    env = {**os.environ, "UPROAR_DATABASE_URL": database_url(args.db),
           "UPROAR_SUPERVISE": "0" if args.no_supervise else "1"}
    cmd = [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(args.port),
           "--server.address", args.host, "--server.headless", "true", "--browser.gatherUsageStats", "false",
           # a production look for everyone (no Deploy button or developer menu); no file watcher to feed
           "--client.toolbarMode", "viewer", "--server.fileWatcherType", "none", "--server.runOnSave", "false",
           # Streamlit runs a full garbage collection after every run, fragment ticks included: tens of
           # milliseconds each on a console holding several rooms; Python's own collector suffices
           "--runner.postScriptGC", "false",
           # a page's live part reruns only when its content changed, so Streamlit's message cache would
           # only hash (md5 of every large message, for every session) without ever hitting
           "--global.minCachedMessageSize", "1e12"]
    return _serve(cmd, env)


def _serve(cmd: list[str], env: dict[str, str]) -> int:
    """Run the Streamlit server as a child that never outlives this process.

    SIGTERM or SIGHUP (a service manager stopping `uproar console`) and Ctrl+C are passed on
    and waited for, so the port is free for the next start; if this process is killed outright,
    Linux's parent-death signal stops the server too.
    """
    import signal
    import subprocess

    proc = subprocess.Popen(cmd, env=env, preexec_fn=_die_with_parent)

    def forward(signum: int, _frame) -> None:  # type: ignore[no-untyped-def]
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM if signum != signal.SIGINT else signal.SIGINT)

    for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(sig, forward)
    try:
        proc.wait()
    finally:
        if proc.poll() is None:  # pragma: no cover - an exception while waiting
            proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:  # a server with live sessions may hang while stopping
            proc.kill()
            proc.wait()
    return 0 if proc.returncode in (0, -signal.SIGTERM, -signal.SIGINT) else proc.returncode


def _die_with_parent() -> None:
    """In the child, before exec: SIGTERM it when its parent dies (Linux; elsewhere a no-op)."""
    import contextlib
    import ctypes
    import signal

    with contextlib.suppress(OSError, AttributeError):  # not Linux: no parent-death signal
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def cmd_report(args: argparse.Namespace) -> int:
    import time

    from .report.build import build_report

    if args.seeds < 2:
        raise CliError("--seeds must be at least 2 to give a confidence interval")
    t0 = time.perf_counter()
    path, report = build_report(args.source, fmt=args.format, lang=args.lang, out=args.out,
                                impact=not args.no_impact, seeds=args.seeds, workers=args.workers,
                                progress=not args.json and sys.stderr.isatty(), database=args.db)
    seconds = time.perf_counter() - t0
    summary = {"report": str(path), "tables": str(path.with_name(path.stem + "-tables")), "seconds": round(seconds, 2),
               "messages": report.key_figures["messages"], "impact": report.impact is not None}
    if args.json:
        print(json.dumps(summary))
    else:
        print(f"wrote {path} (and its tables in {summary['tables']}) in {seconds:.1f} s")
    return 0


def cmd_db(args: argparse.Namespace) -> int:
    from .store.engine import current_revision, database_url, head_revision, open_store, redact

    engine = open_store(args.db)
    print(f"{redact(database_url(args.db))}: schema at {current_revision(engine)} (latest {head_revision()})")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

