"""Trainee workspace: one tab per platform, a composer, the press inbox, what was sent.

The tabs show what the organisation's accounts would see: replies under its
posts, mentions of it, items of journalists and officials, and the trends.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ..model.classify import classify_message
from . import health, rooms
from .feed import platform_label, render_items, safe, style_sheet
from .i18n import t
from .snapshot import RoomClient

REFRESH_S = 1.0


def render(engine, client: RoomClient, room_id: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    style_sheet()
    snap = client.refresh()
    st.title(f"{safe(snap.room['name'])}")
    st.caption(f"{t('trainee', lang)} · {room_id}")
    org = snap.accounts[snap.accounts["group"] == "organisation"]
    composer(engine, room_id, org, snap, lang)
    live(client, lang)


def composer(engine, room_id: str, org: pd.DataFrame, snap, lang: str) -> None:  # type: ignore[no-untyped-def]
    """Outside the live fragment: typing is never interrupted by a refresh."""
    with st.container(border=True, key="composer"):
        st.subheader(t("composer", lang))
        c1, c2 = st.columns(2)
        authors = dict(zip(org["persona_id"], org["handle"], strict=True)) or {"": "—"}
        author = c1.selectbox(t("author", lang), list(authors), format_func=authors.get, key="c-author")
        mine = org[org["persona_id"] == author]["platforms"]
        options = list(mine.iloc[0]) if len(mine) else sorted(snap.feed["platform"].unique())
        platforms = c2.multiselect(t("platform", lang), options, default=options[:1], key="c-platforms",
                                   format_func=platform_label)
        open_q = [q for q in snap.questions if q["status"] == "open"]
        labels = {"": "—", **{str(q["id"]): f"{q['name']} ({q['outlet']}) · T+{q['deadline_at']}" for q in open_q}}
        st.selectbox(t("answer", lang) + " · " + t("press", lang), list(labels), format_func=labels.get,
                              key="c-answer")
        text = st.text_area(t("text", lang), key="c-text", max_chars=5000, height=110)
        if text.strip():
            found = classify_message(text)
            st.caption(f"{t('detected', lang)} — {t('strategy', lang)}: **{found.strategy}** · "
                       f"{t('tone', lang)}: **{found.tone}** · {safe('; '.join(found.strategy_cues[:2]))}")
        st.button(t("post", lang), type="primary", key="c-post", disabled=not text.strip() or not platforms,
                  on_click=_post, args=(engine, room_id, open_q))
        outcome = st.session_state.pop("c-outcome", None)
        if outcome and outcome[0] == "ok":
            st.success(t("queued", lang))
        elif outcome:
            st.error(safe(outcome[1]))


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


@st.fragment(run_every=REFRESH_S)
@health.guard
def live(client: RoomClient, lang: str) -> None:
    snap = client.refresh()
    room = snap.room
    st.caption(f"T+{room['minute']} · {room['state']}")
    org = snap.accounts[snap.accounts["group"] == "organisation"]
    names = [n for n in [*org["name"], *org["handle"]] if n]
    feed = snap.feed
    under_ours = feed["parent_seq"].isin(snap.messages["seq"]) if len(snap.messages) else feed["seq"] < 0
    mentions = feed["text"].str.contains("|".join(map(_re_escape, names)), case=False, regex=True) if names else False
    notable = feed["author_group"].isin(["journalist", "elected", "union"])
    seen = feed[under_ours | mentions | notable]

    platforms = sorted(feed["platform"].unique()) or ["twitter"]
    tabs = st.tabs([f"{platform_label(p)}" for p in platforms] + [t("press", lang), t("sent", lang), t("trends", lang)])
    for tab, p in zip(tabs, platforms, strict=False):
        with tab, st.container(key=f"tab-{p}"):
            st.markdown(f"#### {safe(platform_label(p))} — {t('mentions', lang)}")
            render_items(seen[seen["platform"] == p], limit=30, key=f"trainee-{p}")
    with tabs[len(platforms)]:
        press(snap, lang)
    with tabs[len(platforms) + 1]:
        sent(snap, lang)
    with tabs[len(platforms) + 2]:
        st.dataframe(snap.hashtags[["tag", "count_5min", "trending", "series"]].head(10), hide_index=True,
                     column_config={"series": st.column_config.LineChartColumn("30 min")}, width="stretch")


def press(snap, lang: str) -> None:  # type: ignore[no-untyped-def]
    now = snap.room["minute"]
    if not snap.questions:
        st.caption(t("nothing_yet", lang))
    for q in sorted(snap.questions, key=lambda q: q["asked_at"], reverse=True):
        left = q["deadline_at"] - now
        status = {"open": f"⏳ {max(left, 0)} min", "answered": "✅ " + t("answered", lang),
                  "missed": "⛔ " + t("missed", lang)}[q["status"]]
        with st.container(border=True, key=f"question-{q['id']}"):
            st.markdown(f"**{safe(q['name'])}** ({safe(q['outlet'])}) · T+{q['asked_at']} · "
                        f"{t('deadline', lang)} T+{q['deadline_at']} · {status}")
            st.markdown(safe(q["text"]))
            if q["status"] == "open":
                st.caption("↳ " + t("answer", lang) + ": " + t("composer", lang))


def sent(snap, lang: str) -> None:  # type: ignore[no-untyped-def]
    if snap.messages.empty:
        st.caption(t("nothing_yet", lang))
        return
    for row in snap.messages.sort_values("seq", ascending=False).itertuples(index=False):
        hostile = "" if pd.isna(row.hostile_share) else f" · {row.hostile_share:.0%} {t('hostile', lang)}"
        with st.container(border=True, key=f"sent-{row.seq}"):
            st.markdown(f"T+{row.t_min} · **{safe(row.author)}** · {safe(row.platforms)} · "
                        f"{row.strategy}/{row.tone} · {row.replies} {t('replies', lang)}{hostile}")
            st.markdown(safe(row.text))


def _re_escape(text: str) -> str:
    import re

    return re.escape(text)
