"""The mass crowd read from a follow-graph file (``[network] file``) instead of generated.

Every node of the file is one mass account; an edge ``i → j`` is a follow
(*i reads j*) with the file's weight, clipped to (0, 1], on every platform where
both accounts are present. Node attributes, when the file has them (GraphML,
GEXF), fix an account's ``group``, ``locality`` and ``platforms``; whatever the
file leaves out is drawn from the scenario as for a generated crowd.

Notable personas are not in the file. They get followers among the mass the way
the generator gives them: a fitness that grows with their declared audience, set
against the crowd's own (one plus each account's in-degree in the file), and a
chance for each of an account's follows to land on them that mirrors the
generator's pools (everyone, same group, same locality, both). They also read a
``mean_following`` of accounts, drawn the same way.

Every problem comes back as a :class:`ScenarioError` naming ``network.file``,
the file and what to do.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import scipy.sparse as sp

from ..network import GraphFileError, Multiplex, hub_fitness, read_layer_and_attrs
from .scenario import Network, Scenario, ScenarioError
from .taxonomy import GROUPS

__all__ = ["FIELD", "FileGraph", "file_multiplex", "read_network_file"]

#: the scenario field every message names
FIELD = "network.file"
#: what to do when the file itself is at fault
_FIX_FILE = "fix the file, or remove `file` from [network] to generate the follow graph"
#: how many offending nodes a message lists
_EXAMPLES = 3


@dataclass(frozen=True)
class FileGraph:
    """A follow-graph file as the crowd needs it, in the file's node order (or a permutation)."""

    path: Path
    follows: sp.csr_matrix  # (n, n) float32: row i follows j, weight in (0, 1], no self-follow
    nodes: np.ndarray  # (n,) the file's node ids
    group: np.ndarray  # (n,) int8 index into GROUPS, -1 where the file gives none
    locality: np.ndarray  # (n,) int16, -1 where the file gives none
    presence: np.ndarray  # (n, K) bool: platforms the file lists for each node
    listed: np.ndarray  # (n,) bool: the file lists the node's platforms

    @property
    def n(self) -> int:
        return int(self.follows.shape[0])

    def permuted(self, order: np.ndarray) -> FileGraph:
        """Row ``r`` of the result is row ``order[r]`` of this graph (edges follow their nodes)."""
        where = np.empty(self.n, np.int64)
        where[order] = np.arange(self.n)
        coo = self.follows.tocoo()
        follows = sp.csr_matrix(
            (coo.data, (where[coo.row], where[coo.col])), shape=self.follows.shape, dtype=np.float32
        )
        return FileGraph(
            self.path,
            follows,
            self.nodes[order],
            self.group[order],
            self.locality[order],
            self.presence[order],
            self.listed[order],
        )


@lru_cache(maxsize=2)
def _read(path: str, mtime_ns: int, size: int) -> tuple:
    """Parse a graph file once per process and version: calibration and impact replays
    build hundreds of crowds from the same file (a large GraphML takes seconds to parse).
    Callers must not modify what it returns."""
    return read_layer_and_attrs(path)


def _scenario_error(scenario: Scenario, problems: list[str]) -> ScenarioError:
    return ScenarioError(scenario.source or "<scenario>", problems)


