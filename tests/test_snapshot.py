"""The console's room snapshot: right numbers, read incrementally, equal to a fresh read.

Every figure is checked against a direct query of the tables the runner wrote, so a
snapshot that drifts from the database (a missed minute, a reply counted twice, a
window cut at the wrong place) fails here.
"""

from __future__ import annotations

import os
import threading
import uuid

import numpy as np
import pandas as pd
import pytest
from sqlalchemy import create_engine, func, select, text

from uproar.app import rooms
from uproar.app.runner import RoomRunner
from uproar.app.snapshot import RoomClient, RoomSnapshot, influence
from uproar.model.export import REACTION_COLUMNS
from uproar.store import records
from uproar.store.engine import open_store
from uproar.store.tables import (
    Account,
    HashtagCount,
    InjectFired,
    Reaction,
    RoomEvent,
    TimelineRow,
    Trend,
)

# 3,000 accounts: a smaller crowd seldom makes a tag trend (10 in 5 minutes) within the hour
POP, MINUTES, FEED = 3000, 60, 100
EARLY = "Nous avons connaissance d'un incident sur le site de Valmont et nous vérifions la situation."
ANSWER = ("Nous sommes sincèrement désolés. Une fuite de chlore a eu lieu, trois salariés sont soignés ; "
          "restez chez vous, fenêtres fermées, nous vous tiendrons informés toutes les heures.")
PG_URL = os.environ.get("UPROAR_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
FRAMES = ["pressure", "per_minute", "group_emotions", "platform_split", "hashtags", "feed", "messages", "events",
          "markers", "accounts", "influential", "network_nodes", "network_edges"]


def message(t_min: int, body: str) -> dict:
    return {"type": "message", "t_min": t_min, "platforms": ["twitter"], "text": body}


def same(a: RoomSnapshot, b: RoomSnapshot) -> None:
    """Equal in everything but when and how fast they were taken."""
    for name in FRAMES:
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name), check_exact=True, obj=name)
    assert a.questions == b.questions
    assert {k: v for k, v in a.room.items()} == {k: v for k, v in b.room.items()}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    eng = open_store(f"sqlite:///{tmp_path_factory.mktemp('snap')}/u.db")
    yield eng
    eng.dispose()


@pytest.fixture(scope="module")
def story(engine):
    """A room with an early message (before the scripted question): seen at minute 30, then 55.
    Seed 5: a hashtag trends from minute 32 (with seeds 1 and 2 none does within the hour at this size)."""
    room_id = rooms.create_room(engine, "fr-usine-chimique", seed=5, population=POP, minutes=MINUTES).room_id
    rooms.submit(engine, room_id, message(10, EARLY))
    client = RoomClient(engine, room_id, feed_size=FEED)
    empty = client.refresh(min_interval=0)
    RoomRunner(engine, room_id, speed=0, until=30).run()
    at30 = client.refresh(min_interval=0)
    fetched30 = dict(client.fetched)
    window30 = client._window.copy()  # white-box: what the client keeps in memory
    RoomRunner(engine, room_id, speed=0, until=55).run()
    at55 = client.refresh(min_interval=0)
    fetched55 = dict(client.fetched)
    window55 = client._window.copy()
    return {"room_id": room_id, "client": client, "empty": empty, "at30": at30, "at55": at55,
            "fetched30": fetched30, "fetched55": fetched55, "window30": window30, "window55": window55}


def scalar(engine, query) -> int:
    with engine.connect() as conn:
        return int(conn.execute(query).scalar() or 0)


def test_unknown_room_is_refused_with_the_usual_error(engine):
    with pytest.raises(rooms.RoomError, match="no room 'nosuchroom'"):
        RoomClient(engine, "nosuchroom")


def test_a_room_with_no_data_yet_gives_empty_frames_with_their_columns(story):
    snap = story["empty"]
    assert snap.room["minute"] == 0 and snap.room["language"] == "fr" and snap.room["runner_alive"] is False
    assert snap.room["scenario_id"] == "fr-usine-chimique" and snap.room["until"] == MINUTES
    assert list(snap.feed.columns) == REACTION_COLUMNS
    assert list(snap.hashtags.columns) == ["tag", "count_5min", "trending", "series"]
    assert list(snap.messages.columns)[-2:] == ["replies", "hostile_share"]
    assert list(snap.network_edges.columns) == ["source", "target", "weight"]
    for name in FRAMES:
        if name != "accounts":
            assert getattr(snap, name).empty, name
    assert snap.questions == []
    assert len(snap.accounts) == 16 and all(isinstance(p, list) for p in snap.accounts["platforms"])
    assert snap.accounts.set_index("persona_id").loc["chimex", "platforms"][0] == "twitter"


