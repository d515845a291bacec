"""`uproar bench --stylized`: does a run have the shape of a real storm?

The stylized facts of online crises, measured on runs of the shipped scenarios
(each with its source; docs/model.md has the references):

- **anger travels furthest**: cascades started by an angry post are larger on
  average than those started by an approving one (Fan et al. 2014; Berger &
  Milkman 2012; Brady et al. 2017);
- **bursts decay**: after an inject, with nothing new, the excess volume halves
  within 30 minutes (Lehmann et al. 2012; Wu & Huberman 2007);
- **heavy-tailed relaxation**: each halving of that excess takes longer than the
  last, as for a power law, where a single exponential keeps them equal (Crane &
  Sornette 2008);
- **most cascades are tiny, a few are huge**: at least 70% of cascades have one
  or two items, and the tail of their sizes is a power law rather than a
  geometric (thin-tailed) law, by Vuong's likelihood-ratio test (Goel et al.
  2012, 2016; the test as Clauset et al. 2009 apply it);
- **a small elite is shared**: the top 1% of authors receive at least a quarter
  of all shares (Wu et al. 2011);
- **messages keep their effects**: for a preventable crisis, rebuild leaves less
  anger than diminish, diminish less than deny (Coombs 2007); an early apology
  relieves more than a late one (Arpan & Roskos-Ewoldsen 2005).

The measures take a run's item log (any mapping of column name to array with the
`ItemLog` columns) and plain arrays, so the tests and this benchmark share them.
Nothing here is asserted: `tests/test_stylized.py` holds a subset at small size.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np

EMOTION_NAMES = ("approval", "fear", "anger", "mockery", "sadness")
POST, SHARE, MESSAGE = 0, 1, 4
TOP_CASCADES = 0.01


# --------------------------------------------------------------------------- measures
def cascade_sizes(items: Mapping[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """(roots, sizes): every cascade started by a post (crowd, persona or inject), with
    its number of items, root included. Trainee messages' cascades are left out."""
    kind, root = np.asarray(items["kind"]), np.asarray(items["root"])
    keep = kind != MESSAGE
    sizes = np.bincount(root[keep], minlength=len(kind))
    roots = np.flatnonzero((kind == POST) & (sizes > 0))
    return roots, sizes[roots]


def mean_size_by_emotion(items: Mapping[str, np.ndarray]) -> dict[str, float]:
    """Mean cascade size by the emotion of the post that started it."""
    roots, sizes = cascade_sizes(items)
    emotion = np.asarray(items["emotion"])[roots]
    return {name: float(sizes[emotion == e].mean()) if (emotion == e).any() else math.nan
            for e, name in enumerate(EMOTION_NAMES)}


def small_cascade_share(sizes: np.ndarray) -> float:
    """Share of cascades with one or two items."""
    return float((sizes <= 2).mean()) if len(sizes) else math.nan


def top_cascade_share(sizes: np.ndarray, top: float = TOP_CASCADES) -> float:
    """Share of all cascade items held by the largest `top` fraction of cascades."""
    if not len(sizes):
        return math.nan
    k = max(math.ceil(top * len(sizes)), 1)
    return float(np.sort(sizes)[::-1][:k].sum() / sizes.sum())