def read_network_file(scenario: Scenario) -> FileGraph:
    """Read ``scenario.network.file`` (relative to the scenario's folder) and check its attributes.

    Raises :class:`ScenarioError` when the file is missing, unreadable or malformed,
    has no node, or gives a ``group``, ``locality`` or ``platforms`` value the
    scenario does not know.
    """
    path = scenario.network_path()
    if path is None:
        raise ValueError("the scenario has no network.file")
    try:
        if path.is_file():
            stat = path.stat()
            layer, nodes, attrs = _read(str(path.resolve()), stat.st_mtime_ns, stat.st_size)
        else:  # let the reader say what is wrong with the path
            layer, nodes, attrs = read_layer_and_attrs(path)
    except GraphFileError as err:
        raise _scenario_error(scenario, [f"{FIELD}: {err}; {_FIX_FILE}"]) from None
    except OSError as err:
        problem = f"{path}: cannot be read ({err.strerror or err})"
        raise _scenario_error(scenario, [f"{FIELD}: {problem}; {_FIX_FILE}"]) from None
    n = layer.shape[0]
    if n == 0:
        problem = f"{path}: the graph has no nodes"
        raise _scenario_error(scenario, [f"{FIELD}: {problem}; {_FIX_FILE}"])

    # A follow is a positive attention of at most 1; nobody follows themself.
    coo = layer.tocoo()
    keep = (coo.data > 0) & (coo.row != coo.col)
    follows = sp.csr_matrix(
        (np.minimum(coo.data[keep], 1.0), (coo.row[keep], coo.col[keep])),
        shape=(n, n),
        dtype=np.float32,
    )
    ids = np.asarray(nodes)
    problems: list[str] = []
    group = _groups(attrs.get("group"), scenario, path, ids, problems)
    locality = _localities(attrs.get("locality"), scenario, path, ids, problems)
    presence = _platforms(attrs.get("platforms"), scenario, path, ids, problems)
    if problems:
        raise _scenario_error(scenario, problems)
    return FileGraph(path, follows, ids, group, locality, presence, presence.any(axis=1))


# ----------------------------------------------------------------------------- attributes


def _text(values: np.ndarray) -> tuple[pd.Series, np.ndarray]:
    """Stripped text of each value and where it is missing (no value, or blank)."""
    series = pd.Series(np.asarray(values, dtype=object), dtype=object)
    text = series.astype(str).str.strip()
    missing = series.isna().to_numpy() | (text == "").to_numpy()
    return text, missing


def _bad(
    name: str,
    bad: np.ndarray,
    text: pd.Series,
    path: Path,
    ids: np.ndarray,
    expected: str,
    problems: list[str],
) -> None:
    where = np.flatnonzero(bad)
    if not where.size:
        return
    shown = where[:_EXAMPLES]
    examples = ", ".join(
        f"node {node!r}: {value!r}"
        for node, value in zip(ids[shown].tolist(), text.iloc[shown].tolist(), strict=True)
    )
    more = f" and {where.size - shown.size} more" if where.size > shown.size else ""
    problems.append(
        f"{FIELD}: {path}: node attribute {name!r} has {where.size} bad value(s) "
        f"({examples}{more}); {expected}, or leave it empty to draw it from the scenario"
    )


def _groups(
    values: np.ndarray | None, scenario: Scenario, path: Path, ids: np.ndarray, problems: list[str]
) -> np.ndarray:
    n = ids.shape[0]
    if values is None:
        return np.full(n, -1, np.int8)
    text, missing = _text(values)
    known = {g: i for i, g in enumerate(GROUPS) if g in scenario.population.groups}
    codes = text.str.lower().map(known).to_numpy(dtype=np.float64, na_value=np.nan)
    bad = ~missing & np.isnan(codes)
    expected = f"use one of the crowd's groups {list(known)} (population.groups)"
    _bad("group", bad, text, path, ids, expected, problems)
    return np.where(missing | bad, -1, np.nan_to_num(codes, nan=-1)).astype(np.int8)


def _localities(
    values: np.ndarray | None, scenario: Scenario, path: Path, ids: np.ndarray, problems: list[str]
) -> np.ndarray:
    n = ids.shape[0]
    if values is None:
        return np.full(n, -1, np.int16)
    text, missing = _text(values)
    number = pd.to_numeric(text.where(~missing), errors="coerce").to_numpy(np.float64)
    top = scenario.population.localities
    with np.errstate(invalid="ignore"):
        ok = np.isfinite(number) & (number == np.round(number)) & (number >= 0) & (number < top)
    bad = ~missing & ~ok
    expected = f"use a whole number 0 … {top - 1} (population.localities = {top})"
    _bad("locality", bad, text, path, ids, expected, problems)
    return np.where(ok, np.nan_to_num(number), -1).astype(np.int16)


