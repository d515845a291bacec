"""Runs as a user meets them: the command line, exports, replays, determinism."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pandas as pd
import pytest

from uproar import CrisisModel
from uproar.cli import main
from uproar.model.export import MESSAGE_COLUMNS, REACTION_COLUMNS, TIMELINE_COLUMNS, write_export
from uproar.model.taxonomy import GROUPS

MESSAGES_EN = """t_min,platform,text
12,twitter,"We are aware that some customer data may have been exposed. We are investigating with our supplier."
40,twitter facebook,"We are truly sorry. We have reset all passwords and will pay for two years of credit monitoring for every member."
"""
BROKEN = Path(__file__).parent / "data" / "broken_scenarios"


def cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def messages_file(tmp_path: Path) -> Path:
    path = tmp_path / "messages.csv"
    path.write_text(MESSAGES_EN, encoding="utf-8")
    return path


def export(tmp_path: Path, capsys, name: str, *extra: str, seed: int = 3) -> Path:
    folder = tmp_path / name
    code, _, err = cli(capsys, "run", "en-retail-breach", "--seed", str(seed), "--minutes", "60",
                       "--population", "3000", "--quiet", "--export", str(folder), *extra)
    assert code == 0, err
    return folder


def test_same_seed_and_inputs_give_identical_files_and_another_seed_differs(tmp_path, capsys, messages_file):
    a = export(tmp_path, capsys, "a", "--messages", str(messages_file))
    b = export(tmp_path, capsys, "b", "--messages", str(messages_file))
    c = export(tmp_path, capsys, "c", "--messages", str(messages_file), seed=4)
    for name in ("reactions.csv", "messages.csv", "timeline.csv", "pressure.csv", "inputs.jsonl"):
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
    assert (a / "reactions.csv").read_bytes() != (c / "reactions.csv").read_bytes()


def test_export_has_the_contract_columns_and_a_readable_feed(tmp_path, capsys, messages_file):
    folder = export(tmp_path, capsys, "run", "--messages", str(messages_file))
    reactions = pd.read_csv(folder / "reactions.csv")
    assert list(reactions.columns) == REACTION_COLUMNS
    assert list(pd.read_csv(folder / "messages.csv").columns) == MESSAGE_COLUMNS
    assert list(pd.read_csv(folder / "timeline.csv").columns) == TIMELINE_COLUMNS
    assert set(reactions.kind) == {"post", "share", "reply", "reaction"}
    assert set(reactions.emotion) <= {"approval", "fear", "anger", "mockery", "sadness"}
    assert reactions.seq.is_monotonic_increasing and reactions.t_min.is_monotonic_increasing
    # every item belongs to a cascade whose root is an earlier original post
    has_parent = reactions.parent_seq.notna()
    assert (reactions.loc[~has_parent, "cascade_root"] == reactions.loc[~has_parent, "seq"]).all()
    assert (reactions.loc[has_parent, "parent_seq"] < reactions.loc[has_parent, "seq"]).all()
    # one sequence numbers everything: replies may point at a trainee message
    messages = pd.read_csv(folder / "messages.csv")
    assert set(messages.seq) & set(reactions.parent_seq.dropna().astype(int))
    assert not set(messages.seq) & set(reactions.seq)
    # texts read like a feed: varied, and no unfilled placeholders
    assert reactions.text.nunique() > 0.3 * len(reactions)
    assert not reactions.text.str.contains(r"\{[a-z_]+\}").any()
    info = json.loads((folder / "run.json").read_text())
    assert info["seed"] == 3 and info["minutes"] == 60 and info["scenario"] == "en-retail-breach"


def test_inputs_log_replays_the_run_exactly(tmp_path, capsys, messages_file):
    first = export(tmp_path, capsys, "first", "--messages", str(messages_file))
    again = export(tmp_path, capsys, "again", "--inputs", str(first / "inputs.jsonl"))
    assert (first / "reactions.csv").read_bytes() == (again / "reactions.csv").read_bytes()
    # and an exported messages.csv is accepted as a messages file
    third = export(tmp_path, capsys, "third", "--messages", str(first / "messages.csv"))
    assert (first / "reactions.csv").read_bytes() == (third / "reactions.csv").read_bytes()


def test_trainer_actions_are_logged_and_replayed(tmp_path, en_scenario):
    model = CrisisModel(en_scenario, rng=5, population=3000)
    model.submit({"type": "intensity", "t_min": 5, "value": 2.0})
    model.submit({"type": "inject", "t_min": 7, "index": 3})
    model.submit({"type": "persona_post", "t_min": 9, "persona": en_scenario.personas[5].id,
                  "text": "Anyone else locked out of their account?", "emotion": "fear"})
    model.submit({"type": "note", "t_min": 10, "text": "team B hesitates"})
    model.run_for(20)
    write_export(model, tmp_path / "a")
    code = main(["run", "en-retail-breach", "--seed", "5", "--minutes", "20", "--population", "3000", "--quiet",
                 "--inputs", str(tmp_path / "a" / "inputs.jsonl"), "--export", str(tmp_path / "b")])
    assert code == 0
    assert (tmp_path / "a" / "reactions.csv").read_bytes() == (tmp_path / "b" / "reactions.csv").read_bytes()
    lines = (tmp_path / "a" / "inputs.jsonl").read_text().splitlines()
    assert [json.loads(x)["type"] for x in lines] == ["intensity", "inject", "persona_post", "note"]


def test_run_prints_a_summary(capsys):
    code, out, _ = cli(capsys, "run", "fr-usine-chimique", "--minutes", "40", "--population", "3000", "--quiet")
    assert code == 0
    for fragment in ("Items per emotion", "Items per group", "Top hashtags", "peak pressure"):
        assert fragment in out
    code, out, _ = cli(capsys, "run", "fr-usine-chimique", "--minutes", "40", "--population", "3000", "--json")
    summary = json.loads(out)
    assert summary["items"] == sum(summary["items_per_emotion"].values()) > 0
    assert 0 <= summary["peak_pressure"] <= 100


def test_run_samples_items_to_read_against_what_happened(capsys, tmp_path):
    """`--sample N` prints N items in time order, naming what they say happened (an apology) —
    which, in a run where the organisation apologised at T+10, comes only after T+10."""
    (tmp_path / "m.csv").write_text("t_min,platform,text\n10,twitter,We are sorry for what happened to our members.\n")
    args = ("run", "en-retail-breach", "--minutes", "60", "--population", "3000", "--messages",
            str(tmp_path / "m.csv"), "--sample", "400")
    code, out, _ = cli(capsys, *args, "--json")
    sample = json.loads(out)["sample"]
    assert code == 0 and len(sample) == 400
    assert [r["t_min"] for r in sample] == sorted(r["t_min"] for r in sample)
    said = [r for r in sample if any(s.startswith("owning_up") for s in r["says"])]
    assert said and min(r["t_min"] for r in said) >= 10, said[:3]  # observed 19 such items (seed 1)
    code, out, _ = cli(capsys, *args, "--quiet")
    assert "400 items at random" in out
    code, _, err = cli(capsys, "run", "en-retail-breach", "--sample", "-3")
    assert code != 0 and "--sample" in err


def test_scenarios_lists_both_shipped_files(capsys):
    code, out, _ = cli(capsys, "scenarios", "--json")
    rows = json.loads(out)
    assert code == 0
    assert {r["id"] for r in rows} >= {"fr-usine-chimique", "en-retail-breach"}
    assert all(set(r) == {"id", "title", "language", "crisis_type", "path"} for r in rows)


def test_validate_explains_a_broken_file_without_a_traceback(capsys):
    code, out, err = cli(capsys, "validate", str(BROKEN / "inject_after_end.toml"))
    assert code == 1
    assert "inject_after_end.toml" in err and "injects[0].at" in err and "Traceback" not in err
    code, out, _ = cli(capsys, "validate", "scenarios/fr-usine-chimique.toml")
    assert code == 0 and "ok" in out


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("minute,platform,text\n1,twitter,hello\n", "missing column"),
        ("t_min,platform,text\nsoon,twitter,hello\n", "line 2"),
        ("t_min,platform,text\n3,tiktok,hello\n", "unknown platform 'tiktok'"),
        ("t_min,platform,text\n", "no messages"),
        ("t_min,platform,text,strategy\n3,twitter,hello,apologise\n", "strategy"),
    ],
)
def test_a_bad_messages_file_gets_a_clear_error(tmp_path, capsys, content, expected):
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    code, _, err = cli(capsys, "run", "en-retail-breach", "--minutes", "5", "--population", "500", "--quiet",
                       "--messages", str(path))
    assert code == 2
    assert expected in err and "Traceback" not in err


def test_classify_command(capsys):
    code, out, _ = cli(capsys, "classify", "Nous présentons nos excuses aux riverains.", "--json")
    result = json.loads(out)
    assert code == 0 and result["strategy"] == "rebuild" and result["lang"] == "fr"
    assert result["strategy_cues"]


def test_crowd_accounts_are_mesa_agents(fr_scenario):
    model = CrisisModel(fr_scenario, rng=1, population=2000)
    assert len(model.agents) == model.population.n
    journalists = model.agents.select(lambda a: a.group == "journalist")
    assert len(journalists) == sum(model.population.group == 0)
    by_group = model.agents.groupby("group")
    assert sum(len(v) for v in by_group.groups.values()) == len(model.agents)
    assert not any(a.heard for a in model.agents)  # the first inject comes at minute 3
    model.run_for(30)
    account = model.agents.to_list()[100]
    assert set(account.emotions) == {"approval", "fear", "anger", "mockery", "sadness"}
    heard = {a.index for a in model.agents.select(lambda a: a.heard)}
    crowd = model.items["group"] != GROUPS.index("organisation")
    authors = {int(i) for i in model.items["author"][crowd]}
    assert authors and authors <= heard < set(range(model.population.n))
    assert model.datacollector.get_model_vars_dataframe().shape[0] == 30


def test_messages_csv_round_trip(tmp_path, en_scenario):
    model = CrisisModel(en_scenario, rng=2, population=2000)
    model.post(text="We are sorry, we failed our customers.", platforms=["twitter", "facebook"], t_min=3)
    model.run_for(10)
    write_export(model, tmp_path)
    with open(tmp_path / "messages.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert rows[0]["platforms"] == "twitter facebook" and rows[0]["strategy"] == "rebuild"


def test_output_piped_into_head_ends_quietly():
    """`uproar run … | head` is how people glance at a run: no broken-pipe message, exit 0."""
    import subprocess
    import sys

    cmd = (f"{sys.executable} -m uproar.cli run fr-usine-chimique --population 1500 --minutes 40 "
           f"--seed 2 | head -n 1")
    done = subprocess.run(["bash", "-o", "pipefail", "-c", cmd], capture_output=True, text=True, timeout=120)
    assert done.stdout.count("\n") == 1
    assert done.stderr == "" and done.returncode == 0, done.stderr