def tail_test(sizes: np.ndarray, s_min: int = 3) -> dict[str, float]:
    """Is the tail of the cascade sizes (sizes ≥ `s_min`) a power law rather than a
    geometric (discrete exponential) law? Both fitted by maximum likelihood, compared
    with Vuong's likelihood-ratio test as Clauset, Shalizi & Newman (2009) do:
    `ratio` > 0 favours the power law, `p` is the chance of a ratio this far from 0 if
    both fitted equally well, `alpha` the power law's exponent."""
    from scipy.optimize import minimize_scalar
    from scipy.special import zeta

    x = np.asarray(sizes, dtype=float)
    x = x[x >= s_min]
    n = len(x)
    if n < 10:
        return {"alpha": math.nan, "ratio": math.nan, "p": math.nan, "n": float(n)}
    logs = np.log(x)

    def nll(alpha: float) -> float:
        return float(alpha * logs.sum() + n * math.log(zeta(alpha, s_min)))

    alpha = float(minimize_scalar(nll, bounds=(1.01, 10.0), method="bounded").x)
    ll_pow = -alpha * logs - math.log(zeta(alpha, s_min))
    q = 1.0 - 1.0 / (x.mean() - s_min + 1.0)  # geometric on s_min, s_min + 1, …
    ll_geo = math.log(1.0 - q) + (x - s_min) * math.log(q) if q > 0 else np.full(n, -np.inf)
    diff = ll_pow - ll_geo
    ratio = float(diff.sum())
    sd = float(diff.std())
    p = float(math.erfc(abs(ratio) / (sd * math.sqrt(2.0 * n)))) if sd > 0 else 0.0
    return {"alpha": alpha, "ratio": ratio, "p": p, "n": float(n)}


def geometric_top_share(mean: float, top: float = TOP_CASCADES) -> float:
    """The same share for a geometric law of sizes (≥ 1) with this mean: the thin-tailed yardstick."""
    if mean <= 1.0:
        return top
    p = 1.0 / mean  # P(size = s) = p (1 − p)^(s − 1)
    cut = math.log(top) / math.log(1.0 - p)  # sizes above `cut` make up the top fraction
    s0 = math.floor(cut) + 1
    # items in sizes ≥ s0: Σ s p q^(s−1) = q^(s0−1) (s0 + q/p), out of a mean of 1/p
    q = 1.0 - p
    return float(q ** (s0 - 1) * (s0 + q / p) * p)


def author_share_concentration(items: Mapping[str, np.ndarray], top: float = 0.01) -> float:
    """Share of all shares received by the top `top` fraction of authors (of anything)."""
    kind, parent, author = (np.asarray(items[c]) for c in ("kind", "parent", "author"))
    shares = (kind == SHARE) & (parent >= 0)
    shared = parent[shares]
    shared = shared[kind[shared] != MESSAGE]
    if not len(shared):
        return math.nan
    received = np.bincount(author[shared].astype(np.int64))
    authors = len(np.unique(author[kind != MESSAGE]))
    k = max(math.ceil(top * authors), 1)
    return float(np.sort(received)[::-1][:k].sum() / received.sum())


def per_minute(items: Mapping[str, np.ndarray], minutes: int) -> np.ndarray:
    """Items published per minute (trainee messages aside)."""
    kind, t = np.asarray(items["kind"]), np.asarray(items["t"])
    return np.bincount(np.floor(t[kind != MESSAGE]).astype(np.int64), minlength=minutes)[:minutes].astype(float)


def burst_excess(volume: np.ndarray, without: np.ndarray, at: int, peak_within: int = 15) -> np.ndarray:
    """The excess volume an inject at `at` adds, from its peak on: the run with it minus
    the same run without it (same seed), smoothed over 5 minutes."""
    diff = np.asarray(volume, dtype=float) - np.asarray(without, dtype=float)
    smooth = np.convolve(diff, np.ones(5) / 5.0, mode="same")
    peak = at + int(np.argmax(smooth[at:at + peak_within]))
    return smooth[peak:len(diff) - 2]


def halving_times(excess: np.ndarray, halvings: int = 3) -> list[float]:
    """Minutes from the peak until the excess falls below 1/2, 1/4, 1/8 … of it (nan if never)."""
    top = excess[0]
    out = []
    for h in range(1, halvings + 1):
        below = np.flatnonzero(excess <= top / 2**h)
        out.append(float(below[0]) if len(below) else math.nan)
    return out


