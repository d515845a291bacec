"""The multiplex follow graph: one sparse matrix per platform.

Edge ``i → j`` means account ``i`` follows (reads) ``j``. The model's hot loop is
``X = Σ_k W_k · P_k``, so each layer is kept as CSR in both directions: ``follows``
(row ``i`` = whom ``i`` reads) for exposure, and ``followers`` (row ``j`` = who
reads ``j``) to push one post to its readers without a transpose per step.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

__all__ = ["Multiplex", "empty_layer"]


def empty_layer(n: int) -> sp.csr_matrix:
    """An ``n × n`` CSR layer with no edges, int32 indices and float32 weights."""
    return sp.csr_matrix(
        (np.zeros(0, np.float32), np.zeros(0, np.int32), np.zeros(n + 1, np.int32)),
        shape=(n, n),
    )


def _transpose(layer: sp.csr_matrix) -> sp.csr_matrix:
    """``layer.T`` as CSR, keeping int32 indices and float32 weights."""
    out = sp.csr_matrix(layer.T.tocsr())
    out.has_sorted_indices = True  # csr→csc conversion emits sorted rows
    return out


@dataclass(frozen=True, eq=False)
class Multiplex:
    """One follow layer per platform over the same accounts.

    ``follows[k][i, j] = w`` means account ``i`` reads ``j`` on platform
    ``names[k]`` with attention ``w`` in (0, 1]; ``followers[k]`` is the same
    matrix transposed (row ``j`` lists the readers of ``j``).

    Equality is identity (``eq=False``): comparing sparse matrices element-wise
    would be ambiguous and costly, and tests compare layers explicitly.

    Example
    -------
    >>> import scipy.sparse as sp
    >>> w = sp.csr_matrix(([1.0], ([0], [1])), shape=(3, 3), dtype="float32")
    >>> m = Multiplex.from_layers(["twitter"], [w])
    >>> m.n, m.edges, m.follower_counts()[:, 0].tolist()
    (3, 1, [0, 1, 0])
    """

    names: tuple[str, ...]
    follows: tuple[sp.csr_matrix, ...]
    followers: tuple[sp.csr_matrix, ...]

    def __post_init__(self) -> None:
        k = len(self.names)
        if len(set(self.names)) != k:
            raise ValueError(f"layer names must be unique, got {list(self.names)}")
        if len(self.follows) != k or len(self.followers) != k:
            raise ValueError(
                f"{k} layer names but {len(self.follows)} follows and "
                f"{len(self.followers)} followers matrices; give one of each per layer"
            )
        shapes = {m.shape for m in (*self.follows, *self.followers)}
        if len(shapes) > 1:
            raise ValueError(f"all layers must share one square shape, got {sorted(shapes)}")
        if shapes and (s := shapes.pop())[0] != s[1]:
            raise ValueError(f"layers must be square (accounts × accounts), got {s}")

    @classmethod
    def from_layers(cls, names: Sequence[str], follows: Sequence[sp.spmatrix]) -> Multiplex:
        """Build a multiplex from follow matrices; the followers side is derived."""
        layers = []
        for w in follows:
            csr = sp.csr_matrix(w, dtype=np.float32)
            csr.sum_duplicates()
            layers.append(csr)
        return cls(tuple(names), tuple(layers), tuple(_transpose(w) for w in layers))

    @property
    def n(self) -> int:
        """Number of accounts (0 for a multiplex without layers)."""
        return int(self.follows[0].shape[0]) if self.follows else 0

    @property
    def edges(self) -> int:
        """Number of follow edges, summed over layers."""
        return int(sum(w.nnz for w in self.follows))

    def index(self, name: str) -> int:
        """Position of layer ``name`` in ``names``."""
        try:
            return self.names.index(name)
        except ValueError:
            known = ", ".join(self.names) or "(none)"
            raise ValueError(f"unknown layer {name!r}; known layers: {known}") from None

    def layer(self, name: str) -> sp.csr_matrix:
        """The follows matrix of layer ``name`` (row ``i`` = whom ``i`` reads)."""
        return self.follows[self.index(name)]

    def without_edges(self) -> Multiplex:
        """Same accounts and layers with every edge removed — contagion switched off."""
        empty = tuple(empty_layer(self.n) for _ in self.names)
        return Multiplex(self.names, empty, tuple(empty_layer(self.n) for _ in self.names))

    def follower_counts(self) -> np.ndarray:
        """``(n, K)`` int64 array: followers of each account on each layer."""
        out = np.zeros((self.n, len(self.names)), dtype=np.int64)
        for k, f in enumerate(self.followers):
            out[:, k] = np.diff(f.indptr)
        return out

    def __repr__(self) -> str:
        layers = ", ".join(f"{n}={w.nnz}" for n, w in zip(self.names, self.follows, strict=True))
        return f"Multiplex(n={self.n}, edges={self.edges}: {layers})"
