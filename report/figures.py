"""Key figures and the main courante, computed from a run's export (plain frames out)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import numpy as np
import pandas as pd

from ..model.taxonomy import QUESTION_CLOSINGS
from .data import RunData


def onset(run: RunData) -> int | None:
    """First minute the scenario hit the crowd (the first inject)."""
    injects = [e["t_min"] for e in run.events if e["source"] == "inject"]
    return min(injects) if injects else None


def questions(run: RunData) -> list[dict[str, Any]]:
    """Journalists' questions with their deadline and what became of them."""
    names = {p.id: p for p in run.scenario.personas}
    out: dict[int, dict[str, Any]] = {}
    for e in run.events:
        qid = e.get("question")
        if qid is None:
            continue
        asked = (e["source"] == "inject" and e.get("kind") == "question") or e.get("event") == "question"
        if asked and qid not in out:
            persona = names.get(e.get("persona", ""))
            text = e.get("text") or e["label"].split(": ", 1)[-1]
            out[qid] = {"id": qid, "journalist": persona.name if persona else e.get("persona", ""),
                        "outlet": persona.outlet if persona else "", "asked_at": e["t_min"],
                        "deadline_at": e.get("deadline_at"), "text": text, "status": "open", "closed_at": None}
        elif e.get("event") in QUESTION_CLOSINGS and qid in out:
            out[qid]["status"] = QUESTION_CLOSINGS[e["event"]]
            out[qid]["closed_at"] = e["t_min"]
    return sorted(out.values(), key=lambda q: q["asked_at"])


def claims(run: RunData) -> list[dict[str, Any]]:
    """Each of the scenario's claims: whether it was true, from when and how often the crowd told it,
    and what the team's messages made of it, in order (`answers`: `corrected` — a false rumour called
    false —, `owned` — a true claim admitted —, `called_false` — a true claim denied —, `mentioned` —
    named without either); none: `unanswered` if it went round, else `not_out`."""
    told = run.reactions
    messages = [e for e in run.events if e["source"] == "message"]
    out = []
    for c in run.scenario.claims:
        carrying = told[told["text"].str.contains(c.text, regex=False, na=False)]
        answers = []
        for e in messages:
            if c.id in e.get("corrects", ()):
                answers.append({"answer": "called_false" if c.true else "corrected", "t_min": e["t_min"]})
            elif c.id in e.get("owns", ()):
                answers.append({"answer": "owned", "t_min": e["t_min"]})
            elif c.id in e.get("addresses", ()):
                answers.append({"answer": "mentioned", "t_min": e["t_min"]})
        out.append({"id": c.id, "text": c.text, "true": c.true, "items": len(carrying),
                    "first_at": int(carrying["t_min"].min()) if len(carrying) else None,
                    "answers": answers or [{"answer": "unanswered" if len(carrying) else "not_out", "t_min": None}]})
    return out


def key_figures(run: RunData) -> dict[str, Any]:
    msgs = run.messages
    start = onset(run)
    first = int(msgs["t_min"].min()) if len(msgs) else None
    pressure = run.pressure["pressure"]
    injects = []
    for e in run.events:
        if e["source"] != "inject":
            continue
        after = msgs[msgs["t_min"] >= e["t_min"]]["t_min"]
        injects.append({"t_min": e["t_min"], "label": e["label"],
                        "response_min": int(after.min() - e["t_min"]) if len(after) else None})
    qs = questions(run)
    for q in qs:
        q["response_min"] = (q["closed_at"] - q["asked_at"]) if q["status"] == "answered" else None
    return {
        "onset": start,
        "first_response": first,
        "time_to_first_response": (first - start) if first is not None and start is not None else None,
        "peak_pressure": float(pressure.max()) if len(pressure) else 0.0,
        "peak_minute": int(pressure.idxmax()) if len(pressure) else 0,
        "mean_pressure": float(pressure.mean()) if len(pressure) else 0.0,
        "items": len(run.reactions),
        "messages": len(msgs),
        "injects": injects,
        "questions": qs,
        "claims": claims(run),
    }


def reputation(run: RunData) -> pd.DataFrame:
    """Net feeling toward the organisation per minute: approval minus the mean of anger and mockery,
    population-weighted over groups (−1 … +1)."""
    tl = run.timeline
    wide = tl.pivot_table(index=["t_min", "group"], columns="emotion", values="mean_intensity").reset_index()
    counts = tl.groupby("group")["count"].sum()  # groups present
    weights = wide["group"].map(lambda g: 1.0 if g in counts.index else 0.0)
    wide["net"] = wide["approval"] - (wide["anger"] + wide["mockery"]) / 2
    wide["w"] = weights
    out = wide.groupby("t_min").apply(lambda d: np.average(d["net"], weights=d["w"]) if d["w"].sum() else 0.0,
                                      include_groups=False)
    return out.rename("reputation").reset_index()


