"""`uproar console`: the Streamlit entry point — lobby, then the page the code opens.

URL: `?room=<id>&view=trainer|trainee|observer`. The role comes from the code
typed in this session (never from the URL) and is checked before anything of a
room is shown; each view is a module (`lobby`, `trainer`, `trainee`).
"""

from __future__ import annotations

import os

import streamlit as st

from uproar.app import access, health, live, lobby, statements, studio, supervisor, trainee, trainer
from uproar.app.i18n import t
from uproar.app.rooms import RoomError
from uproar.app.view import ViewHub, shared_hub
from uproar.store.engine import database_url, open_store


@st.cache_resource(show_spinner=False)
def _engine(url: str):  # type: ignore[no-untyped-def]
    return open_store(url)


def engine():  # type: ignore[no-untyped-def]
    return _engine(database_url())


def hub() -> ViewHub:
    """Every room's live view, computed once per new minute for every session of this process."""
    return shared_hub(database_url())


def main() -> None:
    st.set_page_config(page_title="Uproar", page_icon="📣", layout="wide")
    if os.environ.get("UPROAR_SUPERVISE") == "1":  # set by `uproar console` unless --no-supervise
        supervisor.ensure_started(database_url())
    params = st.query_params
    room_id = params.get("room")
    view = params.get("view", "")

    lang_default = "fr"
    room = None
    if room_id:
        try:  # the shared view knows the room (no scenario parsed per page load)
            room = hub().view(room_id).room
            lang_default = room["language"]
        except (RoomError, ValueError):
            room = None
    with st.sidebar:
        lang = st.radio(t("language", lang_default), ["fr", "en"], index=["fr", "en"].index(lang_default),
                        horizontal=True, key="lang")
        if room is not None and access.role(room_id):
            st.caption(f"{t(access.role(room_id), lang)} · {room_id}")
            if st.button(t("leave", lang)):
                access.forget(room_id)
                st.query_params.clear()
                st.rerun()
    live.watch(lang, room_id if room is not None and access.role(room_id) else None)

    if view == "studio" and not room_id:
        studio.render(lang)
        return
    if view == "statements" and not room_id:
        statements.render(lang)
        return
    if room_id and room is None:
        st.error(t("no_room", lang))
        lobby.render(engine(), lang)
        return
    if room is None:
        lobby.render(engine(), lang)
        return
    if not access.role(room_id):  # a page's URL without a role: a new session, e.g. after a console restart
        lobby.join_form(engine(), lang, room_id=room_id, hint=t("code_again" if view else "need_code", lang),
                        view=view)
        return
    role = access.role(room_id)
    view = view or ("trainee" if role == "trainee" else "trainer")
    if not access.allowed(room_id, view):
        st.error(t("forbidden", lang))
        return
    if view == "trainee":
        trainee.render(engine(), hub(), room_id, lang)
    else:
        trainer.render(engine(), hub(), room_id, lang, read_only=(view == "observer"))


health.run_page(main)