def _platforms(
    values: np.ndarray | None, scenario: Scenario, path: Path, ids: np.ndarray, problems: list[str]
) -> np.ndarray:
    n = ids.shape[0]
    names = list(scenario.platform_names)
    presence = np.zeros((n, len(names)), bool)
    if values is None:
        return presence
    text, missing = _text(values)
    tokens = text.where(~missing, "").str.lower().str.split(r"[\s,;]+", regex=True).explode()
    tokens = tokens[tokens.notna() & (tokens != "")]
    index = tokens.map({name: k for k, name in enumerate(names)})
    unknown = index.isna().to_numpy()
    rows = tokens.index.to_numpy()
    bad = np.zeros(n, bool)
    bad[rows[unknown]] = True
    # name the unknown platform rather than the whole list
    shown = text.copy()
    first = tokens[unknown].groupby(level=0).first()
    shown[first.index] = first.to_numpy()
    expected = f"list platforms of the scenario {names}, separated by commas or spaces"
    _bad("platforms", bad, shown, path, ids, expected, problems)
    presence[rows[~unknown], index[~unknown].to_numpy(np.int64)] = True
    return presence


# ----------------------------------------------------------------------------- layers


@dataclass(frozen=True)
class _Pools:
    """Fitness summed over the accounts present on one layer: everyone, per group, locality, both."""

    total: float
    group: np.ndarray
    locality: np.ndarray
    both: np.ndarray  # (groups, localities)

    @classmethod
    def of(cls, weight: np.ndarray, group: np.ndarray, locality: np.ndarray, n_loc: int) -> _Pools:
        n_g = len(GROUPS)
        both = np.bincount(group * n_loc + locality, weight, minlength=n_g * n_loc)
        return cls(
            float(weight.sum()),
            np.bincount(group, weight, minlength=n_g),
            np.bincount(locality, weight, minlength=n_loc),
            both.reshape(n_g, n_loc),
        )


def _pool_shares(homophily: float, locality_bias: float) -> tuple[float, float, float, float]:
    """Chance that a follow is drawn from everyone, the group, the locality, or both."""
    h, b = homophily, locality_bias
    return (1 - h) * (1 - b), h * (1 - b), (1 - h) * b, h * b


def _reach(
    p: int,
    who: np.ndarray,
    group: np.ndarray,
    locality: np.ndarray,
    pools: _Pools,
    shares: tuple[float, float, float, float],
) -> np.ndarray:
    """Per account in ``who``: the chance that one of its follows lands on ``p``, per unit
    of ``p``'s fitness.

    As in the generator: a follow picks a pool of the follower (everyone, its group,
    its locality, both), then a target in that pool in proportion to fitness; ``p``
    is in the pools it shares with the follower.
    """
    g, loc = group[p], locality[p]
    glob, by_group, by_loc, by_both = shares
    same_g = group[who] == g
    same_l = locality[who] == loc
    # Each denominator holds p's own fitness, so none is zero.
    return (
        glob / pools.total
        + np.where(same_g, by_group / pools.group[g], 0.0)
        + np.where(same_l, by_loc / pools.locality[loc], 0.0)
        + np.where(same_g & same_l, by_both / pools.both[g, loc], 0.0)
    )


def _reading_weights(
    p: int,
    weight: np.ndarray,
    group: np.ndarray,
    locality: np.ndarray,
    pools: _Pools,
    shares: tuple[float, float, float, float],
) -> np.ndarray:
    """Chance of each account to be one follow of account ``p`` (zero for ``p`` and the absent)."""
    g, loc, own = group[p], locality[p], weight[p]
    glob, by_group, by_loc, by_both = shares
    s_glob = pools.total - own
    s_group = pools.group[g] - own
    s_loc = pools.locality[loc] - own
    s_both = pools.both[g, loc] - own
    # A pool holding nobody but p widens, as in the generator: both → group → everyone.
    if s_both <= 0:
        by_group, by_both = by_group + by_both, 0.0
    if s_loc <= 0:
        glob, by_loc = glob + by_loc, 0.0
    if s_group <= 0:
        glob, by_group = glob + by_group, 0.0
    if s_glob <= 0:
        return np.zeros_like(weight)
    same_g = group == g
    same_l = locality == loc
    out = np.full(weight.shape, glob / s_glob)
    if by_group:
        out += np.where(same_g, by_group / s_group, 0.0)
    if by_loc:
        out += np.where(same_l, by_loc / s_loc, 0.0)
    if by_both:
        out += np.where(same_g & same_l, by_both / s_both, 0.0)
    out *= weight
    out[p] = 0.0
    return out / out.sum()


