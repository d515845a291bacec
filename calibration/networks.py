"""Real follower graphs in, and the synthetic generator's parameters fitted to them.

A designer with a real follower graph (a Gephi export, a CSV edge list) can use
it as is — or, more often, use its *shape* to set the scenario's ``[network]``
section so a synthetic crowd of any size follows the same way: the same
following per account, the same follower tail, the same homophily.
:func:`graph_stats` measures, :func:`fit_generator` inverts the generator
(:func:`uproar.network.homophily_multiplex`) by generating and measuring, and
:func:`compare_stats` puts observed and synthetic numbers side by side.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

from ..network import (
    GraphFileError,
    heavy_tailed_fitness,
    homophily_multiplex,
    networkx_to_layer,
    read_layer_and_attrs,
    summary,
    tail_exponent,
)

__all__ = [
    "DEFAULTS",
    "GraphFileError",
    "GraphStudy",
    "compare_stats",
    "fit_generator",
    "graph_stats",
    "load_graph",
    "study_graph",
    "synthetic_layer",
]

#: the scenario ``[network]`` defaults, used when the data cannot say
DEFAULTS: dict[str, float] = {
    "mean_following": 10.0,
    "follower_exponent": 2.3,
    "homophily": 0.6,
    "locality": 0.5,
}
#: bounds of the scenario schema (``model.scenario.Network``)
_EXPONENT_RANGE = (1.6, 4.0)
_MEAN_RANGE = (0.1, 2000.0)
#: largest synthetic graph generated while fitting (seconds, not minutes)
MAX_FIT_NODES = 20_000
#: clustering is averaged over at most this many sampled accounts
CLUSTERING_SAMPLE = 2000
#: groups and localities of the synthetic graphs used for fitting
FIT_GROUPS = 5
FIT_LOCALITIES = 10
FIT_ATTENTION = 30.0


# --------------------------------------------------------------------------- files


def load_graph(path: str | Path) -> nx.DiGraph:
    """A follower graph from a CSV edge list, GraphML or GEXF file (by suffix).

    Edge ``u → v`` means *u follows v*; ``weight`` is kept (1 when absent;
    duplicate CSV rows add up) and so are node attributes (``group`` feeds
    :func:`graph_stats`). Integer node ids stay integers. Undirected files give
    mutual follows. Problems raise :class:`GraphFileError` naming the file.
    """
    layer, nodes, attrs = read_layer_and_attrs(path)  # one parse: XML parsing is most of the time
    graph = nx.DiGraph()
    graph.add_nodes_from(nodes)
    for name, values in attrs.items():
        for node, value in zip(nodes, values.tolist(), strict=True):
            if value is not None:
                graph.nodes[node][name] = value
    coo = sp.coo_matrix(layer)
    graph.add_weighted_edges_from(
        (nodes[i], nodes[j], float(w))
        for i, j, w in zip(coo.row.tolist(), coo.col.tolist(), coo.data.tolist(), strict=True)
    )
    return graph


# --------------------------------------------------------------------------- statistics


def _layer_and_labels(
    graph_or_layer: nx.DiGraph | nx.Graph | sp.spmatrix | sp.sparray | np.ndarray,
    labels: str | Sequence | np.ndarray | None,
    default_attr: str,
) -> tuple[sp.csr_matrix, np.ndarray | None]:
    """The follow matrix and one label per row (from an array, or a node attribute)."""
    if isinstance(graph_or_layer, nx.Graph):
        graph = graph_or_layer
        layer, order = networkx_to_layer(graph)
        if labels is None or isinstance(labels, str):
            attr = labels or default_attr
            values = [graph.nodes[v].get(attr) for v in order]
            if any(x is None for x in values):
                if labels is not None:
                    raise ValueError(f"node attribute {attr!r} is missing on some nodes")
                return layer, None
            return layer, np.asarray(values)
    else:
        layer = sp.csr_matrix(graph_or_layer)
        if isinstance(labels, str):
            raise ValueError("a node attribute name needs a networkx graph; pass an array")
    if labels is None:
        return layer, None
    values = np.asarray(labels)
    if values.shape != (layer.shape[0],):
        raise ValueError(f"labels must have shape ({layer.shape[0]},), got {values.shape}")
    return layer, values


def _same_share(layer: sp.csr_matrix, labels: np.ndarray) -> tuple[float, float, float]:
    """Share of follows within a label, its chance level, and Newman's r between them."""
    coo = sp.coo_matrix(layer)
    edges = coo.nnz
    if not edges:
        return 0.0, 0.0, 0.0
    codes = np.unique(labels, return_inverse=True)[1].reshape(-1)
    src, tgt = codes[coo.row], codes[coo.col]
    m = int(codes.max()) + 1
    share = float((src == tgt).mean())
    expected = float(
        (np.bincount(src, minlength=m) / edges) @ (np.bincount(tgt, minlength=m) / edges)
    )
    r = (share - expected) / (1.0 - expected) if expected < 1 else 0.0
    return share, expected, r


