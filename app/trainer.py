"""Trainer control room (and, read-only, the observer view).

Controls sit outside the live fragment so typing is never interrupted; the
fragment redraws the clock, dial, charts, trends, influential accounts and the
feed from the shared snapshot every second. Every control calls the same room
functions as the command line.
"""

from __future__ import annotations

from datetime import datetime

import streamlit as st

from ..model.taxonomy import EMOTIONS, GROUPS
from . import charts, health, rooms
from .feed import filter_feed, render_items, safe, style_sheet
from .i18n import t
from .snapshot import RoomClient

REFRESH_S = 1.0


def render(engine, client: RoomClient, room_id: str, lang: str, read_only: bool = False) -> None:  # type: ignore[no-untyped-def]
    style_sheet()
    snap = client.refresh()
    room = snap.room
    st.title(f"{safe(room['name'])}")
    st.caption(f"{t('observer' if read_only else 'trainer', lang)} · {room_id} · {safe(room['scenario_id'])}")
    if not read_only:
        controls(engine, snap, room_id, lang)
    report_download(room_id, lang)
    filters(snap, lang)
    live(client, lang)


def report_download(room_id: str, lang: str) -> None:
    """Build the debrief on demand (the impact analysis replays the room: a minute or two)."""
    with st.expander(t("report", lang)):
        c1, c2, c3 = st.columns([1, 2, 2])
        fmt = c1.radio("format", ["pdf", "html"], horizontal=True, key="report-format", label_visibility="collapsed")
        with_impact = c2.checkbox("impact (1–2 min)", value=False, key="report-impact")
        if c3.button(t("report", lang) + " ⤓", key="report-build"):
            import tempfile
            from pathlib import Path

            from ..report.build import build_report
            from ..store.engine import database_url

            with st.spinner("…"):
                out = Path(tempfile.mkdtemp(prefix="uproar-console-report-")) / f"report-{room_id}.{fmt}"
                try:
                    path, _ = build_report(room_id, fmt=fmt, lang=lang, out=out, impact=with_impact,
                                           database=database_url())
                except ValueError as exc:
                    st.error(safe(str(exc)))
                    return
            st.session_state["report-file"] = (path.name, path.read_bytes(), fmt)
        ready = st.session_state.get("report-file")
        if ready:
            name, data, kind = ready
            st.download_button(f"⤓ {name}", data=data, file_name=name,
                               mime="application/pdf" if kind == "pdf" else "text/html", key="report-download")