def file_multiplex(
    graph: FileGraph,
    names: Sequence[str],
    group: np.ndarray,
    locality: np.ndarray,
    presence: np.ndarray,
    wanted: np.ndarray,
    net: Network,
    rng: np.random.Generator,
) -> Multiplex:
    """One layer per platform: the file's follows among present accounts, plus the personas.

    ``group``, ``locality`` and ``presence`` cover every account (personas first,
    then the ``graph``'s nodes in its row order); ``wanted`` is each persona's
    declared follower count.
    """
    m = wanted.shape[0]
    n = group.shape[0]
    if n != m + graph.n:
        raise ValueError(f"{n} accounts for {m} personas and a graph of {graph.n} nodes")
    group = group.astype(np.int64)
    locality = locality.astype(np.int64)
    n_loc = int(locality.max()) + 1
    coo = graph.follows.tocoo()
    src = coo.row.astype(np.int64) + m
    tgt = coo.col.astype(np.int64) + m
    attention = coo.data.astype(np.float32)

    # The crowd's fitness is its audience in the file; personas' as in the generator.
    fitness = np.empty(n)
    fitness[m:] = 1.0 + np.bincount(coo.col, minlength=graph.n)
    if m:
        fitness[:m] = hub_fitness(fitness[m:], wanted, n)
    shares = _pool_shares(net.homophily, net.locality)

    layers = []
    for k in range(len(names)):
        here = presence[:, k]
        keep = here[src] & here[tgt]
        rows, cols, data = [src[keep]], [tgt[keep]], [attention[keep]]
        reads = np.bincount(rows[0], minlength=n)  # follows in the file, per account
        weight = np.where(here, fitness, 0.0)
        pools = _Pools.of(weight, group, locality, n_loc)
        notable = np.flatnonzero(here[:m])

        # The crowd follows the personas: each of a reader's follows may land on one.
        readers = m + np.flatnonzero(here[m:] & (reads[m:] > 0))
        fan_src, fan_tgt = [], []
        for p in notable.tolist():
            chance = np.minimum(
                fitness[p] * _reach(p, readers, group, locality, pools, shares), 1.0
            )
            with np.errstate(divide="ignore"):
                follow = -np.expm1(reads[readers] * np.log1p(-chance))
            hit = readers[rng.random(readers.size) < follow]
            fan_src.append(hit)
            fan_tgt.append(np.full(hit.size, p, np.int64))
        if notable.size:
            fan_src_all = np.concatenate(fan_src)
            reading = reads + np.bincount(fan_src_all, minlength=n)
            rows.append(fan_src_all)
            cols.append(np.concatenate(fan_tgt))
            # Heavy readers cannot read everything (the generator's attention).
            data.append(np.minimum(1.0, net.attention / reading[fan_src_all]).astype(np.float32))

        # The personas read the crowd (and each other).
        for p in notable.tolist():
            chance = _reading_weights(p, weight, group, locality, pools, shares)
            count = min(
                1 + int(rng.poisson(max(net.mean_following - 1.0, 0.0))),
                int(np.count_nonzero(chance)),
            )
            if count <= 0:
                continue
            chosen = np.sort(rng.choice(n, size=count, replace=False, p=chance))
            rows.append(np.full(count, p, np.int64))
            cols.append(chosen.astype(np.int64))
            data.append(np.full(count, min(1.0, net.attention / count), np.float32))

        layer = sp.csr_matrix(
            (np.concatenate(data), (np.concatenate(rows), np.concatenate(cols))),
            shape=(n, n),
            dtype=np.float32,
        )
        layers.append(layer)
    return Multiplex.from_layers(names, layers)
