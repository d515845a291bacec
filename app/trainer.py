"""Trainer control room (and, read-only, the observer view).

Controls sit outside the live part so typing is never interrupted, and show the
room's real state: when another trainer or the command line pauses the room or
changes its speed, the page reruns once to say so. The live part (clock, charts,
trends, influential accounts, feed) is a set of slots that `live.ticker` fills
from the room's shared view only when something is new. Every control calls the
same room functions as the command line.
"""

from __future__ import annotations

import streamlit as st

from ..model.taxonomy import EMOTIONS, GROUPS, STRATEGIES, TONES
from . import live, rooms
from .feed import safe, style_sheet
from .i18n import heard_as, t
from .view import RoomView, ViewHub

SPEEDS: list[int | str] = [1, 2, 5, 10, 30, 60, 120, "max"]


def render(engine, hub: ViewHub, room_id: str, lang: str, read_only: bool = False) -> None:  # type: ignore[no-untyped-def]
    st.html(style_sheet())
    view = hub.view(room_id)
    room = view.room
    st.title(f"{safe(room['name'])}")
    st.caption(f"{t('observer' if read_only else 'trainer', lang)} · {room_id} · {safe(room['scenario_id'])}")
    if not read_only:
        controls(engine, view, room_id, lang)
    report_download(room_id, lang)
    filters(view, lang)
    live.area(draw, hub, room_id, lang, read_only)


def draw(hub: ViewHub, room_id: str, lang: str, read_only: bool) -> None:
    """The live part, from the room's shared view: every piece was made once for all sessions."""
    view = hub.view(room_id)
    if not read_only and st.session_state.get("controls_for") != _control_state(view.room):
        st.rerun()  # paused, sped up or runner lost elsewhere: redraw the controls to match
    st.html(view.header(lang))
    specs = view.charts(lang)
    left, right = st.columns([3, 2])
    with left:
        st.markdown(f"**{t('per_minute', lang)}**")
        st.vega_lite_chart(dict(specs["per_minute"]), width="stretch")
        st.markdown(f"**{t('pressure', lang)}**")
        st.vega_lite_chart(dict(specs["pressure"]), width="stretch")
        st.markdown(f"**{t('group_mix', lang)}** — {t('anger', lang)}")
        st.vega_lite_chart(dict(specs["groups"]), width="stretch")
    with right:
        st.markdown(f"**{t('trends', lang)}**")
        st.html(view.trends(lang))
        st.markdown(f"**{t('platforms', lang)}**")
        st.vega_lite_chart(dict(specs["platforms"]), width="stretch")
        st.markdown(f"**{t('influential', lang)}**")
        st.vega_lite_chart(dict(specs["network"]), width="stretch")
        st.html(view.influential(lang))
    st.subheader(t("feed", lang))
    st.html(view.feed(lang, _filters(lang)))


def _control_state(room: dict) -> tuple:
    return (room["state"], room["speed"], bool(room.get("runner_alive")))


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


