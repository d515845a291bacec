"""Showing a room as HTML: feed items, messages, press questions, trends, the live header.

Every text that comes from a user, a scenario or the crowd goes through `esc()`
(HTML-escaped) before it enters a page; the pages draw these strings with
`st.html`, which sanitises once more. A room's pieces are rendered once per new
minute and shared by every session, so this module is plain functions on frames
and strings, with no Streamlit in it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from .i18n import t

PLATFORM_STYLE = {
    # name: (label, accent colour, background)
    "twitter": ("𝕏", "#0f1419", "#f7f9f9"),
    "facebook": ("Facebook", "#1877f2", "#f0f2f5"),
    "instagram": ("Instagram", "#d62976", "#fdf2f8"),
    "linkedin": ("LinkedIn", "#0a66c2", "#f3f6f8"),
    "whatsapp": ("WhatsApp", "#25d366", "#e7fce9"),
}
EMOJI = {"approval": "👍", "fear": "😨", "anger": "😡", "mockery": "😂", "sadness": "😢"}
KIND_MARK = {"share": "🔁", "reply": "↩️", "post": ""}

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>$])")


def safe(text: object) -> str:
    """User text made inert for st.markdown: HTML escaped, Markdown punctuation backslashed."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(str(text), quote=False))


def esc(text: object) -> str:
    """User text made inert for HTML."""
    return html.escape(str(text), quote=True)


def platform_label(name: str) -> str:
    return PLATFORM_STYLE.get(name, (name.capitalize(), "", ""))[0]


def _platform_class(name: str) -> str:
    return f"u-p-{name}" if name in PLATFORM_STYLE else "u-p-other"


def style_sheet() -> str:
    """The console's look (static: it holds no user text)."""
    rules = [
        ".u-feed{display:flex;flex-direction:column;gap:.45rem}",
        ".u-item{border:1px solid #e3e3e8;border-left:5px solid #999;border-radius:10px;padding:.45rem .7rem;"
        "background:#fafafa}",
        ".u-meta{font-size:.82rem;color:#555;margin-bottom:.15rem}.u-meta b{color:#111}",
        ".u-text{font-size:.95rem;line-height:1.35;white-space:pre-wrap;overflow-wrap:anywhere}",
        ".u-msg{border:1px solid #b9d3f0;background:#eef5fd;border-radius:10px;padding:.45rem .7rem}",
        ".u-q{border:1px solid #e3e3e8;border-radius:10px;padding:.5rem .7rem;margin-bottom:.5rem}",
        ".u-q.open{border-color:#f0b429;background:#fffaf0}.u-q.missed{border-color:#d83a2e;background:#fff4f3}"
        ".u-q.declined{border-color:#e8833a;background:#fff7f0}",
        ".u-muted{color:#777;font-size:.9rem}",
        ".u-head{display:grid;grid-template-columns:repeat(4,1fr);gap:.8rem;margin:.3rem 0 .6rem}",
        ".u-card{border:1px solid #e3e3e8;border-radius:10px;padding:.4rem .8rem}",
        ".u-card .k{font-size:.8rem;color:#666}.u-card .v{font-size:1.7rem;font-weight:600;line-height:1.2}",
        ".u-card .d{font-size:.85rem}.u-up{color:#d83a2e}.u-down{color:#2e9d5b}",
        ".u-alert{color:#b3261e;font-weight:600}",
        ".u-table{width:100%;border-collapse:collapse;font-size:.88rem}",
        ".u-table td,.u-table th{padding:.2rem .4rem;border-bottom:1px solid #eee;text-align:left}",
        ".u-table th{color:#666;font-weight:500}.u-num{text-align:right!important}",
        ".u-tag-on{font-weight:600;color:#d83a2e}",
        ".u-spark{color:#d83a2e;letter-spacing:-1px;font-size:.8rem;white-space:nowrap}",
        ".u-h{font-weight:600;margin:.4rem 0 .3rem}",
        # routine refreshes never grey the page out
        '[data-stale="true"]{opacity:1!important}',
        ".u-banner{position:fixed;top:0;left:0;right:0;z-index:1000100;padding:.6rem 1rem;text-align:center;"
        "font-weight:600;color:#fff}",
        ".u-banner.lost{background:#b3261e}.u-banner.back{background:#2e7d32}",
    ]
    for name, (_, accent, background) in PLATFORM_STYLE.items():
        rules.append(f".u-p-{name}{{border-left-color:{accent};background:{background}}}")
        rules.append(f".u-h.u-p-{name}{{color:{accent};background:none}}")
    rules.append(".u-p-whatsapp{border-radius:14px 14px 14px 2px}")
    return "<style>" + "\n".join(rules) + "</style>"


