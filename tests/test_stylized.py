"""The shape of a storm: what trainers know from real crises and the literature measures.

Each test states the fact and its source, runs several seeds on small crowds, and
keeps margins that seed noise does not cross. `uproar bench --stylized` checks the
same facts on both shipped scenarios at 5,000 and 20,000 accounts over five seeds.
"""

from __future__ import annotations

import numpy as np
import pytest
from conftest import SEEDS, run_model, window_mean

from uproar import CrisisModel
from uproar.benchmarks.stylized import (
    author_share_concentration,
    burst_excess,
    cascade_sizes,
    decay_fits,
    halving_times,
    per_minute,
    small_cascade_share,
    tail_test,
    told_flat,
)
from uproar.model import markers
from uproar.model.items import MESSAGE
from uproar.model.scenario import parse_scenario
from uproar.model.taxonomy import EMOTIONS, GROUPS

TOWN = """
[scenario]
id = "town"
title = "A depot fire"
language = "en"
crisis_type = "preventable"
responsibility = 0.7
organisation = "Acme"
duration_min = 400

[population]
size = 5000
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
activity_per_hour = 0.0

[[personas]]
id = "echo"
name = "The Valley Echo"
handle = "@valleyecho"
group = "public"
followers = 3000
platforms = ["twitter"]
activity_per_hour = 0.0

[[injects]]
at = 30
kind = "video"
text = "A video shows thick smoke over the Acme depot and people coughing in the street."
shock = { anger = 0.4, fear = 0.3 }
reach = 0.5
"""

APOLOGY = {"text": "We are deeply sorry. We have stopped the depot and will pay for every family's care.",
           "strategy": "rebuild", "tone": "empathetic", "platforms": ["twitter"]}


@pytest.fixture(scope="module")
def town():
    return parse_scenario(TOWN, source="town.toml")


def calm(scenario, everyone: bool = False, **parameters):
    """The same crowd hearing every inject told flat (`told_flat`: the resting level a burst stands
    on), by `everyone` if asked, with other parameters if given."""
    update = {"injects": [told_flat(i, everyone) for i in scenario.injects]}
    if parameters:
        update["parameters"] = scenario.parameters.model_copy(update=parameters)
    return scenario.model_copy(update=update)


def volume(scenario, seed: int, minutes: int, messages=(), population: int = 5000) -> np.ndarray:
    return per_minute(run_model(scenario, seed, minutes, messages, population=population).items, minutes)


# --------------------------------------------------------------------------- cascades
#: Cascade sizes vary a lot from one run to the next (anger / approval per seed: 0.8 to 1.7 on the
#: breach scenario, 1.3 to 1.5 pooled over twelve seeds): six seeds keep the margins above seed noise.
CASCADE_SEEDS = tuple(range(1, 7))


@pytest.fixture(scope="module")
def storms(fr_scenario, en_scenario):
    """Full runs of both shipped scenarios without any message (5,000 accounts, six seeds)."""
    return {sc.id: [run_model(sc, seed, sc.scenario.duration_min, population=5000) for seed in CASCADE_SEEDS]
            for sc in (fr_scenario, en_scenario)}


def test_anger_travels_further_than_approval(storms):
    """Cascades started by an angry post are larger on average than those started by an
    approving one: anger is the most contagious emotion (Fan et al. 2014), high-arousal
    content is shared more (Berger & Milkman 2012)."""
    for name, models in storms.items():
        by = {e: [] for e in EMOTIONS}
        for model in models:
            roots, sizes = cascade_sizes(model.items)
            emotion = model.items["emotion"][roots]
            for e, label in enumerate(EMOTIONS):
                by[label].extend(sizes[emotion == e])
        mean = {label: float(np.mean(v)) for label, v in by.items()}
        assert mean["anger"] > 1.15 * mean["approval"], (name, mean)
        assert mean["sadness"] == min(mean.values()), (name, mean)  # sadness travels least


def test_most_cascades_are_tiny_and_a_few_are_huge(storms):
    """At least 70% of cascades have one or two items, and the tail of their sizes is a
    power law rather than a thin-tailed (geometric) law (Goel et al. 2012, 2016), by the
    likelihood-ratio test of Clauset et al. (2009)."""
    for name, models in storms.items():
        for model in models:
            _, sizes = cascade_sizes(model.items)
            assert small_cascade_share(sizes) >= 0.7, name
            tail = tail_test(sizes)
            assert tail["ratio"] > 0 and tail["p"] < 0.05, (name, tail)
            assert 1.5 < tail["alpha"] < 3.5, (name, tail)


def test_a_small_elite_is_shared(storms):
    """The top 1% of authors receive at least a quarter of all shares (Wu et al. 2011)."""
    for name, models in storms.items():
        for model in models:
            assert author_share_concentration(model.items) >= 0.25, name