def decay_fits(excess: np.ndarray, span: int) -> dict[str, float]:
    """Least-squares fits of the excess over `span` minutes after the peak, on a log scale:
    a single exponential a·exp(−t/τ) and a power law a·(1 + t/c)^−α (one parameter more).
    Returns each fit's root-mean-square residual (log units), its parameters, and the
    Akaike difference AIC(power) − AIC(exponential): negative when the power law is the
    closer shape even after paying for its extra parameter."""
    from scipy.optimize import curve_fit

    t = np.arange(min(span, len(excess)), dtype=float)
    y = excess[: len(t)]
    ok = y > 0.02 * y[0]
    t, ly = t[ok], np.log(y[ok])

    def exp_model(t: np.ndarray, a: float, tau: float) -> np.ndarray:
        return a - t / tau

    def pow_model(t: np.ndarray, a: float, c: float, alpha: float) -> np.ndarray:
        return a - alpha * np.log1p(t / c)

    (ea, etau), _ = curve_fit(exp_model, t, ly, p0=(ly[0], 20.0), maxfev=20000)
    (pa, pc, palpha), _ = curve_fit(pow_model, t, ly, p0=(ly[0], 10.0, 1.0), bounds=([-50, 0.1, 0.05], [50, 1e4, 10]),
                                    maxfev=20000)
    rss_e = float(np.sum((ly - exp_model(t, ea, etau)) ** 2))
    rss_p = float(np.sum((ly - pow_model(t, pa, pc, palpha)) ** 2))
    n = len(t)
    return {
        "exp_rms": math.sqrt(rss_e / n), "exp_tau": float(etau),
        "pow_rms": math.sqrt(rss_p / n), "pow_alpha": float(palpha), "pow_c": float(pc),
        "aic_diff": n * math.log(rss_p / rss_e) + 2.0,
    }


# --------------------------------------------------------------------------- runs
SCENARIOS = ("fr-usine-chimique", "en-retail-breach")
SIZES = (5_000, 20_000)
SEEDS = (1, 2, 3, 4, 5)
#: the inject whose burst is followed with nothing after it, per scenario (its index),
#: and the minutes a message lands early and late in the message study
BURST_INJECT = {"fr-usine-chimique": 5, "en-retail-breach": 5}
QUIET_AFTER = 90
SHOCK_AFTER = 150
#: minute of the strategy comparison (the crisis preventable by then), of an early and a late apology
MESSAGE_AT = {"fr-usine-chimique": (25, 25, 85), "en-retail-breach": (85, 15, 85)}
HOUR = 60
#: the SCCT strategies compared for a preventable crisis (empathetic apology, factual excuse, defensive denial)
STRATEGY_TEXTS = {
    "fr": {
        "rebuild": ("Nous présentons nos excuses aux habitants. L'unité est arrêtée et nous indemniserons chaque "
                    "famille.", "empathetic"),
        "diminish": ("Il s'agit d'un incident technique limité, sans danger durable ; les mesures montrent des "
                     "niveaux redescendus.", "factual"),
        "deny": ("Chimex n'est pas responsable. Ces accusations sont infondées.", "defensive"),
    },
    "en": {
        "rebuild": ("We are truly sorry. Your data was exposed while in our care; we will pay for credit "
                    "monitoring for every member.", "empathetic"),
        "diminish": ("Only names and emails were involved, which limits the risk; the incident is contained.",
                     "factual"),
        "deny": ("Brightmart is not responsible for this attack. These accusations are unfounded.", "defensive"),
    },
}


def _model(scenario: Any, seed: int, population: int, minutes: int, messages: Sequence[dict] = (),
           notables_act: bool = True) -> Any:
    from mesa.agentset import AgentSet

    from ..model.model import CrisisModel

    model = CrisisModel(scenario, rng=seed, population=population)
    if not notables_act:  # nothing new may happen: journalists, officials and unions hold their news
        model.notables = AgentSet([], random=model.random)
    for m in messages:
        model.post(**m)
    model.run_for(minutes)
    return model