def items_html(items: pd.DataFrame, lang: str, limit: int = 40) -> str:
    """A column of crowd items, newest first (the frame is newest first)."""
    head = items.head(limit)
    return feed_html(item_cards([head[c].tolist() for c in CARD_COLUMNS], lang), lang)


CARD_COLUMNS = ("platform", "author_name", "author_group", "t_min", "kind", "emotion", "text")


def item_cards(columns: Sequence[Sequence[Any]], lang: str) -> list[str]:
    """One card per crowd item, from the feed's `CARD_COLUMNS` (as lists or arrays, rows in order)."""
    cards = []
    for platform, name, group, t_min, kind, emotion, text in zip(*columns, strict=True):
        mark = EMOJI.get(emotion, "•") if kind == "reaction" else KIND_MARK.get(kind, "")
        cards.append(
            f'<div class="u-item {_platform_class(platform)}"><div class="u-meta"><b>{esc(name)}</b> · '
            f"{esc(platform_label(platform))} · {esc(t(group, lang))} · T+{t_min:.0f} {mark} "
            f'{EMOJI.get(emotion, "")}</div><div class="u-text">{esc(text)}</div></div>'
        )
    return cards


def feed_html(cards: list[str], lang: str) -> str:
    """Cards as a feed column, or a notice that there is nothing yet."""
    if not cards:
        return f'<div class="u-muted">{esc(t("no_items", lang))}</div>'
    return '<div class="u-feed">' + "".join(cards) + "</div>"


def messages_html(messages: pd.DataFrame, lang: str, limit: int | None = None, full: bool = False) -> str:
    """The organisation's messages, newest first, with the replies each drew."""
    if messages.empty:
        return f'<div class="u-muted">{esc(t("nothing_yet", lang))}</div>'
    order = np.argsort(-messages["seq"].to_numpy(np.int64), kind="stable")[:limit].tolist()
    names = ("t_min", "author", "platforms", "strategy", "tone", "replies", "hostile_share", "text")
    columns = [messages[c].tolist() for c in names]
    fixes = messages["engine"].tolist() if "engine" in messages else [""] * len(messages)
    cards = []
    for i in order:
        t_min, author, platforms, strategy, tone, replies, share, text = (c[i] for c in columns)
        hostile = "" if pd.isna(share) else f" · {share:.0%} {esc(t('hostile', lang))}"
        where = f" · {esc(platforms)}" if full else ""
        fixed = f" ({esc(t('corrected', lang))} ; Uproar : {esc(fixes[i])})" if fixes[i] else ""
        cards.append(
            f'<div class="u-msg"><div class="u-meta">✉ T+{t_min} · <b>{esc(author)}</b>{where} · '
            f"{esc(strategy)}/{esc(tone)}{fixed} · {replies} {esc(t('replies', lang))}{hostile}</div>"
            f'<div class="u-text">{esc(text)}</div></div>'
        )
    return '<div class="u-feed">' + "".join(cards) + "</div>"


def questions_html(questions: list[dict], minute: int, lang: str) -> str:
    """The press inbox: journalists' questions with their deadlines, newest first."""
    if not questions:
        return f'<div class="u-muted">{esc(t("nothing_yet", lang))}</div>'
    cards = []
    for q in sorted(questions, key=lambda q: q["asked_at"], reverse=True):
        deadline = q["deadline_at"]
        if q["status"] == "open":
            status = f"⏳ {max((deadline or minute) - minute, 0)} min"
        else:
            status = {"answered": "✅ ", "declined": "🚫 "}.get(q["status"], "⛔ ") + t(q["status"], lang)
        due = f" · {esc(t('deadline', lang))} T+{deadline}" if deadline is not None else ""
        cards.append(
            f'<div class="u-q {esc(q["status"])}"><div class="u-meta"><b>{esc(q["name"])}</b> ({esc(q["outlet"])}) · '
            f"T+{q['asked_at']}{due} · {esc(status)}</div><div class=\"u-text\">{esc(q['text'])}</div></div>"
        )
    return "".join(cards)


