"""Descriptive statistics of a follow layer: is the graph we built the one we meant?

Calibration and the tests compare these numbers with published ones (follower
tail ≈ 2.3, Kwak et al. 2010) and with the generator's parameters (homophily).
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import scipy.sparse as sp

__all__ = ["summary", "tail_exponent"]

#: fewest tail observations a power-law fit is allowed to rest on
MIN_TAIL = 50


def _alpha(tail_log_sum: np.ndarray, count: np.ndarray, xmin: np.ndarray) -> np.ndarray:
    # Clauset, Shalizi & Newman 2009, eq. 3.7: α ≈ 1 + n / Σ ln(x / (xmin − ½)).
    return 1.0 + count / (tail_log_sum - count * np.log(xmin - 0.5))


def tail_exponent(degrees: np.ndarray, xmin: int | None = None) -> float:
    """Power-law exponent α of the tail ``p(k) ∝ k^-α`` of a degree sequence.

    Discrete maximum-likelihood approximation of Clauset et al. (2009). When
    ``xmin`` is not given it is the value that minimises the Kolmogorov–Smirnov
    distance between the data above it and the fitted law, among values that
    leave at least ``MIN_TAIL`` observations — the body of a degree distribution
    (Poisson noise around small fitness) is not a power law and must be cut off.

    >>> rng = np.random.default_rng(0)
    >>> k = np.round(rng.pareto(1.5, 100_000) + 1).astype(int)  # α = 2.5
    >>> round(tail_exponent(k), 1)
    2.5
    >>> round(tail_exponent(k, xmin=5), 1)
    2.5
    """
    x = np.asarray(degrees)
    x = x[x >= 1].astype(np.float64)
    if xmin is not None:
        if xmin < 1:
            raise ValueError(f"xmin must be ≥ 1, got {xmin}")
        tail = x[x >= xmin]
        if tail.size < 2:
            raise ValueError(f"only {tail.size} degree(s) ≥ xmin={xmin}; lower xmin")
        return float(_alpha(np.log(tail).sum(), np.float64(tail.size), np.float64(xmin)))
    values, counts = np.unique(x, return_counts=True)
    # Tail sizes and Σ ln x for every candidate xmin at once (suffix sums).
    n_tail = np.cumsum(counts[::-1])[::-1].astype(np.float64)
    log_sum = np.cumsum((counts * np.log(values))[::-1])[::-1]
    ok = np.flatnonzero(n_tail >= MIN_TAIL)
    if ok.size == 0:
        raise ValueError(
            f"{x.size} positive degrees are too few for a tail fit (need {MIN_TAIL}); "
            "pass xmin or use a larger graph"
        )
    alphas = _alpha(log_sum[ok], n_tail[ok], values[ok])
    best, best_d = 0, np.inf
    # One pass per candidate xmin (distinct degree values, not accounts).
    for j, (i, a) in enumerate(zip(ok, alphas, strict=True)):
        v, c = values[i:], counts[i:]
        empirical = np.cumsum(c) / n_tail[i]
        model = 1.0 - ((v + 0.5) / (values[i] - 0.5)) ** (1.0 - a)
        d = np.abs(empirical - model).max()
        if d < best_d:
            best, best_d = j, d
    return float(alphas[best])


def _clustering(pattern: sp.csr_matrix, sample: int, rng: np.random.Generator) -> float:
    """Mean undirected clustering of a random sample of accounts, computed by networkx.

    A node's clustering depends only on its edges and the edges among its
    neighbours, so networkx gets the union of the sampled ego networks — not a
    million-node graph. The loop runs over the sample, not over accounts.
    """
    n = pattern.shape[0]
    if n == 0:
        return 0.0
    und = (pattern + pattern.T).tocsr()
    und.setdiag(0)
    und.eliminate_zeros()
    nodes = rng.choice(n, size=min(sample, n), replace=False)
    pieces = []
    for v in nodes:
        nb = und.indices[und.indptr[v] : und.indptr[v + 1]]
        among = sp.triu(und[nb][:, nb], k=1).tocoo()
        pieces.append(np.stack([np.full(nb.size, v), nb]))
        pieces.append(np.stack([nb[among.row], nb[among.col]]))
    edges = np.concatenate(pieces, axis=1)
    graph = nx.Graph()
    graph.add_nodes_from(nodes.tolist())
    graph.add_edges_from(edges.T.tolist())
    return float(nx.average_clustering(graph, nodes=nodes.tolist()))


def summary(
    layer: sp.spmatrix,
    group: np.ndarray | None = None,
    sample: int = 500,
    seed: int = 0,
) -> dict[str, float]:
    """Headline numbers of one follow layer (rows follow columns).

    Keys: ``n``, ``edges``, ``mean_degree`` (edges per account), ``max_followers``,
    ``in_degree_exponent`` (NaN when the graph is too small to fit a tail),
    ``reciprocity`` (share of follows that are followed back), ``clustering``
    (mean undirected clustering of ``sample`` random accounts, seeded by
    ``seed``). With ``group``: ``same_group_share`` (share of follows within a
    group), ``same_group_expected`` (that share if targets ignored groups but
    kept their follower counts, Σ_g out_g · in_g) and ``group_assortativity``
    (Newman's r: 0 for chance, 1 when every follow stays in its group).

    >>> w = sp.csr_matrix(np.array([[0, 1], [1, 0]], dtype="float32"))
    >>> s = summary(w, group=np.array([0, 1]))
    >>> s["edges"], s["reciprocity"], s["same_group_share"]
    (2, 1.0, 0.0)
    """
    w = sp.csr_matrix(layer, copy=True)
    n = w.shape[0]
    edges = int(w.nnz)
    w.eliminate_zeros()
    pattern = w.astype(bool).astype(np.int8)
    followers = np.asarray(pattern.sum(axis=0)).ravel()
    try:
        exponent = tail_exponent(followers)
    except ValueError:
        exponent = float("nan")
    mutual = int(pattern.multiply(pattern.T).nnz)
    out: dict[str, float] = {
        "n": n,
        "edges": edges,
        "mean_degree": edges / n if n else 0.0,
        "max_followers": int(followers.max()) if n else 0,
        "in_degree_exponent": exponent,
        "reciprocity": mutual / edges if edges else 0.0,
        "clustering": _clustering(pattern, sample, np.random.default_rng(seed)),
    }
    if group is not None:
        group = np.asarray(group)
        if group.shape != (n,):
            raise ValueError(f"group must have shape ({n},), got {group.shape}")
        coo = pattern.tocoo()
        codes = np.unique(group, return_inverse=True)[1].reshape(-1)
        src, tgt = codes[coo.row], codes[coo.col]
        m = codes.max() + 1 if n else 0
        share = float((src == tgt).mean()) if edges else 0.0
        a = np.bincount(src, minlength=m) / max(edges, 1)
        b = np.bincount(tgt, minlength=m) / max(edges, 1)
        expected = float(a @ b)
        out["same_group_share"] = share
        out["same_group_expected"] = expected
        out["group_assortativity"] = (share - expected) / (1 - expected) if expected < 1 else 0.0
    return out
