"""`uproar report`: the debrief as HTML, PDF or Markdown, plus its tables as CSV/JSON.

HTML is the source: Jinja2 with autoescaping renders it (every user or scenario
text is escaped), WeasyPrint turns it into the PDF, charts are PNGs rendered
offline by vl-convert.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pandas as pd
from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..model.taxonomy import POSTURES
from . import charts, figures
from .data import RunData, load_source
from .words import reason, w

TEMPLATES = Path(__file__).parent / "templates"


@dataclass
class Report:
    run: RunData
    lang: str
    key_figures: dict[str, Any]
    courante: pd.DataFrame
    impact: pd.DataFrame | None  # ranked, one row per message
    impact_rows: pd.DataFrame | None  # every message × window × metric
    seeds: int
    seconds: float = 0.0


def prepare(run: RunData, lang: str | None = None, impact: bool = True, seeds: int = 8, workers: int | None = None,
            progress: bool = False) -> Report:
    t0 = time.perf_counter()
    lang = lang or run.scenario.language
    ranked = rows = None
    if impact:
        from .impact import message_impacts, rank_messages

        rows = message_impacts(run.scenario, seed=int(run.info["seed"]), population=int(run.info["population"]),
                               minutes=run.minutes, inputs=run.inputs, seeds=seeds, workers=workers,
                               progress=progress)
        ranked = rank_messages(rows) if len(rows) else rows
    return Report(run=run, lang=lang, key_figures=figures.key_figures(run), courante=figures.main_courante(run),
                  impact=ranked, impact_rows=rows, seeds=seeds, seconds=time.perf_counter() - t0)


def _marks(run: RunData, kf: dict[str, Any]) -> pd.DataFrame:
    rows = [{"t_min": i["t_min"], "kind": "inject"} for i in kf["injects"]]
    rows += [{"t_min": int(t), "kind": "message"} for t in run.messages["t_min"]]
    rows += [{"t_min": q["deadline_at"], "kind": "deadline"} for q in kf["questions"] if q["deadline_at"] is not None]
    return pd.DataFrame(rows, columns=["t_min", "kind"])


def _reading(report: Report) -> list[dict[str, Any]]:
    """Per message, Uproar's reading and (if any) the trainer's correction, with the SCCT
    reasons the engine gave, in plain words of the report's language."""
    lang = report.lang
    corrections = {e.get("seq"): e for e in report.run.events if e["source"] == "reading"}
    out = []
    for e in report.run.events:
        if e["source"] != "message":
            continue
        fix = corrections.get(e.get("seq"))
        reasons = [reason(r, lang) for r in (fix or e).get("reasons", [])]
        engine = _reading_label(e, lang)
        corrected = _reading_label(fix, lang) if fix else None
        out.append({"t_min": e["t_min"], "strategy": (fix or e).get("strategy"), "tone": (fix or e).get("tone"),
                    "text": e["label"], "reasons": "; ".join(reasons) + ".", "engine": engine,
                    "corrected": corrected, "corrected_at": fix["t_min"] if fix else None,
                    "note": (fix or {}).get("note") or ""})
    return out


def _reading_label(e: dict[str, Any], lang: str) -> str:
    """"rebuild + bolster / empathetic · instructing (confidence 72%) · heard as: says sorry", or
    "uncertain: A or B"."""
    strategy = e.get("strategy") or "?"
    alternatives = e.get("alternatives") or []
    if alternatives and e.get("source") == "message":
        strategy = f"{w('uncertain', lang)} {strategy} {w('or', lang)} {alternatives[0]}"
    if e.get("secondary"):
        strategy += f" + {e['secondary']}"
    text = f"{strategy} / {e.get('tone')}"
    base = e.get("base_responses") or []
    if base:
        text += " · " + ", ".join(w(b, lang) for b in base)
    if e.get("source") == "message" and e.get("confidence") is not None:
        text += f" ({w('confidence', lang)} {float(e['confidence']):.0%})"
    if e.get("postures"):  # what the crowd heard it say in so many words (older runs: none recorded)
        text += f" · {w('heard_as', lang)}: " + ", ".join(POSTURES[p].get(lang, POSTURES[p]["en"]) for p in e["postures"] if p in POSTURES)
    return text