def controls(engine, view: RoomView, room_id: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    room = view.room
    ss = st.session_state
    ss["controls_for"] = _control_state(room)
    with st.expander(t("clock", lang), expanded=True):
        c1, c2, c3 = st.columns([1, 3, 2])
        current = "max" if room["speed"] == 0 else room["speed"]
        current = int(current) if isinstance(current, float) and current.is_integer() else current
        options = SPEEDS if current in SPEEDS else [*sorted([*SPEEDS[:-1], current]), "max"]
        # a room never started opens at ×60, the pace of a rehearsal; then the slider shows the room's own speed
        shown = 60 if room["state"] == "created" else current
        # the room's speed changed (here or elsewhere), or the widget was not drawn last run: show the room's
        if ss.get("speed-room") != shown or "speed" not in ss:
            ss["speed"] = shown
            ss["speed-room"] = shown
        started = room["runner_alive"] or room["state"] in ("running", "paused")
        c2.select_slider(t("speed", lang), options=options, key="speed",
                         on_change=_speed_changed if started else None, args=(engine, room_id))
        speed_value = _speed_value(ss.get("speed", shown))
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
        jump = c3.number_input(t("jump", lang), min_value=room["minute"], max_value=room["until"],
                               value=room["minute"], key="jump")
        if c3.button("→ T+", key="jump-go", disabled=room["runner_alive"] or jump <= room["minute"]):
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
    reading_form(engine, view, room_id, lang)


def reading_form(engine, view: RoomView, room_id: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    """Correct how Uproar read a message; the correction is an input, so replays stay exact."""
    messages = view.messages()
    with st.expander(t("readings", lang)):
        if messages.empty:
            st.caption(t("nothing_yet", lang))
            return
        rows = {int(r.seq): r for r in messages.sort_values("seq", ascending=False).itertuples(index=False)}
        seq = st.selectbox(t("reading_of", lang), list(rows), key="reading-pick",
                           format_func=lambda q: f"T+{rows[q].t_min} · {rows[q].strategy}/{rows[q].tone} · "
                                                 f"{' '.join(str(rows[q].text).split())[:80]}")
        row = rows[seq]
        read = _engine_reading(view, seq)
        if read:
            alt = f" · {t('detected', lang)}: {', '.join(read.get('alternatives') or [])}" if read.get("alternatives") else ""
            st.caption(f"{t('engine_read', lang)} — {read.get('strategy')} (p={read.get('confidence', 1):.2f}) · "
                       f"{t('secondary', lang)}: {read.get('secondary') or t('none', lang)} · {read.get('tone')} · "
                       f"{t('base_responses', lang)}: {', '.join(read.get('base_responses') or []) or t('none', lang)}"
                       f"{alt}" + (f" · {safe('; '.join(read['cues']))}" if read.get("cues") else "")
                       + (f" · {t('heard_as', lang)}: {safe(heard)}" if (heard := heard_as(read.get("postures"), lang))
                          else ""))
        with st.form(f"reading-{seq}", clear_on_submit=False):
            c1, c2, c3 = st.columns(3)
            strategy = c1.selectbox(t("strategy", lang), STRATEGIES, index=STRATEGIES.index(row.strategy),
                                    key=f"reading-strategy-{seq}")
            secondary = c2.selectbox(t("secondary", lang), ["none", *STRATEGIES],
                                     index=["none", *STRATEGIES].index(read.get("secondary") or "none"),
                                     format_func=lambda x: t("none", lang) if x == "none" else x)
            tone = c3.selectbox(t("tone", lang), TONES, index=TONES.index(row.tone), key=f"reading-tone-{seq}")
            base = st.multiselect(t("base_responses", lang), ["instructing", "adjusting"],
                                  default=list(read.get("base_responses") or []), format_func=lambda b: t(b, lang))
            note = st.text_input(t("note", lang), max_chars=500)
            if st.form_submit_button(t("correct", lang), key=f"reading-go-{seq}"):
                _submit(engine, room_id, {"type": "reading", "seq": seq, "strategy": strategy, "secondary": secondary,
                                          "tone": tone, "base_responses": base, "note": note}, lang)


def _engine_reading(view: RoomView, seq: int) -> dict:
    """What Uproar read in message `seq` when it was posted (its `message` event)."""
    events = view.snapshot.events
    for data in events.loc[events["source"] == "message", "data"]:
        if data.get("seq") == seq:
            return data
    return {}


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


def filters(view: RoomView, lang: str) -> None:
    """Feed filters live outside the ticker (typing is never interrupted)."""
    snap = view.snapshot
    with st.expander(t("feed", lang) + " — " + t("filters", lang), expanded=False):
        cols = st.columns(5)
        any_ = t("all", lang)
        cols[0].selectbox(t("platform", lang), [any_, *room_platforms(view)], key="f-platform")
        cols[1].selectbox(t("group", lang), [any_, *GROUPS], key="f-group", format_func=lambda g: t(g, lang))
        cols[2].selectbox(t("emotion", lang), [any_, *EMOTIONS], key="f-emotion", format_func=lambda e: t(e, lang))
        cols[3].selectbox(t("hashtag", lang), [any_, *snap.hashtags["tag"].tolist()], key="f-hashtag")
        cols[4].text_input(t("search", lang), key="f-search", max_chars=100)


def room_platforms(view: RoomView) -> list[str]:
    return list(view.room.get("platforms") or sorted(view.snapshot.feed["platform"].unique()))


def _filters(lang: str) -> tuple:
    ss = st.session_state
    any_ = t("all", lang)

    def pick(key: str) -> str | None:
        value = ss.get(key)
        return None if value in (None, any_) else value

    return (pick("f-platform"), pick("f-group"), pick("f-emotion"), pick("f-hashtag"), ss.get("f-search", "") or "")


def _speed_value(choice: int | float | str) -> float:
    return 0.0 if choice == "max" else float(choice)


def _speed_changed(engine, room_id: str) -> None:  # type: ignore[no-untyped-def]
    """The slider moved on a started room: the new speed applies at once."""
    value = st.session_state.get("speed")
    st.session_state["speed-room"] = value
    _submit(engine, room_id, {"type": "speed", "value": _speed_value(value)}, st.session_state.get("lang", "fr"))
