"""Variety of the crowd's words (issue 13 §4): does the feed read like people, not a loop?

For runs of the shipped scenarios without trainee messages, over several seeds:

- **distinct share**: distinct texts / items, among posts and replies (shares and
  emoji reactions aside), per language — the target is at least 60% over a
  2-hour run of 20,000 accounts;
- **duplicates across accounts**: items whose exact text another account posted
  within the previous 60 minutes (shares aside) — the target is none.

Texts are compared without the hashtags the engine appends. Run it with
`python -m uproar.benchmarks.variety [--population N] [--minutes M] [--seeds 1,2,3]`.
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


def run(name: str, seed: int, population: int, minutes: int) -> dict[str, Any]:
    from ..model.model import CrisisModel
    from ..model.scenario import load_scenario

    started = time.perf_counter()
    model = CrisisModel(load_scenario(name), rng=seed, population=population)
    model.run_for(minutes)
    result = figures(model)
    result["seconds"] = round(time.perf_counter() - started, 1)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--population", type=int, default=20000)
    parser.add_argument("--minutes", type=int, default=120)
    parser.add_argument("--seeds", default="1,2,3")
    args = parser.parse_args(argv)
    print(f"{'scenario':<20} {'seed':>4} {'lang':>4} {'items':>7} {'distinct':>8} {'share':>6} {'dup<1h':>7} {'s':>5}")
    for name in SCENARIOS:
        for seed in (int(s) for s in args.seeds.split(",")):
            result = run(name, seed, args.population, args.minutes)
            for lang in LANGUAGES:
                if lang in result:
                    r = result[lang]
                    print(f"{name:<20} {seed:>4} {lang:>4} {r['items']:>7} {r['distinct']:>8} "
                          f"{r['distinct_share']:>6.1%} {r['duplicates_within_hour']:>7} {result['seconds']:>5}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
