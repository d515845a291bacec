"""Variety of the crowd's words (issue 13 §4): does the feed read like people, not a loop?

For runs of the shipped scenarios over several seeds — without trainee messages, or with
a good early response (`--message`: an apology with a refund, a hotline and an update
promised for 3 pm that never comes, so replies under it, shares of it and the talk of the
broken promise all count):

- **distinct share**: distinct texts / items, among posts and replies (shares and
  emoji reactions aside), per language — the target is at least 60% over a
  2-hour run of 20,000 accounts;
- **duplicates across accounts**: items whose exact text another account posted
  within the previous 60 minutes (shares aside) — the target is none.

Texts are compared without the hashtags the engine appends. Run it with
`python -m uproar.benchmarks.variety [--population N] [--minutes M] [--seeds 1,2,3] [--message]`.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from typing import Any

import numpy as np

from ..model.items import KIND_CODES
from ..model.taxonomy import LANGUAGES

SCENARIOS = ("fr-usine-chimique", "en-retail-breach")
ORIGINAL = (KIND_CODES.index("post"), KIND_CODES.index("reply"))
WINDOW = 60.0
#: A good early response per scenario language, posted at MESSAGE_AT; its update never comes.
MESSAGE = {
    "en": "We are sorry. Every member affected will get a full refund of this year's fee, and a free hotline is "
          "open on 0800 123 456. Next update at 3 pm.",
    "fr": "Nous présentons nos excuses aux habitants. Une cellule d'écoute est ouverte au 0800 100 200 et nous "
          "rembourserons les frais médicaux. Prochain point à 15h.",
}
MESSAGE_AT = 12


def figures(model: Any) -> dict[str, Any]:
    """Distinct share and cross-account duplicates of a run's posts and replies, per language."""
    items = model.items
    keep = np.isin(items["kind"], ORIGINAL)
    t, author, lang = items["t"][keep], items["author"][keep], items["lang"][keep]
    texts = model.texts.lookup(items["text_id"][keep])
    out: dict[str, Any] = {}
    for li, name in enumerate(LANGUAGES):
        mine = np.flatnonzero(lang == li)
        if not len(mine):
            continue
        seen: dict[str, list[tuple[float, int]]] = defaultdict(list)
        duplicates = 0
        for i in mine:
            previous = seen[texts[i]]
            if any(t[i] - pt < WINDOW and pa != author[i] for pt, pa in previous):
                duplicates += 1
            previous.append((float(t[i]), int(author[i])))
        out[name] = {
            "items": len(mine),
            "distinct": len(seen),
            "distinct_share": round(len(seen) / len(mine), 3),
            "duplicates_within_hour": duplicates,
        }
    return out


def run(name: str, seed: int, population: int, minutes: int, message: bool = False) -> dict[str, Any]:
    from ..model.model import CrisisModel
    from ..model.scenario import load_scenario

    started = time.perf_counter()
    scenario = load_scenario(name)
    model = CrisisModel(scenario, rng=seed, population=population)
    if message:
        model.post(text=MESSAGE[scenario.scenario.language], t_min=MESSAGE_AT)
    model.run_for(minutes)
    result = figures(model)
    if message:
        seqs = np.array([m.seq for m in model.messages])
        under = np.isin(model.items["parent"], seqs) & np.isin(model.items["kind"], ORIGINAL)
        result["replies_under_message"] = int(under.sum())
    result["seconds"] = round(time.perf_counter() - started, 1)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--population", type=int, default=20000)
    parser.add_argument("--minutes", type=int, default=120)
    parser.add_argument("--seeds", default="1,2,3")
    parser.add_argument("--message", action="store_true", help=f"a good early response at T+{MESSAGE_AT}")
    args = parser.parse_args(argv)
    print(f"{'scenario':<20} {'seed':>4} {'lang':>4} {'items':>7} {'distinct':>8} {'share':>6} {'dup<1h':>7} {'s':>5}"
          + (f" {'under msg':>9}" if args.message else ""))
    for name in SCENARIOS:
        for seed in (int(s) for s in args.seeds.split(",")):
            result = run(name, seed, args.population, args.minutes, args.message)
            for lang in LANGUAGES:
                if lang in result:
                    r = result[lang]
                    print(f"{name:<20} {seed:>4} {lang:>4} {r['items']:>7} {r['distinct']:>8} "
                          f"{r['distinct_share']:>6.1%} {r['duplicates_within_hour']:>7} {result['seconds']:>5}"
                          + (f" {result['replies_under_message']:>9}" if args.message else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
