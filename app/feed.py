"""Showing items as a feed: every user or scenario text escaped, platforms styled by CSS.

Texts go through `safe()` and `st.markdown` without `unsafe_allow_html`; the only
raw HTML is the static style sheet below, which holds no user text.
"""

from __future__ import annotations

import html
import re

import pandas as pd
import streamlit as st

PLATFORM_STYLE = {
    # name: (label, accent colour, background)
    "twitter": ("𝕏", "#0f1419", "#f7f9f9"),
    "facebook": ("Facebook", "#1877f2", "#f0f2f5"),
    "instagram": ("Instagram", "#d62976", "#fdf2f8"),
    "linkedin": ("LinkedIn", "#0a66c2", "#f3f6f8"),
    "whatsapp": ("WhatsApp", "#25d366", "#e7fce9"),
}
EMOJI = {"approval": "👍", "fear": "😨", "anger": "😡", "mockery": "😂", "sadness": "😢"}

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>$])")


def safe(text: object) -> str:
    """User text made inert for st.markdown: HTML escaped, Markdown punctuation backslashed."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(str(text), quote=False))


def style_sheet() -> None:
    """Platform looks (static CSS; containers are keyed `item-<platform>-<seq>`)."""
    rules = []
    for name, (_, accent, background) in PLATFORM_STYLE.items():
        rules.append(
            f'[class*="st-key-item-{name}-"] {{ border-left: 5px solid {accent} !important; '
            f"background: {background}; border-radius: 10px; }}"
        )
        rules.append(f'[class*="st-key-tab-{name}"] h4 {{ color: {accent}; }}')
    rules.append('[class*="st-key-item-whatsapp-"] { border-radius: 14px 14px 14px 2px; }')
    rules.append('[class*="st-key-item-instagram-"] { border-image: none; }')
    st.markdown("<style>" + "\n".join(rules) + "</style>", unsafe_allow_html=True)


def platform_label(name: str) -> str:
    return PLATFORM_STYLE.get(name, (name.capitalize(), "", ""))[0]


def render_items(items: pd.DataFrame, limit: int = 40, key: str = "feed") -> None:
    """A column of posts, newest first."""
    if items.empty:
        st.caption("—")
        return
    for row in items.head(limit).itertuples(index=False):
        with st.container(border=True, key=f"item-{row.platform}-{key}-{row.seq}"):
            kind = {"share": "🔁", "reply": "↩️", "reaction": EMOJI.get(row.emotion, "•"), "post": ""}[row.kind]
            st.markdown(
                f"**{safe(row.author_name)}** · {safe(platform_label(row.platform))} · "
                f"{safe(row.author_group)} · T+{row.t_min:.0f} {kind} {EMOJI.get(row.emotion, '')}"
            )
            st.markdown(safe(row.text))


def filter_feed(feed: pd.DataFrame, platform: str | None, group: str | None, emotion: str | None,
                hashtag: str | None, search: str) -> pd.DataFrame:
    out = feed
    if platform:
        out = out[out["platform"] == platform]
    if group:
        out = out[out["author_group"] == group]
    if emotion:
        out = out[out["emotion"] == emotion]
    if hashtag:
        out = out[out["hashtags"].str.split().apply(lambda tags: hashtag in tags)]
    if search:
        out = out[out["text"].str.contains(search, case=False, regex=False)]
    return out
