"""Counterfactual impact of trainee messages: replays without each message, over seeds."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from uproar import CrisisModel
from uproar.model.inputs import Message, Note
from uproar.report.impact import (
    COLUMNS,
    RANK_COLUMNS,
    _replay,
    mean_ci,
    message_impacts,
    rank_messages,
)

SEED, POPULATION, MINUTES, SEEDS = 1, 3000, 100, 4
APOLOGY = Message(
    t_min=25,
    text="Nous sommes profondément désolés pour les riverains. Nous arrêtons l'unité et prenons en charge tous les frais.",
    strategy="rebuild",
    tone="empathetic",
)
# at 85 the apology's 60-minute window [25, 85) is over, so neither message sits in the other's window
DENIAL = Message(
    t_min=85, text="Il n'y a aucun danger. Ces accusations sont fausses et nous n'avons rien à nous reprocher.",
    strategy="deny", tone="defensive",
)  # fmt: skip
TOO_LATE = Message(t_min=MINUTES, text="Merci à tous, nous restons mobilisés.", strategy="bolster", tone="factual")
# a non-message input between the messages: it must stay in every replay and not count as a message
INPUTS = [APOLOGY, Note(t_min=30, text="point presse"), DENIAL, TOO_LATE]


def impacts_with(scenario, workers: int) -> pd.DataFrame:
    return message_impacts(
        scenario, seed=SEED, population=POPULATION, minutes=MINUTES, inputs=INPUTS, seeds=SEEDS, workers=workers
    )


@pytest.fixture(scope="module")
def impacts(fr_scenario) -> pd.DataFrame:
    return impacts_with(fr_scenario, workers=2)


def row(frame: pd.DataFrame, message: int, window: int, metric: str) -> pd.Series:
    hit = frame[(frame["message"] == message) & (frame["window"] == window) & (frame["metric"] == metric)]
    assert len(hit) == 1
    return hit.iloc[0]


def test_one_row_per_message_window_metric(impacts):
    assert list(impacts.columns) == COLUMNS
    assert len(impacts) == 3 * 2 * 3
    assert impacts["message"].drop_duplicates().tolist() == [0, 1, 2]
    live = impacts[impacts["message"] < 2]
    assert (live["n_seeds"] == SEEDS).all()
    assert (live["ci_low"] <= live["mean_diff"]).all() and (live["mean_diff"] <= live["ci_high"]).all()


def test_early_empathetic_apology_calms(impacts):
    anger = row(impacts, 0, 60, "anger")
    assert anger["ci_high"] < 0, anger
    assert row(impacts, 0, 60, "negative_volume")["mean_diff"] < 0


def test_defensive_denial_inflames(impacts):
    anger = row(impacts, 1, 60, "anger")
    assert anger["ci_low"] > 0, anger
    assert row(impacts, 1, 60, "negative_volume")["mean_diff"] > 0


def test_windows_stop_at_the_end_of_the_run(impacts):
    # the denial at 85 has only 15 minutes left: both windows cover [85, 100)
    for metric in ("anger", "negative_volume", "pressure"):
        assert row(impacts, 1, 30, metric)["mean_diff"] == row(impacts, 1, 60, metric)["mean_diff"]


def test_ranking_puts_the_apology_before_the_denial(impacts):
    ranked = rank_messages(impacts)
    assert list(ranked.columns) == RANK_COLUMNS
    assert ranked["message"].tolist() == [0, 1, 2]
    assert ranked["verdict"].tolist() == ["calming", "inflaming", "no clear effect"]
    assert ranked.loc[0, "strategy"] == "rebuild" and ranked.loc[1, "tone"] == "defensive"


def test_message_after_the_end_gets_nan(impacts):
    late = impacts[impacts["message"] == 2]
    assert late[["mean_diff", "ci_low", "ci_high"]].isna().all().all()
    assert (late["n_seeds"] == 0).all() and (late["t_min"] == MINUTES).all()
    assert late["seq"].isna().all()


def test_seq_matches_the_full_run(fr_scenario, impacts):
    model = CrisisModel(fr_scenario, rng=SEED, population=POPULATION)
    for item in INPUTS:
        model.submit(item)
    model.run_for(MINUTES)
    seqs = impacts.drop_duplicates("message").set_index("message")["seq"]
    assert [seqs[0], seqs[1]] == [r.seq for r in model.messages]


def test_same_frame_in_one_process_or_two(fr_scenario, impacts):
    pd.testing.assert_frame_equal(impacts_with(fr_scenario, workers=1), impacts, check_exact=True)


def test_replay_without_a_message_matches_until_its_minute(fr_scenario):
    # the pairing is only fair if leaving a message out changes nothing before it
    dumped = [item.model_dump() for item in INPUTS]
    full = _replay(fr_scenario, SEED, POPULATION, dumped, 40, record=False)
    without = _replay(fr_scenario, SEED, POPULATION, dumped[1:], 40, record=False)
    for metric in ("anger", "negative_volume", "pressure"):
        assert len(full[metric]) == 40
        np.testing.assert_array_equal(full[metric][:25], without[metric][:25])
    assert full["anger"][25:].mean() < without["anger"][25:].mean()


def test_no_messages_gives_an_empty_frame(fr_scenario):
    frame = message_impacts(fr_scenario, SEED, POPULATION, MINUTES, [Note(t_min=3, text="rien")], workers=1)
    assert frame.empty and list(frame.columns) == COLUMNS
    assert rank_messages(frame).empty


def test_mean_ci_student_t():
    mean, low, high, n = mean_ci([1.0, 2.0, 3.0, 4.0, 5.0])
    # t(0.975, 4) = 2.776445, sd = sqrt(2.5), half width = 2.776445 * sqrt(2.5 / 5)
    assert (mean, n) == (3.0, 5)
    assert low == pytest.approx(1.036757, abs=1e-6) and high == pytest.approx(4.963243, abs=1e-6)
    assert mean_ci([2.0, np.nan, 2.0])[:3] == (2.0, 2.0, 2.0)
    one = mean_ci([0.5])
    assert one[0] == 0.5 and math.isnan(one[1]) and one[3] == 1
    assert math.isnan(mean_ci([])[0])
