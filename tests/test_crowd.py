"""Rumours, allies, replies under messages, and the notable accounts' own rules."""

from __future__ import annotations

import re

import pytest
from conftest import HEARSAY, SEEDS, run_model

from uproar import CrisisModel
from uproar.model.scenario import parse_scenario
from uproar.model.taxonomy import EMOTIONS

APOLOGY = {
    "text": "Nous présentons nos excuses aux habitants. L'unité est arrêtée et nous indemniserons chaque famille.",
    "strategy": "rebuild",
    "tone": "empathetic",
    "platforms": ["twitter", "facebook"],
}
DENIAL = {
    "text": "Chimex n'est pas responsable. Ces accusations sont infondées.",
    "strategy": "deny",
    "tone": "defensive",
    "platforms": ["twitter", "facebook"],
}

RUMOURS = """
[scenario]
id = "rumours"
title = "Two claims"
language = "en"
crisis_type = "accidental"
organisation = "Acme"
duration_min = 200

[population]
size = 5000

[[platforms]]
name = "twitter"
style = "microblog"
presence = { public = 0.9, student = 0.9, employee = 0.6, blogger = 0.9, union = 0.7 }

[[personas]]
id = "acme"
name = "Acme"
handle = "@acme"
group = "organisation"
platforms = ["twitter"]

[[claims]]
id = "lie"
text = "the factory dumps waste in the river at night"
true = false
keywords = ["river", "waste"]
emotion = "anger"
virality = 1.0
start = 10

[[claims]]
id = "fact"
text = "the factory missed its last safety inspection"
true = true
keywords = ["inspection"]
emotion = "anger"
virality = 1.0
start = 10
"""


def claim_items(model: CrisisModel, claim_text: str, start: float = 0, stop: float = 1e9) -> int:
    frame = model.reactions_frame()
    inside = frame[(frame.t_min >= start) & (frame.t_min < stop)]
    return int(inside.text.str.contains(claim_text, regex=False).sum())


def test_false_claims_spread_further_than_true_ones():
    """Six seeds: a true claim is told 3 to 15 times a run in this small town, too few over three
    for a floor that a rewording of the crowd's lines cannot cross."""
    scenario = parse_scenario(RUMOURS, source="rumours.toml")
    lie = fact = 0
    for seed in range(1, 7):
        model = CrisisModel(scenario, rng=seed)
        model.submit({"type": "inject", "t_min": 5, "shock": {"anger": 0.4}, "reach": 0.6})
        model.run_for(120)
        lie += claim_items(model, scenario.claims[0].text)
        fact += claim_items(model, scenario.claims[1].text)
    assert fact > 40
    assert lie > 1.3 * fact, (lie, fact)


def test_a_correction_slows_the_rumour_it_addresses(fr_scenario):
    claim = next(c for c in fr_scenario.claims if c.id == "eau-robinet")
    correction = {
        "text": "C'est faux : l'eau du robinet n'est pas contaminée, elle reste potable. Les analyses sont en ligne.",
        "strategy": "rebuild",
        "tone": "factual",
        "platforms": ["twitter", "facebook", "whatsapp"],
        "corrects": ["eau-robinet"],
        "t_min": 40,
    }
    for seed in SEEDS:
        plain = run_model(fr_scenario, seed, 100)
        corrected = run_model(fr_scenario, seed, 100, [correction])
        before = claim_items(plain, claim.text, 40, 100)
        after = claim_items(corrected, claim.text, 40, 100)
        assert before > 15
        assert after < 0.6 * before, (seed, before, after)


@pytest.mark.parametrize("says", ["Card numbers were not taken.",
                                  "There is no evidence that full card numbers or PINs were taken."])
def test_saying_what_was_not_taken_slows_that_rumour(en_scenario, says):
    """A trainee rebuts the breach's card-number rumour as a statement would ("Card numbers were
    not taken", "There is no evidence that … were taken"), naming no rumour and no claim id: the
    crowd repeats it far less than after the same apology without that sentence (seeds 1–3: 78–103
    items against 7–20 in the next hour)."""
    claim = next(c for c in en_scenario.claims if c.id == "full-card-numbers")
    apology = "We are sorry for the worry this causes. Change your Bright Rewards password now."
    rebuttal = f"We are sorry for the worry this causes. {says} Change your Bright Rewards password now."
    for seed in SEEDS:
        plain = run_model(en_scenario, seed, 100, [{"text": apology, "t_min": 40}])
        rebutted = run_model(en_scenario, seed, 100, [{"text": rebuttal, "t_min": 40}])
        before, after = claim_items(plain, claim.text, 40, 100), claim_items(rebutted, claim.text, 40, 100)
        assert before > 30
        assert after < 0.5 * before, (seed, before, after)


