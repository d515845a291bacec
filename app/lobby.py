"""The lobby: create a room from a shipped or uploaded scenario, see rooms, join with a code."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

from ..model.scenario import ScenarioError, parse_scenario, shipped_scenarios
from . import access
from .feed import safe
from .i18n import t
from .rooms import RoomError, create_room, list_rooms


def render(engine, lang: str) -> None:  # type: ignore[no-untyped-def]
    st.title(t("title", lang))
    if st.button("🛠 " + ("Studio des scénarios (concepteurs)" if lang == "fr" else "Scenario studio (designers)"),
                 key="open-studio"):
        st.query_params.update({"view": "studio"})
        st.rerun()
    if st.button("🔎 " + t("open_statements", lang), key="open-statements"):
        st.query_params.update({"view": "statements"})
        st.rerun()
    left, right = st.columns(2, gap="large")
    with left:
        create_form(engine, lang)
    with right:
        join_form(engine, lang)
        st.subheader(t("rooms", lang))
        rooms = list_rooms(engine)
        if rooms:
            frame = pd.DataFrame(rooms)[["room_id", "name", "state", "minute", "until", "scenario"]]
            st.dataframe(frame, hide_index=True, width="stretch")
        else:
            st.caption(t("nothing_yet", lang))


def create_form(engine, lang: str) -> None:  # type: ignore[no-untyped-def]
    st.subheader(t("create_room", lang))
    shipped = {p.stem: p for p in shipped_scenarios()}
    with st.form("create"):
        name = st.text_input(t("room_name", lang), max_chars=120)
        names = list(shipped)
        default = next((i for i, n in enumerate(names) if n.startswith(lang + "-")), 0)
        scenario = st.selectbox(t("scenario", lang), names, index=default)
        upload = st.file_uploader(t("upload", lang), type=["toml"])
        seed = st.number_input(t("seed", lang), min_value=0, max_value=2**31 - 1, value=1, step=1)
        population = st.number_input(t("population", lang), min_value=500, max_value=1_000_000, value=20_000, step=1000)
        submitted = st.form_submit_button(t("create", lang), type="primary")
    if submitted:
        created = _create(engine, lang, shipped[scenario], upload, int(seed), name, int(population))
        if created is not None:
            access.grant(engine, created.room_id, created.trainer_code)
            st.session_state["created"] = created.to_dict()
    created = st.session_state.get("created")
    if created:
        st.success(t("created", lang))
        st.code(f"{t('room_id', lang)}: {created['room_id']}\n{t('trainer_code', lang)}: {created['trainer_code']}\n"
                f"{t('trainee_code', lang)}: {created['trainee_code']}", language=None)
        if st.button(t("enter", lang) + " →", key="enter-created"):
            st.session_state.pop("created", None)
            st.query_params.update({"room": created["room_id"], "view": "trainer"})
            st.rerun()


def _create(engine, lang: str, source: Path, upload, seed: int, name: str, population: int):  # type: ignore[no-untyped-def]
    """Validate an uploaded scenario (errors shown plainly), then create the room."""
    if upload is not None:
        raw = upload.getvalue()
        try:
            parse_scenario(raw.decode("utf-8"), source=upload.name)
        except UnicodeDecodeError:
            st.error(f"{safe(upload.name)}: the file is not UTF-8 text; save it as UTF-8.")
            return None
        except ScenarioError as exc:
            st.error(safe(f"{exc.path}: {len(exc.problems)} problem(s)"))
            for problem in exc.problems:
                st.markdown(f"- {safe(problem)}")
            return None
        folder = Path(tempfile.mkdtemp(prefix="uproar-upload-"))
        source = folder / Path(upload.name).name
        source.write_bytes(raw)
    try:
        return create_room(engine, source, seed=seed, name=name or None, population=population)
    except (RoomError, ScenarioError) as exc:
        st.error(safe(str(exc)))
        return None


def join_form(engine, lang: str, room_id: str | None = None, hint: str | None = None,  # type: ignore[no-untyped-def]
              view: str = "") -> None:
    """Enter a room with a code; the page asked for (`view`) opens if the code allows it."""
    st.subheader(t("join", lang))
    if hint:
        st.info(hint)
    with st.form("join"):
        rid = st.text_input(t("room_id", lang), value=room_id or "", max_chars=32, key="join-room")
        code = st.text_input(t("code", lang), type="password", max_chars=64, key="join-code")
        go = st.form_submit_button(t("enter", lang), type="primary")
    if go:
        role = access.grant(engine, rid.strip(), code)
        if role is None:
            st.error(t("bad_code", lang))
            return
        wanted = view if view and access.allowed(rid.strip(), view) else ""
        st.query_params.update({"room": rid.strip(), "view": wanted or ("trainee" if role == "trainee" else "trainer")})
        st.rerun()
