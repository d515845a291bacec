"""Trainee workspace: one tab per platform, a composer, the press inbox, what was sent.

The tabs show what the organisation's accounts would see: replies under its
posts, mentions of it, items of journalists and officials, and the trends. The
page is light: the tabs are laid out once, and `live.ticker` fills them from the
room's shared view when a new minute arrives — a few ready-made HTML blocks.
"""

from __future__ import annotations

import streamlit as st

from ..model import echo
from ..model.classify import classify_message
from . import live, rooms
from .feed import esc, platform_label, safe, style_sheet
from .i18n import heard_as, t
from .view import RoomView, ViewHub


def render(engine, hub: ViewHub, room_id: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    st.html(style_sheet())
    view = hub.view(room_id)
    st.title(f"{safe(view.room['name'])}")
    st.caption(f"{t('trainee', lang)} · {room_id}")
    composer(engine, room_id, view, lang)
    live.area(draw, hub, room_id, lang)


def draw(hub: ViewHub, room_id: str, lang: str) -> None:
    """The live part: the clock, one tab per platform, the inbox, what was sent, the trends."""
    view = hub.view(room_id)
    if st.session_state.get("composer_for") != _open_questions(view):
        st.rerun()  # a journalist asked (or a deadline passed): the composer's answer list must know
    st.html(view.status_line(lang))
    platforms = list(view.room.get("platforms") or [])
    tabs = st.tabs([platform_label(p) for p in platforms] + [t("press", lang), t("sent", lang), t("trends", lang)])
    for tab, p in zip(tabs, platforms, strict=False):
        with tab:
            st.html(f'<div class="u-h u-p-{esc(p)}">{esc(platform_label(p))} — {esc(t("mentions", lang))}</div>'
                    + view.mentions(p, lang))
    pages = (view.press(lang), view.sent(lang), view.trends(lang))
    for tab, body in zip(tabs[len(platforms):], pages, strict=True):
        with tab:
            st.html(body)


def _open_questions(view: RoomView) -> tuple:
    return tuple(q["id"] for q in view.snapshot.questions if q["status"] == "open")


def composer(engine, room_id: str, view: RoomView, lang: str) -> None:  # type: ignore[no-untyped-def]
    """Outside the live part: typing is never interrupted by a refresh."""
    snap = view.snapshot
    org = snap.accounts[snap.accounts["group"] == "organisation"]
    st.session_state["composer_for"] = _open_questions(view)
    with st.container(border=True, key="composer"):
        st.subheader(t("composer", lang))
        c1, c2 = st.columns(2)
        authors = dict(zip(org["persona_id"], org["handle"], strict=True)) or {"": "—"}
        author = c1.selectbox(t("author", lang), list(authors), format_func=authors.get, key="c-author")
        mine = org[org["persona_id"] == author]["platforms"]
        options = list(mine.iloc[0]) if len(mine) else list(view.room.get("platforms") or [])
        c2.multiselect(t("platform", lang), options, default=options[:1], key="c-platforms",
                       format_func=platform_label)
        open_q = [q for q in snap.questions if q["status"] == "open"]
        labels = {"": "—", **{str(q["id"]): f"{q['name']} ({q['outlet']}) · T+{q['deadline_at']}" for q in open_q}}
        st.selectbox(t("answer", lang) + " · " + t("press", lang), list(labels), format_func=labels.get,
                     key="c-answer")
        text = st.text_area(t("text", lang), key="c-text", max_chars=5000, height=110, on_change=_forget_outcome)
        if text.strip():
            reading(classify_message(text), lang, text)
        st.button(t("post", lang), type="primary", key="c-post",
                  disabled=not text.strip() or not st.session_state.get("c-platforms"),
                  on_click=_post, args=(engine, room_id, open_q))
        # kept until the next draft: a rerun interrupted by the live part's own rerun must not lose it
        outcome = st.session_state.get("c-outcome")
        if outcome and outcome[0] == "ok":
            st.success(t("queued", lang))
        elif outcome:
            st.error(safe(outcome[1]))


def reading(found, lang: str, text: str = "") -> None:  # type: ignore[no-untyped-def]
    """How Uproar reads the draft: strategy (or "uncertain: A or B"), tone, base responses, promises,
    and what the crowd will hear it do in so many words (blame a contractor, claim to be a victim…)."""
    parts = [f"{t('strategy', lang)}: **{safe(found.label(lang))}**"]
    if found.secondary:
        parts.append(f"{t('secondary', lang)}: {safe(found.secondary)}")
    parts.append(f"{t('tone', lang)}: **{safe(found.tone)}**")
    parts.append(f"{t('base_responses', lang)}: "
                 + (", ".join(t(b, lang) for b in found.base_responses) or t("none", lang)))
    if found.commitments:
        n = len(found.commitments)
        parts.append(f"{n} {t('commitment' if n == 1 else 'commitments', lang)}")
    if heard := heard_as(echo.postures(text, found.lang), lang):
        parts.append(f"{t('crowd_hears', lang)}: {safe(heard)}")
    line = f"{t('detected', lang)} — " + " · ".join(parts) + (f" · {safe('; '.join(found.cues[:2]))}" if found.cues else "")
    if found.uncertain:  # the cues say why, so the trainee can judge which reading the crowd may take
        st.warning(f"{line} · {t('both_ways', lang)}", icon="❔")
    else:
        st.caption(line)


def _forget_outcome() -> None:
    """A new draft: what happened to the last one is no longer news."""
    st.session_state.pop("c-outcome", None)


def _post(engine, room_id: str, open_q: list[dict]) -> None:  # type: ignore[no-untyped-def]
    """Button callback: post, then clear the text box (a widget can only be reset before it is drawn)."""
    ss = st.session_state
    text, answer = ss.get("c-text", ""), ss.get("c-answer", "")
    if answer:
        handle = next((q["handle"] for q in open_q if str(q["id"]) == answer), "")
        text = text if not handle or text.lstrip().startswith(handle) else f"{handle} {text}"
    try:
        rooms.post(engine, room_id, text, platforms=ss.get("c-platforms") or [], author=ss.get("c-author") or None,
                   source="console")
    except ValueError as exc:
        ss["c-outcome"] = ("error", str(exc))
        return
    ss["c-outcome"] = ("ok", "")
    ss["c-text"] = ""
    ss["c-answer"] = ""