def defence_replies(model: CrisisModel) -> int:
    """Approving replies under angry or mocking items: allies pushing back on critics."""
    frame = model.reactions_frame().set_index("seq", drop=False)
    replies = frame[(frame.kind == "reply") & (frame.emotion == "approval") & frame.parent_seq.notna()]
    parents = frame.reindex(replies.parent_seq.astype(int))
    return int(parents.emotion.isin(["anger", "mockery"]).sum())


def test_allies_defend_the_organisation_when_it_communicates_well(fr_scenario):
    """Pooled over seeds: a few dozen replies per run at this size, so one seed is noisy."""
    good = [defence_replies(run_model(fr_scenario, seed, 90, [{**APOLOGY, "t_min": 30}])) for seed in SEEDS]
    bad = [defence_replies(run_model(fr_scenario, seed, 90, [{**DENIAL, "t_min": 30}])) for seed in SEEDS]
    assert sum(good) > 2 * sum(bad) + 10, (good, bad)  # observed 59 against 15 (seeds 1–3)
    assert all(g > b for g, b in zip(good, bad, strict=True)), (good, bad)


def replies_under(model: CrisisModel, seq: int):
    frame = model.reactions_frame()
    return frame[(frame.parent_seq == seq) & (frame.kind == "reply")]


def test_messages_draw_replies_and_a_bad_one_draws_backlash(fr_scenario):
    for seed in SEEDS:
        good = run_model(fr_scenario, seed, 60, [{**APOLOGY, "t_min": 30}])
        bad = run_model(fr_scenario, seed, 60, [{**DENIAL, "t_min": 30}])
        under_good = replies_under(good, good.messages[0].seq)
        under_bad = replies_under(bad, bad.messages[0].seq)
        assert len(under_good) >= 5 and len(under_bad) >= 5
        hostile = ["anger", "mockery"]
        share_good = under_good.emotion.isin(hostile).mean()
        share_bad = under_bad.emotion.isin(hostile).mean()
        assert share_bad > share_good + 0.15, (share_good, share_bad)


def test_journalist_publishes_when_the_deadline_passes(fr_scenario):
    silent = run_model(fr_scenario, 1, 90)
    scripted = [q for q in silent.questions if q.asked_at == 20]
    assert scripted and all(q.status == "missed" for q in scripted)
    q = scripted[0]
    missed = [e for e in silent.events if e.get("event") == "no_response" and e["persona"] == q.journalist]
    assert missed and missed[0]["t_min"] == q.deadline_at

    answered = run_model(fr_scenario, 1, 90, [{**APOLOGY, "t_min": 22}])
    q2 = next(x for x in answered.questions if x.asked_at == 20)
    assert q2.status == "answered" and q2.closed_at < q2.deadline_at


def test_a_no_comment_is_reported_as_declined_not_as_an_answer(fr_scenario):
    """« Pas de commentaire » to a journalist's question: she writes that Chimex declined to comment
    (not « Chimex s'est exprimé depuis nos questions »), and her report stirs the crowd a little."""
    refused = run_model(fr_scenario, 1, 60, [{"text": "Pas de commentaire.", "t_min": 22}])
    holding = run_model(fr_scenario, 1, 60, [{"text": "Nous vérifions la situation et reviendrons vers vous à 11h.",
                                              "t_min": 22}])
    q = next(x for x in refused.questions if x.asked_at == 20)
    assert q.status == "declined" and next(x for x in holding.questions if x.asked_at == 20).status == "answered"
    said = [e for e in refused.events if e.get("event") in ("declined", "answered") and e["persona"] == q.journalist]
    assert [e["event"] for e in said] == ["declined"] and "depuis nos questions" not in said[0]["label"]
    assert "commentaire" in said[0]["label"] or "exprimer" in said[0]["label"]


def test_officials_and_unions_speak_when_anger_crosses_their_thresholds(fr_scenario):
    storm = run_model(fr_scenario, 2, 150)
    spoke = {e["event"] for e in storm.events if e["source"] == "notable"}
    assert {"official_statement", "union_call"} <= spoke
    for e in storm.events:
        if e.get("event") == "union_call":
            # the union waited for employees' anger to stay above its threshold
            persona = storm.scenario.persona(e["persona"])
            minute = e["t_min"]
            anger = [m[3, EMOTIONS.index("anger")] for m in storm.timeline_means[max(minute - 10, 0) : minute]]
            assert min(anger) >= persona.threshold - 0.05


