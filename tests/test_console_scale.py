"""A class on one console: sessions share each room's view; two consoles serve one database.

* N pages open on one room cause one computation of the room's view per new minute,
  not N, and a refresh with nothing new computes nothing (AppTest sessions in this
  process share the console's hub, as the sessions of one server do).
* Two `uproar console` processes on one PostgreSQL database: a trainee's message
  posted through one shows on the trainer page served by the other (real server
  sessions over Streamlit's websocket protocol, `benchmarks/stclient.py`).
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import threading
import time
from html import escape
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy import text as sql
from streamlit.testing.v1 import AppTest
from test_browser import free_port
from test_console import page_html
from test_rooms import PG_URL, _postgres_database

from uproar.app import rooms
from uproar.app.feed import filter_feed, items_html
from uproar.app.processes import stop_group
from uproar.app.runner import RoomRunner
from uproar.app.view import FEED_ITEMS, ViewHub, shared_hub
from uproar.benchmarks.stclient import PageSession
from uproar.store.engine import make_engine, open_store

CONSOLE = str(Path(__file__).resolve().parent.parent / "app" / "console.py")


@pytest.fixture(scope="module")
def room(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('scale') / 'uproar.db'}"
    engine = open_store(url)
    created = rooms.create_room(engine, "fr-usine-chimique", seed=3, population=2000, minutes=60)
    RoomRunner(engine, created.room_id, speed=0, until=10).run()
    return url, engine, created


def page(url: str, room_id: str, role: str, monkeypatch) -> AppTest:
    monkeypatch.setenv("UPROAR_DATABASE_URL", url)
    at = AppTest.from_file(CONSOLE, default_timeout=60)
    at.query_params["room"] = room_id
    at.query_params["view"] = role
    at.session_state["roles"] = {room_id: role}
    return at.run()


def test_sessions_on_one_room_share_one_view_per_minute(room, monkeypatch):
    url, engine, created = room
    hub = shared_hub(url)
    before = hub.builds[created.room_id]
    pages = [page(url, created.room_id, role, monkeypatch) for role in ["trainer", "trainee"] * 3]
    assert all(not p.exception for p in pages)
    assert all('data-clock="10"' in page_html(p) for p in pages)
    assert hub.builds[created.room_id] - before <= 1  # the first page built it (or an earlier test had)

    RoomRunner(engine, created.room_id, speed=0, until=11).run()  # a new minute
    time.sleep(hub.check_s * 1.5)
    built = hub.builds[created.room_id]
    for p in pages:  # every page's watcher presses refresh
        p.button(key="live-tick").click().run()
        assert not p.exception
        assert 'data-clock="11"' in page_html(p)
    assert hub.builds[created.room_id] == built + 1, "six pages, one new minute: one computation"

    time.sleep(hub.check_s * 1.5)
    for p in pages:  # nothing new: refreshes read the shared view and compute nothing
        p.button(key="live-tick").click().run()
    assert hub.builds[created.room_id] == built + 1


def test_the_feed_a_page_shows_after_new_minutes_is_the_feed_a_fresh_page_shows(tmp_path):
    """Item cards are kept from one minute to the next (only new items are rendered): what a page
    shows after the room moved on must be exactly what a page opened afresh shows."""
    url = f"sqlite:///{tmp_path / 'u.db'}"
    engine = open_store(url)
    created = rooms.create_room(engine, "en-retail-breach", seed=4, population=2000, minutes=60)
    RoomRunner(engine, created.room_id, speed=0, until=10).run()
    watching = ViewHub(make_engine(url, writer=False), check_s=0.0)

    def everything(view) -> list[str]:  # type: ignore[no-untyped-def]
        platforms = view.room["platforms"]
        return [*(view.mentions(p, lang) for p in platforms for lang in ("fr", "en")),
                view.feed("en"), view.feed("fr", (platforms[0], None, None, None, "")),
                view.feed("en", (None, "public", None, None, ""))]

    before = everything(watching.view(created.room_id))
    RoomRunner(engine, created.room_id, speed=0, until=14).run()
    view = watching.view(created.room_id)
    after = everything(view)
    fresh = everything(ViewHub(make_engine(url, writer=False)).view(created.room_id))
    assert after == fresh
    assert after != before and all("u-item" in html for html in after[:2])
    assert after[0] != after[1], "a card made in one language was shown in the other"
    accounts, feed = view.snapshot.accounts, view.snapshot.feed
    org = accounts.loc[accounts["group"] == "organisation", "name"].iloc[0]
    shown = 0
    for platform in view.room["platforms"]:  # a trainee's tab shows the newest item naming the organisation
        naming = feed[(feed["platform"] == platform) & feed["text"].str.contains(org, case=False, regex=False)]
        if len(naming):
            assert escape(naming["text"].iloc[0]) in view.mentions(platform, "en"), platform
            shown += 1
    assert shown, f"no item names {org}: the check above checked nothing"
    feed, first = view.snapshot.feed, view.room["platforms"][0]
    assert after[-3:] == [items_html(feed, "en", FEED_ITEMS),  # each card as the feed renders it whole
                          items_html(filter_feed(feed, first, None, None, None, ""), "fr", FEED_ITEMS),
                          items_html(filter_feed(feed, None, "public", None, None, ""), "en", FEED_ITEMS)]


def test_many_threads_asking_at_once_build_the_view_once(room):
    url, engine, created = room
    hub = shared_hub(url)
    RoomRunner(engine, created.room_id, speed=0, until=12).run()
    time.sleep(hub.check_s * 1.5)
    before = hub.builds[created.room_id]
    seen: list[int] = []
    start = threading.Barrier(12)

    def session() -> None:
        start.wait()
        for _ in range(5):
            seen.append(hub.view(created.room_id).room["minute"])
            time.sleep(0.01)

    threads = [threading.Thread(target=session) for _ in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert hub.builds[created.room_id] == before + 1
    assert seen[-1] == 12 and set(seen) <= {11, 12}


@pytest.mark.slow
def test_two_consoles_on_one_database_serve_the_same_room(tmp_path):
    url = _postgres_database()
    engine = open_store(url)
    created = rooms.create_room(engine, "fr-usine-chimique", seed=5, population=3000, minutes=120)
    ports = [free_port(), free_port()]
    env = {**os.environ, "UPROAR_DATABASE_URL": url}
    consoles = [subprocess.Popen([sys.executable, "-m", "uproar.cli", "console", "--port", str(port), "--no-demo",
                                  "--no-supervise", "--host", "127.0.0.1"], env=env, cwd=tmp_path,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
                for port in ports]
    runner = rooms.start_runner(created.room_id, speed=60, database=url, log=tmp_path / "runner.log")
    try:
        seen_after = asyncio.run(_post_on_one_see_on_other(ports, created))
    finally:
        for proc in consoles:
            stop_group(proc.pid)
        stop_group(runner)
        engine.dispose()
        admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(sql(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)'))
        admin.dispose()
    assert seen_after <= 3.0, f"the other console showed the message after {seen_after:.1f} s"


async def _post_on_one_see_on_other(ports: list[int], created) -> float:  # type: ignore[no-untyped-def]
    for port in ports:
        await _healthy(port)
    trainer = PageSession(f"http://127.0.0.1:{ports[1]}", {"room": created.room_id, "view": "trainer"})
    trainee = PageSession(f"http://127.0.0.1:{ports[0]}", {"room": created.room_id, "view": "trainee"})
    try:
        for session, code in ((trainer, created.trainer_code), (trainee, created.trainee_code)):
            await session.open()
            await session.submit({"Code d'accès": code}, "Entrer")
        text = "Point presse (réf. 73105) : nous publierons un nouveau point à 15 h."
        await trainee.fill({"Texte": text})
        clicked = time.monotonic()
        await trainee.click("Publier")
        deadline = clicked + 30
        while not trainer.find("73105"):
            assert time.monotonic() < deadline, "the trainer page on the other console never showed the message"
            await asyncio.sleep(0.05)
        assert not trainer.exceptions and not trainee.exceptions
        return time.monotonic() - clicked
    finally:
        await trainer.close()
        await trainee.close()


async def _healthy(port: int, timeout: float = 60.0) -> None:
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2).read() == b"ok":
                return
        except OSError:
            await asyncio.sleep(0.3)
    raise AssertionError(f"the console on port {port} did not start")
