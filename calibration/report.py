"""What a calibration produced, for the designer: an HTML report and a calibrated scenario.

The report shows the target against the fitted model's ensemble band, the
parameters with their near-best ranges and, if computed, the Sobol indices. All
text goes through Jinja2 autoescaping: a target description may come from
anywhere. The calibrated scenario is the designer's own TOML with the fitted
values written in, so their comments survive.
"""

from __future__ import annotations

import base64
import math
import re
import tomllib
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import altair as alt
import numpy as np
import pandas as pd
from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..model.scenario import Scenario, parse_scenario
from .fit import FitResult
from .params import _check, apply_params, read

TEMPLATES = Path(__file__).parent / "templates"
WIDTH = 640
MARK_BEGIN = "# --- uproar calibrate"
MARK_END = "# --- end of calibration note"


# --------------------------------------------------------------------------- charts


def _png(chart: alt.TopLevelMixin) -> str:
    import vl_convert as vlc

    png = vlc.vegalite_to_png(chart.to_json(), scale=2.0)
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def curves_chart(fit: FitResult) -> alt.FacetChart:
    """Target bins (dots) over the fitted mean (line) and 5–95% band, one panel per series."""
    band = fit.extra.get("band_binned")
    step = fit.bin_min
    if band is None:
        band, step = fit.fitted_band, 1
    target = fit.target[list(fit.columns)].reset_index(drop=True)
    target["t_min"] = (fit.target.index.to_numpy() // step) * step
    tgt = target.groupby("t_min").sum().reset_index().melt(id_vars="t_min", var_name="series", value_name="target")
    data = band[band["series"].isin(fit.columns)].merge(tgt, on=["t_min", "series"], how="left")
    base = alt.Chart().encode(x=alt.X("t_min:Q", title=f"T+min ({step}-min bins)"))
    area = base.mark_area(opacity=0.3, color="#5b8def").encode(y=alt.Y("low:Q", title="items"), y2="high:Q")
    line = base.mark_line(color="#1f4fb4").encode(y="mean:Q")
    dots = base.mark_circle(color="#c0392b", size=30).encode(y="target:Q")
    return (alt.layer(area, line, dots, data=data).properties(width=280, height=150)
            .facet(facet=alt.Facet("series:N", title=None), columns=2).resolve_scale(y="independent"))


def convergence_chart(fit: FitResult) -> alt.Chart:
    hist = fit.history[["evaluation", "generation", "loss"]].copy()
    hist = hist[np.isfinite(hist["loss"])]
    return alt.Chart(hist).mark_circle(size=25).encode(
        x=alt.X("evaluation:Q", title="evaluation"), y=alt.Y("loss:Q", title=fit.loss_name, scale=alt.Scale(zero=False)),
        color=alt.Color("generation:O", legend=alt.Legend(orient="right")),
    ).properties(width=WIDTH, height=160)


def sensitivity_chart(indices: pd.DataFrame) -> alt.FacetChart:
    data = indices.melt(id_vars=["parameter", "output"], value_vars=["S1", "ST"], var_name="index", value_name="value")
    data["value"] = data["value"].clip(lower=0.0)  # negative estimates are noise around zero
    return alt.Chart(data).mark_bar().encode(
        y=alt.Y("parameter:N", title=None), x=alt.X("value:Q", title=None), yOffset="index:N",
        color=alt.Color("index:N", scale=alt.Scale(domain=["S1", "ST"], range=["#f0a35e", "#8e44ad"]),
                        legend=alt.Legend(orient="bottom", title=None)),
    ).properties(width=200, height=max(60, 28 * indices["parameter"].nunique())).facet(
        column=alt.Column("output:N", title=None))


# --------------------------------------------------------------------------- report


def write_report(
    fit: FitResult,
    out_path: str | Path,
    scenario: Scenario,
    target_description: str = "",
    sensitivity: pd.DataFrame | None = None,
    identifiability: pd.DataFrame | None = None,
    top_fraction: float = 0.1,
) -> Path:
    """Write the HTML calibration report; every text field is escaped."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))
    params = []
    for p in fit.space:
        lo, hi = fit.intervals[p.name]
        value = fit.params[p.name]
        change = 100.0 * (value / p.default - 1.0) if p.default else math.nan
        params.append({"name": p.name, "default": p.default, "fitted": value, "change": change,
                       "low": lo, "high": hi, "bound_low": p.low, "bound_high": p.high})
    html = env.get_template("calibration.html").render(
        scenario_title=scenario.scenario.title,
        scenario_id=scenario.id,
        target_description=target_description or fit.target_source,
        date=datetime.now(UTC).strftime("%Y-%m-%d %H:%M"),
        fit=fit,
        band_seeds=len(fit.extra.get("band_seeds", [])) or "several",
        curves=_png(curves_chart(fit)),
        convergence=_png(convergence_chart(fit)),
        params=params,
        top_percent=round(100 * top_fraction),
        sensitivity=_png(sensitivity_chart(sensitivity)) if sensitivity is not None and len(sensitivity) else None,
        sensitivity_rows=[] if sensitivity is None else sensitivity.to_dict("records"),
        sensitivity_runs=None if sensitivity is None else sensitivity.attrs.get("runs"),
        identifiability_rows=[] if identifiability is None else identifiability.to_dict("records"),
        identifiability=None if identifiability is None else identifiability.attrs,
        graph_source=fit.extra.get("graph_source"),
        graph_rows=fit.extra["graph_comparison"].to_dict("records") if "graph_comparison" in fit.extra else [],
    )
    out = Path(out_path)
    out.write_text(html, encoding="utf-8")
    return out


# --------------------------------------------------------------------------- calibrated TOML


def _fmt(value: float) -> str:
    text = f"{value:.6g}"
    return text if any(c in text for c in ".en") else text + ".0"


def _toml_value(value: Any) -> str:
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_toml_value(v)}" for k, v in value.items()) + " }"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _fmt(value)
    raise TypeError(f"cannot write {value!r} to TOML")


_HEADER = re.compile(r"^\s*\[\[?\s*([A-Za-z0-9_.\-]+)\s*\]\]?\s*(#.*)?$")


def _headers(lines: list[str]) -> list[tuple[int, str, bool]]:
    """(line index, table name, is-array) of every table header outside multi-line strings."""
    found, in_string = [], None
    for i, line in enumerate(lines):
        if in_string is None:
            m = _HEADER.match(line)
            if m:
                found.append((i, m.group(1), line.lstrip().startswith("[[")))
                continue
        for quote in ('"""', "'''"):
            if line.count(quote) % 2 == 1 and (in_string is None or in_string == quote):
                in_string = None if in_string == quote else quote
    return found


def _block(lines: list[str], name: str, index: int | None = None) -> tuple[int, int] | None:
    """(header line, end line) of table `name` (or of the index-th [[name]])."""
    heads = _headers(lines)
    hits = [k for k, (_, n, arr) in enumerate(heads) if n == name and arr == (index is not None)]
    if index is not None:
        hits = hits[index:index + 1]
    if not hits:
        return None
    k = hits[0]
    end = heads[k + 1][0] if k + 1 < len(heads) else len(lines)
    return heads[k][0], end


def _set_key(lines: list[str], block: tuple[int, int], key: str, value: str) -> None:
    start, end = block
    pattern = re.compile(rf"^(\s*){re.escape(key)}\s*=\s*[^#\n]*?(\s*#.*)?$")
    for i in range(start + 1, end):
        m = pattern.match(lines[i])
        if m:
            lines[i] = f"{m.group(1)}{key} = {value}{m.group(2) or ''}"
            return
    insert = start + 1
    lines.insert(insert, f"{key} = {value}  # set by uproar calibrate")


def _set_table_keys(lines: list[str], table: str, items: dict[str, str]) -> None:
    """Set keys of [table]; create the table at the end of the file if it is missing."""
    if not items:
        return
    block = _block(lines, table)
    if block is None:
        lines += ["", f"[{table}]"]
        block = (len(lines) - 1, len(lines))
    # in reverse so insertions do not move the block's end under our feet
    for key, value in reversed(list(items.items())):
        _set_key(lines, _block(lines, table) or block, key, value)


def calibrated_toml(
    text: str, scenario: Scenario, fit: FitResult, target_description: str, when: datetime | None = None
) -> str:
    """The scenario's TOML text with the fitted values and a note on where they come from."""
    fitted = apply_params(scenario, fit.params)
    data = tomllib.loads(text)
    lines = text.splitlines()
    # strip an earlier calibration note
    if lines and lines[0].startswith(MARK_BEGIN):
        end = next((i for i, ln in enumerate(lines) if ln.startswith(MARK_END)), -1)
        lines = lines[end + 1:]

    population: dict[str, str] = {}
    network: dict[str, str] = {}
    parameters: dict[str, Any] = {}
    injects: dict[int, dict[str, str]] = {}
    for name in fit.params:
        path = _check(scenario, name)
        if path[0] == "population":
            population[path[1]] = _fmt(read(fitted, name))
        elif path[0] == "network":
            network[path[1]] = _fmt(read(fitted, name))
        elif path[0] == "parameters":
            parameters[path[1]] = getattr(fitted.parameters, path[1])
        else:
            i = int(path[1])
            inj = fitted.injects[i]
            injects.setdefault(i, {})
            if path[2] == "reach":
                injects[i]["reach"] = _fmt(inj.reach)
            else:
                injects[i]["shock"] = _toml_value({k: float(v) for k, v in inj.shock.items()})
    if fit.population is not None and fit.population != scenario.population.size:
        # volume parameters were fitted for this crowd size; they only hold at it
        population["size"] = str(int(fit.population))

    for i, items in sorted(injects.items()):
        for key, value in items.items():
            block = _block(lines, "injects", i)
            if block is None:
                raise ValueError(f"cannot find the [[injects]] block number {i} in the scenario text")
            if any(_HEADER.match(lines[j]) for j in range(block[0] + 1, block[1])):
                raise ValueError(f"[[injects]] {i} uses sub-tables; edit its {key} by hand")
            _set_key(lines, block, key, value)
    _set_table_keys(lines, "population", population)
    for key, value in fit.extra.get("network", {}).items():
        network.setdefault(key, _fmt(float(value)))  # from --graph; a fitted name wins
    _set_table_keys(lines, "network", network)
    if parameters:
        # rewrite [parameters] as one table with inline dicts; the other keys it had are kept
        old = dict(data.get("parameters", {}))
        merged: dict[str, Any] = {**old}
        for key, value in parameters.items():
            merged[key] = {k: float(v) for k, v in value.items()} if isinstance(value, dict) else float(value)
        heads = _headers(lines)
        drop = [k for k, (_, n, _) in enumerate(heads) if n == "parameters" or n.startswith("parameters.")]
        for k in reversed(drop):
            start = heads[k][0]
            end = heads[k + 1][0] if k + 1 < len(heads) else len(lines)
            del lines[start:end]
        lines += ["", "# [parameters] written by uproar calibrate (see the note at the top)", "[parameters]"]
        lines += [f"{k} = {_toml_value(v)}" for k, v in merged.items()]

    when = when or datetime.now(UTC)
    desc = " ".join(str(target_description or fit.target_source or "unnamed target").split())
    note = [
        f"{MARK_BEGIN} ({when:%Y-%m-%d} UTC) ---",
        f"# Calibrated to: {desc}",
        f"# Loss: {fit.loss_name} = {fit.loss:.4g} (defaults: {fit.default_loss:.4g}); "
        f"{fit.evaluations} evaluations × {len(fit.seeds)} seeds, {fit.minutes} minutes, "
        f"population {fit.population or scenario.population.size}",
    ]
    if fit.extra.get("network"):
        values = ", ".join(f"{k} = {v:.4g}" for k, v in fit.extra["network"].items())
        note.append(f"# [network] fitted to the follower graph {fit.extra.get('graph_source', '')}: {values}")
    for p in fit.space:
        lo, hi = fit.intervals[p.name]
        note.append(f"#   {p.name} = {fit.params[p.name]:.4g} (was {p.default:.4g}; near-best {lo:.4g}–{hi:.4g})")
    note.append(MARK_END)
    return "\n".join(note + lines) + "\n"


def write_calibrated_scenario(
    scenario_path: str | Path, fit: FitResult, out_path: str | Path, target_description: str = ""
) -> Path:
    """Write the scenario with the fitted values, checked by loading it back.

    Raises ValueError if the written file does not load or does not carry the values.
    """
    from ..model.scenario import load_scenario, resolve

    src = resolve(scenario_path)
    text = src.read_text(encoding="utf-8-sig")
    scenario = load_scenario(src)
    out_text = calibrated_toml(text, scenario, fit, target_description)
    check = parse_scenario(out_text, source=str(out_path))
    for name, value in fit.params.items():
        got = read(check, name)
        if not math.isclose(got, value, rel_tol=1e-5, abs_tol=1e-9):
            raise ValueError(f"the calibrated scenario carries {name} = {got}, not the fitted {value}")
    for key, value in fit.extra.get("network", {}).items():
        got = read(check, f"network.{key}")
        if not math.isclose(got, float(value), rel_tol=1e-5, abs_tol=1e-9):
            raise ValueError(f"the calibrated scenario carries network.{key} = {got}, not the fitted {value}")
    out = Path(out_path)
    out.write_text(out_text, encoding="utf-8")
    return out


__all__ = ["calibrated_toml", "convergence_chart", "curves_chart", "sensitivity_chart", "write_calibrated_scenario", "write_report"]
