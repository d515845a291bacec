"""The sentence encoder the reader weighs beside its n-grams (model/encoder.py): what the reader
relies on it for — meaning across French and English, the same vector every time, a bounded cost."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np

from uproar.model import encoder
from uproar.model.classify import classify_message

PAIRS = [  # a statement and its translation, then a statement of another strategy
    ("Nous présentons nos excuses aux familles touchées.", "We apologise to the families affected.",
     "Our plant has created 400 jobs in this town."),
    ("Ces rumeurs sont totalement fausses.", "These rumours are completely false.",
     "Please stay indoors and keep your windows closed."),
    ("Nous ne ferons aucun commentaire tant que l'enquête est en cours.",
     "We will not comment while the investigation is ongoing.", "We are deeply sorry for the harm we caused."),
]


def test_a_statement_and_its_translation_mean_the_same():
    for fr, en, other in PAIRS:
        v = encoder.embed([fr, en, other])
        assert v[0] @ v[1] > v[0] @ v[2] + 0.2 and v[1] @ v[0] > v[1] @ v[2] + 0.2, (fr, en, other)


def test_the_same_vector_every_time_rounded():
    text = "Nous présentons nos excuses aux riverains. Restez chez vous."
    a, b = encoder.embed([text])[0], encoder.embed([text, "Another message."])[0]
    assert np.array_equal(a, b)  # alone or in a batch: a reading never depends on its neighbours
    assert np.array_equal(a, np.round(a, encoder.DECIMALS)) and abs(np.linalg.norm(a) - 1) < 0.01


def test_a_long_paste_is_encoded_from_its_opening():
    """A 5,000-character paste (the composer's limit) is read whole by the n-grams; the encoder,
    whose cost grows with every token, reads its first `MAX_WORDS` words."""
    opening = " ".join(["Nous présentons nos excuses aux familles."] * 30)
    tail = " Nous maintenons que nos installations sont sûres." * 60
    assert len(opening + tail) > 4000
    assert np.array_equal(encoder.embed([opening + tail])[0], encoder.embed([" ".join((opening + tail).split()[:encoder.MAX_WORDS])])[0])
    assert classify_message((opening + tail)[:5000]).strategy == "rebuild"  # it opens with thirty apologies


_PROCESS = """
import json, sys
import numpy as np
from uproar.model import encoder
v = encoder.embed(["Nous présentons nos excuses aux riverains. Restez chez vous."])[0]
maps = [line.split() for line in open("/proc/self/maps") if "use-m3-tokens" in line]
print(json.dumps({"mapped": isinstance(encoder._model().table, np.memmap), "vector": v.tolist(),
                  "files": sorted({(m[4], " ".join(m[5:])) for m in maps})}))  # (inode, path)
"""


def _start(cache: Path) -> subprocess.Popen:
    env = dict(os.environ, UPROAR_CACHE_DIR=str(cache))
    return subprocess.Popen([sys.executable, "-c", _PROCESS], env=env, stdout=subprocess.PIPE, text=True)


def _result(proc: subprocess.Popen) -> dict:
    out, _ = proc.communicate(timeout=120)
    assert proc.returncode == 0
    return json.loads(out.strip().splitlines()[-1])


def _reader_process(cache: Path) -> dict:
    return _result(_start(cache))


def test_processes_started_together_map_the_same_file(tmp_path):
    """A console and its rooms' runners start at once on a fresh machine: each writes the table,
    and all must end up on one file (not each on a copy another has since replaced)."""
    results = [_result(p) for p in [_start(tmp_path / "cache") for _ in range(3)]]
    files = {f for r in results for f in map(tuple, r["files"])}
    assert len(files) == 1, files
    assert "(deleted)" not in next(iter(files))[1]
    names = sorted(f.name for f in (tmp_path / "cache").iterdir())  # one of each, no partial file
    kinds = sorted(n.split("-")[2] for n in names if n.startswith("use-m3-") and not n.endswith(".lock"))
    assert kinds == ["graph", "projection", "tokens"], names
    assert not any(n.endswith(".partial") for n in names), names


def test_processes_share_one_token_table_and_read_the_same(tmp_path):
    """The console and every room's runner load the encoder: its 65 MB token table is written once
    to the cache folder and mapped by each process (the system keeps one copy). A process that
    cannot use the folder keeps the table in memory; one that finds a damaged file writes it anew.
    All read exactly the same; a table half-written by a process that died is removed."""
    cache = tmp_path / "cache"
    cache.mkdir()
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead = cache / f"use-m3-tokens-130010x512-0123456789abcdef.npy.{int(gone.stdout)}.partial"
    alive = cache / f"use-m3-tokens-130010x512-0123456789abcdef.npy.{os.getpid()}.partial"
    dead.write_bytes(b"\0" * 1000)
    alive.write_bytes(b"\0" * 1000)
    first, second = _reader_process(cache), _reader_process(cache)
    assert not dead.exists() and alive.exists()  # still being written, as far as anyone knows
    files = list(cache.glob("use-m3-tokens-*.npy"))
    assert len(files) == 1 and files[0].stat().st_size > 60_000_000
    assert first["mapped"] and second["mapped"]

    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    unwritable = _reader_process(blocked / "cache")
    assert not unwritable["mapped"]

    with open(files[0], "r+b") as fh:  # damage the first row (sampled by the check)
        fh.seek(200)
        fh.write(b"\xff" * 256)
    damaged = _reader_process(cache)
    assert damaged["mapped"] and _reader_process(cache)["mapped"]  # written anew, then shared again
    assert b"\xff" * 256 not in files[0].read_bytes()[:1024]

    assert first["vector"] == second["vector"] == unwritable["vector"] == damaged["vector"]


def test_onnxruntime_reads_as_the_numpy_pass_and_near_the_float_network():
    """The network run by onnxruntime, its convolutions in int8, computes what its numpy
    counterpart does, and stays within a hair of the package's float network: the quantisation
    buys speed, not another meaning."""
    from uproar.model import encoder_onnx

    runtime, numpy_pass = encoder._runtime(), encoder_onnx.ReferenceEncoder(encoder._model())
    assert isinstance(runtime, encoder_onnx.OnnxEncoder)  # installed with Uproar: it must be the one reading
    texts = [t for pair in PAIRS for t in pair] + ["🚨", "x " * 300, "NE BUVEZ PAS L'EAU DU ROBINET !!!"]
    vectors = runtime.encode(texts)
    assert np.abs(vectors - numpy_pass.encode(texts)).max() <= encoder_onnx.AGREE
    float_network = encoder._model().encode(texts)
    assert np.min(np.sum(vectors * float_network, axis=1)) > 0.999
    assert np.abs(vectors - float_network).max() > encoder_onnx.AGREE  # the check tells the two apart


def test_the_int8_products_never_saturate_and_are_exact_in_numpy():
    """Weights within [-63, 63] against inputs within [0, 255]: two products never leave int16 (no
    CPU's int8 kernel clips), and the numpy pass's float32 sums of those integers are exact."""
    from uproar.model import encoder_onnx

    backend = encoder._model()
    for w in (*backend.w1, *backend.w2):
        q, scale = encoder_onnx.quantised(w)
        assert q.dtype == np.int8 and np.abs(q).max() <= encoder_onnx.QMAX
        assert 2 * 255 * np.abs(q.astype(np.int64)).max() < 2**15
        np.testing.assert_allclose(q * scale, w, atol=float(scale.max()) / 2 + 1e-7)  # each weight within half a step
    rng = np.random.default_rng(0)  # sums past 2**24, where one float32 product would round
    x = rng.uniform(0.9, 1.0, size=(40, 1280)).astype(np.float32)
    q = rng.integers(50, encoder_onnx.QMAX + 1, size=(1280, 256))
    xq, xs, zero = encoder_onnx._dynamic_quantised(x)
    exact = (xq.astype(np.int64) - int(zero)) @ q
    assert exact.max() > 2**24
    got = encoder_onnx._int8_dense(x, (q.astype(np.float32), np.ones(256, np.float32)), np.zeros(256, np.float32))
    assert np.array_equal(got, exact.astype(np.float32) * xs)


def test_a_damaged_graph_file_is_built_anew(tmp_path, monkeypatch):
    from uproar.model import encoder_onnx

    monkeypatch.setenv("UPROAR_CACHE_DIR", str(tmp_path))
    backend = encoder._model()
    path = encoder_onnx.files(backend).graph
    path.write_bytes(b"half a graph")  # a disk that filled up, a copy cut short
    runtime = encoder_onnx.load(backend)
    assert isinstance(runtime, encoder_onnx.OnnxEncoder) and path.stat().st_size > 1_000_000
    text = "Nous présentons nos excuses aux riverains."
    assert np.abs(runtime.encode([text]) - encoder_onnx.ReferenceEncoder(backend).encode([text])).max() <= encoder_onnx.AGREE


def test_tokens_projected_once_give_the_same_vectors_as_projected_each_time():
    """A session keeps each token's projected row once computed (a quarter of the encoder's work):
    a text reads the same whether its tokens were met before, are new, or no longer fit."""
    from uproar.model import encoder_onnx

    backend = encoder._model()
    texts = [t for pair in PAIRS for t in pair] + ["🚨", "x " * 300, "NE BUVEZ PAS L'EAU DU ROBINET !!!"]
    fresh = encoder_onnx.OnnxEncoder(backend, encoder_onnx.files(backend))
    first = fresh.encode(texts)
    assert fresh.projected.kept > 50
    assert np.array_equal(fresh.encode(texts[::-1])[::-1], first)  # every token met before
    full = encoder_onnx.OnnxEncoder(backend, encoder_onnx.files(backend))
    full.projected = encoder_onnx.ProjectedRows(full.projected.session, len(backend.table), capacity=3)
    assert np.array_equal(full.encode(texts), first) and full.projected.kept == 3
    assert np.abs(first - encoder_onnx.ReferenceEncoder(backend).encode(texts)).max() <= encoder_onnx.AGREE


def test_without_onnxruntime_the_numpy_pass_reads(monkeypatch):
    from uproar.model import encoder_onnx

    monkeypatch.setitem(sys.modules, "onnxruntime", None)  # `import onnxruntime` raises ImportError
    assert encoder_onnx.load(encoder._model()) is None


def test_without_onnxruntime_a_message_reads_the_same(monkeypatch):
    """Where onnxruntime cannot run, the numpy pass encodes (some 10 ms a message instead of 3):
    its vectors differ only where a value sits on the edge of an 8-bit step, and a trainee's
    message gets the same reading — strategy, tone, base responses."""
    import csv

    from uproar.model import encoder_onnx

    with open(Path(__file__).parent / "data" / "real" / "statements.csv", newline="", encoding="utf-8") as fh:
        texts = [(r["text"], r["lang"]) for r in csv.DictReader(fh) if r["split"] == "test"][::8]
    texts += [(t, None) for pair in PAIRS for t in pair]

    def reading(text: str, lang: str | None) -> tuple:
        r = classify_message(text, lang)
        return r.strategy, r.tone, r.base_responses, r.secondary

    assert isinstance(encoder._runtime(), encoder_onnx.OnnxEncoder)  # the session passed its check
    encoder.embed_one.cache_clear()
    shipped = [reading(*t) for t in texts]
    numpy_pass = encoder_onnx.ReferenceEncoder(encoder._model())
    monkeypatch.setattr(encoder, "_runtime", lambda: numpy_pass)
    encoder.embed_one.cache_clear()
    try:
        assert [reading(*t) for t in texts] == shipped
    finally:
        encoder.embed_one.cache_clear()
