"""The item log: everything a run publishes, one row per item, in `seq` order.

Columns are numpy arrays that grow by doubling, so a step appends its whole batch
at once and looking up a parent by seq is an array index. Trainee messages take a
seq like any item (kind ``message``) so replies can point at them.
"""

from __future__ import annotations

import numpy as np

#: kinds in the log; the first four are the export's ``kind`` values
KIND_CODES: tuple[str, ...] = ("post", "share", "reply", "reaction", "message")
MESSAGE = 4

_COLUMNS: dict[str, np.dtype] = {
    "t": np.dtype(np.float64),
    "author": np.dtype(np.int32),
    "group": np.dtype(np.int8),
    "platform": np.dtype(np.int8),
    "kind": np.dtype(np.int8),
    "emotion": np.dtype(np.int8),
    "intensity": np.dtype(np.float32),
    "text_id": np.dtype(np.int32),
    "tag1": np.dtype(np.int16),
    "tag2": np.dtype(np.int16),
    "parent": np.dtype(np.int64),
    "root": np.dtype(np.int64),
    "claim": np.dtype(np.int16),
    "lang": np.dtype(np.int8),
    "weight": np.dtype(np.float32),
    #: how readily it is shared or answered, from its emotion, intensity and moral words
    "appeal": np.dtype(np.float32),
}
_FILL = {"parent": -1, "root": -1, "claim": -1, "tag1": -1, "tag2": -1, "emotion": -1, "author": -1, "appeal": 1.0}


class ItemLog:
    """Columnar, append-only store of published items."""

    columns = tuple(_COLUMNS)

    def __init__(self, capacity: int = 4096):
        self._n = 0
        self._data = {name: np.empty(capacity, dtype=dt) for name, dt in _COLUMNS.items()}

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, name: str) -> np.ndarray:
        """A read-only view of one column over the rows written so far."""
        view = self._data[name][: self._n]
        view.flags.writeable = False
        return view

    def column(self, name: str) -> np.ndarray:
        """A writable view (for counters such as an item's weight)."""
        return self._data[name][: self._n]

    def append(self, **cols: np.ndarray | int | float) -> np.ndarray:
        """Append a batch; missing columns get their neutral value. Returns the new seqs."""
        sizes = {np.size(v) for v in cols.values() if np.ndim(v) > 0}
        count = max(sizes) if sizes else 1
        if count == 0:
            return np.empty(0, dtype=np.int64)
        self._reserve(self._n + count)
        start, stop = self._n, self._n + count
        seqs = np.arange(start, stop, dtype=np.int64)
        for name, arr in self._data.items():
            if name in cols:
                arr[start:stop] = cols[name]
            else:
                arr[start:stop] = _FILL.get(name, 0)
        # an item without a parent is its own cascade's root
        roots = self._data["root"][start:stop]
        own = roots < 0
        roots[own] = seqs[own]
        self._n = stop
        return seqs

    def _reserve(self, size: int) -> None:
        cap = len(self._data["t"])
        if size <= cap:
            return
        while cap < size:
            cap *= 2
        for name, arr in self._data.items():
            grown = np.empty(cap, dtype=arr.dtype)
            grown[: self._n] = arr[: self._n]
            self._data[name] = grown

    def since(self, t_min: float) -> int:
        """First seq whose time is ≥ t_min (times only grow)."""
        return int(np.searchsorted(self._data["t"][: self._n], t_min, side="left"))