def test_per_minute_and_pressure_equal_the_tables(engine, story):
    snap, room_id = story["at55"], story["room_id"]
    t = TimelineRow.__table__
    with engine.connect() as conn:
        sums = pd.DataFrame(conn.execute(
            select(t.c.t_min, t.c.emotion, func.sum(t.c["count"])).where(t.c.room_id == room_id)
            .group_by(t.c.t_min, t.c.emotion)).all(), columns=["t_min", "emotion", "count"])
        pressure = records.pressure_from_db(conn, room_id)
        timeline = records.timeline_from_db(conn, room_id)
    got = snap.per_minute.set_index(["t_min", "emotion"])["count"].sort_index()
    want = sums.astype({"count": np.int64}).set_index(["t_min", "emotion"])["count"].sort_index()
    pd.testing.assert_series_equal(got, want, check_names=False)
    assert sorted(snap.per_minute["t_min"].unique()) == list(range(55))
    assert snap.per_minute["count"].sum() == scalar(engine, select(func.count()).select_from(Reaction)
                                                    .where(Reaction.room_id == room_id))
    pd.testing.assert_frame_equal(snap.pressure, pressure)
    pd.testing.assert_frame_equal(snap.group_emotions, timeline[["t_min", "group", "emotion", "mean_intensity"]])


def test_feed_is_the_newest_items_newest_first_and_capped(engine, story):
    snap, room_id = story["at55"], story["room_id"]
    assert list(snap.feed.columns) == REACTION_COLUMNS
    assert len(snap.feed) == FEED
    assert snap.feed["seq"].is_monotonic_decreasing and snap.feed["seq"].is_unique
    with engine.connect() as conn:
        newest = records.reactions_from_db(conn, room_id).sort_values("seq", ascending=False).head(FEED)
    # same values; the feed keeps its closed vocabularies as categoricals in memory
    pd.testing.assert_frame_equal(snap.feed.astype(object), newest.reset_index(drop=True).astype(object),
                                  check_dtype=False)


def test_reply_counts_match_sql_even_after_the_replies_left_the_window(engine, story):
    room_id = story["room_id"]
    r = Reaction.__table__
    for key in ("at30", "at55"):
        msgs = story[key].messages
        assert len(msgs) == 1 and msgs["t_min"].iloc[0] == 10 and msgs["text"].iloc[0] == EARLY
        seq = int(msgs["seq"].iloc[0])
        minute = story[key].room["minute"]
        n = scalar(engine, select(func.count()).where(r.c.room_id == room_id, r.c.parent_seq == seq,
                                                      r.c.t_min < minute))
        hostile = scalar(engine, select(func.count()).where(r.c.room_id == room_id, r.c.parent_seq == seq,
                                                            r.c.t_min < minute, r.c.emotion.in_(["anger", "mockery"])))
        assert n > 0
        assert msgs["replies"].iloc[0] == n, key
        assert msgs["hostile_share"].iloc[0] == pytest.approx(hostile / n), key
    # replies kept coming after the first look, and most of the early ones are out of memory now
    assert story["at55"].messages["replies"].iloc[0] > story["at30"].messages["replies"].iloc[0]
    assert story["window55"]["t_min"].min() >= 55 - 30


def test_scripted_question_is_open_then_missed_at_its_deadline(story):
    q30 = [q for q in story["at30"].questions if q["journalist"] == "vasseur"]
    assert len(q30) == 1
    q = q30[0]
    assert (q["asked_at"], q["deadline_at"], q["status"]) == (20, 50, "open")
    assert q["name"] == "Claire Vasseur" and q["handle"] == "@ClaireVasseur_RS" and q["outlet"]
    assert q["text"].startswith("@ChimexFrance Bonjour, Claire Vasseur")
    assert set(q) == {"id", "journalist", "name", "outlet", "handle", "asked_at", "deadline_at", "status", "topic",
                      "text"}
    later = next(x for x in story["at55"].questions if x["id"] == q["id"])
    assert later["status"] == "missed"  # the only message came before the question


@pytest.mark.parametrize(("body", "status", "event"), [(ANSWER, "answered", "answered"),
                                                      ("Pas de commentaire.", "declined", "declined")])
