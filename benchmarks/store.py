"""`uproar bench --store`: how fast crowd items go into the database.

Items come from a real run (text, hashtags, cascades: the rows the runner writes),
converted to rows and bulk-inserted with Core `insert()` in minute-sized batches,
one transaction per batch as the runner does, into a fresh SQLite file.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from tqdm import tqdm

from ..model.export import reactions_frame
from ..model.model import CrisisModel
from ..store.engine import open_store
from ..store.records import frame_records, write_rows
from ..store.tables import Reaction, Room


def run_store_bench(total: int = 300_000, batch: int = 5_000, progress: bool = False, url: str | None = None) -> dict:
    model = CrisisModel("fr-usine-chimique", rng=1, population=20_000)
    model.run_for(150)
    frame = reactions_frame(model)
    with tempfile.TemporaryDirectory() as tmp:
        engine = open_store(url or f"sqlite:///{Path(tmp) / 'bench.db'}")
        rounds = -(-total // len(frame))
        build_s = insert_s = 0.0
        written = 0
        for r in tqdm(range(rounds), desc="writing", disable=not progress, leave=False):
            room_id = f"bench{r}"
            with engine.begin() as conn:
                conn.execute(Room.__table__.insert().values(
                    id=room_id, name="bench", scenario_id="bench", scenario_path="", scenario_sha256="",
                    scenario_toml="", seed=1, population=1, until=1, state="created", speed=0.0, minute=0,
                    trainer_code_hash="", trainee_code_hash=""))
            for start in range(0, len(frame), batch):
                t0 = time.perf_counter()
                rows = frame_records(frame.iloc[start : start + batch], room_id=room_id)
                t1 = time.perf_counter()
                with engine.begin() as conn:
                    written += write_rows(conn, {Reaction: rows})
                t2 = time.perf_counter()
                build_s += t1 - t0
                insert_s += t2 - t1
        engine.dispose()
    return {
        "items": written,
        "batch": batch,
        "build_rows_s": round(build_s, 3),
        "insert_s": round(insert_s, 3),
        "items_per_s": round(written / (build_s + insert_s)),
        "insert_only_items_per_s": round(written / insert_s),
        "database": "sqlite (WAL, synchronous=NORMAL)" if url is None else url.split(":")[0],
    }