def storm_facts(scenario: Any, seed: int, population: int) -> dict[str, float]:
    """Cascades and shares of one full run without any message."""
    model = _model(scenario, seed, population, scenario.scenario.duration_min)
    by = mean_size_by_emotion(model.items)
    roots, sizes = cascade_sizes(model.items)
    emotion = np.asarray(model.items["emotion"])[roots]
    return {
        **{f"size_{k}": v for k, v in by.items()},
        **{f"roots_{k}": float((emotion == e).sum()) for e, k in enumerate(EMOTION_NAMES)},
        "small_share": small_cascade_share(sizes),
        "top1_cascade_share": top_cascade_share(sizes),
        "geometric_top1": geometric_top_share(float(sizes.mean())),
        **{f"tail_{k}": v for k, v in tail_test(sizes).items()},
        "largest_cascade": float(sizes.max()),
        "top1_author_share": author_share_concentration(model.items),
        "peak_pressure": float(max(model.pressure_series)),
    }


def burst_curves(scenario: Any, seed: int, population: int, inject: int, after: int = QUIET_AFTER
                 ) -> tuple[int, np.ndarray, np.ndarray]:
    """(minute of the inject, items per minute with it, without it): two runs where nothing is
    injected after inject `inject` (the scenario's later injects removed) for `after` minutes,
    one of them without that inject either."""
    kept = scenario.injects[: inject + 1]
    at = kept[-1].at
    runs = []
    for injects in (kept, kept[:-1]):
        model = _model(scenario.model_copy(update={"injects": injects}), seed, population, at + after)
        runs.append(per_minute(model.items, at + after))
    return at, runs[0], runs[1]


def told_flat(inject: Any, everyone: bool = False) -> Any:
    """The same news reaching the same accounts (or `everyone`) and moving no feeling. A crowd
    talks only of what it has heard (`Crowd.heard`): a crowd without the inject says nothing, so
    the excess a shock brings is measured over this one, which heard and was not shaken (what the
    shock adds is the feeling, the attention, and the wider spread of a crowd that posts more)."""
    update: dict[str, Any] = {"shock": dict.fromkeys(inject.shock or {"fear": 0.0}, 0.0)}
    if everyone:
        update.update(reach=1.0, targets=type(inject.targets)())
    return inject.model_copy(update=update)


def shock_curves(scenario: Any, seed: int, population: int, inject: int, after: int = SHOCK_AFTER
                 ) -> tuple[int, np.ndarray, np.ndarray]:
    """(minute of the inject, items per minute with it, told flat) for a crowd that meets
    only that inject of the scenario — one exogenous shock on a calm crowd — while the
    notable accounts keep their own news (their statements would be new shocks)."""
    at = scenario.injects[inject].at
    runs = []
    for injects in ([scenario.injects[inject]], [told_flat(scenario.injects[inject])]):
        model = _model(scenario.model_copy(update={"injects": injects}), seed, population, at + after,
                       notables_act=False)
        runs.append(per_minute(model.items, at + after))
    return at, runs[0], runs[1]


def message_anger(scenario: Any, seed: int, population: int, at: int, message: dict | None) -> float:
    """Everyone's mean anger over the hour after minute `at`, with or without a message then."""
    msgs = [{**message, "t_min": at}] if message else []
    model = _model(scenario, seed, population, at + HOUR, msgs)
    means = np.stack(model.timeline_means)[at:at + HOUR]
    sizes = model.population.group_sizes()
    return float((means[:, :, 2] * sizes).sum(axis=1).mean() / sizes.sum())