def test_a_message_after_the_question_answers_it(engine, body, status, event):
    """An answer closes the question as answered; a bare "no comment" as declined."""
    room_id = rooms.create_room(engine, "fr-usine-chimique", population=POP, minutes=MINUTES).room_id
    rooms.submit(engine, room_id, message(25, body))
    RoomRunner(engine, room_id, speed=0, until=30).run()
    snap = RoomClient(engine, room_id).refresh()
    scripted = [q for q in snap.questions if q["journalist"] == "vasseur"]
    assert [q["status"] for q in scripted] == [status]
    with engine.connect() as conn:
        closing = [row for row in conn.execute(select(RoomEvent.t_min, RoomEvent.data)
                                               .where(RoomEvent.room_id == room_id)) if f'"{event}"' in row.data]
    assert [row.t_min for row in closing] == [25]


def test_a_page_following_minute_by_minute_sees_what_a_fresh_page_sees(engine):
    """Events, markers and questions are rebuilt only when the log grows: a client refreshed every
    minute — most minutes with no new event, some with a message, a question, its answer — must end
    where a fresh read of the same minute does, and at each minute show every message and question
    the database holds by then."""
    room_id = rooms.create_room(engine, "fr-usine-chimique", seed=3, population=POP, minutes=MINUTES).room_id
    rooms.submit(engine, room_id, message(12, EARLY))
    rooms.submit(engine, room_id, message(27, ANSWER))
    client = RoomClient(engine, room_id, feed_size=FEED)
    stale = 0
    for minute in range(1, 41):
        RoomRunner(engine, room_id, speed=0, until=minute).run()
        snap = client.refresh(min_interval=0)
        stale += client.fetched.get("events", 0) == 0
        assert snap.markers[snap.markers["kind"] == "message"]["t_min"].tolist() == [m for m in (12, 27) if m < minute]
        events = scalar(engine, select(func.count()).select_from(RoomEvent)
                        .where(RoomEvent.room_id == room_id, RoomEvent.t_min < minute))
        assert len(snap.events) == events, minute
    assert stale >= 10  # the reuse was exercised
    same(snap, RoomClient(engine, room_id, feed_size=FEED).refresh())
    scripted = [q for q in snap.questions if q["journalist"] == "vasseur"]
    assert [(q["asked_at"], q["status"]) for q in scripted] == [(20, "answered")]


def test_markers_hold_the_message_and_every_inject(engine, story):
    snap, room_id = story["at55"], story["room_id"]
    with engine.connect() as conn:
        injects = conn.execute(select(InjectFired.t_min).where(InjectFired.room_id == room_id)).scalars().all()
    marks = snap.markers
    assert list(marks.columns) == ["t_min", "kind", "label"]
    assert marks[marks["kind"] == "message"]["t_min"].tolist() == [10]
    assert sorted(marks[marks["kind"] == "inject"]["t_min"].tolist()) == sorted(injects)
    assert len(injects) >= 6 and marks["t_min"].is_monotonic_increasing
    assert all(0 < len(label) <= 80 for label in marks["label"])


def test_events_are_all_there_in_order_with_parsed_data(engine, story):
    snap, room_id = story["at55"], story["room_id"]
    n = scalar(engine, select(func.count()).select_from(RoomEvent).where(RoomEvent.room_id == room_id))
    assert len(snap.events) == n and snap.events["t_min"].is_monotonic_increasing
    assert all(isinstance(d, dict) for d in snap.events["data"])
    assert (snap.events["source"] == "inject").sum() >= 6


def test_hashtags_series_and_trending_follow_the_tables(engine, story):
    snap, room_id = story["at55"], story["room_id"]
    h, tr = HashtagCount.__table__, Trend.__table__
    with engine.connect() as conn:
        counts = pd.DataFrame(conn.execute(select(h.c.t_min, h.c.tag, h.c["count"])
                                           .where(h.c.room_id == room_id, h.c.t_min >= 25)).all(),
                              columns=["t_min", "tag", "count"])
        changes = conn.execute(select(tr.c.tag, tr.c.change).where(tr.c.room_id == room_id).order_by(tr.c.id)).all()
    trending = {}
    for tag, change in changes:
        trending[tag] = change == "enter"
    tags = snap.hashtags.set_index("tag")
    assert len(tags) and all(len(s) == 30 for s in tags["series"])
    assert set(tags.index) == set(counts["tag"]) | {t for t, on in trending.items() if on}
    for tag, row in tags.iterrows():
        assert bool(row["trending"]) == trending.get(tag, False), tag
        mine = counts[counts["tag"] == tag]
        want = [int(mine.loc[mine["t_min"] == m, "count"].sum()) for m in range(25, 55)]
        assert row["series"] == want, tag
        assert row["count_5min"] == sum(want[-5:])
    order = list(zip(~snap.hashtags["trending"], -snap.hashtags["count_5min"], strict=True))
    assert order == sorted(order)
    assert any(changes), "the scenario should make a tag trend within 55 minutes"


