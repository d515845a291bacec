"""Altair charts for the console: plain frames in, charts out (no Streamlit here)."""

from __future__ import annotations

import math

import altair as alt
import pandas as pd

EMOTION_COLOURS = {
    "approval": "#2e9d5b",
    "fear": "#7b57c9",
    "anger": "#d83a2e",
    "mockery": "#f2a516",
    "sadness": "#3d7cc9",
}
_SCALE = alt.Scale(domain=list(EMOTION_COLOURS), range=list(EMOTION_COLOURS.values()))


def _rules(markers: pd.DataFrame) -> alt.Chart | None:
    if markers is None or markers.empty:
        return None
    return (
        alt.Chart(markers)
        .mark_rule(strokeDash=[4, 3], strokeWidth=1.5)
        .encode(
            x="t_min:Q",
            color=alt.Color("kind:N", scale=alt.Scale(domain=["message", "inject"], range=["#111111", "#999999"]),
                            legend=alt.Legend(title=None, orient="bottom")),
            tooltip=["t_min:Q", "kind:N", "label:N"],
        )
    )


def items_per_minute(per_minute: pd.DataFrame, markers: pd.DataFrame, height: int = 220) -> alt.LayerChart:
    """Stacked areas by emotion, with a rule where each message and inject landed."""
    base = (
        alt.Chart(per_minute)
        .mark_area()
        .encode(
            x=alt.X("t_min:Q", title="T+min"),
            y=alt.Y("count:Q", stack=True, title=None),
            color=alt.Color("emotion:N", scale=_SCALE, legend=alt.Legend(orient="bottom", title=None)),
            tooltip=["t_min:Q", "emotion:N", "count:Q"],
        )
    )
    rules = _rules(markers)
    chart = base + rules if rules is not None else alt.layer(base)
    return chart.properties(height=height).resolve_scale(color="independent")


def pressure_history(pressure: pd.DataFrame, markers: pd.DataFrame, height: int = 160) -> alt.LayerChart:
    line = (
        alt.Chart(pressure)
        .mark_area(line={"color": "#d83a2e"}, color="#f6c5c0")
        .encode(x=alt.X("t_min:Q", title="T+min"), y=alt.Y("pressure:Q", scale=alt.Scale(domain=[0, 100]), title=None),
                tooltip=["t_min:Q", "pressure:Q"])
    )
    rules = _rules(markers)
    return (line + rules if rules is not None else alt.layer(line)).properties(height=height)


def group_heatmap(group_emotions: pd.DataFrame, emotion: str = "anger", height: int = 200) -> alt.Chart:
    data = group_emotions[group_emotions["emotion"] == emotion]
    return (
        alt.Chart(data)
        .mark_rect()
        .encode(
            x=alt.X("t_min:O", title="T+min", axis=alt.Axis(labelOverlap=True)),
            y=alt.Y("group:N", title=None),
            color=alt.Color("mean_intensity:Q", scale=alt.Scale(scheme="reds", domain=[0, 1]), title=emotion),
            tooltip=["t_min", "group", "mean_intensity"],
        )
        .properties(height=height)
    )


def platform_split(split: pd.DataFrame, height: int = 200) -> alt.Chart:
    return (
        alt.Chart(split)
        .mark_bar()
        .encode(
            y=alt.Y("platform:N", title=None),
            x=alt.X("count:Q", stack=True, title=None),
            color=alt.Color("emotion:N", scale=_SCALE, legend=None),
            tooltip=["platform", "emotion", "count"],
        )
        .properties(height=height)
    )


def network_view(nodes: pd.DataFrame, edges: pd.DataFrame, height: int = 260) -> alt.LayerChart:
    """The influential accounts on a circle, sized by engagement, coloured by emotion."""
    if nodes.empty:
        return alt.layer(alt.Chart(pd.DataFrame({"x": [], "y": []})).mark_point())
    n = len(nodes)
    pos = {aid: (math.cos(2 * math.pi * i / n), math.sin(2 * math.pi * i / n))
           for i, aid in enumerate(nodes["author_id"])}
    nodes = nodes.assign(x=[pos[a][0] for a in nodes["author_id"]], y=[pos[a][1] for a in nodes["author_id"]])
    segs = [
        {"id": k, "x": pos[s][0], "y": pos[s][1], "order": 0} for k, (s, t) in enumerate(zip(edges["source"], edges["target"], strict=True))
        if s in pos and t in pos
    ] + [
        {"id": k, "x": pos[t][0], "y": pos[t][1], "order": 1} for k, (s, t) in enumerate(zip(edges["source"], edges["target"], strict=True))
        if s in pos and t in pos
    ]
    axis = alt.Axis(title=None, labels=False, ticks=False, grid=False, domain=False)
    lines = alt.Chart(pd.DataFrame(segs, columns=["id", "x", "y", "order"])).mark_line(color="#bbbbbb", opacity=0.6).encode(
        x=alt.X("x:Q", axis=axis), y=alt.Y("y:Q", axis=axis), detail="id:N", order="order:Q"
    )
    points = alt.Chart(nodes).mark_circle(opacity=0.9).encode(
        x=alt.X("x:Q", axis=axis),
        y=alt.Y("y:Q", axis=axis),
        size=alt.Size("engagement:Q", legend=None, scale=alt.Scale(range=[40, 900])),
        color=alt.Color("emotion:N", scale=_SCALE, legend=None),
        tooltip=["author_name:N", "author_group:N", "engagement:Q", "emotion:N"],
    )
    return (lines + points).properties(height=height)
