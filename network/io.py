"""Follow layers in and out: networkx graphs and CSV / GraphML / GEXF files.

Scenario designers bring graphs from Gephi or a data export; calibration writes
fitted graphs back. Files are read by suffix, and every problem comes back as a
:class:`GraphFileError` naming the file and what is wrong, never a traceback
from deep inside a parser.

Edge ``i → j`` (row ``i``, column ``j``) still means *i follows j*; the weight
is the attention ``i`` pays to ``j``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

import networkx as nx
import numpy as np
import scipy.sparse as sp

__all__ = [
    "FORMATS",
    "GraphFileError",
    "layer_to_networkx",
    "networkx_to_layer",
    "read_layer",
    "read_layer_and_attrs",
    "read_node_attrs",
    "write_layer",
]

#: file suffixes understood by :func:`read_layer` and :func:`write_layer`
FORMATS = (".csv", ".graphml", ".gexf")


class GraphFileError(ValueError):
    """A graph file that cannot be used; the message names the file and the problem."""

    def __init__(self, path: str | Path, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{path}: {problem}")


def _as_layer(matrix: sp.spmatrix | sp.sparray) -> sp.csr_matrix:
    """CSR with float32 weights and int32 indices (when they fit), duplicates summed."""
    out = sp.csr_matrix(matrix, dtype=np.float32)
    out.sum_duplicates()
    if out.nnz < np.iinfo(np.int32).max and out.shape[0] < np.iinfo(np.int32).max:
        out.indices = out.indices.astype(np.int32, copy=False)
        out.indptr = out.indptr.astype(np.int32, copy=False)
    return out


def _python(values: np.ndarray) -> list[Any]:
    """numpy values as plain Python scalars: the XML writers only know those."""
    return np.asarray(values).tolist()


def layer_to_networkx(
    layer: sp.spmatrix, node_attrs: dict[str, np.ndarray] | None = None
) -> nx.DiGraph:
    """A ``networkx.DiGraph`` with nodes ``0..n-1``, a ``weight`` per edge and node attributes.

    >>> w = sp.csr_matrix(([0.5], ([0], [1])), shape=(3, 3))
    >>> g = layer_to_networkx(w, {"group": np.array([1, 1, 2])})
    >>> list(g.edges(data="weight")), g.nodes[2]["group"]
    ([(0, 1, 0.5)], 2)
    """
    coo = sp.coo_matrix(layer)
    n = coo.shape[0]
    if coo.shape != (n, n):
        raise ValueError(f"a layer must be square, got shape {coo.shape}")
    graph = nx.DiGraph()
    graph.add_nodes_from(range(n))
    # float64 of a float32 is exact, so the weight survives a text round trip.
    graph.add_weighted_edges_from(
        zip(_python(coo.row), _python(coo.col), _python(coo.data.astype(np.float64)), strict=True)
    )
    for name, values in (node_attrs or {}).items():
        values = np.asarray(values)
        if values.shape != (n,):
            raise ValueError(f"node attribute {name!r} must have shape ({n},), got {values.shape}")
        nx.set_node_attributes(graph, dict(enumerate(_python(values))), name)
    return graph


def networkx_to_layer(
    graph: nx.DiGraph, nodes: Sequence | None = None
) -> tuple[sp.csr_matrix, list]:
    """The follow matrix of ``graph`` (edge ``u → v``: ``u`` follows ``v``) and its node order.

    ``nodes`` fixes the order of rows and columns (default: ``graph``'s own);
    edges without a ``weight`` count 1. An undirected graph gives mutual follows.

    >>> g = nx.DiGraph([("ana", "bob")])
    >>> w, order = networkx_to_layer(g)
    >>> order, w.toarray().tolist()
    (['ana', 'bob'], [[0.0, 1.0], [0.0, 0.0]])
    """
    order = list(graph.nodes) if nodes is None else list(nodes)
    if len(set(order)) != len(order):
        raise ValueError("nodes must not repeat")
    if not order:
        return _as_layer(sp.csr_matrix((0, 0))), order
    matrix = nx.to_scipy_sparse_array(graph, nodelist=order, weight="weight", format="csr")
    return _as_layer(matrix), order


# ----------------------------------------------------------------------------- files


def _format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise GraphFileError(
            path,
            f"unknown graph format {suffix or '(no suffix)'!r}; use one of {', '.join(FORMATS)}",
        )
    return suffix


def write_layer(
    layer: sp.spmatrix, path: str | Path, node_attrs: dict[str, np.ndarray] | None = None
) -> None:
    """Write one layer to ``path``; the suffix picks the format.

    ``.csv`` is an edge list with header ``source,target,weight`` (node ids are
    row numbers; node attributes cannot be stored and are refused).
    ``.graphml`` and ``.gexf`` keep every node, isolated ones included, and
    ``node_attrs`` (name → one value per account).
    """
    path = Path(path)
    kind = _format(path)
    if kind == ".csv":
        if node_attrs:
            raise GraphFileError(
                path, "a CSV edge list cannot hold node attributes; use .graphml or .gexf"
            )
        import pandas as pd  # the C writer; imported here to keep `import` light

        coo = sp.coo_matrix(layer)
        frame = pd.DataFrame({"source": coo.row, "target": coo.col, "weight": coo.data})
        # 9 significant digits round-trip every float32 exactly.
        frame.to_csv(path, index=False, float_format="%.9g")
    elif kind == ".graphml":
        nx.write_graphml(layer_to_networkx(layer, node_attrs), path)
    else:
        nx.write_gexf(layer_to_networkx(layer, node_attrs), path)


def _check_file(path: Path) -> None:
    if not path.is_file():
        raise GraphFileError(path, "no such file")
    with path.open("rb") as f:
        if not f.read(4096).strip():
            raise GraphFileError(path, "the file is empty")


def _integer_ids(ids: Sequence) -> np.ndarray | None:
    """The ids as int64 when every one is a non-negative integer, else None."""
    out = np.empty(len(ids), np.int64)
    for i, v in enumerate(ids):
        if isinstance(v, (int, np.integer)) and not isinstance(v, bool):
            out[i] = v
        elif isinstance(v, str) and v.isdecimal() and str(int(v)) == v:  # "007" is a name
            out[i] = int(v)
        else:
            return None
    return out


def _size(path: Path, ids: np.ndarray | None, n: int | None) -> int:
    """Rows of the matrix: ``n`` when given, else what the integer ids need."""
    if ids is None:
        if n is not None:
            raise GraphFileError(
                path, f"n={n} needs integer node ids 0..{n - 1}, but the file names its nodes"
            )
        return 0
    top = int(ids.max()) if ids.size else -1
    if n is None:
        return top + 1
    if top >= n:
        raise GraphFileError(path, f"node id {top} does not fit n={n} accounts")
    return n


def _ids(path: Path, name: str, column: Any) -> np.ndarray:
    """A source/target column as int64 ids, or as stripped strings when they are names."""
    values = column.to_numpy()
    if column.dtype.kind in "iu" or values.size == 0:
        if values.size and values.min() < 0:
            line = int(np.argmax(values < 0)) + 2
            raise GraphFileError(path, f"line {line}: negative {name} id {values[line - 2]}")
        return values.astype(np.int64)
    if column.isna().any():
        line = int(np.argmax(column.isna().to_numpy())) + 2
        raise GraphFileError(path, f"line {line}: empty {name}")
    return column.astype(str).str.strip().to_numpy(dtype=object)


def _read_csv(path: Path, n: int | None) -> tuple[sp.csr_matrix, list]:
    import pandas as pd  # the C parser: millions of rows in a second

    try:
        # Only an empty cell is missing: a node may well be called "NA".
        frame = pd.read_csv(path, skipinitialspace=True, keep_default_na=False, na_values=[""])
    except pd.errors.EmptyDataError:
        raise GraphFileError(path, "the file is empty") from None
    except (pd.errors.ParserError, UnicodeDecodeError) as err:
        raise GraphFileError(path, f"not a readable CSV edge list ({err})") from None
    columns = {str(c).strip().lower(): c for c in frame.columns}
    missing = [c for c in ("source", "target") if c not in columns]
    if missing:
        found = ", ".join(map(str, frame.columns)) or "(none)"
        raise GraphFileError(
            path,
            f"missing column(s) {', '.join(missing)}; the header must be "
            f"source,target[,weight], found: {found}",
        )
    src = _ids(path, "source", frame[columns["source"]])
    tgt = _ids(path, "target", frame[columns["target"]])
    if "weight" in columns:
        raw = frame[columns["weight"]]
        weight = pd.to_numeric(raw, errors="coerce").to_numpy(np.float64)
        bad = np.flatnonzero(~np.isfinite(weight))
        if bad.size:
            value = raw.iloc[bad[0]]
            value = "" if pd.isna(value) else value
            raise GraphFileError(
                path,
                f"line {bad[0] + 2}: weight {value!r} is not a number ({bad.size} bad row(s))",
            )
    else:
        weight = np.ones(len(frame))
    if src.dtype != object and tgt.dtype != object:
        size = _size(path, np.concatenate((src, tgt)), n)
        nodes: list = list(range(size))
    else:
        _size(path, None, n)
        # Names in order of first appearance, as Gephi exports them.
        both = np.concatenate((src.astype(str), tgt.astype(str)))
        codes, labels = pd.factorize(both, sort=False)
        src, tgt = codes[: len(src)], codes[len(src) :]
        size, nodes = len(labels), list(labels)
    matrix = sp.coo_matrix((weight, (src, tgt)), shape=(size, size))
    return _as_layer(matrix), nodes


def _read_xml(path: Path, kind: str) -> nx.DiGraph:
    name = "GraphML" if kind == ".graphml" else "GEXF"
    try:
        graph = nx.read_graphml(path) if kind == ".graphml" else nx.read_gexf(path)
    except ParseError as err:
        raise GraphFileError(path, f"not valid XML ({err})") from None
    except (nx.NetworkXError, KeyError, ValueError, TypeError, AttributeError) as err:
        raise GraphFileError(path, f"not a readable {name} graph ({err!r})") from None
    for u, v, data in graph.edges(data=True):
        value = data.get("weight", 1.0)
        try:
            ok = math.isfinite(float(value)) and not isinstance(value, bool)
        except (TypeError, ValueError):
            ok = False
        if not ok:
            raise GraphFileError(path, f"edge {u} → {v}: weight {value!r} is not a number")
    return graph


def _xml_nodes(path: Path, graph: nx.DiGraph, n: int | None) -> list:
    """Node order: integer ids are row numbers (``0..n-1``), other ids keep file order."""
    raw = list(graph.nodes)
    ids = _integer_ids(raw)
    if ids is None:
        _size(path, None, n)
        return raw
    return list(range(_size(path, ids, n)))


def _relabel(graph: nx.DiGraph) -> nx.DiGraph:
    """Integer-looking string ids ("12") become ints, as :func:`write_layer` wrote them."""
    if _integer_ids(list(graph.nodes)) is None:
        return graph
    return nx.relabel_nodes(graph, {v: int(v) for v in graph.nodes}, copy=True)


def read_layer(path: str | Path, n: int | None = None) -> tuple[sp.csr_matrix, list]:
    """Read one follow layer; the suffix picks the format (``.csv``, ``.graphml``, ``.gexf``).

    Returns the matrix and the node id of each row. Integer node ids are row
    numbers (``0..n-1`` with ``n`` given, so trailing accounts without edges
    still get a row); other ids keep the file's order. CSV needs the columns
    ``source`` and ``target`` (any case); ``weight`` is optional (default 1) and
    duplicate rows add up.

    Raises :class:`GraphFileError` when the file is missing, empty, of an
    unknown suffix, not parseable, lacks a column or has a non-numeric weight.
    """
    path = Path(path)
    kind = _format(path)
    _check_file(path)
    if kind == ".csv":
        return _read_csv(path, n)
    graph = _relabel(_read_xml(path, kind))
    nodes = _xml_nodes(path, graph, n)
    absent = [v for v in nodes if v not in graph]
    graph.add_nodes_from(absent)
    return networkx_to_layer(graph, nodes)


def read_node_attrs(path: str | Path, n: int | None = None) -> dict[str, np.ndarray]:
    """Node attributes of a GraphML/GEXF file, one array per name, in :func:`read_layer` order.

    Accounts without a value get ``None`` (object array). A CSV edge list has
    no node attributes: ``{}``.
    """
    path = Path(path)
    kind = _format(path)
    _check_file(path)
    if kind == ".csv":
        return {}
    graph = _relabel(_read_xml(path, kind))
    return _node_attrs(graph, _xml_nodes(path, graph, n), kind)


def read_layer_and_attrs(
    path: str | Path, n: int | None = None
) -> tuple[sp.csr_matrix, list, dict[str, np.ndarray]]:
    """:func:`read_layer` and :func:`read_node_attrs` at once, parsing the file once.

    GraphML and GEXF parsing dominates the time of both, so a caller that needs
    the follows and the attributes should read them here.
    """
    path = Path(path)
    kind = _format(path)
    _check_file(path)
    if kind == ".csv":
        layer, nodes = _read_csv(path, n)
        return layer, nodes, {}
    graph = _relabel(_read_xml(path, kind))
    nodes = _xml_nodes(path, graph, n)
    attrs = _node_attrs(graph, nodes, kind)
    graph.add_nodes_from([v for v in nodes if v not in graph])
    layer, nodes = networkx_to_layer(graph, nodes)
    return layer, nodes, attrs


def _node_attrs(graph: nx.DiGraph, nodes: list, kind: str) -> dict[str, np.ndarray]:
    data = graph.nodes
    names: dict[str, None] = {}
    for v in graph.nodes:
        names.update(dict.fromkeys(data[v]))
    out = {}
    for name in names:
        values = [data[v].get(name) if v in graph else None for v in nodes]
        if name == "label" and kind == ".gexf" and values == [str(v) for v in nodes]:
            continue  # GEXF's mandatory label, filled in with the id by the writer
        if any(x is None for x in values):
            out[name] = np.array(values, dtype=object)
        else:
            out[name] = np.array(values)
    return out
