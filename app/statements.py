"""Your own statements, read by Uproar: the page a trainer opens before trusting the reader.

The crowd reacts to how Uproar reads each message (strategy, tone, base responses,
promises). A trainer checks that reading where it matters to them: paste one of the
organisation's past statements and see the reading with the cues that decided it; upload
a CSV of several, labelled by the team (`uproar classify --eval` takes the same file), and
see where Uproar agrees, where it hesitates and where it is wrong. Nothing here is stored
or shared with any room; a file is read once per session.
"""

from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st

from ..model.agreement import LabelledFileError, agreement, read_all, read_labelled, scored
from ..model.classify import Reading, classify_message
from ..model.taxonomy import STRATEGIES, TONES
from .feed import safe
from .i18n import t
from .trainee import reading as reading_line

#: Statements read at once on the page (about 10 ms each): a larger file goes to `uproar classify --eval`.
MAX_STATEMENTS = 2000
#: Characters of a statement shown in the table (the download has them whole).
SHOWN_CHARS = 220


def render(lang: str) -> None:
    st.title(t("statements_title", lang))
    st.caption(t("statements_intro", lang))
    if st.button("← " + t("lobby", lang), key="statements-back"):
        st.query_params.clear()
        st.rerun()
    one_statement(lang)
    st.divider()
    many_statements(lang)


def one_statement(lang: str) -> None:
    """A pasted statement's whole reading, with the cues that decided it."""
    st.subheader(t("statements_one", lang))
    text = st.text_area(t("text", lang), key="statements-text", max_chars=5000, height=140)
    if not text.strip():
        return
    found = classify_message(text)
    reading_line(found, lang)
    rows = [(t("strategy", lang), f"{found.strategy} ({found.confidence:.0%})", found.strategy_cues),
            (t("tone", lang), f"{found.tone} ({found.tone_confidence:.0%})", found.tone_cues)]
    if found.secondary:
        rows.append((t("secondary", lang), found.secondary, ()))
    if found.base_responses:
        rows.append((t("base_responses", lang), ", ".join(found.base_responses), found.base_cues))
    for c in found.commitments:
        due = f"T+{c.due_min} min" if c.due_min is not None else t("no_deadline", lang)
        rows.append((t("commitments", lang).capitalize(), f"{c.kind} · {due}", (c.text,)))
    st.dataframe(pd.DataFrame([{"": k, t("reading", lang): v, t("cues", lang): " · ".join(cues)} for k, v, cues in rows]),
                 hide_index=True, width="stretch")


def many_statements(lang: str) -> None:
    """An uploaded CSV of statements: readings for all, agreement where the team labelled them."""
    st.subheader(t("statements_many", lang))
    st.caption(t("statements_format", lang))
    upload = st.file_uploader("CSV", type=["csv", "txt"], key="statements-file")
    if upload is None:
        return
    data = upload.getvalue()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        st.error(safe(f"{upload.name}: " + t("not_utf8", lang).format(byte=exc.start)))
        return
    try:
        rows = read_labelled(text, upload.name, need_labels=False)
    except LabelledFileError as exc:
        st.error(safe(str(exc)))
        return
    if len(rows) > MAX_STATEMENTS:
        st.error(safe(t("too_many_statements", lang).format(n=len(rows), most=MAX_STATEMENTS)))
        return
    digest = hashlib.sha256(data).hexdigest()
    done = st.session_state.get("statements-read")
    if not done or done[0] != digest:  # read once per file; only the last file's readings are kept
        bar = st.progress(0.0, text=t("reading_statements", lang))
        readings, _ = read_all(rows, progress=lambda done, total: bar.progress(done / total,
                               text=f"{t('reading_statements', lang)} {done}/{total}"))
        bar.empty()
        st.session_state["statements-read"] = done = (digest, readings)
    readings: list[Reading] = done[1]
    labelled = scored(rows)
    if labelled:
        scores(lang, [rows[i] for i in labelled], [readings[i] for i in labelled])
    else:
        st.info(t("statements_unlabelled", lang))
    table = readings_table(rows, readings, lang)
    st.dataframe(table, hide_index=True, width="stretch", height=min(38 * (len(table) + 1), 600),
                 column_config={"text": st.column_config.TextColumn(width="large")})
    st.download_button(t("download_readings", lang), readings_table(rows, readings, lang, whole=True).to_csv(index=False),
                       file_name="uproar-readings.csv", mime="text/csv", key="statements-download")


def scores(lang: str, rows: list[dict[str, str]], readings: list[Reading]) -> None:
    """Agreement on the labelled rows, how often "uncertain" came with a wrong reading, confusions."""
    rep = agreement(rows, readings)
    flags = rep["uncertain"]
    c1, c2, c3 = st.columns(3)
    c1.metric(t("strategy", lang), f"{rep['strategy_accuracy']:.0%}", help=f"{rep['n']} {t('labelled', lang)}")
    c2.metric(t("tone", lang), f"{rep['tone_accuracy']:.0%}")
    c3.metric(t("uncertain_caught", lang), f"{flags['wrong_flagged']} / {flags['wrong']}",
              help=t("uncertain_help", lang).format(right=flags["right_flagged"], of=flags["right"]))
    left, right = st.columns(2)
    left.caption(t("confusion_caption", lang).format(head=t("strategy", lang)))
    left.dataframe(_confusion(rep["confusion"], STRATEGIES))
    right.caption(t("confusion_caption", lang).format(head=t("tone", lang)))
    right.dataframe(_confusion(rep["tone_confusion"], TONES))


def _confusion(confusion: dict[str, dict[str, int]], labels: tuple[str, ...]) -> pd.DataFrame:
    rows = [k for k in labels if k in confusion]
    return pd.DataFrame([[confusion[k].get(c, 0) for c in labels] for k in rows], index=rows, columns=list(labels))


def readings_table(rows: list[dict[str, str]], readings: list[Reading], lang: str, whole: bool = False) -> pd.DataFrame:
    """One line per statement: the team's labels beside Uproar's reading, disagreements first.
    Shown in a dataframe (never as HTML or Markdown), so a statement's text stays text."""
    out = []
    for row, found in zip(rows, readings, strict=True):
        label = row.get("strategy", "")
        text = row["text"] if whole or len(row["text"]) <= SHOWN_CHARS else row["text"][:SHOWN_CHARS] + "…"
        out.append({
            "agrees": "" if not label else ("✓" if label == found.strategy else "✗"),
            "text": text, "lang": found.lang, "label": label, "reading": found.label(lang),
            "confidence": round(found.confidence, 2), "secondary": found.secondary or "",
            "label_tone": row.get("tone", ""), "tone": found.tone, "base_responses": ", ".join(found.base_responses),
            "commitments": len(found.commitments), "cues": " · ".join(found.strategy_cues[:2]),
        })
    frame = pd.DataFrame(out)
    if not whole:
        frame = frame.sort_values("agrees", key=lambda s: s.map({"✗": 0, "": 1, "✓": 2}), kind="stable")
    return frame
