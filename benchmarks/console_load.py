"""`uproar bench --console`: a whole class on one console.

Starts `uproar console` on a free port and a fresh database, R rooms of 20,000
accounts with their runners at ×60, then N real server sessions (`stclient.PageSession`:
the page's own websocket protocol, so the browsers do not eat the two cores) that
enter with the room's codes as people would — one trainer per room, about one
observer in fifteen, the rest trainees. While the rooms run, one trainee of each
room in turn posts a message from the composer, and every session keeps its page
live. Measured:

* `message_seen_s` — from the trainee's click to the message on every trainer and
  observer page of that room;
* `clock_lag_s` — for every new minute of a room, how long until each of its pages
  shows it;
* `console_cores` — CPU seconds per second of all the console's processes while the
  sessions are live (`console_cores_idle` the same with no session open, so one more
  session costs `(console_cores − idle) / sessions`); `console_rss_mb` their memory;
* `errors` — exceptions on pages or tracebacks in the console's log; `failed_loads` —
  sessions that never got their page.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil
from sqlalchemy import select
from tqdm import tqdm

from ..app import rooms as room_api
from ..app.processes import stop_group
from ..store.engine import open_store
from ..store.tables import Room
from .stclient import PageSession

SCENARIOS = ("fr-usine-chimique", "en-retail-breach")
ROOM_MINUTES = 600  # long enough that no room ends during the measurement
CLOCK = re.compile(r'data-clock="(\d+)"')  # the pages name their minute
REF = re.compile(r"r[ée]f\\?\. (\d{4,})")
LABELS = {  # what a person reads on the join form and the composer, per scenario language
    "fr": {"code": "Code d'accès", "enter": "Entrer", "text": "Texte", "post": "Publier"},
    "en": {"code": "Access code", "enter": "Enter", "text": "Text", "post": "Post"},
}
MESSAGES = {
    "fr": "Point de situation (réf. {ref}) : nous suivons l'incident avec les services de l'État et "
          "reviendrons vers vous à 15 h.",
    "en": "Update (ref. {ref}): we are working with the authorities and will post the next update at 3 pm.",
}


@dataclass
class Viewer:
    """One session of the bench: who it is, what it saw and when."""

    role: str  # trainer | observer | trainee
    room: str
    lang: str
    page: PageSession | None = None
    loaded_s: float | None = None
    error: str = ""
    clock: dict[int, float] = field(default_factory=dict)  # minute → first time shown
    seen: dict[str, float] = field(default_factory=dict)  # message ref → first time shown

    def watch(self, _page: PageSession, text: str) -> None:
        t = time.monotonic()
        for m in CLOCK.findall(text):
            self.clock.setdefault(int(m), t)
        for ref in REF.findall(text):
            self.seen.setdefault(ref, t)


def roles_for(rooms: int, sessions: int) -> list[str]:
    """One trainer per room first, then about one observer in fifteen, then trainees."""
    trainers = min(rooms, sessions)
    observers = min(round(sessions / 15), sessions - trainers)
    return ["trainer"] * trainers + ["observer"] * observers + ["trainee"] * (sessions - trainers - observers)


def run_console_load(rooms: int = 4, sessions: int = 30, accounts: int = 20_000, speed: float = 60.0,
                     seconds: float = 60.0, idle_seconds: float = 15.0, post_every: float = 6.0,
                     url: str | None = None, progress: bool = False,
                     screenshots: str | Path | None = None) -> dict[str, Any]:
    """Run the class and return the figures (see the module docstring)."""
    screenshots = Path(screenshots) if screenshots is not None else None
    with tempfile.TemporaryDirectory(prefix="uproar-load-") as tmp:
        folder = Path(tmp)
        db = url or f"sqlite:///{folder / 'uproar.db'}"
        engine = open_store(db)
        created = [room_api.create_room(engine, SCENARIOS[i % len(SCENARIOS)], seed=i + 1, population=accounts,
                                        minutes=ROOM_MINUTES, name=f"Team {i + 1}") for i in range(rooms)]
        langs = {c.room_id: ("fr" if i % len(SCENARIOS) == 0 else "en") for i, c in enumerate(created)}
        console, base = _start_console(db, folder)
        try:
            for c in created:
                room_api.start_runner(c.room_id, speed=speed, database=db, log=folder / f"runner-{c.room_id}.log")
            _wait_running(engine, [c.room_id for c in created])
            result = asyncio.run(_class(base, engine, created, langs, console, sessions, seconds, idle_seconds,
                                        post_every, progress, folder / "console.log", screenshots))
        finally:
            stop_group(console.pid)
            for c in created:
                with contextlib.suppress(Exception):
                    room_api.pause(engine, c.room_id, source="bench")
            _stop_runners(engine, [c.room_id for c in created])
            engine.dispose()
        log = (folder / "console.log").read_bytes()[: result.pop("_log_size")].decode(errors="replace")
    result["errors"] += log.count("Traceback")
    return {"rooms": rooms, "sessions": sessions, "accounts": accounts, "speed": speed,
            "database": db.split(":")[0], **result}


async def _class(base: str, engine, created, langs: dict[str, str], console: psutil.Process, sessions: int,  # type: ignore[no-untyped-def]
                 seconds: float, idle_seconds: float, post_every: float, progress: bool,
                 log: Path, screenshots: Path | None = None) -> dict[str, Any]:
    tree = _Tree(console)
    # the rooms alone: what the console costs with nobody watching
    tree.sample()
    await asyncio.sleep(idle_seconds)
    idle = tree.sample()

    viewers = [Viewer(role, created[i % len(created)].room_id, langs[created[i % len(created)].room_id])
               for i, role in enumerate(roles_for(len(created), sessions))]
    codes = {c.room_id: c for c in created}
    bar = tqdm(total=len(viewers), desc="opening pages", unit="page", disable=not progress, leave=False)

    async def enter(v: Viewer) -> None:
        t0 = time.monotonic()
        view = {"trainer": "trainer", "observer": "observer", "trainee": "trainee"}[v.role]
        v.page = PageSession(base, {"room": v.room, "view": view}, on_text=v.watch)
        try:
            await v.page.open()
            code = codes[v.room].trainee_code if v.role == "trainee" else codes[v.room].trainer_code
            words = LABELS[v.lang]
            await v.page.submit({words["code"]: code}, words["enter"])
            await _until(lambda: bool(v.clock), 60.0)
            v.loaded_s = time.monotonic() - t0
        except Exception as exc:  # a page that fails to load is a result, not a crash
            v.error = f"{type(exc).__name__}: {exc}"[:300]
        bar.update(1)

    await asyncio.gather(*(enter(v) for v in viewers))
    bar.close()
    minutes = _RoomClock(engine, list(codes))
    ticker = asyncio.create_task(minutes.follow())
    tree.sample()
    posts: list[tuple[str, str, float]] = []  # (room, ref, clicked at)
    start = time.monotonic()
    bar = tqdm(total=int(seconds), desc="class in session", unit="s", disable=not progress, leave=False)
    turn = 0
    while (elapsed := time.monotonic() - start) < seconds:
        room = list(codes)[turn % len(codes)]
        writer = next((v for v in viewers if v.room == room and v.role == "trainee" and v.loaded_s), None)
        ref = f"{4000 + turn}"
        lang = langs[room]
        body = MESSAGES[lang].format(ref=ref)
        with contextlib.suppress(Exception):
            if writer is not None and writer.page is not None:  # from the trainee's composer
                await writer.page.fill({LABELS[lang]["text"]: body})
                posts.append((room, ref, time.monotonic()))
                await writer.page.click(LABELS[lang]["post"])
            else:  # no trainee page open on this room: from the command line, as `uproar room post`
                posts.append((room, ref, time.monotonic()))
                room_api.post(engine, room, body, platforms=["twitter"], source="bench")
        turn += 1
        await asyncio.sleep(max(0.0, post_every / len(codes) - (time.monotonic() - start - elapsed)))
        bar.update(int(time.monotonic() - start) - bar.n)
    if screenshots is not None:  # what a trainer and a trainee see while the class is on
        await _screenshots(base, created[0], screenshots)
    live = tree.sample()
    rss = tree.rss_mb()
    log_size = log.stat().st_size  # tracebacks after this are the sessions closing, not the class
    window_end = time.monotonic()
    await asyncio.sleep(5.0)  # let the last posts arrive before judging them
    ticker.cancel()
    bar.close()
    for v in viewers:
        if v.page is not None:
            await v.page.close()

    seen = [v.seen.get(ref, float("inf")) - at for room, ref, at in posts
            for v in viewers if v.room == room and v.role in ("trainer", "observer") and v.loaded_s]
    lags = []
    for v in viewers:
        if not v.loaded_s:
            continue
        shown = sorted(v.clock.items())
        for m, reached in minutes.times[v.room].items():
            if not start <= reached <= window_end:
                continue
            first = min((t for mm, t in shown if mm >= m), default=float("inf"))
            lags.append(max(0.0, first - reached))
    return {
        "message_seen_s": _summary(seen),
        "clock_lag_s": _summary(lags),
        "console_cores": round(live, 3),
        "console_cores_idle": round(idle, 3),
        "cores_per_session": round((live - idle) / max(sessions, 1), 4),
        "console_rss_mb": round(rss, 1),
        "errors": sum(len(v.page.exceptions) for v in viewers if v.page is not None),
        "failed_loads": sum(1 for v in viewers if not v.loaded_s),
        "load_s": _summary([v.loaded_s for v in viewers if v.loaded_s]),
        "posts": len(posts),
        "kb_per_session_s": round(sum(v.page.bytes_in for v in viewers if v.page) / 1024
                                  / max(sessions, 1) / (window_end - start), 1),
        "failures": sorted({v.error for v in viewers if v.error})[:5],
        "_log_size": log_size,
    }


async def _screenshots(base: str, room, folder: Path) -> None:  # type: ignore[no-untyped-def]
    """Chromium pages of the first room's trainer and a trainee, saved as PNG (Debian's chromium)."""
    import shutil

    from playwright.async_api import async_playwright

    folder.mkdir(parents=True, exist_ok=True)
    flags = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=shutil.which("chromium"), headless=True, args=flags)
        for view, code in (("trainer", room.trainer_code), ("trainee", room.trainee_code)):
            page = await (await browser.new_context(viewport={"width": 1400, "height": 1600})).new_page()
            await page.goto(f"{base}/?room={room.room_id}&view={view}")
            await page.get_by_label(LABELS["fr"]["code"]).fill(code)
            await page.get_by_role("button", name=LABELS["fr"]["enter"]).click()
            await page.locator("[data-clock]").first.wait_for(timeout=60_000)
            await asyncio.sleep(4)
            await page.screenshot(path=str(folder / f"load-{view}.png"), full_page=True)
        await browser.close()


class _Tree:
    """CPU seconds per second and memory of a process and all its descendants."""

    def __init__(self, root: psutil.Process):
        self.root = root
        self._last: tuple[float, float] | None = None

    def _procs(self) -> list[psutil.Process]:
        with contextlib.suppress(psutil.Error):
            return [self.root, *self.root.children(recursive=True)]
        return []

    def sample(self) -> float:
        """Cores used since the previous sample."""
        cpu = 0.0
        for p in self._procs():
            with contextlib.suppress(psutil.Error):
                t = p.cpu_times()
                cpu += t.user + t.system + t.children_user + t.children_system
        now = time.monotonic()
        last, self._last = self._last, (now, cpu)
        return 0.0 if last is None else (cpu - last[1]) / max(now - last[0], 1e-9)

    def rss_mb(self) -> float:
        total = 0
        for p in self._procs():
            with contextlib.suppress(psutil.Error):
                total += p.memory_info().rss
        return total / 2**20


class _RoomClock:
    """When each room reached each minute, as the database says (polled every 50 ms)."""

    def __init__(self, engine, room_ids: list[str]):  # type: ignore[no-untyped-def]
        self.engine = engine
        self.times: dict[str, dict[int, float]] = {r: {} for r in room_ids}

    async def follow(self) -> None:
        t = Room.__table__
        while True:
            with self.engine.connect() as conn:
                rows = conn.execute(select(t.c.id, t.c.minute).where(t.c.id.in_(list(self.times)))).all()
            now = time.monotonic()
            for room, minute in rows:
                self.times[room].setdefault(int(minute), now)
            await asyncio.sleep(0.05)


def _summary(values: list[float]) -> dict[str, float | None]:
    if not values:
        return {"p50": None, "p95": None, "max": None}
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    worst = ordered[-1]
    return {"p50": round(statistics.median(ordered), 2), "p95": round(p95, 2),
            "max": round(worst, 2) if worst != float("inf") else None, "n": len(ordered),
            "missed": sum(1 for x in ordered if x == float("inf"))}


async def _until(condition, timeout: float) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"the page did not show the room within {timeout:g} s")
        await asyncio.sleep(0.05)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start_console(db: str, folder: Path, port: int | None = None) -> tuple[psutil.Process, str]:
    port = port or _free_port()
    env = {**os.environ, "UPROAR_DATABASE_URL": db}
    log = open(folder / "console.log", "w")  # noqa: SIM115 - the console writes to it until stopped
    proc = subprocess.Popen([sys.executable, "-m", "uproar.cli", "console", "--port", str(port), "--no-demo",
                             "--host", "127.0.0.1"], env=env, cwd=folder, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError):
            if urllib.request.urlopen(base + "/_stcore/health", timeout=2).read() == b"ok":
                return psutil.Process(proc.pid), base
        if proc.poll() is not None:
            break
        time.sleep(0.3)
    stop_group(proc.pid)
    raise RuntimeError("the console did not start: " + (folder / "console.log").read_text(errors="replace")[-2000:])


def _wait_running(engine, room_ids: list[str], timeout: float = 120.0) -> None:  # type: ignore[no-untyped-def]
    """Until every runner has rebuilt its crowd and the clocks move."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if all(room_api.status(engine, r)["minute"] >= 1 for r in room_ids):
            return
        time.sleep(0.5)
    raise RuntimeError(f"the rooms' runners did not start within {timeout:g} s")


def _stop_runners(engine, room_ids: list[str]) -> None:  # type: ignore[no-untyped-def]
    for r in room_ids:
        with contextlib.suppress(Exception):
            room = room_api.get_room(engine, r)
            if room.runner_pid:
                stop_group(room.runner_pid, grace=5.0)


__all__ = ["roles_for", "run_console_load"]
