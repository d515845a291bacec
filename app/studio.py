"""Scenario studio for designers: load, edit in forms, validate live, preview, calibrate, save.

The scenario stays a TOML document (tomlkit keeps the designer's comments and
layout); every edit goes through the same validation as `uproar validate`.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st
import tomlkit

from ..model.scenario import ScenarioError, parse_scenario, shipped_scenarios
from ..model.taxonomy import EMOTIONS, GROUPS
from . import charts
from .feed import safe

KEY = "studio-toml"


def render(lang: str) -> None:
    st.title("Studio" + (" des scénarios" if lang == "fr" else " — scenarios"))
    load(lang)
    text = st.session_state.get(KEY)
    if not text:
        return
    doc = tomlkit.parse(text)
    tabs = st.tabs(["Population & réseau" if lang == "fr" else "Population & network", "Personas",
                    "Paramètres" if lang == "fr" else "Parameters", "TOML"])
    with tabs[0]:
        population_form(doc)
    with tabs[1]:
        personas_form(doc)
    with tabs[2]:
        parameters_form(doc)
    with tabs[3]:
        edited = st.text_area("TOML", value=tomlkit.dumps(doc), height=420, key="studio-raw")
        if edited != tomlkit.dumps(doc):
            try:
                doc = tomlkit.parse(edited)
            except Exception as exc:  # tomlkit raises several kinds; show them all plainly
                st.error(safe(f"TOML: {exc}"))
    text = tomlkit.dumps(doc)
    st.session_state[KEY] = text
    scenario = validate(text, lang)
    c1, c2 = st.columns(2)
    c2.download_button("⤓ " + ("Enregistrer le fichier" if lang == "fr" else "Save the file"), data=text.encode(),
                       file_name=f"{scenario.id if scenario else 'scenario'}.toml", mime="application/toml")
    if scenario is not None and c1.button("Aperçu (60 min)" if lang == "fr" else "Preview (60 min)", key="preview"):
        preview(scenario)
    if scenario is not None:
        calibrate_form(scenario, text, lang)


def load(lang: str) -> None:
    shipped = {p.stem: p for p in shipped_scenarios()}
    c1, c2 = st.columns(2)
    name = c1.selectbox("Scénario" if lang == "fr" else "Scenario", ["—", *shipped], key="studio-pick")
    upload = c2.file_uploader("TOML", type=["toml"], key="studio-upload")
    source = None
    if upload is not None and st.session_state.get("studio-source") != upload.name:
        try:
            source, raw = upload.name, upload.getvalue().decode("utf-8")
        except UnicodeDecodeError:
            st.error(f"{safe(upload.name)}: not UTF-8 text; save it as UTF-8.")
            return
    elif name != "—" and st.session_state.get("studio-source") != name:
        source, raw = name, shipped[name].read_text(encoding="utf-8")
    if source is not None:
        st.session_state["studio-source"] = source
        st.session_state[KEY] = raw
        st.session_state.pop("studio-raw", None)


def population_form(doc: tomlkit.TOMLDocument) -> None:
    pop = doc.setdefault("population", tomlkit.table())
    net = doc.setdefault("network", tomlkit.table())
    c1, c2, c3 = st.columns(3)
    pop["size"] = int(c1.number_input("size", 100, 5_000_000, int(pop.get("size", 20_000)), step=1000))
    pop["localities"] = int(c2.number_input("localities", 1, 1000, int(pop.get("localities", 8))))
    pop["activity_per_hour"] = float(c3.number_input("activity_per_hour", 0.001, 60.0,
                                                      float(pop.get("activity_per_hour", 0.08)), format="%.3f"))
    shares = pop.get("groups", {})
    frame = pd.DataFrame({"group": list(shares), "share": [float(v) for v in shares.values()]})
    edited = st.data_editor(frame, num_rows="dynamic", key="studio-groups", hide_index=True,
                            column_config={"group": st.column_config.SelectboxColumn(options=list(GROUPS))})
    groups = tomlkit.table()
    for row in edited.dropna().itertuples(index=False):
        groups[str(row.group)] = float(row.share)
    pop["groups"] = groups
    c1, c2, c3, c4 = st.columns(4)
    net["mean_following"] = float(c1.number_input("mean_following", 0.5, 2000.0, float(net.get("mean_following", 10.0))))
    net["follower_exponent"] = float(c2.number_input("follower_exponent", 1.6, 4.0, float(net.get("follower_exponent", 2.3))))
    net["homophily"] = float(c3.slider("homophily", 0.0, 1.0, float(net.get("homophily", 0.6))))
    net["locality"] = float(c4.slider("locality", 0.0, 1.0, float(net.get("locality", 0.5))))


def personas_form(doc: tomlkit.TOMLDocument) -> None:
    personas = doc.get("personas", [])
    cols = ["id", "name", "handle", "group", "followers", "stance", "platforms"]
    frame = pd.DataFrame([{c: (" ".join(p.get(c, [])) if c == "platforms" else p.get(c)) for c in cols}
                          for p in personas], columns=cols)
    edited = st.data_editor(frame, num_rows="dynamic", key="studio-personas", hide_index=True,
                            column_config={"group": st.column_config.SelectboxColumn(options=list(GROUPS))})
    by_id = {p.get("id"): p for p in personas}
    out = tomlkit.aot()
    for row in edited.dropna(subset=["id"]).to_dict("records"):
        table = by_id.get(row["id"], tomlkit.table())  # keep fields the form does not show
        for c in cols:
            value = row[c]
            if c == "platforms":
                value = str(value or "").split()
            elif c == "followers":
                value = int(value or 0)
            elif c == "stance":
                value = float(value or 0.0)
            table[c] = value
        out.append(table)
    doc["personas"] = out


def parameters_form(doc: tomlkit.TOMLDocument) -> None:
    from ..model.scenario import Parameters

    defaults = Parameters()
    params = doc.setdefault("parameters", tomlkit.table())
    rows = []
    for name in ("tau_min", "contagion", "baseline"):
        current = {**getattr(defaults, name), **params.get(name, {})}
        rows.append({"parameter": name, **{e: float(current[e]) for e in EMOTIONS}})
    edited = st.data_editor(pd.DataFrame(rows), key="studio-params", hide_index=True, disabled=["parameter"])
    for row in edited.to_dict("records"):
        table = tomlkit.inline_table()
        table.update({e: float(row[e]) for e in EMOTIONS})
        params[row["parameter"]] = table


def validate(text: str, lang: str):  # type: ignore[no-untyped-def]
    try:
        scenario = parse_scenario(text, source=st.session_state.get("studio-source", "studio.toml"))
    except ScenarioError as exc:
        st.error(safe(f"{len(exc.problems)} problem(s)"))
        for problem in exc.problems:
            st.markdown(f"- {safe(problem)}")
        return None
    st.success("✓ " + ("scénario valide" if lang == "fr" else "valid scenario") + f" — {safe(scenario.scenario.title)}")
    return scenario


def preview(scenario) -> None:  # type: ignore[no-untyped-def]
    from ..model.model import CrisisModel

    with st.spinner("…"):
        model = CrisisModel(scenario, rng=1, population=min(scenario.population.size, 5000))
        bar = st.progress(0.0)
        for i in range(60):
            model.step()
            bar.progress((i + 1) / 60)
    timeline = model.timeline_frame()
    per_minute = timeline.groupby(["t_min", "emotion"], as_index=False)["count"].sum()
    no_markers = pd.DataFrame({"t_min": pd.Series(dtype="int64"), "kind": [], "label": []})
    lang = st.session_state.get("lang", scenario.scenario.language)
    st.vega_lite_chart(charts.items_per_minute(per_minute, no_markers, lang), width="stretch")
    pressure = pd.DataFrame({"t_min": range(len(model.pressure_series)), "pressure": model.pressure_series})
    st.vega_lite_chart(charts.pressure_history(pressure, no_markers, lang), width="stretch")


def calibrate_form(scenario, text: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    """Fit chosen parameters to an observed series (the same code as `uproar calibrate`)."""
    with st.expander("Calibration"):
        target = st.file_uploader("target CSV (t_min or timestamp, counts per emotion or sentiment)", type=["csv"],
                                  key="studio-target")
        try:
            from ..calibration.params import COMMON_NAMES, DEFAULT_NAMES
        except ImportError:  # pragma: no cover - calibration is optional at import time
            st.caption("calibration unavailable")
            return
        chosen = st.multiselect("parameters", list(COMMON_NAMES), default=list(DEFAULT_NAMES), key="studio-fit-params",
                                help="the defaults are what a mention curve can pin down; `uproar calibrate "
                                "--identify` measures the others for your scenario")
        budget = st.number_input("budget (model evaluations)", 8, 2000, 40, key="studio-budget")
        accounts = st.number_input(
            "accounts per run", 500, 1_000_000, min(scenario.population.size, 20_000), step=1000,
            key="studio-accounts",
            help="a crowd that writes about as much as the target: resting mood needs ~20,000 to be pinned down, "
            "volume much less (docs/calibration.md)",
        )
        if target is None or not chosen or not st.button("Calibrer" if lang == "fr" else "Calibrate", key="studio-fit"):
            return
        import tempfile
        from pathlib import Path

        from ..calibration.fit import fit
        from ..calibration.targets import TargetError, load_target

        folder = Path(tempfile.mkdtemp(prefix="uproar-studio-"))
        path = folder / "target.csv"
        path.write_bytes(target.getvalue())
        try:
            observed = load_target(path)
        except TargetError as exc:
            st.error(safe(str(exc)))
            return
        with st.spinner(f"{int(budget)} × 2 runs…"):
            try:
                result = fit(scenario, observed, space=chosen, budget=int(budget), seeds=(1, 2),
                             population=int(accounts))
            except ValueError as exc:
                st.error(safe(str(exc)))
                return
        st.dataframe(pd.DataFrame([{"parameter": k, "value": v, "low": result.intervals[k][0],
                                    "high": result.intervals[k][1]} for k, v in result.params.items()]),
                     hide_index=True)
        st.caption(f"loss {result.loss:.4g} (defaults {result.default_loss:.4g}) · {result.evaluations} evaluations")
        from ..calibration.report import calibrated_toml

        # the fitted values go into the edited file, with a note on where they come from
        st.session_state[KEY] = calibrated_toml(text, scenario, result, f"studio upload {target.name}")
        st.session_state.pop("studio-raw", None)
        st.success("✓ " + ("valeurs ajustées écrites dans le fichier" if lang == "fr"
                           else "fitted values written into the file"))
