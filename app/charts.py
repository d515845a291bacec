"""The console's charts as plain Vega-Lite specifications (no Streamlit, no Altair here).

A chart is built once per room and new minute and drawn by every session that
watches the room, so it must cost nothing to draw: the specification is a small
dict, and its data travel as Arrow bytes under `datasets`, which Streamlit passes
through untouched (no per-draw conversion, no schema validation). Words — axis
titles, legend entries, tooltips — come in the page's language.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from ..model.taxonomy import EMOTIONS
from .i18n import t

EMOTION_COLOURS = {
    "approval": "#2e9d5b",
    "fear": "#7b57c9",
    "anger": "#d83a2e",
    "mockery": "#f2a516",
    "sadness": "#3d7cc9",
}
MARKER_COLOURS = {"message": "#111111", "inject": "#999999"}
SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"

Spec = dict[str, Any]


def arrow(columns: dict[str, Any]) -> bytes:
    """Columns as Arrow IPC stream bytes, the form Streamlit ships chart data in."""
    table = pa.table({k: pa.array(list(v) if not isinstance(v, np.ndarray) else v) for k, v in columns.items()})
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


def _emotion_scale(lang: str) -> dict[str, Any]:
    return {"domain": [t(e, lang) for e in EMOTIONS], "range": list(EMOTION_COLOURS.values())}


def _markers(markers: pd.DataFrame, lang: str) -> tuple[bytes, Spec]:
    """Dashed rules where messages and injects landed, and their layer."""
    data = arrow({"t_min": markers["t_min"].to_numpy(np.int64),
                  "kind": [t(f"marker_{k}", lang) for k in markers["kind"]],
                  "label": [str(x) for x in markers["label"]]})
    layer = {
        "data": {"name": "markers"},
        "mark": {"type": "rule", "strokeDash": [4, 3], "strokeWidth": 1.5},
        "encoding": {
            "x": {"field": "t_min", "type": "quantitative"},
            "color": {"field": "kind", "type": "nominal", "legend": {"title": None, "orient": "bottom"},
                      "scale": {"domain": [t("marker_message", lang), t("marker_inject", lang)],
                                "range": list(MARKER_COLOURS.values())}},
            "tooltip": [{"field": "t_min", "title": "T+"}, {"field": "kind", "title": t("kind", lang)},
                        {"field": "label", "title": t("text", lang)}],
        },
    }
    return data, layer


def _time_axis() -> dict[str, Any]:
    return {"field": "t_min", "type": "quantitative", "title": "T+min", "scale": {"nice": False}}


def items_per_minute(per_minute: pd.DataFrame, markers: pd.DataFrame, lang: str, height: int = 220) -> Spec:
    """Stacked areas by emotion, with a rule where each message and inject landed."""
    marks, rules = _markers(markers, lang)
    area = {
        "data": {"name": "items"},
        "mark": {"type": "area"},
        "encoding": {
            "x": _time_axis(),
            "y": {"field": "count", "type": "quantitative", "stack": True, "title": None},
            "color": {"field": "emotion", "type": "nominal", "scale": _emotion_scale(lang),
                      "legend": {"orient": "bottom", "title": None}},
            "order": {"field": "order", "type": "quantitative"},
            "tooltip": [{"field": "t_min", "title": "T+"}, {"field": "emotion", "title": t("emotion", lang)},
                        {"field": "count", "title": t("items", lang)}],
        },
    }
    codes = per_minute["emotion"].map(EMOTIONS.index).to_numpy(np.int64)
    data = arrow({"t_min": per_minute["t_min"].to_numpy(np.int64), "emotion": [t(e, lang) for e in per_minute["emotion"]],
                  "order": codes, "count": per_minute["count"].to_numpy(np.int64)})
    return {"$schema": SCHEMA, "height": height, "datasets": {"items": data, "markers": marks},
            "layer": [area, rules], "resolve": {"scale": {"color": "independent"}}}


def pressure_history(pressure: pd.DataFrame, markers: pd.DataFrame, lang: str, height: int = 160) -> Spec:
    marks, rules = _markers(markers, lang)
    area = {
        "data": {"name": "pressure"},
        "mark": {"type": "area", "line": {"color": "#d83a2e"}, "color": "#f6c5c0"},
        "encoding": {
            "x": _time_axis(),
            "y": {"field": "pressure", "type": "quantitative", "scale": {"domain": [0, 100]}, "title": None},
            "tooltip": [{"field": "t_min", "title": "T+"}, {"field": "pressure", "title": t("pressure", lang),
                                                           "format": ".0f"}],
        },
    }
    data = arrow({"t_min": pressure["t_min"].to_numpy(np.int64),
                  "pressure": pressure["pressure"].to_numpy(np.float64)})
    return {"$schema": SCHEMA, "height": height, "datasets": {"pressure": data, "markers": marks},
            "layer": [area, rules]}


def group_heatmap(group_emotions: pd.DataFrame, lang: str, emotion: str = "anger", height: int = 230) -> Spec:
    """How strongly each group feels `emotion`, minute by minute."""
    data = group_emotions[group_emotions["emotion"] == emotion]
    values = arrow({"t_min": data["t_min"].to_numpy(np.int64), "group": [t(g, lang) for g in data["group"]],
                    "mean_intensity": data["mean_intensity"].to_numpy(np.float64)})
    return {
        "$schema": SCHEMA, "height": height, "datasets": {"groups": values}, "data": {"name": "groups"},
        "mark": {"type": "rect"},
        "encoding": {
            "x": {"field": "t_min", "type": "ordinal", "title": "T+min",
                  "axis": {"labelOverlap": True, "values": list(range(0, int(data["t_min"].max() or 0) + 1, 15))
                           if len(data) else []}},
            "y": {"field": "group", "type": "nominal", "title": None, "axis": {"labelOverlap": False}},
            "color": {"field": "mean_intensity", "type": "quantitative", "title": t(emotion, lang),
                      "scale": {"scheme": "reds", "domain": [0, 1]}},
            "tooltip": [{"field": "t_min", "title": "T+"}, {"field": "group", "title": t("group", lang)},
                        {"field": "mean_intensity", "title": t(emotion, lang), "format": ".2f"}],
        },
    }


def platform_split(split: pd.DataFrame, lang: str, height: int = 200) -> Spec:
    codes = split["emotion"].map(EMOTIONS.index).to_numpy(np.int64)
    values = arrow({"platform": [str(p) for p in split["platform"]], "emotion": [t(e, lang) for e in split["emotion"]],
                    "order": codes, "count": split["count"].to_numpy(np.int64)})
    return {
        "$schema": SCHEMA, "height": height, "datasets": {"split": values}, "data": {"name": "split"},
        "mark": {"type": "bar"},
        "encoding": {
            "y": {"field": "platform", "type": "nominal", "title": None},
            "x": {"field": "count", "type": "quantitative", "stack": True, "title": None},
            "color": {"field": "emotion", "type": "nominal", "scale": _emotion_scale(lang), "legend": None},
            "order": {"field": "order", "type": "quantitative"},
            "tooltip": [{"field": "platform", "title": t("platform", lang)},
                        {"field": "emotion", "title": t("emotion", lang)},
                        {"field": "count", "title": t("items", lang)}],
        },
    }


def network_view(nodes: pd.DataFrame, edges: pd.DataFrame, lang: str, height: int = 260) -> Spec:
    """The influential accounts on a circle, sized by engagement, coloured by emotion; lines = who answered whom."""
    n = len(nodes)
    angle = 2 * math.pi * np.arange(n) / max(n, 1)
    pos = {int(a): (float(math.cos(x)), float(math.sin(x))) for a, x in zip(nodes["author_id"], angle, strict=True)}
    segments: dict[str, list] = {"id": [], "x": [], "y": [], "order": []}
    for k, (s, d) in enumerate(zip(edges["source"], edges["target"], strict=True)):
        if int(s) in pos and int(d) in pos:
            for order, end in enumerate((int(s), int(d))):
                segments["id"].append(k)
                segments["x"].append(pos[end][0])
                segments["y"].append(pos[end][1])
                segments["order"].append(order)
    points = arrow({
        "x": [pos[int(a)][0] for a in nodes["author_id"]], "y": [pos[int(a)][1] for a in nodes["author_id"]],
        "name": [str(x) for x in nodes["author_name"]], "group": [t(g, lang) for g in nodes["author_group"]],
        "engagement": nodes["engagement"].to_numpy(np.int64),
        "emotion": [t(e, lang) if e else "" for e in nodes["emotion"]],
    })
    hidden = {"title": None, "labels": False, "ticks": False, "grid": False, "domain": False}
    xy = {"x": {"field": "x", "type": "quantitative", "axis": hidden, "scale": {"domain": [-1.2, 1.2]}},
          "y": {"field": "y", "type": "quantitative", "axis": hidden, "scale": {"domain": [-1.2, 1.2]}}}
    return {
        "$schema": SCHEMA, "height": height,
        "datasets": {"links": arrow({k: np.asarray(v, dtype=np.float64 if k in ("x", "y") else np.int64)
                                     for k, v in segments.items()}), "accounts": points},
        "layer": [
            {"data": {"name": "links"}, "mark": {"type": "line", "color": "#bbbbbb", "opacity": 0.6},
             "encoding": {**xy, "detail": {"field": "id", "type": "nominal"},
                          "order": {"field": "order", "type": "quantitative"}}},
            {"data": {"name": "accounts"}, "mark": {"type": "circle", "opacity": 0.9},
             "encoding": {**xy,
                          "size": {"field": "engagement", "type": "quantitative", "legend": None,
                                   "scale": {"range": [40, 900]}},
                          "color": {"field": "emotion", "type": "nominal", "scale": _emotion_scale(lang),
                                    "legend": None},
                          "tooltip": [{"field": "name", "title": t("author", lang)},
                                      {"field": "group", "title": t("group", lang)},
                                      {"field": "engagement", "title": t("engagement", lang)},
                                      {"field": "emotion", "title": t("emotion", lang)}]}},
        ],
    }


__all__ = ["EMOTION_COLOURS", "group_heatmap", "items_per_minute", "network_view", "platform_split",
           "pressure_history"]
