"""The follow multiplex: shape of the graph, its guarantees, and files in and out."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest
import scipy.sparse as sp

from uproar.network import (
    GraphFileError,
    Multiplex,
    heavy_tailed_fitness,
    homophily_multiplex,
    layer_to_networkx,
    networkx_to_layer,
    read_layer,
    read_node_attrs,
    summary,
    tail_exponent,
    write_layer,
)
from uproar.network.generators import _Cumulative

PLATFORMS = ("twitter", "facebook", "instagram", "linkedin", "whatsapp")


def build(
    n: int = 5_000,
    seed: int = 0,
    *,
    names: tuple[str, ...] = ("twitter", "facebook"),
    groups: int = 5,
    localities: int = 10,
    presence: float | np.ndarray = 1.0,
    mean_following: float | list[float] = 12.0,
    homophily: float = 0.6,
    locality_bias: float = 0.3,
    attention: float = 30.0,
    fitness: np.ndarray | None = None,
) -> tuple[Multiplex, dict[str, np.ndarray]]:
    """A multiplex and the account attributes it was built from."""
    rng = np.random.default_rng(seed)
    group = rng.integers(0, groups, n)
    locality = rng.integers(0, localities, n)
    if np.isscalar(presence):
        presence = rng.random((n, len(names))) < presence
    if fitness is None:
        fitness = heavy_tailed_fitness(n, 2.3, rng)
    net = homophily_multiplex(
        names,
        group,
        locality,
        presence,
        fitness,
        mean_following,
        homophily,
        locality_bias,
        attention,
        rng,
    )
    attrs = {"group": group, "locality": locality, "presence": presence, "fitness": fitness}
    return net, attrs


def same_share(layer: sp.csr_matrix, codes: np.ndarray) -> tuple[float, float]:
    """Observed share of follows inside a code, and the share expected by chance."""
    coo = layer.tocoo()
    observed = float((codes[coo.row] == codes[coo.col]).mean())
    p = np.bincount(codes) / codes.size
    return observed, float(p @ p)


def edge_keys(layer: sp.csr_matrix) -> np.ndarray:
    coo = layer.tocoo()
    return coo.row.astype(np.int64) * layer.shape[0] + coo.col


# ----------------------------------------------------------------- the generator


@pytest.fixture(scope="module")
def big() -> tuple[Multiplex, dict[str, np.ndarray]]:
    return build(50_000, seed=3, names=("twitter",), mean_following=15.0)


def test_follower_counts_have_the_kwak_tail(big):
    net, _ = big
    followers = net.follower_counts()[:, 0]
    assert tail_exponent(followers) == pytest.approx(2.3, abs=0.35)
    # A real tail, not a bounded spread: the top account has hundreds of times the median.
    assert followers.max() > 200 * max(np.median(followers), 1)


def test_mean_following_is_met(big):
    net, _ = big
    assert net.edges / net.n == pytest.approx(15.0, rel=0.03)


def test_attention_weights_share_a_budget(big):
    net, _ = big
    w = net.follows[0]
    outdeg = np.diff(w.indptr)
    expected = np.repeat(np.minimum(1.0, 30.0 / np.maximum(outdeg, 1)), outdeg)
    assert w.data.dtype == np.float32
    np.testing.assert_allclose(w.data, expected, rtol=1e-6)
    assert (outdeg > 30).any()  # some heavy readers do get sampled attention


def test_group_homophily_lifts_same_group_follows():
    net, attrs = build(homophily=0.6, locality_bias=0.0)
    observed, chance = same_share(net.follows[0], attrs["group"])
    assert chance == pytest.approx(0.2, abs=0.02)
    assert observed > chance + 0.35  # 0.6 + 0.4 · 0.2 ≈ 0.68 expected
    # Group homophily alone does not make follows local.
    local, local_chance = same_share(net.follows[0], attrs["locality"])
    assert local == pytest.approx(local_chance, abs=0.03)


def test_no_homophily_is_chance():
    net, attrs = build(homophily=0.0, locality_bias=0.0)
    observed, chance = same_share(net.follows[0], attrs["group"])
    assert observed == pytest.approx(chance, abs=0.03)


def test_locality_bias_keeps_follows_in_town():
    net, attrs = build(homophily=0.0, locality_bias=0.5, localities=20)
    observed, chance = same_share(net.follows[0], attrs["locality"])
    assert chance < 0.06
    assert observed > chance + 0.4
    group, group_chance = same_share(net.follows[0], attrs["group"])
    assert group == pytest.approx(group_chance, abs=0.03)
    flat, _ = build(homophily=0.0, locality_bias=0.0, localities=20)
    assert same_share(flat.follows[0], attrs["locality"])[0] == pytest.approx(chance, abs=0.02)


def test_summary_reports_assortativity():
    net, attrs = build(homophily=0.6, locality_bias=0.0)
    s = summary(net.follows[0], group=attrs["group"], sample=100)
    assert s["same_group_share"] > s["same_group_expected"] + 0.35
    assert 0.4 < s["group_assortativity"] < 0.8
    assert s["edges"] == net.follows[0].nnz and s["n"] == net.n


def test_notable_accounts_become_hubs():
    n = 5_000
    rng = np.random.default_rng(11)
    fitness = heavy_tailed_fitness(n, 2.3, rng)
    notable = np.array([7, 1234, 2500, 4999])
    fitness[notable] = 20 * fitness.max()
    net, _ = build(n, seed=11, fitness=fitness, presence=np.ones((n, 2), bool))
    for counts in net.follower_counts().T:
        top = np.argsort(counts)[::-1][: notable.size]
        assert set(top) == set(notable)


def test_graph_guarantees():
    net, attrs = build(presence=0.6, names=PLATFORMS, mean_following=[12, 8, 6, 4, 3])
    presence = attrs["presence"]
    for k, (w, f) in enumerate(zip(net.follows, net.followers, strict=True)):
        absent = ~presence[:, k]
        assert w.nnz > 0
        assert np.diff(w.indptr)[absent].sum() == 0  # absent accounts follow nobody
        assert np.diff(f.indptr)[absent].sum() == 0  # and nobody follows them
        assert w.diagonal().sum() == 0  # no self-follows
        keys = edge_keys(w)
        assert np.unique(keys).size == keys.size  # no duplicate edges
        assert (f != w.T).nnz == 0  # followers is the transpose, weights included
        for m in (w, f):
            assert m.indices.dtype == np.int32 and m.indptr.dtype == np.int32
            assert m.data.dtype == np.float32
    assert net.edges == sum(w.nnz for w in net.follows)
    counts = net.follower_counts()
    assert counts.shape == (net.n, len(PLATFORMS))
    np.testing.assert_array_equal(counts[:, 2], np.diff(net.follows[2].tocsc().indptr))


def test_layer_lookup():
    net, _ = build(500, names=("twitter", "whatsapp"))
    assert net.index("whatsapp") == 1
    assert net.layer("whatsapp") is net.follows[1]
    with pytest.raises(ValueError, match="known layers: twitter, whatsapp"):
        net.layer("tiktok")


def test_same_seed_same_graph_other_seed_other_graph():
    a, _ = build(3_000, seed=5, names=PLATFORMS[:3], presence=0.7)
    b, _ = build(3_000, seed=5, names=PLATFORMS[:3], presence=0.7)
    c, _ = build(3_000, seed=6, names=PLATFORMS[:3], presence=0.7)
    for x, y in zip(a.follows, b.follows, strict=True):
        assert (x != y).nnz == 0
        np.testing.assert_array_equal(x.indices, y.indices)
    assert any(
        x.shape == y.shape and (x != y).nnz > 0 for x, y in zip(a.follows, c.follows, strict=True)
    )


def test_without_edges_cuts_contagion():
    net, _ = build(1_000, names=PLATFORMS)
    cut = net.without_edges()
    assert cut.edges == 0
    assert cut.n == net.n and cut.names == net.names
    assert all(w.shape == (net.n, net.n) for w in (*cut.follows, *cut.followers))
    exposure = cut.follows[0] @ np.ones(net.n, np.float32)
    assert not exposure.any()


def test_edge_cases():
    # A layer nobody uses, one with a single account, one with a mean below 1.
    n = 4_000
    presence = np.zeros((n, 3), bool)
    presence[17, 1] = True
    presence[:, 2] = True
    net, _ = build(n, names=("a", "b", "c"), presence=presence, mean_following=[5, 5, 0.5])
    assert net.follows[0].nnz == 0 and net.follows[1].nnz == 0
    assert net.follows[2].nnz / n == pytest.approx(0.5, rel=0.1)
    # Groups of one: the follower's pool is empty and the draw widens to everyone.
    alone = np.arange(500)
    rng = np.random.default_rng(0)
    lonely = homophily_multiplex(
        ["x"], alone, alone, np.ones((500, 1), bool), np.ones(500), 12, 1.0, 1.0, 30, rng
    )
    assert lonely.edges / 500 == pytest.approx(12, rel=0.05)
    with pytest.raises(ValueError, match="presence"):
        build(100, presence=np.ones((100, 3), bool))
    with pytest.raises(ValueError, match="homophily"):
        build(100, homophily=1.5)


def test_guide_table_search_matches_searchsorted():
    rng = np.random.default_rng(2)
    weights = heavy_tailed_fitness(100_000, 1.8, rng)
    weights[rng.random(weights.size) < 0.4] = 0.0  # absent accounts: empty spans
    cum = _Cumulative.build(weights)
    u = rng.random(200_000) * cum.cum[-1]
    u[:3] = [0.0, cum.cum[-1], cum.cum[500]]  # the edges and an exact boundary
    np.testing.assert_array_equal(cum.locate(u), np.searchsorted(cum.cum, u, side="right") - 1)


def test_tail_exponent_recovers_a_known_law():
    rng = np.random.default_rng(0)
    k = np.round(rng.pareto(1.3, 200_000) + 1).astype(int)  # α = 2.3
    assert tail_exponent(k) == pytest.approx(2.3, abs=0.05)
    assert tail_exponent(k, xmin=10) == pytest.approx(2.3, abs=0.05)
    with pytest.raises(ValueError, match="too few"):
        tail_exponent(np.array([1, 2, 3]))


def test_summary_on_a_small_graph_matches_networkx():
    g = nx.gnp_random_graph(60, 0.1, seed=1, directed=True)
    w, _ = networkx_to_layer(g, nodes=range(60))
    s = summary(w, sample=60)
    mutual = sum(1 for u, v in g.edges if g.has_edge(v, u))
    assert s["reciprocity"] == pytest.approx(mutual / g.number_of_edges())
    assert s["clustering"] == pytest.approx(nx.average_clustering(g.to_undirected()))
    assert s["mean_degree"] == pytest.approx(g.number_of_edges() / 60)


# ----------------------------------------------------------------- files in and out


@pytest.fixture(scope="module")
def small() -> tuple[sp.csr_matrix, dict[str, np.ndarray]]:
    net, attrs = build(300, seed=9, names=("twitter",), presence=0.9, mean_following=40.0)
    w = net.follows[0]
    assert np.unique(w.data).size > 5  # real float32 weights, not all 1
    names = np.array([f"acct_{i}" for i in range(300)])
    node_attrs = {"group": attrs["group"], "name": names, "fitness": attrs["fitness"]}
    return w, node_attrs


def assert_same_layer(a: sp.csr_matrix, b: sp.csr_matrix) -> None:
    assert a.shape == b.shape
    assert b.dtype == np.float32
    assert (a != b).nnz == 0  # same edges, same float32 weights


@pytest.mark.parametrize("suffix", [".csv", ".graphml", ".gexf"])
def test_round_trip(tmp_path, small, suffix):
    w, node_attrs = small
    path = tmp_path / f"layer{suffix}"
    write_layer(w, path, node_attrs=None if suffix == ".csv" else node_attrs)
    back, nodes = read_layer(path, n=w.shape[0])
    assert_same_layer(w, back)
    assert nodes == list(range(w.shape[0]))
    if suffix != ".csv":
        back, nodes = read_layer(path)  # every node is in the file, n not needed
        assert_same_layer(w, back)
        attrs = read_node_attrs(path)
        assert set(attrs) == set(node_attrs)
        np.testing.assert_array_equal(attrs["group"], node_attrs["group"])
        np.testing.assert_array_equal(attrs["name"], node_attrs["name"])
        np.testing.assert_allclose(attrs["fitness"], node_attrs["fitness"], rtol=1e-12)


def test_csv_keeps_trailing_accounts_only_with_n(tmp_path):
    w = sp.csr_matrix(([0.25], ([0], [1])), shape=(5, 5), dtype=np.float32)
    path = tmp_path / "edges.csv"
    write_layer(w, path)
    assert path.read_text().splitlines()[0] == "source,target,weight"
    assert read_layer(path)[0].shape == (2, 2)
    assert_same_layer(w, read_layer(path, n=5)[0])
    with pytest.raises(GraphFileError, match="does not fit n=1"):
        read_layer(path, n=1)


def test_csv_with_names_and_no_weight(tmp_path):
    path = tmp_path / "gephi.csv"
    path.write_text("Source,Target\nana,bob\nbob,ana\ncarl,ana\n")
    w, nodes = read_layer(path)
    assert nodes == ["ana", "bob", "carl"]
    assert w.toarray().tolist() == [[0, 1, 0], [1, 0, 0], [1, 0, 0]]


def test_networkx_round_trip(small):
    w, node_attrs = small
    g = layer_to_networkx(w, node_attrs)
    assert g.number_of_nodes() == w.shape[0] and g.number_of_edges() == w.nnz
    assert g.nodes[12]["name"] == "acct_12"
    back, nodes = networkx_to_layer(g)
    assert nodes == list(range(w.shape[0]))
    assert_same_layer(w, back)
    assert back.indices.dtype == np.int32


BROKEN = {
    "missing_column.csv": ("source,weight\n0,1.0\n", "missing column.*target"),
    "bad_weight.csv": ("source,target,weight\n0,1,0.5\n1,0,lots\n", "line 3: weight 'lots'"),
    "empty_id.csv": ("source,target,weight\n0,,0.5\n", "line 2: empty target"),
    "empty.csv": ("", "empty"),
    "blank.graphml": ("\n\n", "empty"),
    "layer.txt": ("source,target\n0,1\n", "unknown graph format '.txt'"),
    "bad.graphml": ("<graphml><graph edgedefault='directed'><node id='0'>", "not valid XML"),
    "bad.gexf": ("<gexf version='1.2'><graph><nodes></graph>", "not valid XML"),
    "not_gexf.gexf": ("<html><body>hello</body></html>", "not a readable GEXF"),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_files_say_which_and_why(tmp_path, name):
    text, problem = BROKEN[name]
    path = tmp_path / name
    path.write_text(text)
    with pytest.raises(GraphFileError, match=problem) as err:
        read_layer(path)
    assert str(path) in str(err.value)
    assert isinstance(err.value, ValueError)


def test_non_numeric_weight_in_graphml(tmp_path):
    g = nx.DiGraph()
    g.add_edge(0, 1, weight="heavy")
    path = tmp_path / "words.graphml"
    nx.write_graphml(g, path)
    with pytest.raises(GraphFileError, match="weight 'heavy' is not a number"):
        read_layer(path)


def test_missing_file_and_bad_suffix_on_write(tmp_path):
    with pytest.raises(GraphFileError, match="no such file"):
        read_layer(tmp_path / "nowhere.csv")
    with pytest.raises(GraphFileError, match="unknown graph format"):
        write_layer(sp.csr_matrix((2, 2)), tmp_path / "layer.xlsx")
    with pytest.raises(GraphFileError, match="node attributes"):
        write_layer(sp.csr_matrix((2, 2)), tmp_path / "layer.csv", {"g": np.zeros(2)})


def test_named_nodes_keep_file_order(tmp_path):
    g = nx.DiGraph()
    g.add_node("zoe", group="press")
    g.add_node("adam", group="union")
    g.add_edge("adam", "zoe", weight=0.5)
    path = tmp_path / "named.gexf"
    nx.write_gexf(g, path)
    w, nodes = read_layer(path)
    assert nodes == ["zoe", "adam"]
    assert w.toarray().tolist() == [[0.0, 0.0], [0.5, 0.0]]
    assert read_node_attrs(path)["group"].tolist() == ["press", "union"]
    with pytest.raises(GraphFileError, match="needs integer node ids"):
        read_layer(path, n=2)