def graph_stats(
    graph_or_layer: nx.DiGraph | nx.Graph | sp.spmatrix | sp.sparray | np.ndarray,
    group: str | Sequence | np.ndarray | None = None,
    *,
    locality: str | Sequence | np.ndarray | None = None,
    seed: int = 0,
) -> dict[str, float]:
    """Headline numbers of a follow graph (networkx graph or sparse layer, rows follow columns).

    Keys as :func:`uproar.network.summary`: ``n``, ``edges``, ``mean_degree``
    (follows per account), ``max_followers``, ``in_degree_exponent`` (NaN when
    too small to fit), ``reciprocity``, ``clustering`` (average undirected, on
    ≤ 2000 sampled accounts, seeded). ``group`` — an array, or for a networkx
    graph a node attribute name (default: the ``group`` attribute when every
    node has one) — adds ``same_group_share``, ``same_group_expected`` and
    ``group_assortativity``; ``locality`` likewise adds ``same_locality_*``
    and ``locality_assortativity``.
    """
    layer, groups = _layer_and_labels(graph_or_layer, group, "group")
    _, places = _layer_and_labels(graph_or_layer, locality, "locality")
    sample = min(layer.shape[0], CLUSTERING_SAMPLE)
    stats = summary(layer, group=groups, sample=sample, seed=seed)
    if places is not None:
        share, expected, r = _same_share(layer, places)
        stats["same_locality_share"] = share
        stats["same_locality_expected"] = expected
        stats["locality_assortativity"] = r
    return stats


def compare_stats(observed: dict[str, Any], synthetic: dict[str, Any]) -> pd.DataFrame:
    """Observed and synthetic statistics side by side; ``ratio`` = synthetic / observed.

    Rows follow ``observed``'s order, then keys only ``synthetic`` has; a
    missing value is NaN, and so is the ratio when the observed value is 0.
    """
    keys = list(dict.fromkeys([*observed, *synthetic]))
    rows = []
    for key in keys:
        a = float(observed.get(key, math.nan))
        b = float(synthetic.get(key, math.nan))
        ratio = b / a if a != 0 and math.isfinite(a) and math.isfinite(b) else math.nan
        rows.append({"statistic": key, "observed": a, "synthetic": b, "ratio": ratio})
    return pd.DataFrame(rows, columns=["statistic", "observed", "synthetic", "ratio"])


# --------------------------------------------------------------------------- fitting


def synthetic_layer(
    params: dict[str, float],
    n: int,
    seed: int = 0,
    *,
    groups: int = FIT_GROUPS,
    localities: int = FIT_LOCALITIES,
) -> tuple[sp.csr_matrix, np.ndarray, np.ndarray]:
    """One follow layer from the generator with ``[network]`` parameters (missing → defaults).

    Everyone is present, groups and localities are drawn uniformly. Returns
    the layer and the group and locality codes, for :func:`graph_stats`.
    Same parameters and seed, same graph.
    """
    p = {**DEFAULTS, **params}
    rng = np.random.default_rng(seed)
    group = rng.integers(0, groups, n)
    place = rng.integers(0, localities, n)
    fitness = heavy_tailed_fitness(n, float(p["follower_exponent"]), rng)
    net = homophily_multiplex(
        ["layer"],
        group=group,
        locality=place,
        presence=np.ones((n, 1), bool),
        fitness=fitness,
        mean_following=float(p["mean_following"]),
        homophily=float(p["homophily"]),
        locality_bias=float(p["locality"]),
        attention=FIT_ATTENTION,
        rng=rng,
    )
    return net.layer("layer"), group, place


def _measure(params: dict[str, float], n: int, seed: int) -> tuple[float, float]:
    """In-degree tail exponent and mean degree of one synthetic layer."""
    layer, _, _ = synthetic_layer(params, n, seed)
    followers = np.bincount(layer.indices, minlength=n)
    try:
        alpha = tail_exponent(followers)
    except ValueError:
        alpha = math.nan
    return alpha, layer.nnz / n


