"""Calibration inputs: observed time series, raw posts and real follower graphs."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp

import uproar
from uproar.calibration.networks import (
    compare_stats,
    fit_generator,
    graph_stats,
    load_graph,
    synthetic_layer,
)
from uproar.calibration.targets import (
    Target,
    TargetError,
    label_post,
    load_posts,
    load_target,
)
from uproar.model.taxonomy import EMOTIONS
from uproar.network import GraphFileError, networkx_to_layer, write_layer

DATA = Path(__file__).parent / "data" / "calibration"
VIEWS = ["positive", "negative", "neutral", "total"]


# --------------------------------------------------------------------------- targets


def test_wide_emotion_csv_sums_platforms_and_fills_missing_minutes() -> None:
    target = load_target(DATA / "emotions_wide.csv")
    s = target.series
    assert list(s.columns) == [*EMOTIONS, *VIEWS]
    assert list(s.index) == [0, 1, 2, 3] and s.index.name == "t_min"
    assert target.minutes == 4 and target.emotions == EMOTIONS
    # minute 1 has a twitter and a facebook row: summed
    assert s.loc[1, ["fear", "anger"]].tolist() == [3, 1]
    assert s["negative"].tolist() == [0, 4, 8, 6]
    assert s["positive"].tolist() == s["approval"].tolist() == [1, 0, 0, 2]
    assert (s["total"] == s["positive"] + s["negative"]).all()
    assert target.meta["platforms"] == ["facebook", "twitter"]
    # coarser bins keep the sums
    two = load_target(DATA / "emotions_wide.csv", bin_min=2).series
    assert list(two.index) == [0, 2] and two["anger"].tolist() == [1, 7]


def test_sentiment_csv_with_iso_timestamps_and_groups() -> None:
    target = load_target(DATA / "sentiment_groups.csv")  # ';'-separated, mixed offsets
    s = target.series
    assert target.emotions == ("approval",)  # positive → approval, negative stays a total
    assert list(s.index) == [0, 1, 2, 3]
    assert s["positive"].tolist() == [2, 0, 1, 0]  # the empty cell is 0
    assert s["negative"].tolist() == [4, 0, 4, 6]
    assert s["neutral"].tolist() == [6, 0, 0, 2]
    assert s["total"].tolist() == [12, 0, 5, 8]
    assert target.meta["groups"] == ["journalist", "public"]
    assert target.meta["start"].startswith("2024-03-12T09:00:10")
    late = load_target(DATA / "sentiment_groups.csv", start="2024-03-12T10:00:00+01:00")
    assert list(late.series.index) == [0, 1, 2, 3, 4]
    assert late.series["negative"].tolist() == [4, 0, 4, 0, 6]


def test_long_format_reads_an_uproar_timeline(tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {
            "t_min": [0, 0, 1, 2, 2],
            "group": ["public", "student", "public", "public", "student"],
            "emotion": ["anger", "anger", "fear", "approval", "anger"],
            "count": [2, 3, 1, 4, 1],
            "mean_intensity": [0.1] * 5,
        }
    )
    frame.to_csv(tmp_path / "timeline.csv", index=False)
    read = load_target(tmp_path / "timeline.csv")
    direct = Target.from_timeline(frame)
    # the file names three emotions; the simulated view has all five (zeros for the rest)
    assert read.emotions == ("approval", "fear", "anger")
    pd.testing.assert_frame_equal(read.series, direct.series[read.series.columns])
    assert direct.series[["mockery", "sadness"]].eq(0).all().all()
    assert read.meta["ignored_columns"] == ["mean_intensity"]


@pytest.mark.parametrize(
    ("text", "emotion"),
    [
        ("C'est scandaleux, honte à eux !", "anger"),
        ("J'ai peur pour mes enfants", "fear"),
        ("mdr 😂", "mockery"),
        ("Merci pour votre réactivité", "approval"),
        ("RIP, pensées aux familles", "sadness"),
        ("Shameful. Boycott them, this is an outrage", "anger"),
        ("So worried about the toxic smoke", "fear"),
        ("Heartbroken 💔", "sadness"),
        ("Thank you, well done", "approval"),
        ("Bonjour à tous", "neutral"),
        ("Merci mais quelle honte", "neutral"),  # a tie is not a guess
        ("le sadique du quartier", "neutral"),  # 'sad' is a whole word, not a stem
    ],
)
def test_lexicon_labels_obvious_posts(text: str, emotion: str) -> None:
    assert label_post(text)[0] == emotion


def test_lexicon_cues_quote_the_words_and_lang_limits_them() -> None:
    assert label_post("C'est scandaleux, honte à eux !") == ("anger", ("scandaleux", "honte"))
    assert label_post("J'ai peur", lang="en")[0] == "neutral"  # French words off
    assert label_post("mdr 😂", lang="en")[0] == "mockery"  # slang and emojis stay
    with pytest.raises(ValueError, match="lang"):
        label_post("x", lang="de")


def test_posts_csv_french_and_english() -> None:
    target = load_posts(DATA / "posts_fr_en.csv")
    posts = target.posts
    assert posts is not None
    assert posts["emotion"].tolist() == [
        "anger", "fear", "mockery", "approval", "sadness",
        "anger", "fear", "mockery", "sadness", "approval",
        "neutral", "neutral",
    ]  # fmt: skip
    # the quoted two-line text starts on line 12, so the next post is on line 14
    assert posts["line"].tolist()[-2:] == [12, 14]
    s = target.series
    assert target.emotions == EMOTIONS
    assert s["anger"].tolist() == [1, 0, 1, 0, 0]
    assert s["neutral"].tolist() == [0, 0, 0, 0, 2]
    assert s["total"].sum() == 12
    assert (s[list(EMOTIONS)].sum(axis=1) + s["neutral"] == s["total"]).all()
    assert target.meta["platforms"] == ["facebook", "linkedin", "twitter"]


def test_from_timeline_equals_a_real_runs_sums() -> None:
    model = uproar.CrisisModel("fr-usine-chimique", rng=1, population=2000)
    model.run_for(30)
    frame = model.timeline_frame()
    target = Target.from_timeline(frame)
    assert target.minutes == 30 and list(target.series.index) == list(range(30))
    sums = frame.groupby(["t_min", "emotion"])["count"].sum().unstack(fill_value=0)
    for e in EMOTIONS:
        assert target.series[e].tolist() == sums[e].reindex(range(30), fill_value=0).tolist()
    assert target.series["total"].sum() == frame["count"].sum() > 0
    negative = frame[frame["emotion"] != "approval"].groupby("t_min")["count"].sum()
    assert target.series["negative"].tolist() == negative.reindex(range(30), fill_value=0).tolist()
    assert target.series["neutral"].eq(0).all()


def test_target_csv_round_trip(tmp_path: Path) -> None:
    target = load_posts(DATA / "posts_fr_en.csv", bin_min=2)
    again = load_target(target.to_csv(tmp_path / "t.csv"), bin_min=1)
    # written in 2-minute bins: t_min 0, 2, 4 read back at 1-minute resolution
    assert again.series.loc[[0, 2, 4]].to_numpy().tolist() == target.series.to_numpy().tolist()
    assert again.rebin(2).series.equals(target.series)


BROKEN = [
    ("empty.csv", b"", "empty", None),
    ("header_only.csv", b"t_min,fear\n", "no data rows", None),
    ("no_time.csv", b"minute_of_day,fear\n1,2\n", "no time column", "line 1"),
    ("no_counts.csv", b"t_min,likes,shares\n0,1,2\n", "no count columns", "line 1"),
    ("bad_time.csv", b"timestamp,fear\n2024-03-12T10:00Z,1\n\n12/03/2024 10:01,2\n", "ISO 8601", "line 4, column 'timestamp'"),
    ("bad_minute.csv", b"t_min,fear\n0,1\nsoon,2\n", "minutes", "line 3, column 't_min'"),
    ("negative.csv", b"t_min,fear,anger\n0,1,2\n1,3,-4\n", "negative", "line 3, column 'anger'"),
    ("text_count.csv", b"t_min,fear\n0,1\n1,many\n", "not a number", "line 3, column 'fear'"),
    ("latin1.csv", "t_min,fear\n0,1\n1,2 # colère\n".encode("latin-1"), "UTF-8", "line 3"),
    ("extra_field.csv", b"t_min,fear\n0,1\n1,2,3\n", "fields", "line 3"),
    ("bad_emotion.csv", b"t_min,emotion,count\n0,fear,1\n1,joyful,2\n", "unknown emotion", "line 3, column 'emotion'"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "content", "problem", "where"), BROKEN)
def test_broken_files_name_the_file_and_place(
    tmp_path: Path, name: str, content: bytes, problem: str, where: str | None
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(TargetError) as info:
        load_target(path)
    message = str(info.value)
    assert message.startswith(str(path)) and problem in message
    if where:
        assert where in message


def test_broken_posts_files(tmp_path: Path) -> None:
    path = tmp_path / "posts.csv"
    path.write_text("timestamp,message\n2024-03-12T10:00Z,hello\n", encoding="utf-8")
    with pytest.raises(TargetError, match=r"posts\.csv, line 1: no 'text' column"):
        load_posts(path)
    path.write_text(
        "timestamp,text\n2024-03-12T10:00Z,ok\n2024-03-12T09:00Z,early\n", encoding="utf-8"
    )
    with pytest.raises(TargetError, match=r"line 3, column 'timestamp'.*before start"):
        load_posts(path, start="2024-03-12T09:30Z")


def test_unsorted_and_duplicate_minutes_are_fine(tmp_path: Path) -> None:
    path = tmp_path / "mess.csv"
    path.write_text("t_min,anger\n5,1\n2,2\n5,3\n0.5,1\n", encoding="utf-8")
    s = load_target(path).series
    assert s["anger"].tolist() == [1, 0, 2, 0, 0, 4]


# --------------------------------------------------------------------------- networks


def same_stats(a: dict, b: dict) -> bool:
    """Equal statistics, NaN equal to NaN (a tiny graph has no tail exponent)."""
    return pd.Series(a, dtype=float).equals(pd.Series(b, dtype=float))


def test_stats_of_a_star_and_a_cycle() -> None:
    star = nx.DiGraph([(i, 0) for i in range(1, 5)])  # four accounts follow one hub
    s = graph_stats(star)
    assert (s["n"], s["edges"], s["mean_degree"], s["max_followers"]) == (5, 4, 0.8, 4)
    assert s["reciprocity"] == 0.0 and s["clustering"] == 0.0
    mutual = nx.DiGraph([*star.edges, *((0, i) for i in range(1, 5))])
    assert graph_stats(mutual)["reciprocity"] == 1.0
    cycle = nx.DiGraph([(0, 1), (1, 2), (2, 0)])
    c = graph_stats(cycle)
    assert (c["mean_degree"], c["reciprocity"], c["clustering"]) == (1.0, 0.0, 1.0)
    # groups from a node attribute: 1 of 3 follows stays in its group
    nx.set_node_attributes(cycle, {0: "a", 1: "a", 2: "b"}, "group")
    assert graph_stats(cycle)["same_group_share"] == pytest.approx(1 / 3)
    as_layer = graph_stats(sp.csr_matrix(nx.to_scipy_sparse_array(cycle)), [0, 0, 1])
    assert same_stats(as_layer, graph_stats(cycle))


def test_compare_stats_table() -> None:
    table = compare_stats({"n": 10, "reciprocity": 0.0}, {"n": 12, "reciprocity": 0.1, "x": 1})
    assert list(table.columns) == ["statistic", "observed", "synthetic", "ratio"]
    assert table["statistic"].tolist() == ["n", "reciprocity", "x"]
    assert table["ratio"].iloc[0] == pytest.approx(1.2)
    assert table["ratio"].iloc[1:].isna().all()


@pytest.mark.parametrize("suffix", [".graphml", ".gexf", ".csv"])
def test_load_graph_round_trip(tmp_path: Path, suffix: str) -> None:
    layer, group, _ = synthetic_layer({"mean_following": 4}, 300, seed=2)
    attrs = None if suffix == ".csv" else {"group": group}
    write_layer(layer, tmp_path / f"g{suffix}", attrs)
    graph = load_graph(tmp_path / f"g{suffix}")
    back, _ = networkx_to_layer(graph, nodes=range(300))
    assert (back != layer).nnz == 0
    if attrs:
        assert [graph.nodes[v]["group"] for v in range(300)] == group.tolist()
        assert same_stats(graph_stats(graph), graph_stats(layer, group))


def test_load_graph_errors_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "edges.csv"
    path.write_text("from,to\n1,2\n", encoding="utf-8")
    with pytest.raises(GraphFileError, match=r"edges\.csv: missing column"):
        load_graph(path)
    with pytest.raises(GraphFileError, match=r"g\.txt"):
        load_graph(tmp_path / "g.txt")


def test_fit_generator_recovers_known_parameters() -> None:
    truth = {"mean_following": 12.0, "follower_exponent": 2.5, "homophily": 0.6, "locality": 0.3}
    layer, group, place = synthetic_layer(truth, 20_000, seed=11)
    observed = graph_stats(layer, group, locality=place)
    fitted = fit_generator(observed, seed=0)
    assert set(fitted) == set(truth)
    assert fitted["mean_following"] == pytest.approx(12.0, rel=0.10)
    assert abs(fitted["follower_exponent"] - 2.5) <= 0.3
    assert abs(fitted["homophily"] - 0.6) <= 0.05
    assert abs(fitted["locality"] - 0.3) <= 0.05
    assert fit_generator(observed, seed=0) == fitted  # deterministic
    # the fitted values are valid scenario [network] parameters
    from uproar.model.scenario import Network

    Network(**fitted)


def test_fit_generator_without_groups_keeps_defaults() -> None:
    stats = {"n": 5000, "mean_degree": 8.0, "in_degree_exponent": float("nan")}
    fitted = fit_generator(stats)
    assert fitted["homophily"] == 0.6 and fitted["follower_exponent"] == 2.3
    assert fitted["mean_following"] == pytest.approx(8.0, rel=0.1)
    with pytest.raises(ValueError, match="mean_degree"):
        fit_generator({"n": 10, "mean_degree": 0.0})


def test_generator_matches_direct_homophily_multiplex() -> None:
    """synthetic_layer is the scenario generator, not a look-alike."""
    layer, _, _ = synthetic_layer({"mean_following": 6, "follower_exponent": 2.2}, 1000, seed=5)
    assert layer.shape == (1000, 1000)
    assert np.isclose(layer.nnz / 1000, 6, rtol=0.1)
