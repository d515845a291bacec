"""The report's charts: Altair specs rendered offline to PNG (vl-convert), embedded as data URIs."""

from __future__ import annotations

import base64

import altair as alt
import pandas as pd
import vl_convert as vlc

from ..app.charts import EMOTION_COLOURS

_SCALE = alt.Scale(domain=list(EMOTION_COLOURS), range=list(EMOTION_COLOURS.values()))
WIDTH = 640


def png_uri(chart: alt.TopLevelMixin, scale: float = 2.0) -> str:
    png = vlc.vegalite_to_png(chart.to_json(), scale=scale)
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def pressure_curve(pressure: pd.DataFrame, marks: pd.DataFrame, title: str) -> alt.LayerChart:
    """The pressure over the session with injects, messages and journalists' deadlines marked."""
    area = alt.Chart(pressure).mark_area(line={"color": "#c0392b"}, color="#f5c6c0").encode(
        x=alt.X("t_min:Q", title="T+min"), y=alt.Y("pressure:Q", title=title, scale=alt.Scale(domain=[0, 100])))
    layers = [area]
    if len(marks):
        colours = alt.Scale(domain=["inject", "message", "deadline"], range=["#7f8c8d", "#111111", "#e67e22"])
        layers.append(alt.Chart(marks).mark_rule(strokeWidth=1.5, strokeDash=[4, 3]).encode(
            x="t_min:Q", color=alt.Color("kind:N", scale=colours, legend=alt.Legend(orient="bottom", title=None))))
    return alt.layer(*layers).properties(width=WIDTH, height=190)


def reputation_curve(rep: pd.DataFrame, title: str) -> alt.Chart:
    return alt.Chart(rep).mark_line(color="#2c3e50").encode(
        x=alt.X("t_min:Q", title="T+min"), y=alt.Y("reputation:Q", title=title)).properties(width=WIDTH, height=150)


def emotion_shares(shares: pd.DataFrame) -> alt.Chart:
    return alt.Chart(shares).mark_area().encode(
        x=alt.X("bin:Q", title="T+min"),
        y=alt.Y("share:Q", stack="normalize", title=None, axis=alt.Axis(format="%")),
        color=alt.Color("emotion:N", scale=_SCALE, legend=alt.Legend(orient="bottom", title=None)),
        facet=alt.Facet("group:N", columns=4, title=None),
    ).properties(width=140, height=80)


def impact_bars(ranked: pd.DataFrame, title: str) -> alt.LayerChart:
    data = ranked.assign(label=[f"T+{t} {s}" for t, s in zip(ranked["t_min"], ranked["strategy"], strict=True)])
    base = alt.Chart(data).encode(y=alt.Y("label:N", sort=None, title=None))
    bars = base.mark_bar().encode(
        x=alt.X("anger:Q", title=title),
        color=alt.condition("datum.anger < 0", alt.value("#2e9d5b"), alt.value("#d83a2e")))
    errors = base.mark_rule(color="#333333").encode(x="anger_low:Q", x2="anger_high:Q")
    return alt.layer(bars, errors).properties(width=WIDTH - 140, height=max(60, 24 * len(data)))


def team_pressure(runs: list[tuple[str, pd.DataFrame]], title: str) -> alt.Chart:
    data = pd.concat([p.assign(team=name) for name, p in runs])
    return alt.Chart(data).mark_line().encode(
        x=alt.X("t_min:Q", title="T+min"), y=alt.Y("pressure:Q", title=title), color=alt.Color("team:N", title=None),
    ).properties(width=WIDTH, height=180)