def _finite(stats: dict[str, Any], key: str) -> float | None:
    value = stats.get(key)
    if value is None:
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def fit_generator(
    observed_stats: dict[str, Any], n: int | None = None, seed: int = 0
) -> dict[str, float]:
    """``[network]`` parameters whose synthetic graphs match ``observed_stats`` (of :func:`graph_stats`).

    - ``homophily`` / ``locality``: the generator draws a follow inside the
      follower's group with probability *h* and otherwise nearly at chance, so
      the same-group share is ``h + (1 − h) · expected``; *h* is therefore the
      observed ``group_assortativity`` (clipped to [0, 1]). Unknown → default.
    - ``follower_exponent``: the generator's fitness exponent is not exactly the
      measured in-degree exponent (finite size, the Poisson body, duplicates),
      so we generate graphs of ``min(n, 20000)`` accounts over a grid of
      exponents — one seed for all, so the curve is smooth — and interpolate
      where the measured exponent crosses the observed one, then refine.
    - ``mean_following``: the observed mean degree, corrected by how much the
      generator loses to duplicate draws at the fitted exponent.

    Deterministic for a seed. Returns exactly the four ``[network]`` keys.
    """
    mean_degree = _finite(observed_stats, "mean_degree")
    if mean_degree is None or mean_degree <= 0:
        raise ValueError("observed_stats needs a positive 'mean_degree' (a graph with edges)")
    params = dict(DEFAULTS)
    params["mean_following"] = float(np.clip(mean_degree, *_MEAN_RANGE))
    for key, stat in (("homophily", "group_assortativity"), ("locality", "locality_assortativity")):
        value = _finite(observed_stats, stat)
        if value is not None:
            params[key] = round(float(np.clip(value, 0.0, 1.0)), 3)
    size = n if n is not None else int(observed_stats.get("n") or MAX_FIT_NODES)
    size = max(min(size, MAX_FIT_NODES), 100)
    target = _finite(observed_stats, "in_degree_exponent")
    if target is not None:
        params["follower_exponent"] = _fit_exponent(params, target, size, seed)
    _, realised = _measure(params, size, seed)
    if realised > 0:
        params["mean_following"] = float(
            np.clip(params["mean_following"] * mean_degree / realised, *_MEAN_RANGE)
        )
    params["mean_following"] = round(params["mean_following"], 3)
    return params


def _fit_exponent(params: dict[str, float], target: float, n: int, seed: int) -> float:
    """The fitness exponent whose synthetic in-degree tail exponent equals ``target``."""

    def measured(a: float) -> float:
        return _measure({**params, "follower_exponent": a}, n, seed)[0]

    grid = np.round(np.arange(_EXPONENT_RANGE[0], _EXPONENT_RANGE[1] + 1e-9, 0.2), 3)
    values = np.array([measured(a) for a in grid])
    ok = np.isfinite(values)
    if not ok.any():
        return DEFAULTS["follower_exponent"]
    grid, values = grid[ok], values[ok]
    above = np.flatnonzero(values >= target)
    if above.size == 0:
        return float(grid[-1])
    if above[0] == 0:
        return float(grid[0])
    lo, hi = float(grid[above[0] - 1]), float(grid[above[0]])
    f_lo, f_hi = float(values[above[0] - 1]), float(values[above[0]])
    # Regula falsi inside the bracket: the curve is monotone and nearly linear there.
    for _ in range(3):
        a = lo + (target - f_lo) * (hi - lo) / (f_hi - f_lo) if f_hi > f_lo else (lo + hi) / 2
        f = measured(a)
        if not math.isfinite(f):
            break
        if f < target:
            lo, f_lo = a, f
        else:
            hi, f_hi = a, f
    a = lo + (target - f_lo) * (hi - lo) / (f_hi - f_lo) if f_hi > f_lo else (lo + hi) / 2
    return round(float(np.clip(a, *_EXPONENT_RANGE)), 3)


# --------------------------------------------------------------------------- one call for the CLI


@dataclass
class GraphStudy:
    """A designer's graph against the generator: before and after fitting ``[network]``.

    comparison: one row per statistic with ``observed``, ``before`` (the
    scenario's own ``[network]``), ``after`` (the fitted one).
    """

    source: str
    observed: dict[str, float]
    before: dict[str, float]
    fitted: dict[str, float]
    comparison: pd.DataFrame


def _synthetic_stats(params: dict[str, float], n: int, seed: int) -> dict[str, float]:
    layer, group, place = synthetic_layer(params, n, seed)
    return graph_stats(layer, group, locality=place, seed=seed)


def study_graph(path: str | Path, network: dict[str, float] | None = None, seed: int = 0) -> GraphStudy:
    """Read a follower graph, fit the generator to it and compare the two (of equal size, ≤ 20,000).

    ``network``: the scenario's current ``[network]`` values (missing → defaults).
    Raises :class:`GraphFileError` for a file that cannot be used.
    """
    graph = load_graph(path)
    observed = graph_stats(graph, seed=seed)
    if not observed.get("edges"):
        raise GraphFileError(path, "the graph has no edges: nothing to fit the generator to")
    n = max(min(graph.number_of_nodes(), MAX_FIT_NODES), 100)
    before = {**DEFAULTS, **{k: float(v) for k, v in (network or {}).items() if k in DEFAULTS}}
    fitted = fit_generator(observed, n=graph.number_of_nodes(), seed=seed)
    table = compare_stats(observed, _synthetic_stats(before, n, seed)).rename(columns={"synthetic": "before"})
    after = compare_stats(observed, _synthetic_stats(fitted, n, seed))
    table["after"] = after["synthetic"].to_numpy()
    table = table.drop(columns="ratio")
    return GraphStudy(str(path), observed, before, fitted, table)