def render_html(report: Report) -> str:
    run, lang = report.run, report.lang
    kf = report.key_figures
    chart_uris = {
        "pressure": charts.png_uri(charts.pressure_curve(run.pressure, _marks(run, kf), w("pressure", lang))),
        "reputation": charts.png_uri(charts.reputation_curve(figures.reputation(run), w("reputation", lang))),
        "shares": charts.png_uri(charts.emotion_shares(figures.emotion_shares(run))),
    }
    if report.impact is not None and len(report.impact):
        chart_uris["impact"] = charts.png_uri(charts.impact_bars(report.impact, w("anger_change", lang)))
    comparison = None
    if run.siblings:
        comparison = figures.comparison(run)
        teams = [(r.team or r.folder.name, r.pressure) for r in [run, *run.siblings]]
        chart_uris["teams"] = charts.png_uri(charts.team_pressure(teams, w("pressure", lang)))
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))
    template = env.get_template("report.html")
    started = run.started_at
    return template.render(
        run=run, lang=lang, w=lambda key: w(key, lang), kf=kf, charts=chart_uris,
        css=(TEMPLATES / "report.css").read_text(encoding="utf-8"),
        date=(started or datetime.now()).strftime("%Y-%m-%d %H:%M") if started else datetime.now().strftime("%Y-%m-%d"),
        courante=report.courante.to_dict("records"),
        hashtags=figures.top_hashtags(run).to_dict("records"),
        cascades=figures.largest_cascades(run).to_dict("records"),
        impact=report.impact, seeds=report.seeds, reading=_reading(report), comparison=comparison,
    )


def md_escape(text: object) -> str:
    import html
    import re

    return re.sub(r"([\\`*_{}\[\]()#+\-.!|~>])", r"\\\1", html.escape(str(text), quote=False)).replace("\n", " ")


def render_markdown(report: Report) -> str:
    run, lang, kf = report.run, report.lang, report.key_figures
    e = md_escape
    lines = [f"# {w('title', lang)}", "",
             f"**{w('scenario', lang)}** {e(run.scenario.scenario.title)} · **{w('seed', lang)}** {run.info['seed']} · "
             f"**{w('duration', lang)}** {run.minutes} {w('minutes', lang)}" + (f" · **{w('team', lang)}** {e(run.team)}" if run.team else ""),
             "", f"## {w('figures', lang)}", "",
             f"- {w('first_response', lang)}: {kf['time_to_first_response'] if kf['time_to_first_response'] is not None else '—'} min",
             f"- {w('peak_pressure', lang)}: {kf['peak_pressure']:.0f}/100 (T+{kf['peak_minute']})",
             f"- {w('mean_pressure', lang)}: {kf['mean_pressure']:.0f}/100",
             f"- {w('messages', lang)}: {kf['messages']}", "", *_claims_markdown(kf["claims"], lang),
             "", f"## {w('courante', lang)}", "",
             f"| {w('time', lang)} | {w('source', lang)} | {w('who', lang)} | {w('event', lang)} |", "|---|---|---|---|"]
    for r in report.courante.itertuples(index=False):
        lines.append(f"| {r.clock} T+{r.t_min:.0f} | {e(r.source)} | {e(r.who)} | {e(r.event)} {e(r.detail)} |")
    lines += ["", f"## {w('impact', lang)}", ""]
    if report.impact is None:
        lines.append(w("impact_off", lang))
    else:
        lines += [f"| T+ | {w('strategy', lang)} | {w('message', lang)} | {w('anger_change', lang)} | {w('verdict', lang)} |",
                  "|---|---|---|---|---|"]
        for m in report.impact.itertuples(index=False):
            lines.append(f"| T+{m.t_min} | {m.strategy}/{m.tone} | {e(m.text)} | {m.anger:+.3f} "
                         f"[{m.anger_low:+.3f}, {m.anger_high:+.3f}] | {w(m.verdict, lang)} |")
    lines += ["", f"## {w('reading', lang)}", ""]
    for r in _reading(report):
        lines.append(f"- **T+{r['t_min']} {r['strategy']}/{r['tone']}** — {e(r['text'])}: {e(r['reasons'])}")
        lines.append(f"  - {w('engine_reading', lang)}: {e(r['engine'])}")
        if r["corrected"]:
            lines.append(f"  - {w('trainer_reading', lang)} (T+{r['corrected_at']}): {e(r['corrected'])}"
                         + (f" — {e(r['note'])}" if r["note"] else ""))
    return "\n".join(lines) + "\n"