def test_platform_split_counts_the_last_thirty_minutes(engine, story):
    snap, room_id = story["at55"], story["room_id"]
    r = Reaction.__table__
    n = scalar(engine, select(func.count()).where(r.c.room_id == room_id, r.c.t_min >= 25, r.c.t_min < 55))
    assert snap.platform_split["count"].sum() == n
    with engine.connect() as conn:
        per_platform = dict(conn.execute(
            select(r.c.platform, func.count()).where(r.c.room_id == room_id, r.c.t_min >= 25).group_by(r.c.platform)
        ).all())
    assert snap.platform_split.groupby("platform")["count"].sum().to_dict() == per_platform


def test_influential_authors_match_an_independent_count(engine, story):
    snap, room_id = story["at55"], story["room_id"]
    with engine.connect() as conn:
        items = records.reactions_from_db(conn, room_id)
        msgs = records.messages_from_db(conn, room_id)
        handles = dict(conn.execute(select(Account.handle, Account.account_index)
                                    .where(Account.room_id == room_id)).all())
    msgs = msgs.assign(author_id=msgs["author"].map(handles))
    author_of = pd.concat([items.set_index("seq")["author_id"], msgs.set_index("seq")["author_id"]])
    recent, recent_msgs = items[items["t_min"] >= 40], msgs[msgs["t_min"] >= 40]
    own = pd.concat([recent["author_id"], recent_msgs["author_id"]]).value_counts()
    got = recent["parent_seq"].dropna().astype(int).map(author_of).value_counts()
    engagement = own.add(got, fill_value=0).astype(int)
    want = sorted(engagement.items(), key=lambda kv: (-kv[1], kv[0]))[:20]
    top = snap.influential
    assert list(zip(top["author_id"], top["engagement"], strict=True)) == want
    assert top["items"].tolist() == [int(own.get(a, 0)) for a, _ in want]
    assert set(top["emotion"]) <= {"approval", "fear", "anger", "mockery", "sadness"}
    nodes, edges = snap.network_nodes, snap.network_edges
    assert nodes["author_id"].tolist() == top["author_id"].tolist()
    assert set(edges["source"]) | set(edges["target"]) <= set(nodes["author_id"])
    assert (edges["source"] != edges["target"]).all() and (edges["weight"] >= 1).all()
    # an edge's weight is the number of recent items its source aimed at its target
    if len(edges):
        s, t, w = edges.iloc[0]
        pointed = recent[(recent["author_id"] == s) & recent["parent_seq"].notna()]
        assert (pointed["parent_seq"].astype(int).map(author_of) == t).sum() == w


def test_influence_by_hand():
    """Engagement = items pointing at an author's items (in memory, a message, or looked up) + own items."""
    accounts = pd.DataFrame({"persona_id": ["org"], "account_index": [0], "name": ["Org"], "handle": ["@Org"],
                             "group": ["organisation"], "outlet": [""], "followers": [1], "platforms": [["x"]]})
    window = pd.DataFrame({
        "seq": [1, 3, 4, 5, 6],
        "t_min": [1.0, 11.0, 12.0, 12.5, 13.0],
        "author_id": [5, 6, 7, 6, 8],
        "author_name": ["@five", "@six", "@seven", "@six", "@eight"],
        "author_group": ["public"] * 5,
        "emotion": ["anger", "fear", "anger", "anger", "mockery"],
        "parent_seq": pd.array([None, 1, 2, 3, 99], dtype="Int64"),
    })
    messages = pd.DataFrame({"seq": [2], "t_min": [10], "author": ["@Org"]})
    parents = {99: (9, "@nine", "journalist")}
    top, nodes, edges = influence(window, messages, accounts, parents, since=10)
    assert top["author_id"].tolist() == [6, 0, 5, 7, 8, 9]
    assert top["engagement"].tolist() == [3, 2, 1, 1, 1, 1]
    assert top["items"].tolist() == [2, 1, 0, 1, 1, 0]
    assert top["author_name"].tolist() == ["@six", "@Org", "@five", "@seven", "@eight", "@nine"]
    assert top["emotion"].tolist() == ["fear", "anger", "fear", "anger", "mockery", "mockery"]
    assert sorted(map(tuple, edges[["source", "target", "weight"]].to_numpy().tolist())) == [
        (6, 5, 1), (7, 0, 1), (8, 9, 1)]  # 6 answering itself is engagement, not an edge
    assert nodes["author_id"].tolist() == top["author_id"].tolist()
    assert influence(window, messages, accounts, parents, since=10, top=2)[0]["author_id"].tolist() == [6, 0]
    empty = influence(window.iloc[:0], messages.iloc[:0], accounts, {}, since=10)
    assert all(frame.empty for frame in empty) and list(empty[2].columns) == ["source", "target", "weight"]


