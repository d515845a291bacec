"""What a trainer would notice: the crowd answers messages the way crisis research says.

Each claim is checked over several seeds, on a crowd small enough to run quickly,
with margins that seed noise does not cross.
"""

from __future__ import annotations

import numpy as np
import pytest
from conftest import SEEDS, run_model, window_mean

from uproar import CrisisModel
from uproar.model.scenario import parse_scenario

APOLOGY = {
    "text": "Nous présentons nos excuses aux habitants de Valmont. Nous avons arrêté l'unité en cause "
    "et nous prendrons en charge tous les frais médicaux.",
    "strategy": "rebuild",
    "tone": "empathetic",
}
DENIAL = {
    "text": "Chimex n'est pas responsable de cet incident. Les accusations sont infondées.",
    "strategy": "deny",
    "tone": "defensive",
}
NO_COMMENT = {"text": "Pas de commentaire.", "strategy": "no_comment", "tone": "factual"}
EARLY, LATE, HOUR = 25, 85, 60


def boycott_items(model: CrisisModel, start: int, stop: int) -> int:
    frame = model.reactions_frame()
    inside = frame[(frame.t_min >= start) & (frame.t_min < stop)]
    return int(inside.hashtags.str.contains("#Boycott", case=False).sum())


def outcome(scenario, seed: int, message: dict | None, at: int) -> tuple[float, float, int]:
    """(public anger, everyone's anger, boycott items) in the hour after minute `at`."""
    msgs = [{**message, "t_min": at, "platforms": ["twitter", "facebook"]}] if message else []
    model = run_model(scenario, seed, at + HOUR, msgs)
    return (
        window_mean(model, "public", "anger", at, at + HOUR),
        window_mean(model, None, "anger", at, at + HOUR),
        boycott_items(model, at, at + HOUR),
    )


@pytest.fixture(scope="module")
def early_outcomes(fr_scenario):
    return {
        name: [outcome(fr_scenario, s, msg, EARLY) for s in SEEDS]
        for name, msg in {"apology": APOLOGY, "denial": DENIAL, "no_comment": NO_COMMENT, "silence": None}.items()
    }


def test_early_apology_calms_more_than_denial(early_outcomes):
    for apology, denial in zip(early_outcomes["apology"], early_outcomes["denial"], strict=True):
        assert apology[0] < denial[0] - 0.02, (apology, denial)
        assert apology[2] < denial[2], (apology, denial)


def test_denial_and_no_comment_leave_more_anger_than_apology(early_outcomes):
    for key in ("denial", "no_comment"):
        for apology, other in zip(early_outcomes["apology"], early_outcomes[key], strict=True):
            assert other[1] > apology[1] + 0.01, (key, apology, other)


def test_apology_calms_compared_with_silence(early_outcomes):
    for apology, silence in zip(early_outcomes["apology"], early_outcomes["silence"], strict=True):
        assert apology[0] < silence[0], (apology, silence)


def test_late_apology_helps_less_than_early(fr_scenario):
    """Relief = the share of the hour's public anger that the apology takes away."""

    def relief(seed: int, at: int) -> float:
        quiet = outcome(fr_scenario, seed, None, at)[0]
        spoke = outcome(fr_scenario, seed, APOLOGY, at)[0]
        return (quiet - spoke) / quiet

    for seed in SEEDS:
        early, late = relief(seed, EARLY), relief(seed, LATE)
        assert early > 1.5 * late > 0, (seed, early, late)


def test_contradiction_raises_anger_and_mockery(fr_scenario):
    for seed in SEEDS:
        apology = {**APOLOGY, "t_min": 30, "platforms": ["twitter"]}
        u_turn = {**DENIAL, "t_min": 50, "platforms": ["twitter"]}
        steady = run_model(fr_scenario, seed, 80, [apology])
        flip = run_model(fr_scenario, seed, 80, [apology, u_turn])
        for emotion in ("anger", "mockery"):
            assert window_mean(flip, None, emotion, 50, 80) > window_mean(steady, None, emotion, 50, 80) + 0.005