def _claims_markdown(claims: list[dict[str, Any]], lang: str) -> list[str]:
    """The rumours table (`figures.claims`) as Markdown lines."""
    lines = [f"## {w('claims', lang)}", "",
             f"| {w('claim', lang)} | {w('truth', lang)} | {w('from', lang)} | {w('items', lang)} | {w('team_answer', lang)} |",
             "|---|---|---|---|---|"]
    for c in claims:
        since = f"T+{c['first_at']}" if c["first_at"] is not None else "—"
        answers = "; ".join(w(a["answer"], lang) + (f" (T+{a['t_min']})" if a["t_min"] is not None else "")
                            for a in c["answers"])
        lines.append(f"| {md_escape(c['text'])} | {w('true' if c['true'] else 'false', lang)} | {since} | "
                     f"{c['items']} | {answers} |")
    return lines


def write_tables(report: Report, folder: Path) -> None:
    """The same tables as CSV/JSON, for people who want their own spreadsheet."""
    folder.mkdir(parents=True, exist_ok=True)
    report.courante.to_csv(folder / "main_courante.csv", index=False)
    kf = report.key_figures
    (folder / "key_figures.json").write_text(json.dumps(kf, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
    figures.top_hashtags(report.run).to_csv(folder / "hashtags.csv", index=False)
    pd.DataFrame([{**{k: v for k, v in c.items() if k != "answers"},
                   "answers": "; ".join(a["answer"] + (f" T+{a['t_min']}" if a["t_min"] is not None else "")
                                        for a in c["answers"])} for c in kf["claims"]],
                 columns=["id", "text", "true", "items", "first_at", "answers"]).to_csv(folder / "claims.csv", index=False)
    figures.largest_cascades(report.run).to_csv(folder / "cascades.csv", index=False)
    figures.reputation(report.run).to_csv(folder / "reputation.csv", index=False)
    figures.emotion_shares(report.run).to_csv(folder / "emotion_shares.csv", index=False)
    if report.impact_rows is not None:
        report.impact_rows.to_csv(folder / "impact.csv", index=False)
        report.impact.to_csv(folder / "impact_ranked.csv", index=False)
    if report.run.siblings:
        figures.comparison(report.run).to_csv(folder / "comparison.csv", index=False)


def build_report(source: str | Path, fmt: str = "pdf", lang: str | None = None, out: str | Path | None = None,
                 impact: bool = True, seeds: int = 8, workers: int | None = None, progress: bool = False,
                 database: str | None = None) -> tuple[Path, Report]:
    """Build the report file (and its tables folder next to it); returns the path and the report."""
    if fmt not in ("pdf", "html", "md"):
        raise ValueError(f"unknown format {fmt!r}; use pdf, html or md")
    if lang not in (None, "fr", "en"):
        raise ValueError(f"unknown language {lang!r}; use fr or en")
    run = load_source(source, database=database)
    report = prepare(run, lang=lang, impact=impact, seeds=seeds, workers=workers, progress=progress)
    name = run.info.get("room_id") or run.scenario.id
    path = Path(out) if out else Path(f"report-{name}.{fmt}")
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "md":
        path.write_text(render_markdown(report), encoding="utf-8")
    else:
        html = render_html(report)
        if fmt == "html":
            path.write_text(html, encoding="utf-8")
        else:
            from weasyprint import HTML

            HTML(string=html, base_url=str(TEMPLATES)).write_pdf(str(path))
    write_tables(report, path.with_name(path.stem + "-tables"))
    return path, report
