"""The SCCT rules a debrief relies on, checked on the pure assessment function."""

from __future__ import annotations

import pytest

from uproar import CrisisModel
from uproar.model.response import CrisisState, assess
from uproar.model.scenario import parse_scenario


def state(crisis_type="preventable", responsibility=0.7, minute=30, onset=5, first_media=10, facts=False):
    return CrisisState(crisis_type, responsibility, minute, onset, first_media, facts)


def test_rebuild_fits_a_preventable_crisis_and_denial_does_not():
    crisis = state()
    calm = {s: assess(s, "factual", crisis, []).calm for s in ("rebuild", "diminish", "bolster", "deny", "no_comment")}
    assert calm["rebuild"] > calm["diminish"] > calm["deny"]
    assert calm["no_comment"] < 0 < calm["rebuild"]


def test_denial_can_work_when_the_organisation_is_the_victim():
    assert assess("deny", "factual", state("victim", 0.1), []).calm > 0
    assert assess("deny", "factual", state("preventable", 0.8), []).calm < 0


def test_humour_backfires_in_a_crisis_with_victims():
    serious = assess("rebuild", "humorous", state(), [])
    assert serious.calm < assess("rebuild", "factual", state(), []).calm
    assert serious.shocks.get("mockery", 0) > 0


def test_empathy_helps_most_where_responsibility_is_high():
    gain_high = assess("rebuild", "empathetic", state(responsibility=0.9), []).calm - assess(
        "rebuild", "factual", state(responsibility=0.9), []).calm
    gain_low = assess("rebuild", "empathetic", state(responsibility=0.2), []).calm - assess(
        "rebuild", "factual", state(responsibility=0.2), []).calm
    assert gain_high > gain_low


@pytest.mark.parametrize(("earlier", "now"), [(["rebuild"], "deny"), (["deny"], "rebuild"), (["diminish"], "no_comment")])
def test_changing_story_is_a_contradiction(earlier, now):
    verdict = assess(now, "factual", state(), earlier)
    assert verdict.contradiction and verdict.shocks["mockery"] > 0 and verdict.shocks["anger"] > 0


def test_apologising_after_a_refusal_is_late_not_a_u_turn():
    """"We do not comment on speculation", then "we owe you an apology": no story changed, so the crowd
    is not told "they contradict themselves"; a denial, then an apology, is a U-turn."""
    assert not assess("rebuild", "empathetic", state(), ["no_comment"]).contradiction
    assert assess("rebuild", "empathetic", state(), ["deny"]).contradiction


def test_denying_an_established_fact_is_a_contradiction():
    verdict = assess("deny", "factual", state(facts=True), [])
    assert verdict.contradiction
    assert any("facts" in r for r in verdict.reasons)


def test_silence_costs_and_speaking_first_steals_thunder():
    early = assess("rebuild", "empathetic", state(minute=6, first_media=None), [])
    late = assess("rebuild", "empathetic", state(minute=90), [])
    assert early.stealing_thunder and not late.stealing_thunder
    assert early.calm > late.calm
    assert any("silence" in r for r in late.reasons)


def test_a_detected_correction_is_matched_to_the_rumour_it_names(fr_scenario):
    model = CrisisModel(fr_scenario, rng=1, population=2000)
    # a calm correction that names its evidence (corpus rule 10: factual); a bare "C'est faux"
    # opener is defensive in most of the corpus, so the evidence is spelt out
    model.post(text="C'est faux : l'eau du robinet reste potable. Les analyses de l'ARS de ce matin le confirment.",
               platform="twitter", t_min=30)
    model.run_for(31)
    record = model.messages[0]
    assert record.corrects == ["eau-robinet"]
    # refuting a false rumour is not denying the crisis: the crowd takes it well
    assert record.calm > 0 and any("rumour" in r for r in record.reasons)


def test_a_correction_typed_without_accents_is_matched_like_one_with_them(fr_scenario):
    """« aucun deces » on a phone keyboard names the same rumour as « aucun décès »: the reader
    and the model fold accents alike (`classify.keywords_named`)."""
    corrects = []
    for text in ("C'est faux : aucun décès n'est à déplorer. Les informations qui circulent sont fausses.",
                 "C'est faux : aucun deces n'est a deplorer. Les informations qui circulent sont fausses."):
        model = CrisisModel(fr_scenario, rng=1, population=2000)
        model.post(text=text, platform="twitter", t_min=65)
        model.run_for(66)
        corrects.append(model.messages[0].corrects)
    assert corrects == [["morts"], ["morts"]], corrects