def controls(engine, snap, room_id: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    room = snap.room
    with st.expander(t("clock", lang), expanded=True):
        c1, c2, c3, c4 = st.columns([1, 1, 2, 2])
        options = [1, 2, 5, 10, 30, 60, 120, "max"]
        current = "max" if room["speed"] == 0 else int(room["speed"])
        # a room never started opens at ×60, the pace of a rehearsal; later the room's own speed
        default = 60 if room["state"] == "created" or current not in options else current
        speed = c3.select_slider(t("speed", lang), options=options, value=default, key="speed")
        speed_value = 0.0 if speed == "max" else float(speed)
        if not room["runner_alive"] and room["state"] != "finished":
            if c1.button(t("start", lang), type="primary", key="start"):
                rooms.set_speed(engine, room_id, speed_value, source="console")
                if room["state"] == "paused":
                    rooms.resume(engine, room_id, source="console")
                rooms.start_runner(room_id, speed=speed_value)
                _wait_for_runner(engine, room_id)
                st.rerun()
        elif room["state"] == "paused":
            if c1.button(t("resume", lang), type="primary", key="resume"):
                rooms.resume(engine, room_id, source="console")
                st.rerun()
        elif room["state"] != "finished" and c1.button(t("pause", lang), key="pause"):
            rooms.pause(engine, room_id, source="console")
            st.rerun()
        if c2.button(t("apply", lang), key="apply-speed", help=t("speed", lang)):
            rooms.set_speed(engine, room_id, speed_value, source="console")
        jump = c4.number_input(t("jump", lang), min_value=room["minute"], max_value=room["until"], value=room["minute"],
                               key="jump")
        if c4.button("→ T+", key="jump-go", disabled=room["runner_alive"] or jump <= room["minute"]):
            rooms.start_runner(room_id, speed=0.0, until=int(jump))
            _wait_for_runner(engine, room_id)
            st.rerun()

    scenario = rooms.room_scenario(rooms.get_room(engine, room_id))
    col_a, col_b = st.columns(2)
    with col_a, st.expander(t("injects", lang)):
        labels = [f"#{i} · T+{inj.at} · {inj.title or inj.text[:60]}" for i, inj in enumerate(scenario.injects)]
        choice = st.selectbox(t("injects", lang), range(len(labels)), format_func=lambda i: labels[i], key="inject-pick")
        if st.button(t("fire", lang), key="fire"):
            rooms.submit(engine, room_id, {"type": "inject", "index": int(choice)}, source="console")
            st.toast(t("queued", lang))
        with st.form("custom-inject", clear_on_submit=True):
            st.markdown(f"**{t('custom_inject', lang)}**")
            text = st.text_area(t("text", lang), max_chars=2000)
            groups = st.multiselect(t("group", lang), GROUPS)
            shocks = {e: st.slider(e, -0.5, 0.5, 0.0, 0.05, key=f"shock-{e}") for e in EMOTIONS}
            reach = st.slider(t("reach", lang), 0.0, 1.0, 0.3, 0.05)
            if st.form_submit_button(t("fire", lang)):
                _submit(engine, room_id, {"type": "inject", "text": text, "title": text[:80], "groups": groups,
                                          "shock": {e: v for e, v in shocks.items() if v}, "reach": reach}, lang)
    with col_b, st.expander(t("persona_post", lang)):
        with st.form("persona-post", clear_on_submit=True):
            personas = {p.id: f"{p.name} ({p.group})" for p in scenario.personas if p.group != "organisation"}
            who = st.selectbox(t("persona", lang), list(personas), format_func=personas.get)
            platform = st.selectbox(t("platform", lang), list(scenario.platform_names))
            emotion = st.selectbox(t("emotion", lang), EMOTIONS, index=2)
            text = st.text_area(t("text", lang), max_chars=2000, key="persona-text")
            if st.form_submit_button(t("publish", lang)):
                _submit(engine, room_id, {"type": "persona_post", "persona": who, "platform": platform,
                                          "emotion": emotion, "text": text}, lang)
        with st.form("intensity"):
            value = st.slider(t("intensity", lang), 0.0, 3.0, 1.0, 0.1)
            if st.form_submit_button(t("apply", lang)):
                _submit(engine, room_id, {"type": "intensity", "value": value}, lang)
        with st.form("note", clear_on_submit=True):
            note = st.text_input(t("note", lang), max_chars=1000)
            if st.form_submit_button(t("add_note", lang)) and note.strip():
                _submit(engine, room_id, {"type": "note", "text": note}, lang)


def _wait_for_runner(engine, room_id: str, timeout_s: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    """Give the new runner a moment to take the room, so the page shows the clock running."""
    import time

    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline and not rooms.status(engine, room_id)["runner_alive"]:
        time.sleep(0.2)


def _submit(engine, room_id: str, data: dict, lang: str) -> None:  # type: ignore[no-untyped-def]
    try:
        rooms.submit(engine, room_id, data, source="console")
    except ValueError as exc:  # InputError, RoomError: say what is wrong, store nothing
        st.error(safe(str(exc)))
        return
    st.toast(t("queued", lang))


def filters(snap, lang: str) -> None:  # type: ignore[no-untyped-def]
    """Feed filters live outside the fragment (typing is never interrupted)."""
    with st.expander(t("feed", lang) + " — filtres / filters", expanded=False):
        cols = st.columns(5)
        any_ = t("all", lang)
        cols[0].selectbox(t("platform", lang), [any_, *sorted(snap.feed["platform"].unique())], key="f-platform")
        cols[1].selectbox(t("group", lang), [any_, *GROUPS], key="f-group")
        cols[2].selectbox(t("emotion", lang), [any_, *EMOTIONS], key="f-emotion")
        cols[3].selectbox(t("hashtag", lang), [any_, *snap.hashtags["tag"].tolist()], key="f-hashtag")
        cols[4].text_input(t("search", lang), key="f-search", max_chars=100)


@st.fragment(run_every=REFRESH_S)
@health.guard
def live(client: RoomClient, lang: str) -> None:
    snap = client.refresh()
    room = snap.room
    pressure = float(snap.pressure["pressure"].iloc[-1]) if len(snap.pressure) else 0.0
    prev = float(snap.pressure["pressure"].iloc[-6]) if len(snap.pressure) > 5 else 0.0
    m1, m2, m3, m4 = st.columns(4)
    m1.metric(t("minute", lang), f"T+{room['minute']}", help=f"/ {room['until']}")
    state = t("finished", lang) if room["state"] == "finished" else room["state"]
    if not room["runner_alive"] and room["state"] not in ("finished",):
        state = f"{state} · {t('runner_off', lang)}"
        if room.get("stalled") and room.get("runner_lost_at"):  # minimal: the lead's new pages show it their way
            died = datetime.fromisoformat(room["runner_lost_at"]).astimezone().strftime("%H:%M")
            state = f"{state} · {t('runner_died', lang).format(time=died)}"
    m2.metric(t("state", lang), state, f"×{room['speed']:g}" if room["speed"] else "max")
    m3.metric(t("pressure", lang), f"{pressure:.0f}/100", f"{pressure - prev:+.0f}", delta_color="inverse")
    m4.metric(t("items", lang), f"{int(snap.per_minute['count'].sum()):,}")

    left, right = st.columns([3, 2])
    with left:
        st.markdown(f"**{t('per_minute', lang)}**")
        st.altair_chart(charts.items_per_minute(snap.per_minute, snap.markers), width="stretch")
        st.markdown(f"**{t('pressure', lang)}**")
        st.altair_chart(charts.pressure_history(snap.pressure, snap.markers), width="stretch")
        st.markdown(f"**{t('group_mix', lang)}** — anger")
        st.altair_chart(charts.group_heatmap(snap.group_emotions), width="stretch")
    with right:
        st.markdown(f"**{t('trends', lang)}**")
        tags = snap.hashtags.head(10)
        st.dataframe(
            tags[["tag", "count_5min", "trending", "series"]],
            hide_index=True,
            width="stretch",
            column_config={"series": st.column_config.LineChartColumn("30 min"),
                           "trending": st.column_config.CheckboxColumn("trend")},
        )
        st.markdown(f"**{t('platforms', lang)}**")
        st.altair_chart(charts.platform_split(snap.platform_split), width="stretch")
        st.markdown(f"**{t('influential', lang)}**")
        st.altair_chart(charts.network_view(snap.network_nodes, snap.network_edges), width="stretch")
        st.dataframe(snap.influential[["author_name", "author_group", "engagement", "emotion"]].head(8),
                     hide_index=True, width="stretch")

    st.subheader(t("feed", lang))
    ss = st.session_state
    any_ = t("all", lang)

    def pick(key: str) -> str | None:
        value = ss.get(key)
        return None if value in (None, any_) else value

    feed = filter_feed(snap.feed, pick("f-platform"), pick("f-group"), pick("f-emotion"), pick("f-hashtag"),
                       ss.get("f-search", "") or "")
    messages = snap.messages
    if len(messages):
        with st.container(key="sent-messages"):
            for row in messages.sort_values("seq", ascending=False).head(5).itertuples(index=False):
                st.info(f"✉ T+{row.t_min} · {safe(row.author)} · {row.strategy}/{row.tone} · "
                        f"{row.replies} {t('replies', lang)} — {safe(row.text)}")
    render_items(feed, limit=40, key="trainer")