def test_outrage_words_make_the_same_post_travel_further(town):
    """Each moral-emotional word raises diffusion by about 20% (Brady et al. 2017): the
    same post by the same account, with outrage words, draws more shares and answers."""
    plain = "Thoughts with the families tonight. A hard day for everyone in town."
    moral = "Thoughts with the families tonight. Shameful, negligent, a disgrace for everyone in town."
    assert markers.count(plain, "en") == 0 and markers.count(moral, "en") == 3
    echoes = {}
    for label, body in (("plain", plain), ("moral", moral)):
        total = 0
        for seed in SEEDS:
            model = CrisisModel(town, rng=seed)
            model.submit({"type": "persona_post", "persona": "echo", "text": body, "emotion": "sadness",
                          "strength": 0.0, "t_min": 40})
            model.run_for(100)
            seq = next(e["seq"] for e in model.events if e["source"] == "persona")
            total += int((model.items["parent"] == seq).sum())
        echoes[label] = total
    assert echoes["moral"] > 1.3 * echoes["plain"] > 0, echoes


# --------------------------------------------------------------------------- the start of a storm
def test_nobody_talks_about_a_crisis_before_hearing_of_it(town, fr_scenario):
    """Before the first inject the crowd says nothing (it used to blame the organisation and fear
    for the injured at minute 0 of a scenario whose first rumour comes at minute 3); from the
    inject on it talks, and the news travels beyond those it reached."""
    for scenario, minutes in ((town, 45), (fr_scenario, 20)):
        first = min(i.at for i in scenario.injects)
        assert first >= 3, "the check needs minutes before the first inject"
        for seed in SEEDS:
            v = volume(scenario, seed, minutes, population=3000)
            assert v[:first].sum() == 0, (scenario.id, seed, v[:first])
            assert v[first:].sum() > 15, (scenario.id, seed, v[first:])


def test_the_news_spreads_beyond_those_it_first_reached(town):
    """News that reaches the students alone reaches the rest of the town through what they post:
    within the hour the public talks about it too, though no inject reached it."""
    students = town.injects[0].model_copy(update={"targets": type(town.injects[0].targets)(groups=["student"]), "reach": 1.0})
    only = town.model_copy(update={"injects": [students]})
    public = GROUPS.index("public")
    for seed in SEEDS:
        items = run_model(only, seed, 95, population=3000).items
        crowd = (items["kind"] != MESSAGE) & (items["group"] == public)
        spoke = len(np.unique(items["author"][crowd]))
        assert spoke >= 8, (seed, spoke)


def test_a_statement_before_the_news_is_heard_by_those_it_reaches(town):
    """An organisation that speaks first is the news: its followers answer it before any inject."""
    first = {"text": "A fire broke out at our depot this morning. Nobody is hurt. We will update at noon.",
             "platforms": ["twitter"], "t_min": 5}
    for seed in SEEDS:
        with_it, without = volume(town, seed, 30, [first]), volume(town, seed, 30)
        assert without.sum() == 0 and with_it[5:30].sum() > 0, (seed, with_it)


# --------------------------------------------------------------------------- bursts
#: A burst's tail is a few items a minute over the crowd's own noise: ten crowds to read its shape
#: (with five, the third halving moved from 39 to 46 minutes between seed sets 1-5, 6-10 and 11-15,
#: and one of them tied the second; ten gave 45 minutes for 1-10 and 46 for 6-15).
BURST_SEEDS = tuple(range(1, 11))

@pytest.fixture(scope="module")
def bursts(town):
    """Excess volume of the inject over the same news told flat, per seed (no message)."""
    quiet = calm(town)
    out = []
    for seed in BURST_SEEDS:
        with_it, without = volume(town, seed, 250), volume(quiet, seed, 250)
        out.append(burst_excess(with_it, without, at=30))
    return out


def test_a_burst_halves_within_half_an_hour(bursts):
    """The response to a shock rises fast and relaxes: its excess volume halves within
    30 minutes when nothing new happens (Lehmann et al. 2012; Wu & Huberman 2007)."""
    for excess in bursts:
        assert excess[0] > 20
        assert halving_times(excess)[0] <= 30


def test_the_decay_is_heavy_tailed_like_a_power_law(bursts):
    """After an exogenous shock activity relaxes as a power law, not a single exponential
    (Crane & Sornette 2008): each halving of the excess takes longer than the one before,
    and a power law fits it better even after paying for its extra parameter."""
    span = min(len(e) for e in bursts)
    mean = np.mean([e[:span] for e in bursts], axis=0)
    # per-minute counts are noisy: halvings are read on a 5-minute moving average after the peak
    smooth = np.convolve(mean, np.ones(5) / 5, mode="same")
    smooth[0] = mean[0]
    first, second, third = halving_times(smooth)
    assert second - first > first and third - second > second - first, (first, second, third)
    fits = decay_fits(mean, 200)
    assert fits["aic_diff"] < -10, fits