@pytest.mark.parametrize(("name", "minute", "text", "corrected", "owned"), [
    ("fr-usine-chimique", 65, "Contrairement à ce qui circule, aucun décès n'est à déplorer. Trois salariés ont été "
     "hospitalisés et sont pris en charge.", ["morts"], ["salaries-hospitalises"]),
    # « salarié » alone does not name the hospitalisations: the rumour of deaths is what is rebutted
    ("fr-usine-chimique", 65, "Certains médias parlent de deux salariés décédés. C'est faux. Aucun salarié n'est décédé.",
     ["morts"], []),
    # the hospitalisation stated beside a negation about it ("not in danger"): stated, not denied
    ("fr-usine-chimique", 70, "Certains comptes parlent de deux salariés décédés. C'est faux : il n'y a aucun décès. Trois "
     "salariés sont hospitalisés et leurs jours ne sont pas en danger, l'hôpital de Bourg-Sérande le confirme.", ["morts"],
     ["salaries-hospitalises"]),
    ("en-retail-breach", 50, "Contrary to what is circulating, hackers do not have full card numbers or PINs. Fraudsters "
     "are calling members, so please hang up on anyone claiming to be us.", ["full-card-numbers"], []),
])
def test_correcting_a_rumour_does_not_deny_the_fact_stated_beside_it(name, minute, text, corrected, owned):
    """"No one died; three employees were hospitalised" corrects the rumour of deaths and states the
    hospitalisations: it was heard as calling that true claim false too — a U-turn, "stop denying
    it", the apology's calm lost. A correction bears on the sentences that correct or deny."""
    model = CrisisModel(name, rng=1, population=2000)
    model.post(text=text, platform="twitter", t_min=minute)
    model.run_for(minute + 1)
    record = model.messages[0]
    event = next(e for e in model.events if e["source"] == "message")
    assert record.corrects == corrected
    assert not record.contradicts_true_claim and not any("true claim" in r for r in record.reasons), record.reasons
    assert event["owns"] == owned


def test_saying_what_was_not_taken_corrects_the_rumour_that_it_was(en_scenario):
    """A breach's rumour rebutted the way a statement does it, without "false" or "rumour": the
    card numbers were not taken. The crowd hears a correction of that rumour, not of the others."""
    model = CrisisModel(en_scenario, rng=1, population=2000)
    model.post(text="We are sorry. Card numbers were not taken, but names and emails were. "
                    "Change your Bright Rewards password now.", platform="twitter", t_min=30)
    model.run_for(31)
    assert model.messages[0].corrects == ["full-card-numbers"]


def test_denying_a_rumour_fits_but_denying_the_crisis_does_not():
    crisis = state(facts=True)
    assert assess("deny", "factual", crisis, [], refutes_rumour=True).calm > 0
    assert assess("deny", "factual", crisis, []).calm < 0


def test_shrinking_a_false_rumour_of_the_harm_is_no_evasion():
    """"No deaths" against a rumour of two is read as diminishing (a correction of the harm's extent),
    but it corrects: no evasion's anger, a rumour crisis's fit. Shrinking the harm itself still is."""
    crisis = state()
    shrinking = assess("diminish", "factual", crisis, [])
    correcting = assess("diminish", "factual", crisis, [], refutes_rumour=True)
    assert "anger" in shrinking.shocks and "anger" not in correcting.shocks
    assert correcting.calm > 0 > shrinking.calm
    assert any("false rumour" in r for r in correcting.reasons)


NEW_PLATFORM = """
[scenario]
id = "tiktok"
title = "A platform added by a designer"
language = "en"
crisis_type = "accidental"
organisation = "Acme"
duration_min = 60

[population]
size = 3000

[[platforms]]
name = "tiktok"
label = "TikTok"
style = "photo"
presence = { public = 0.7, student = 0.95 }
reach = 1.5

[[platforms]]
name = "viadeo"
style = "professional"
presence = { employee = 0.5, public = 0.05 }

[[personas]]
id = "acme"
name = "Acme"
handle = "@acme"
group = "organisation"
platforms = ["tiktok", "viadeo"]

[[injects]]
at = 2
text = "A video shows smoke over the Acme warehouse"
shock = { fear = 0.4, mockery = 0.2 }
reach = 0.5
"""


def test_a_designer_adds_a_platform_without_code():
    model = CrisisModel(parse_scenario(NEW_PLATFORM, source="tiktok.toml"), rng=1)
    model.post(text="We are sorry for the smoke; the site is safe and we are helping neighbours.", platform="viadeo",
               t_min=20)
    model.run_for(60)
    frame = model.reactions_frame()
    assert set(frame.platform) == {"tiktok", "viadeo"}
    students = frame[frame.author_group == "student"]
    assert (students.platform == "tiktok").mean() > 0.8