BARS = "▁▂▃▄▅▆▇█"


def sparkline(series: Iterable[int]) -> str:
    """A tag's last half hour as a line of block characters (plain text: survives any sanitiser)."""
    values = list(series)
    if not values:
        return ""
    top = max(max(values), 1)
    return "".join(BARS[min(len(BARS) - 1, round(v / top * (len(BARS) - 1)))] for v in values)


def trends_html(hashtags: pd.DataFrame, lang: str, limit: int = 10) -> str:
    if hashtags.empty:
        return f'<div class="u-muted">{esc(t("nothing_yet", lang))}</div>'
    rows = [f'<tr><th>{esc(t("hashtag", lang))}</th><th class="u-num">{esc(t("count_5min", lang))}</th>'
            f'<th>30 min</th></tr>']
    for tag, count, trending, series in zip(hashtags["tag"].head(limit), hashtags["count_5min"].head(limit),
                                            hashtags["trending"].head(limit), hashtags["series"].head(limit),
                                            strict=True):
        mark = f' <span class="u-tag-on" title="{esc(t("trending", lang))}">▲</span>' if trending else ""
        rows.append(f"<tr><td>{esc(tag)}{mark}</td><td class=\"u-num\">{int(count)}</td>"
                    f'<td class="u-spark">{sparkline(series)}</td></tr>')
    return '<table class="u-table">' + "".join(rows) + "</table>"


def influential_html(influential: pd.DataFrame, lang: str, limit: int = 8) -> str:
    if influential.empty:
        return f'<div class="u-muted">{esc(t("nothing_yet", lang))}</div>'
    rows = [f'<tr><th>{esc(t("author", lang))}</th><th>{esc(t("group", lang))}</th>'
            f'<th class="u-num">{esc(t("engagement", lang))}</th><th></th></tr>']
    for r in influential.head(limit).itertuples(index=False):
        rows.append(f"<tr><td>{esc(r.author_name)}</td><td>{esc(t(r.author_group, lang))}</td>"
                    f'<td class="u-num">{int(r.engagement)}</td><td>{EMOJI.get(r.emotion, "")}</td></tr>')
    return '<table class="u-table">' + "".join(rows) + "</table>"


def header_html(room: dict, pressure: float, previous: float, items: int, lang: str, live: str = "") -> str:
    """The trainer's four numbers: clock, state and speed, pressure, items.

    `data-clock` names the minute; `data-live` the live key the page was drawn with (see `app/live.py`).
    """
    state = t(f"state_{room['state']}", lang)
    alarm = ""
    if not room.get("runner_alive") and room["state"] not in ("finished", "created"):
        alarm = f'<div class="u-alert">{esc(t("runner_off", lang))}</div>'
        if room.get("stalled") and room.get("runner_lost_at"):
            from datetime import datetime

            died = datetime.fromisoformat(room["runner_lost_at"]).astimezone().strftime("%H:%M")
            alarm = f'<div class="u-alert">{esc(t("runner_died", lang).format(time=died))}</div>'
    speed = f"×{room['speed']:g}" if room["speed"] else "max"
    delta = pressure - previous
    trend = "u-up" if delta > 0 else "u-down" if delta < 0 else ""
    return (
        f'<div class="u-head" data-clock="{room["minute"]}" data-live="{esc(live)}">'
        f'<div class="u-card"><div class="k">{esc(t("minute", lang))}</div><div class="v">T+{room["minute"]}</div>'
        f'<div class="d">/ {room["until"]}</div></div>'
        f'<div class="u-card"><div class="k">{esc(t("state", lang))}</div><div class="v">{esc(state)}</div>'
        f'<div class="d">{speed}</div>{alarm}</div>'
        f'<div class="u-card"><div class="k">{esc(t("pressure", lang))}</div><div class="v">{pressure:.0f}/100</div>'
        f'<div class="d {trend}">{delta:+.0f}</div></div>'
        f'<div class="u-card"><div class="k">{esc(t("items", lang))}</div><div class="v">{items:,}</div></div>'
        "</div>"
    )


def status_line_html(room: dict, lang: str, live: str = "") -> str:
    """The trainee's clock: one line; `data-clock` names the minute, `data-live` the live key."""
    return (f'<div class="u-muted" data-clock="{room["minute"]}" data-live="{esc(live)}">T+{room["minute"]} · '
            f"{esc(t('state_' + room['state'], lang))}</div>")


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
