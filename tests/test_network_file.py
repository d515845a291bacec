"""`[network] file`: the crowd is the accounts of a follow-graph file, following as it says."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from uproar import CrisisModel, Scenario, ScenarioError, load_scenario
from uproar.cli import main
from uproar.model.taxonomy import GROUPS

N = 300
MASS = ("public", "student", "employee", "union", "blogger")


def _graph(seed: int = 0, edges: int = 2400) -> nx.DiGraph:
    """300 named accounts with a group and a locality, random follows with weights up to 1.5."""
    rng = np.random.default_rng(seed)
    graph = nx.DiGraph()
    groups = rng.choice(MASS, size=N, p=[0.5, 0.2, 0.15, 0.1, 0.05])
    localities = rng.integers(0, 6, N)
    for i in range(N):
        graph.add_node(f"acct-{i}", group=str(groups[i]), locality=int(localities[i]))
    src, tgt = rng.integers(0, N, edges), rng.integers(0, N, edges)
    weights = rng.uniform(0.1, 1.5, edges).round(3)
    for s, t, w in zip(src.tolist(), tgt.tolist(), weights.tolist(), strict=True):
        if s != t:
            graph.add_edge(f"acct-{s}", f"acct-{t}", weight=w)
    return graph


def _with_file(path: Path | str) -> Scenario:
    data = load_scenario("fr-usine-chimique").model_dump()
    data["network"]["file"] = str(path)
    return Scenario.model_validate(data)


def _toml_next_to(folder: Path, file: str) -> Path:
    """The shipped scenario written into `folder`, its [network] pointing at `file`."""
    text = Path(load_scenario("fr-usine-chimique").source).read_text(encoding="utf-8")
    text = text.replace("[network]\n", f"[network]\nfile = {json.dumps(file)}\n", 1)
    out = folder / "scenario.toml"
    out.write_text(text, encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def graphml(tmp_path_factory) -> tuple[Path, nx.DiGraph]:
    graph = _graph()
    path = tmp_path_factory.mktemp("graph") / "crowd.graphml"
    nx.write_graphml(graph, path)
    return path, graph


@pytest.fixture(scope="module")
def model(graphml) -> CrisisModel:
    # population= is what every caller passes; with a file the graph decides the size
    return CrisisModel(_with_file(graphml[0]), rng=1, population=5000)


def _index(model: CrisisModel) -> dict:
    pop = model.population
    return {node: pop.n_notable + i for i, node in enumerate(pop.nodes.tolist())}


def test_the_crowd_is_the_graph(model, graphml):
    _, graph = graphml
    pop = model.population
    m = pop.n_notable
    assert m == len(model.scenario.personas)
    assert pop.n == m + N
    assert sorted(pop.nodes.tolist()) == sorted(graph.nodes)
    at = _index(model)
    for node, data in graph.nodes(data=True):
        assert GROUPS[pop.group[at[node]]] == data["group"]
        assert pop.locality[at[node]] == data["locality"]
    # mass accounts stay laid out by group (per-group means are contiguous slices)
    assert (np.diff(pop.group[m:]) >= 0).all()


def test_every_edge_of_the_file_is_a_follow_where_both_are(model, graphml):
    _, graph = graphml
    pop = model.population
    m = pop.n_notable
    at = _index(model)
    src = np.array([at[u] for u, _ in graph.edges])
    tgt = np.array([at[v] for _, v in graph.edges])
    weight = np.array([w for _, _, w in graph.edges(data="weight")], dtype=np.float32)
    for k, layer in enumerate(pop.network.follows):
        both = pop.presence[src, k] & pop.presence[tgt, k]
        got = np.asarray(layer[src[both], tgt[both]]).ravel()
        np.testing.assert_allclose(got, np.minimum(weight[both], 1.0), rtol=1e-6)
        # and nothing else among the crowd: no follow the file does not have
        assert layer[m:, m:].nnz == both.sum()
    assert pop.network.follows[0].data.max() <= 1.0


def test_personas_stay_hubs(model):
    pop = model.population
    m = pop.n_notable
    declared = np.array([p.followers for p in model.scenario.personas])
    biggest = int(declared.argmax())
    assert pop.followers[biggest] > pop.followers[m:].max()
    assert np.median(pop.followers[:m]) > np.median(pop.followers[m:])
    # personas are followed only on their own platforms
    counts = pop.network.follower_counts()[:m]
    assert not counts[~pop.presence[:m]].any()


def test_run_is_deterministic(graphml):
    scenario = _with_file(graphml[0])
    runs = []
    for _ in range(2):
        model = CrisisModel(scenario, rng=1)
        model.run_for(30)
        runs.append(model)
    assert len(runs[0].items) > 0
    pd.testing.assert_frame_equal(runs[0].reactions_frame(), runs[1].reactions_frame())
    other = CrisisModel(scenario, rng=2)
    assert not np.array_equal(other.population.presence, runs[0].population.presence)


def test_an_accounts_neighbours_in_the_file_are_who_reads_it(model, graphml):
    _, graph = graphml
    pop = model.population
    m = pop.n_notable
    at = _index(model)
    k = model.platform_names.index("facebook")
    authors = [n for n in graph.nodes if pop.presence[at[n], k] and graph.in_degree(n) >= 3]
    author = authors[0]
    readers, x = model.crowd.exposure(
        np.array([at[author]]),
        np.array([k]),
        np.array([2]),  # anger
        np.ones(1, np.float32),
        model.reach,
    )
    expected = sorted(at[u] for u in graph.predecessors(author) if pop.presence[at[u], k])
    assert readers[readers >= m].tolist() == expected
    assert (x[2] > 0).all()


def test_a_file_without_edges_leaves_no_contagion(tmp_path):
    graph = _graph()
    graph.remove_edges_from(list(graph.edges))
    path = tmp_path / "lonely.graphml"
    nx.write_graphml(graph, path)
    model = CrisisModel(_with_file(path), rng=3)
    pop = model.population
    m = pop.n_notable
    assert pop.n == m + N
    # no mass account reads anyone: every post, persona's or crowd's, reaches no one in it
    k = len(model.platform_names)
    everyone = np.repeat(np.arange(pop.n), k)
    platform = np.tile(np.arange(k), pop.n)
    readers, _ = model.crowd.exposure(
        everyone,
        platform,
        np.zeros(everyone.size, np.int64),
        np.ones(everyone.size, np.float32),
        model.reach,
    )
    assert (readers < m).all()
    assert all(layer[m:].nnz == 0 for layer in pop.network.follows)  # personas still read
    model.run_for(20)
    assert len(model.items) > 0


def test_csv_edge_list_draws_what_it_does_not_say(tmp_path):
    rows = [
        (0, 1, 1.0),
        (1, 2, 2.5),
        (2, 0, 0.0),
        (3, 3, 1.0),
    ]  # weight clipped, zero and self dropped
    rows += [(i, (i * 7 + 3) % N, 0.5) for i in range(4, N)]
    path = tmp_path / "edges.csv"
    pd.DataFrame(rows, columns=["source", "target", "weight"]).to_csv(path, index=False)
    model = CrisisModel(_with_file(path), rng=4, population=20_000)
    pop = model.population
    m = pop.n_notable
    assert pop.n == m + N
    assert {GROUPS[g] for g in pop.group[m:]} <= set(model.scenario.population.groups)
    assert (np.diff(pop.group[m:]) >= 0).all()
    at = _index(model)
    for k, layer in enumerate(pop.network.follows):
        if pop.presence[at[1], k] and pop.presence[at[2], k]:
            assert layer[at[1], at[2]] == 1.0
        assert layer[at[2], at[0]] == 0.0
        assert layer[at[3], at[3]] == 0.0
    assert pop.presence.any(axis=1).all()
    again = CrisisModel(_with_file(path), rng=4)
    assert np.array_equal(again.population.group, pop.group)
    assert np.array_equal(again.population.locality, pop.locality)


def test_relative_path_starts_at_the_scenario_folder(tmp_path, monkeypatch, graphml):
    (tmp_path / "graph.graphml").write_bytes(graphml[0].read_bytes())
    scenario = load_scenario(_toml_next_to(tmp_path, "graph.graphml"))
    monkeypatch.chdir(graphml[0].parent.parent)  # anywhere else
    assert CrisisModel(scenario, rng=1).population.n == len(scenario.personas) + N


def test_missing_file_is_a_scenario_error(tmp_path, capsys):
    toml = _toml_next_to(tmp_path, "nowhere.graphml")
    with pytest.raises(ScenarioError) as err:
        load_scenario(toml)
    message = str(err.value)
    assert "network.file" in message
    assert str(tmp_path / "nowhere.graphml") in message
    assert "no such file" in message
    # `uproar validate` says the same
    assert main(["validate", str(toml)]) == 1
    assert "network.file" in capsys.readouterr().err


def test_file_gone_before_the_run_is_a_clear_error(tmp_path, graphml):
    path = tmp_path / "crowd.graphml"
    path.write_bytes(graphml[0].read_bytes())
    scenario = _with_file(path)
    path.unlink()
    with pytest.raises(ScenarioError, match=r"network\.file: .*crowd\.graphml: no such file"):
        CrisisModel(scenario, rng=1)


def test_malformed_file_and_bad_attributes(tmp_path):
    broken = tmp_path / "broken.graphml"
    broken.write_text("<graphml><graph", encoding="utf-8")
    with pytest.raises(ScenarioError, match=r"network\.file: .*broken\.graphml: not valid XML"):
        CrisisModel(_with_file(broken), rng=1)

    graph = _graph(edges=50)
    graph.nodes["acct-7"]["group"] = "journalist"  # a persona group, not in the crowd's shares
    graph.nodes["acct-8"]["locality"] = 6  # the scenario has localities 0..5
    graph.nodes["acct-9"]["platforms"] = "twitter, tiktok"
    path = tmp_path / "odd.graphml"
    nx.write_graphml(graph, path)
    toml = _toml_next_to(tmp_path, "odd.graphml")
    assert main(["validate", str(toml)]) == 1
    with pytest.raises(ScenarioError) as err:
        CrisisModel(load_scenario(toml), rng=1)
    problems = err.value.problems
    assert len(problems) == 3
    assert all(p.startswith("network.file: ") and "odd.graphml" in p for p in problems)
    assert "'acct-7': 'journalist'" in problems[0]
    assert "'acct-8': '6'" in problems[1]
    assert "'acct-9': 'tiktok'" in problems[2]


def test_gexf_too(tmp_path):
    graph = _graph(seed=5, edges=600)
    path = tmp_path / "crowd.gexf"
    nx.write_gexf(graph, path)
    model = CrisisModel(_with_file(path), rng=1)
    at = _index(model)
    pop = model.population
    assert pop.n == pop.n_notable + N
    assert all(GROUPS[pop.group[at[v]]] == g for v, g in graph.nodes(data="group"))
    assert sum(layer[pop.n_notable :, pop.n_notable :].nnz for layer in pop.network.follows) > 0


def test_calibrate_refuses_to_fit_a_generator_the_scenario_does_not_use(tmp_path, graphml, capsys):
    """A scenario on its own graph file ignores [network]'s generator: `--graph` would fit nothing."""
    path, graph = graphml
    nx.write_graphml(graph, tmp_path / "graph.graphml")
    toml = _toml_next_to(tmp_path, "graph.graphml")
    assert main(["calibrate", str(toml), "--graph", str(path), "--identify"]) == 2
    err = capsys.readouterr().err
    assert "its own follow graph" in err and "graph.graphml" in err