def emotion_shares(run: RunData, bin_min: int = 10) -> pd.DataFrame:
    """Share of each emotion among each group's items, per bin of minutes."""
    tl = run.timeline.assign(bin=(run.timeline["t_min"] // bin_min) * bin_min)
    sums = tl.groupby(["group", "bin", "emotion"])["count"].sum().reset_index()
    totals = sums.groupby(["group", "bin"])["count"].transform("sum")
    sums["share"] = np.where(totals > 0, sums["count"] / totals.where(totals > 0, 1), 0.0)
    return sums[sums.groupby("group")["count"].transform("sum") > 0]


def top_hashtags(run: RunData, k: int = 8) -> pd.DataFrame:
    r = run.reactions[run.reactions["hashtags"] != ""]
    if r.empty:
        return pd.DataFrame(columns=["tag", "items", "peak_minute"])
    tags = r.assign(tag=r["hashtags"].str.split()).explode("tag")
    tags["minute"] = tags["t_min"].astype(int)
    per = tags.groupby(["tag", "minute"]).size()
    total = per.groupby("tag").sum().sort_values(ascending=False).head(k)
    peak = per.groupby("tag").idxmax().map(lambda x: x[1])
    return pd.DataFrame({"tag": total.index, "items": total.values, "peak_minute": peak[total.index].values})


def largest_cascades(run: RunData, k: int = 5) -> pd.DataFrame:
    """The biggest cascades and who started them (a trainee message can start one too)."""
    r = run.reactions
    sizes = r.groupby("cascade_root").size().sort_values(ascending=False).head(k)
    roots = r.set_index("seq")[["t_min", "author_name", "author_group", "platform", "text"]]
    msgs = run.messages.set_index("seq")
    msg_roots = pd.DataFrame({"t_min": msgs["t_min"], "author_name": msgs["author"], "author_group": "organisation",
                              "platform": msgs["platforms"], "text": msgs["text"]})
    known = pd.concat([roots, msg_roots]).reindex(sizes.index)
    return pd.DataFrame({
        "root": sizes.index, "items": sizes.values, "t_min": known["t_min"].values,
        "author": known["author_name"].values, "group": known["author_group"].values,
        "platform": known["platform"].values, "text": known["text"].values,
    }).dropna(subset=["author"])


def items_that_mattered(run: RunData, k: int = 6) -> pd.DataFrame:
    """The crowd items most shared or answered (direct children), with their platform."""
    r = run.reactions
    scripted = {e.get("seq") for e in run.events if e["source"] in ("inject", "notable", "persona")}
    children = r["parent_seq"].dropna().astype(int).value_counts()
    top = children[children.index.isin(r["seq"]) & ~children.index.isin(scripted)].head(k)
    rows = r.set_index("seq").loc[top.index]
    return rows.assign(echo=top.values).reset_index()[["seq", "t_min", "author_name", "author_group", "platform",
                                                        "emotion", "text", "echo"]]


def clock(run: RunData, minute: float) -> str:
    start = run.started_at
    if start is None:
        return ""
    return (start + timedelta(minutes=float(minute))).strftime("%H:%M")


def main_courante(run: RunData) -> pd.DataFrame:
    """The chronological log: injects, press, messages, trainer actions, notables, trends, key items."""
    rows: list[dict[str, Any]] = []
    for e in run.events:
        src = e["source"]
        if src == "inject":
            detail = f"question · deadline T+{e['deadline_at']}" if e.get("deadline_at") is not None else ""
            rows.append({"t_min": e["t_min"], "source": "inject", "who": "", "event": e.get("text") or e["label"],
                         "detail": detail})
        elif src == "notable":
            who, _, text = e["label"].partition(": ")
            kind = {"question": "question", "no_response": "deadline missed", "answered": "answered",
                    "declined": "declined to comment"}.get(
                e.get("event", ""), e.get("event", "statement"))
            rows.append({"t_min": e["t_min"], "source": kind, "who": who, "event": text, "detail": ""})
        elif src == "trend":
            rows.append({"t_min": e["t_min"], "source": "trend", "who": "", "event": e["label"], "detail": ""})
        elif src in ("note", "trainer", "persona"):
            rows.append({"t_min": e["t_min"], "source": src, "who": "", "event": e["label"], "detail": ""})
        elif src == "message":
            rows.append({"t_min": e["t_min"], "source": "message", "who": e.get("author", ""), "event": e["label"],
                         "detail": f"{e.get('strategy')}/{e.get('tone')} · " + ", ".join(e.get("platforms", []))})
        elif src == "reading":  # a trainer's correction of how a message was read
            rows.append({"t_min": e["t_min"], "source": "trainer", "who": "", "event": e["label"],
                         "detail": e.get("note") or ""})
        elif src == "promise":
            rows.append({"t_min": e["t_min"], "source": "promise", "who": "", "event": e["label"], "detail": ""})
    for row in items_that_mattered(run).itertuples(index=False):
        rows.append({"t_min": float(row.t_min), "source": "crowd", "who": row.author_name,
                     "event": row.text, "detail": f"{row.platform} · {row.emotion} · {row.echo} echoes"})
    frame = pd.DataFrame(rows, columns=["t_min", "source", "who", "event", "detail"])
    frame = frame.sort_values("t_min", kind="stable").reset_index(drop=True)
    frame.insert(0, "clock", [clock(run, t) for t in frame["t_min"]])
    return frame


def comparison(run: RunData) -> pd.DataFrame:
    """One row per team that ran the same scenario and seed."""
    rows = []
    for r in [run, *run.siblings]:
        kf = key_figures(r)
        anger = r.timeline[r.timeline["emotion"] == "anger"]
        rows.append({"team": r.team or r.folder.name, "messages": kf["messages"],
                     "first_response": kf["time_to_first_response"], "peak_pressure": round(kf["peak_pressure"], 1),
                     "mean_pressure": round(kf["mean_pressure"], 1),
                     "final_anger": round(float(anger[anger["t_min"] == anger["t_min"].max()]["mean_intensity"].mean()), 3)
                     if len(anger) else None})
    return pd.DataFrame(rows)


__all__ = ["comparison", "key_figures", "main_courante"]