def test_the_second_refresh_reads_only_new_rows(engine, story):
    room_id = story["room_id"]
    r, tl = Reaction.__table__, TimelineRow.__table__
    new_items = scalar(engine, select(func.count()).where(r.c.room_id == room_id, r.c.t_min >= 30, r.c.t_min < 55))
    new_timeline = scalar(engine, select(func.count()).where(tl.c.room_id == room_id, tl.c.t_min >= 30))
    f30, f55 = story["fetched30"], story["fetched55"]
    assert f55["reactions"] == new_items and f55["timeline"] == new_timeline and f55["pressure"] == 25
    assert f55["messages"] == 0 and f30["messages"] == 1
    # the window slid: items older than thirty minutes were dropped, the new ones kept
    w30, w55 = story["window30"], story["window55"]
    assert w30["t_min"].min() < 25 <= w55["t_min"].min()
    assert w55["seq"].is_monotonic_increasing and w55["t_min"].max() < 55
    assert len(w55) == scalar(engine, select(func.count()).where(r.c.room_id == room_id, r.c.t_min >= 25))


def test_incremental_equals_a_fresh_read_and_nothing_new_costs_nothing(engine, story):
    client = story["client"]
    fresh = RoomClient(engine, story["room_id"], feed_size=FEED).refresh()
    same(story["at55"], fresh)
    again = client.refresh(min_interval=0)
    assert client.fetched == {}  # the minute did not move: only the room row was read
    same(again, story["at55"])
    assert again.feed is story["at55"].feed and again.refreshed_at > story["at55"].refreshed_at
    assert client.refresh(min_interval=60) is again and client.snapshot is again


def test_the_first_look_reads_only_the_window(engine, story):
    client = RoomClient(engine, story["room_id"], feed_size=10, window_min=5)
    snap = client.refresh()
    r = Reaction.__table__
    in_window = scalar(engine, select(func.count()).where(r.c.room_id == story["room_id"], r.c.t_min >= 50))
    assert client.fetched["reactions"] == in_window
    assert in_window < scalar(engine, select(func.count()).where(r.c.room_id == story["room_id"])) / 4
    assert len(snap.feed) == 10 and all(len(s) == 5 for s in snap.hashtags["series"])
    assert snap.messages["replies"].tolist() == story["at55"].messages["replies"].tolist()


def test_threads_share_one_client_safely(engine, story):
    client = RoomClient(engine, story["room_id"])
    seen, errors = [], []

    def poll() -> None:
        try:
            for _ in range(5):
                seen.append(client.refresh(min_interval=0.0))
        except Exception as exc:  # pragma: no cover - the failure is the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=poll) for _ in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert not errors and len(seen) == 20
    assert len({len(s.feed) for s in seen}) == 1 and all(s.room["minute"] == 55 for s in seen)


@pytest.fixture(scope="module")
def pg_engine():
    try:
        admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
        name = f"uproar_snap_{uuid.uuid4().hex[:8]}"
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:
        pytest.skip(f"PostgreSQL not reachable at {PG_URL}: {exc.__class__.__name__}"[:200])
    eng = open_store(PG_URL.rsplit("/", 1)[0] + "/" + name)
    yield eng
    eng.dispose()
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def test_postgresql_incremental_equals_fresh(pg_engine):
    room_id = rooms.create_room(pg_engine, "fr-usine-chimique", population=POP, minutes=MINUTES).room_id
    rooms.submit(pg_engine, room_id, message(10, EARLY))
    client = RoomClient(pg_engine, room_id, feed_size=FEED)
    RoomRunner(pg_engine, room_id, speed=0, until=25).run()
    client.refresh(min_interval=0)
    RoomRunner(pg_engine, room_id, speed=0, until=52).run()
    snap = client.refresh(min_interval=0)
    same(snap, RoomClient(pg_engine, room_id, feed_size=FEED).refresh())
    assert [q["status"] for q in snap.questions if q["journalist"] == "vasseur"] == ["missed"]
    r = Reaction.__table__
    seq = int(snap.messages["seq"].iloc[0])
    assert snap.messages["replies"].iloc[0] == scalar(pg_engine, select(func.count()).where(
        r.c.room_id == room_id, r.c.parent_seq == seq))