QUIET = """
[scenario]
id = "quiet"
title = "Quiet day"
language = "en"
crisis_type = "accidental"
organisation = "Acme"
duration_min = 400

[population]
size = 4000
localities = 4

[[platforms]]
name = "twitter"
style = "microblog"
presence = { public = 0.8, student = 0.8, employee = 0.6, blogger = 0.9, union = 0.7, journalist = 1.0 }

[[personas]]
id = "acme"
name = "Acme"
handle = "@acme"
group = "organisation"
platforms = ["twitter"]
stance = 1.0

[parameters]
silence_cost = 0.0  # isolate the crowd's own dynamics: no grievance from the organisation's silence

[[hashtags]]
tag = "#AcmeFire"
emotions = { fear = 1.0, anger = 1.0 }
start = 100000
"""


@pytest.fixture(scope="module")
def quiet():
    return parse_scenario(QUIET, source="quiet.toml")


def test_emotions_relax_toward_baseline(quiet):
    model = CrisisModel(quiet, rng=4)
    model.submit({"type": "inject", "t_min": 0, "shock": {"anger": 0.6}, "reach": 1.0})
    model.run_for(360)
    anger = window_mean(model, None, "anger", 0, 360)
    start = window_mean(model, None, "anger", 0, 1)
    end = window_mean(model, None, "anger", 350, 360)
    rest = float(model.crowd.E0[2].mean())
    assert start > rest + 0.3
    assert end - rest < 0.1 * (start - rest), (start, end, rest, anger)


def test_an_inject_makes_a_wave_that_peaks_and_decays(quiet):
    for seed in SEEDS:
        model = CrisisModel(quiet, rng=seed)
        model.submit({"type": "inject", "t_min": 20, "shock": {"anger": 0.4, "fear": 0.3}, "reach": 0.5})
        model.run_for(240)
        per_min = np.array([c.sum() for c in model.timeline_counts])
        before = per_min[:20].mean()
        peak_at = int(per_min.argmax())
        assert 20 <= peak_at < 80
        assert per_min[peak_at] > 4 * before
        assert per_min[200:].mean() < 0.5 * per_min[peak_at]


def test_cutting_the_graph_removes_contagion(quiet):
    """Shock one town only: with edges, other towns catch it; without, they stay at rest."""
    spread = []
    for contagion in (True, False):
        model = CrisisModel(quiet, rng=5, contagion=contagion)
        model.submit({"type": "inject", "t_min": 0, "shock": {"anger": 0.7}, "reach": 1.0, "groups": []})
        model._target_mask = _only_locality(model, 0)
        model.run_for(60)
        others = model.population.locality != 0
        rest = model.crowd.E0[2, others]
        spread.append(float((model.crowd.E[2, others] - rest).mean()))
    with_edges, without = spread
    assert with_edges > 0.01
    assert abs(without) < with_edges / 10, spread


def _only_locality(model: CrisisModel, loc: int):
    original = model._target_mask

    def mask(groups, platforms, localities, reach):
        return original(groups, platforms, [loc], reach)

    return mask


def test_a_hashtag_trends_when_its_rate_jumps_and_stops_when_it_falls(quiet):
    model = CrisisModel(quiet, rng=6)
    model.submit({"type": "inject", "t_min": 60, "shock": {"anger": 0.5, "fear": 0.4}, "reach": 0.8,
                  "hashtags": ["#AcmeFire"]})
    model.run_for(300)
    events = [(m, change) for m, tag, change in model.hashtags.events if tag == "#AcmeFire"]
    assert events, "the tag never trended"
    (enter_at, first), *rest = events
    assert first == "enter" and 60 <= enter_at <= 75
    assert any(change == "exit" for _, change in rest)