@pytest.mark.parametrize("seed", SEEDS)
def test_boycott_hashtag_emerges_with_public_anger(fr_scenario, seed):
    model = run_model(fr_scenario, seed, 150)
    rule = fr_scenario.emergent_hashtags[0]
    opened = [m for m, tag in model.hashtags.activated if tag == rule.tag]
    assert opened, "the boycott tag never appeared"
    public = [m[6, EMOTIONS.index(rule.emotion)] for m in model.timeline_means]
    assert public[opened[0]] >= rule.threshold
    assert max(public[: opened[0]], default=0) < rule.threshold


def test_reporters_and_officials_take_no_side_in_their_hashtags(fr_scenario):
    """The crowd writes #BoycottChimex and #ChimexMent; a reporter, the préfet or a company tags the
    story (#FuiteChimex, #Valmont), never a campaign."""
    model = run_model(fr_scenario, SEEDS[0], 150)
    frame = model.reactions_frame()
    campaign = r"#BoycottChimex|#MaréchalDémission|#ChimexMent|#LaChimieDeConfiance"
    # the scenario's own posts, and shares of them, keep the tags their author gave them
    scripted = "|".join(re.escape(i.text[:40]) for i in fr_scenario.injects if i.text)
    tagged = frame[frame.text.str.contains(campaign) & ~frame.text.str.contains(scripted)]
    reserved = tagged.author_group.isin(["journalist", "elected", "organisation"])
    assert (~reserved).sum() >= 50, len(tagged)  # the crowd does take sides
    assert not reserved.any(), tagged[reserved].text.head().tolist()
    story = frame[frame.author_group.isin(["journalist", "elected"]) & frame.text.str.contains(r"#FuiteChimex|#Valmont")]
    assert len(story) >= 3, len(story)


def test_a_message_answers_only_the_rumours_going_round(en_scenario):
    """"We'll update here within the hour" at minute 20 answers no rumour about a server (the
    claim goes round from minute 75, and "update" is one of its words); the same words at minute 90
    do. A rebuttal of card numbers made before that rumour exists corrects nothing either."""
    early = "We'll update here within the hour. Card numbers were not taken."
    model = run_model(en_scenario, 1, 95, [{"text": early, "t_min": 20}, {"text": early, "t_min": 90}])
    at20, at90 = model.messages
    assert "unpatched-server" not in at20.addresses and "unpatched-server" in at90.addresses
    assert at20.corrects == [] and "full-card-numbers" in at90.corrects


def test_once_owned_a_true_claim_is_no_longer_told_as_a_rumour(en_scenario):
    """The server left unpatched goes round from minute 75 as hearsay ("apparently…", "and nobody
    says anything??"). An apology that names it owns it: the crowd then repeats it as fact; a
    denial that names it does not (it contradicts the claim, which stays a rumour)."""
    claim = next(c for c in en_scenario.claims if c.id == "unpatched-server")
    apology = ("We are truly sorry. The breach came through our own file-transfer server, which we should have "
               "updated months ago. It is now fixed.")
    denial = "Our servers were fully up to date. This attack is entirely the work of our supplier."
    for seed in SEEDS[:2]:
        owned = run_model(en_scenario, seed, 150, [{"text": apology, "t_min": 90}])
        denied = run_model(en_scenario, seed, 150, [{"text": denial, "t_min": 90}])
        assert owned.conduct.claims_confirmed == ["unpatched-server"] and denied.conduct.claims_confirmed == []
        told = {name: m.reactions_frame() for name, m in (("owned", owned), ("denied", denied))}
        told = {name: f[f.text.str.contains(claim.text, regex=False)] for name, f in told.items()}
        before = told["owned"][told["owned"].t_min < 90]
        after = {name: f[f.t_min >= 92] for name, f in told.items()}
        assert before.text.str.contains(HEARSAY).sum() >= 3
        assert len(after["owned"]) >= 10 and not after["owned"].text.str.contains(HEARSAY).any(), \
            after["owned"].text[after["owned"].text.str.contains(HEARSAY)].head().tolist()
        assert after["denied"].text.str.contains(HEARSAY).sum() >= 3


def test_owning_a_claim_takes_saying_what_it_says(fr_scenario):
    """Apologising to one's employees does not confirm that three of them were taken to hospital;
    saying so does."""
    loose = run_model(fr_scenario, 1, 61, [{"text": "Nous présentons nos excuses à nos salariés.", "t_min": 60}])
    said = run_model(fr_scenario, 1, 61, [{"text": "Trois salariés ont été hospitalisés. Nous leur présentons nos "
                                                   "excuses.", "t_min": 60}])
    assert loose.messages[0].strategy == said.messages[0].strategy == "rebuild"
    assert loose.conduct.claims_confirmed == [] and said.conduct.claims_confirmed == ["salaries-hospitalises"]