def test_the_same_story_draws_less_the_second_time(town):
    """Accounts tire of a topic: fired again an hour later, the same inject draws a smaller
    burst than a new one of the same strength does (attention fatigue)."""
    first = town.injects[0]
    again = first.model_copy(update={"at": 90})
    news = first.model_copy(update={"at": 90, "text": "Now the Acme warehouse is burning too."})
    second = {}
    for label, injects in (("again", [first, again]), ("news", [first, news])):
        scenario = town.model_copy(update={"injects": injects})
        # eighteen runs: nine seeds gave 0.81 to 0.86 as the crowd's words changed (their moral words
        # move shares), eighteen 0.84 to 0.86; without fatigue (`fatigue_gain` 0) exactly 1.0
        second[label] = sum(volume(scenario, seed, 110)[90:105].sum() for seed in range(1, 19))
    assert second["again"] < 0.92 * second["news"], second


# --------------------------------------------------------------------------- the end of a crisis
@pytest.mark.slow
def test_a_well_handled_crisis_dies_down_and_silence_smoulders(town):
    """With no new inject, a good answer brings the volume back near the unshaken crowd's
    within a few hours; without any answer the grievance smoulders above it, but does
    not grow by itself (it holds or falls over the last two hours)."""
    minutes = 330
    quiet, answered, silent = [], [], []
    for seed in SEEDS:
        quiet.append(volume(calm(town, everyone=True), seed, minutes))  # hours on, the whole town has heard
        answered.append(volume(town, seed, minutes, [{**APOLOGY, "t_min": 40}]))
        silent.append(volume(town, seed, minutes))
    rest, good, none = (np.mean(v, axis=0) for v in (quiet, answered, silent))
    late = slice(270, 330)  # four to five hours after the inject
    assert good[late].mean() < 1.2 * rest[late].mean(), (good[late].mean(), rest[late].mean())
    assert none[late].mean() > good[late].mean()
    # hour by hour, no growth beyond the noise of three runs (about 6 items a minute: ±3% an hour)
    early, middle, last = (none[a:a + 60].mean() for a in (150, 210, 270))
    assert middle <= 1.1 * early and last <= 1.1 * middle, (early, middle, last)


def test_strategies_keep_their_order_in_a_preventable_crisis(fr_scenario):
    """In a preventable crisis rebuild leaves less anger than diminish, and diminish less
    than deny (Coombs 2007; Ma & Zhan 2016)."""
    texts = {
        "rebuild": ("Nous présentons nos excuses aux habitants. L'unité est arrêtée et nous indemniserons chaque "
                    "famille.", "empathetic"),
        "diminish": ("Il s'agit d'un incident technique limité, sans danger durable.", "factual"),
        "deny": ("Chimex n'est pas responsable. Ces accusations sont infondées.", "defensive"),
    }
    for seed in SEEDS:
        anger = {}
        for strategy, (body, tone) in texts.items():
            message = {"text": body, "strategy": strategy, "tone": tone, "platforms": ["twitter", "facebook"],
                       "t_min": 25}
            model = run_model(fr_scenario, seed, 85, [message])
            anger[strategy] = window_mean(model, None, "anger", 25, 85)
        assert anger["rebuild"] < anger["diminish"] < anger["deny"], (seed, anger)


# --------------------------------------------------------------------------- markers and parameters
def test_moral_markers_are_counted_from_the_text_of_each_language():
    assert markers.count("Quelle honte. Ils ont menti, c'est scandaleux !", "fr") == 3
    assert markers.count("Merci aux pompiers, bon courage à tous.", "fr") == 0
    assert markers.count("What a disgrace. They lied to us.", "en") == 2
    assert markers.count("harmless smoke, all clear", "en") == 0  # stems do not catch innocent words
    assert markers.count("shame " * 10, "en") == markers.MAX_MARKERS


def test_rendered_phrases_carry_their_markers(fr_scenario):
    """Angry phrases of the shipped banks carry outrage words more often than approving ones."""
    model = CrisisModel(fr_scenario, rng=1, population=500)
    texts = model.texts
    ids = {e: np.concatenate([np.arange(b, b + c) for b, c in texts.crowd[0, :, i].reshape(-1, 2)])
           for i, e in enumerate(EMOTIONS)}
    assert texts.markers[ids["anger"]].mean() > 0.1 > texts.markers[ids["approval"]].mean()


def test_a_scenario_may_set_part_of_a_per_emotion_parameter():
    scenario = parse_scenario(TOWN + "\n[parameters]\nshare_appeal = { sadness = 0.1 }\n", source="town.toml")
    assert scenario.parameters.share_appeal["sadness"] == 0.1
    assert scenario.parameters.share_appeal["anger"] == 1.0
    CrisisModel(scenario, rng=1).run_for(5)