def message_facts(scenario: Any, seed: int, population: int) -> dict[str, float]:
    compare, early, late = MESSAGE_AT[scenario.id]
    texts = STRATEGY_TEXTS[scenario.language]
    platforms = ["twitter", "facebook"]

    def message(strategy: str) -> dict:
        body, tone = texts[strategy]
        return {"text": body, "strategy": strategy, "tone": tone, "platforms": platforms}

    out = {f"anger_{s}": message_anger(scenario, seed, population, compare, message(s)) for s in texts}
    for name, at in (("early", early), ("late", late)):
        quiet = message_anger(scenario, seed, population, at, None)
        spoke = out["anger_rebuild"] if at == compare else message_anger(scenario, seed, population, at,
                                                                          message("rebuild"))
        out[f"relief_{name}"] = (quiet - spoke) / quiet
    return out


def run_stylized(
    scenarios: Sequence[str] = SCENARIOS,
    sizes: Sequence[int] = SIZES,
    seeds: Sequence[int] = SEEDS,
    progress: Callable[[str], None] | None = None,
    parameters: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Every fact for every scenario × size, each seed; returns rows and a pass/fail summary.
    `parameters` overrides the scenarios' `[parameters]` (to try other values)."""
    from ..model.scenario import load_scenario

    started = time.perf_counter()
    rows = []
    for name in scenarios:
        scenario = load_scenario(name)
        if parameters:
            scenario = scenario.model_copy(update={"parameters": scenario.parameters.model_copy(update=parameters)})
        for size in sizes:
            curves = []
            for seed in seeds:
                if progress:
                    progress(f"{name} {size} seed {seed}")
                row = {"scenario": name, "population": size, "seed": seed, **storm_facts(scenario, seed, size)}
                at, volume, without = burst_curves(scenario, seed, size, BURST_INJECT[name])
                excess = burst_excess(volume, without, at)
                half, quarter, eighth = halving_times(excess)
                row.update(burst_at=at, half_min=half, quarter_min=quarter, eighth_min=eighth)
                row.update(message_facts(scenario, seed, size))
                at, volume, without = shock_curves(scenario, seed, size, BURST_INJECT[name])
                curves.append(burst_excess(volume, without, at))
                rows.append(row)
            span = min(len(c) for c in curves)
            mean_excess = np.mean([c[:span] for c in curves], axis=0)
            halves = halving_times(mean_excess)
            fits = decay_fits(mean_excess, span)
            for row in rows[-len(seeds):]:
                row.update(shock_half_min=halves[0], shock_quarter_min=halves[1], shock_eighth_min=halves[2],
                           **{f"fit_{k}": v for k, v in fits.items()})
    return {"rows": rows, "summary": summarise(rows), "elapsed_s": round(time.perf_counter() - started, 1)}


#: each fact: (label, test on one scenario × size group's rows)
def _facts() -> list[tuple[str, Callable[[list[dict]], tuple[bool, str]]]]:
    def mean(rows: list[dict], key: str) -> float:
        return float(np.nanmean([r[key] for r in rows]))

    def pooled(rows: list[dict], emotion: str) -> float:
        """Mean size over every cascade of the seeds' runs (each seed's mean weighted by its count)."""
        n = sum(r[f"roots_{emotion}"] for r in rows)
        return sum(r[f"size_{emotion}"] * r[f"roots_{emotion}"] for r in rows) / n

    def anger_first(rows: list[dict]) -> tuple[bool, str]:
        a, b = pooled(rows, "anger"), pooled(rows, "approval")
        wins = sum(r["size_anger"] > r["size_approval"] for r in rows)
        return a > b, f"anger {a:.2f} vs approval {b:.2f} over all seeds' cascades (anger ahead in {wins}/{len(rows)} seeds)"

    def halves(rows: list[dict]) -> tuple[bool, str]:
        h = [r["half_min"] for r in rows]
        return all(x <= 30 for x in h), f"half-life {min(h):.0f}–{max(h):.0f} min"

    def power(rows: list[dict]) -> tuple[bool, str]:
        r = rows[0]
        first, third = r["shock_half_min"], r["shock_eighth_min"] - r["shock_quarter_min"]
        ok = r["fit_aic_diff"] < 0 and third > first
        return ok, (f"1st halving {first:.0f} min, 3rd {third:.0f} min; log-rms power {r['fit_pow_rms']:.3f} "
                    f"(α {r['fit_pow_alpha']:.2f}) vs exponential {r['fit_exp_rms']:.3f}, ΔAIC {r['fit_aic_diff']:.0f}")

    def small(rows: list[dict]) -> tuple[bool, str]:
        s, t, g = mean(rows, "small_share"), mean(rows, "top1_cascade_share"), mean(rows, "geometric_top1")
        worst_p = max(r["tail_p"] for r in rows)
        ok = min(r["small_share"] for r in rows) >= 0.7 and all(r["tail_ratio"] > 0 for r in rows) and worst_p < 0.05
        return ok, (f"{100 * s:.0f}% of size 1–2; tail (≥ 3) a power law, α {mean(rows, 'tail_alpha'):.1f}, over a "
                    f"geometric law (log-likelihood ratio ≥ {min(r['tail_ratio'] for r in rows):.0f}, p ≤ {worst_p:.0e});"
                    f" largest {mean(rows, 'largest_cascade'):.0f} items; top 1% hold {100 * t:.0f}% "
                    f"(geometric {100 * g:.0f}%)")

    def elite(rows: list[dict]) -> tuple[bool, str]:
        v = [r["top1_author_share"] for r in rows]
        return min(v) >= 0.25, f"top 1% of authors get {100 * min(v):.0f}–{100 * max(v):.0f}% of shares"

    def strategies(rows: list[dict]) -> tuple[bool, str]:
        ok = all(r["anger_rebuild"] < r["anger_diminish"] < r["anger_deny"] for r in rows)
        return ok, (f"anger rebuild {mean(rows, 'anger_rebuild'):.3f} < diminish {mean(rows, 'anger_diminish'):.3f}"
                    f" < deny {mean(rows, 'anger_deny'):.3f}")

    def timing(rows: list[dict]) -> tuple[bool, str]:
        ok = all(r["relief_early"] > r["relief_late"] for r in rows)
        return ok, f"relief early {100 * mean(rows, 'relief_early'):.1f}% vs late {100 * mean(rows, 'relief_late'):.1f}%"

    return [("anger cascades > approval", anger_first), ("burst halves ≤ 30 min", halves),
            ("power-law-like decay", power), ("≥70% size 1–2, heavy tail", small),
            ("top 1% authors ≥ 25% of shares", elite), ("rebuild < diminish < deny", strategies),
            ("early apology > late", timing)]


def summarise(rows: list[dict]) -> list[dict]:
    """One line per fact × scenario × size: did it hold on every seed, with the figures."""
    out = []
    groups: dict[tuple[str, int], list[dict]] = {}
    for r in rows:
        groups.setdefault((r["scenario"], r["population"]), []).append(r)
    for label, check in _facts():
        for (name, size), group in groups.items():
            ok, detail = check(group)
            out.append({"fact": label, "scenario": name, "population": size, "holds": bool(ok), "detail": detail})
    return out


def table(summary: list[dict]) -> str:
    """The summary as a Markdown table."""
    lines = ["| fact | scenario | accounts | holds | figures |", "|---|---|---:|:---:|---|"]
    for s in summary:
        lines.append(f"| {s['fact']} | {s['scenario']} | {s['population']:,} | {'yes' if s['holds'] else 'NO'} "
                     f"| {s['detail']} |")
    return "\n".join(lines)


__all__ = [
    "author_share_concentration",
    "burst_curves",
    "burst_excess",
    "cascade_sizes",
    "decay_fits",
    "geometric_top_share",
    "halving_times",
    "mean_size_by_emotion",
    "per_minute",
    "run_stylized",
    "small_cascade_share",
    "summarise",
    "table",
    "tail_test",
    "told_flat",
    "top_cascade_share",
]  # fmt: skip
