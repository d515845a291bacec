"""What the organisation's conduct does to the crowd: base responses, secondary strategies,
promises kept and broken, holding statements, a trainer's correction of a reading.

Crowd-level claims are checked over several seeds on small crowds, with margins that
seed noise does not cross; the SCCT rules themselves on the pure `assess`.
"""

from __future__ import annotations

import numpy as np
import pytest
from conftest import SEEDS, run_model, window_mean

from uproar import CrisisModel, classify_message
from uproar.model.commitments import Commitment
from uproar.model.conduct import GRACE_MIN, Conduct, Statement, broken_promise_text
from uproar.model.inputs import InputError, dump_inputs, parse_input, read_inputs
from uproar.model.response import CrisisState, Said, assess
from uproar.report.impact import without_input
from uproar.report.words import reason

PLATFORMS = ["twitter", "facebook"]
INSTRUCTING = ("Fuite sur notre site de Valmont : restez chez vous, fenêtres fermées, ne buvez pas l'eau du "
               "robinet. Prochain point à 11h.")
NO_INSTRUCTIONS = "Un incident est en cours sur notre site de Valmont. Nous vérifions la situation. Prochain point à 11h."
APOLOGY = "Nous présentons nos excuses aux habitants de Valmont. Nous avons arrêté l'unité en cause."
APOLOGY_WITH_CONCERN = (APOLOGY + " Nos pensées vont aux familles, nous mesurons votre inquiétude et votre colère.")
PROMISE = APOLOGY + " Nouveau point de situation dans 30 minutes."
FOLLOW_UP = ("Comme annoncé, voici le point de situation : les vérifications se poursuivent sur le site avec les "
             "pompiers. Nous reviendrons vers vous dès que nous en saurons plus.")


def message(text: str, at: int, **kw) -> dict:
    return {"text": text, "t_min": at, "platforms": PLATFORMS, **kw}


def state(crisis_type="preventable", responsibility=0.7, minute=30, onset=5, first_media=10, facts=False,
          safety_risk=False, instructed=False):
    return CrisisState(crisis_type, responsibility, minute, onset, first_media, facts, safety_risk, instructed)


# ---------------------------------------------------------------------------- the readings used below
def test_the_messages_below_are_read_as_intended():
    assert classify_message(INSTRUCTING).base_responses == ("instructing",)
    assert classify_message(NO_INSTRUCTIONS).base_responses == ()
    assert classify_message(APOLOGY).base_responses == ()
    assert "adjusting" in classify_message(APOLOGY_WITH_CONCERN).base_responses
    assert classify_message(APOLOGY_WITH_CONCERN).strategy == classify_message(APOLOGY).strategy == "rebuild"
    assert [c.due_min for c in classify_message(PROMISE).commitments] == [30]
    assert classify_message(APOLOGY).commitments == ()
    assert classify_message(FOLLOW_UP).holding


# ---------------------------------------------------------------------------- base responses
def test_instructing_information_lowers_fear(fr_scenario):
    """Same minute, same kind of holding statement; one says what to do to be safe."""
    for seed in SEEDS:
        told = run_model(fr_scenario, seed, 46, [message(INSTRUCTING, 25)])
        untold = run_model(fr_scenario, seed, 46, [message(NO_INSTRUCTIONS, 25)])
        # in the twenty minutes after the message (observed: 0.012–0.013 less fear)
        assert window_mean(told, "public", "fear", 26, 46) < window_mean(untold, "public", "fear", 26, 46) - 0.006


def test_adjusting_information_softens_anger(fr_scenario):
    """Pooled over six seeds: the effect (0.006 less anger on average) is the size of one run's
    noise after a message (one seed in eight shows none), not of six runs'."""
    softer = []
    for seed in (1, 2, 3, 4, 5, 6):
        caring = run_model(fr_scenario, seed, 46, [message(APOLOGY_WITH_CONCERN, 25)])
        plain = run_model(fr_scenario, seed, 46, [message(APOLOGY, 25)])
        softer.append(window_mean(plain, "public", "anger", 26, 46) - window_mean(caring, "public", "anger", 26, 46))
    # in the twenty minutes after the message (observed: 0.0065 less anger on average, −0.001–0.011 by seed)
    assert np.mean(softer) > 0.003, softer


def test_missing_instructions_cost_only_where_safety_is_at_risk():
    risky, safe = state(minute=5, safety_risk=True), state(minute=5, safety_risk=False)
    assert assess("rebuild", "factual", risky, []).calm < assess("rebuild", "factual", safe, []).calm - 0.2
    told = Said(base_responses=("instructing",))
    assert assess("rebuild", "factual", risky, [], said=told).calm > assess("rebuild", "factual", risky, []).calm
    assert assess("rebuild", "factual", risky, [], said=told).shocks["fear"] < 0
    # once instructions were given, a later message need not repeat them
    assert assess("rebuild", "factual", state(minute=5, safety_risk=True, instructed=True), []).calm == pytest.approx(
        assess("rebuild", "factual", safe, []).calm)


def test_a_secondary_strategy_adds_part_of_its_effect():
    crisis = state("accidental", 0.5)
    plain = assess("rebuild", "factual", crisis, []).calm
    with_bolster = assess("rebuild", "factual", crisis, [], said=Said(secondary="bolster")).calm
    with_denial = assess("rebuild", "factual", crisis, [], said=Said(secondary="deny")).calm
    assert with_denial < plain < with_bolster
    # part of it, not all of it
    assert with_bolster - plain < assess("bolster", "factual", crisis, []).calm


def test_a_hesitant_reading_is_taken_both_ways():
    """"uncertain: diminish or rebuild" moves the crowd between the two, in proportion, and the
    runner-up never outweighs the reading shown."""
    crisis = state("preventable", 0.7)
    sure = {s: assess(s, "factual", crisis, []) for s in ("diminish", "rebuild")}
    torn = assess("diminish", "factual", crisis, [], said=Said(doubt=("rebuild", 0.5, 0.4)))
    leaning = assess("diminish", "factual", crisis, [], said=Said(doubt=("rebuild", 0.5, 0.1)))
    assert sure["diminish"].calm < leaning.calm < torn.calm < sure["rebuild"].calm
    assert 0 < torn.shocks["anger"] < sure["diminish"].shocks["anger"]  # evasion, in part
    overruled = assess("rebuild", "factual", crisis, [], said=Said(doubt=("diminish", 0.02, 0.95)))
    assert overruled.calm >= (sure["rebuild"].calm + sure["diminish"].calm) / 2 - 1e-9
    both = next(r for r in torn.reasons if "both ways" in r)
    assert "deux sens" in reason(both, "fr")  # the debrief says it in the report's language


HESITANT = "Mistakes may have been made; our teams did their best in difficult conditions."


def test_the_crowd_takes_a_hesitant_message_both_ways(en_scenario):
    """The reader hesitates between diminish and rebuild: once the crisis is preventable, the crowd's
    anger falls between what each reading alone would raise; a trainer who settles the reading
    settles the crowd's."""
    reading = classify_message(HESITANT)
    assert reading.uncertain and (reading.strategy, reading.alternatives[0][0]) == ("diminish", "rebuild")
    for seed in SEEDS:
        anger = {}
        for name, kw in (("read", {}), ("diminish", {"strategy": "diminish"}), ("rebuild", {"strategy": "rebuild"})):
            model = run_model(en_scenario, seed, 120, [message(HESITANT, 90, **kw)])
            anger[name] = window_mean(model, None, "anger", 91, 120)
        # observed: 0.030–0.040 below diminish, 0.006–0.011 above rebuild
        assert anger["diminish"] - 0.015 > anger["read"] > anger["rebuild"] + 0.003
    model = CrisisModel(en_scenario, rng=1, population=3000)
    model.submit({"type": "message", **message(HESITANT, 90)})
    model.run_for(92)
    model.submit({"type": "reading", "t_min": 92, "seq": model.messages[0].seq, "strategy": "diminish"})
    model.run_for(1)
    record = model.messages[0]
    settled = Said(record.secondary, record.base_responses, record.holding, bool(record.commitments), record.kept)
    assert record.calm == pytest.approx(assess("diminish", record.tone, record.crisis, [], said=settled).calm)
    assert not any("both ways" in r for r in record.reasons)


def test_in_a_preventable_crisis_diminishing_does_clearly_worse_than_rebuilding(fr_scenario):
    assert fr_scenario.scenario.crisis_type == "preventable"
    for seed in SEEDS:
        diminish = run_model(fr_scenario, seed, 85, [message(APOLOGY, 25, strategy="diminish", tone="factual")])
        rebuild = run_model(fr_scenario, seed, 85, [message(APOLOGY, 25, strategy="rebuild", tone="factual")])
        assert window_mean(diminish, None, "anger", 26, 85) > window_mean(rebuild, None, "anger", 26, 85) + 0.02


def test_a_good_holding_statement_in_the_first_hour_is_not_a_denial():
    early = state(minute=20)
    holding = assess("no_comment", "factual", early, [], said=Said(base_responses=("instructing",), holding=True))
    refusal = assess("no_comment", "factual", early, [])
    assert holding.calm > 0 > refusal.calm
    aware = assess("no_comment", "factual", early, [], said=Said(holding=True))  # "we are aware, we are checking"
    assert refusal.calm < aware.calm < holding.calm
    late = assess("no_comment", "factual", state(minute=200), [], said=Said(holding=True))
    assert late.calm < holding.calm
    # apologising after a holding statement is not a change of story, nor after a bare refusal (no story
    # was told); after a denial it is
    assert not assess("rebuild", "empathetic", state(), ["holding"]).contradiction
    assert assess("rebuild", "empathetic", state(), ["deny"]).contradiction


# ---------------------------------------------------------------------------- promises
@pytest.fixture(scope="module")
def promise_runs(fr_scenario):
    return {
        seed: {
            "broken": run_model(fr_scenario, seed, 100, [message(PROMISE, 25)]),
            "none": run_model(fr_scenario, seed, 100, [message(APOLOGY, 25)]),
            "kept": run_model(fr_scenario, seed, 100, [message(PROMISE, 25), message(FOLLOW_UP, 50)]),
            "none_then_update": run_model(fr_scenario, seed, 100, [message(APOLOGY, 25), message(FOLLOW_UP, 50)]),
        }
        for seed in SEEDS
    }


def test_a_broken_promise_raises_anger_after_its_time(promise_runs):
    for runs in promise_runs.values():
        broken, none = runs["broken"], runs["none"]
        assert [p.status for p in broken.conduct.promises] == ["broken"]
        due = 56 + GRACE_MIN  # due at 55, broken once its grace has passed
        assert broken.conduct.promises[0].closed_at == due
        # no difference before the promise falls due (replies quote the promise, so the texts differ
        # a little: well within run-to-run noise), a clear one after
        assert window_mean(broken, None, "anger", 30, 55) == pytest.approx(window_mean(none, None, "anger", 30, 55),
                                                                           abs=0.004)
        assert window_mean(broken, None, "anger", due, 100) > window_mean(none, None, "anger", due, 100) + 0.015
        events = [e for e in broken.events if e["source"] == "promise"]
        assert events and events[0]["status"] == "broken" and events[0]["t_min"] == due
        assert events[0]["item"] is not None  # a journalist says so


def test_a_kept_promise_does_not_raise_anger(promise_runs):
    excess, below_broken = [], []
    for runs in promise_runs.values():
        kept = runs["kept"]
        assert kept.conduct.promises[0].status == "kept"  # (the follow-up makes an open promise of its own)
        assert kept.conduct.promises[0].kept_by == kept.messages[1].seq
        assert any("keeps an earlier promise" in r for r in kept.messages[1].reasons)
        after = window_mean(kept, None, "anger", 56, 100)
        below_broken.append(window_mean(runs["broken"], None, "anger", 56, 100) - after)
        excess.append(after - window_mean(runs["none_then_update"], None, "anger", 56, 100))
    # below the broken promise's anger on every seed, by 0.02 to 0.05 (0.033 on average, seeds 1–3;
    # a seed's noise is about ±0.01)
    assert min(below_broken) > 0.01 and sum(below_broken) / len(below_broken) > 0.02, below_broken
    # against the same messages without the promise: no rise beyond run-to-run noise (about ±0.01 a seed),
    # where a broken promise adds four times that
    assert sum(excess) / len(excess) < 0.008, excess


def test_an_instruction_with_a_time_is_no_promise_to_break(fr_scenario):
    """"Ne buvez pas l'eau du robinet avant demain", "changez votre mot de passe dès aujourd'hui": the
    time is the reader's deadline. Nothing falls due, so no journalist reports a broken promise."""
    instructions = (APOLOGY + " Changez votre mot de passe dès aujourd'hui. Merci de ne pas vous rendre sur place "
                    "avant 16h. Ne buvez pas l'eau du robinet avant demain.")
    model = run_model(fr_scenario, SEEDS[0], 100, [message(instructions, 25)])
    assert model.messages[0].base_responses == ("instructing",)
    assert model.conduct.promises == []
    assert not [e for e in model.events if e["source"] == "promise"]


def test_promises_are_kept_by_naming_them_again_and_broken_by_the_clock():
    conduct = Conduct(onset=0)
    conduct.said(Statement(10, 5, "rebuild", None, "factual", (), False, 0.5),
                 [Commitment("We will refund every customer.", "by 6pm", 60, "action"),
                  Commitment("A hotline opens today.", None, None, "action")], [])
    assert [p.due_at for p in conduct.promises] == [65, None]
    assert conduct.delivered_by("the weather is calm", 20, 11) == []
    kept = conduct.delivered_by("refunds: every customer has now been refunded", 30, 12)
    assert [p.text for p in kept] == ["We will refund every customer."]
    assert conduct.fall_due(200) == []  # kept, and the hotline had no time
    assert conduct.summary(200)["promises"] == {"pending": 1, "kept": 1, "broken": 0}


@pytest.mark.parametrize(("lang", "promise", "unrelated", "delivery"), [
    ("en", "Any member who lost money to a scam will be refunded in full.",
     "Our file-transfer server was not patched. That was wrong, and I take full responsibility.",
     "The first refunds were paid this morning."),
    ("fr", "Tous les frais médicaux des habitants seront remboursés intégralement.",
     "Nous avons intégralement revu nos procédures de sécurité.",
     "Les premiers remboursements de frais médicaux sont partis ce matin."),
])
def test_a_promise_is_not_kept_by_a_word_it_shares_in_passing(lang, promise, unrelated, delivery):
    """"Refunded in full" is not delivered by "I take full responsibility": words of degree ("full",
    « intégralement ») and of who is concerned say nothing of what was promised."""
    from uproar.model.classify import _normalise

    conduct = Conduct(onset=0)
    conduct.said(Statement(10, 5, "rebuild", None, "factual", (), False, 0.5),
                 [Commitment(promise, None, None, "action")], [])
    assert conduct.delivered_by(_normalise(unrelated)[0], 30, 11) == []
    assert [p.text for p in conduct.delivered_by(_normalise(delivery)[0], 40, 12)] == [promise]


def promise_status(scenario: str, promise: str, *later: str, minutes: int = 80) -> str:
    """What became of the first promise of `promise` (posted at minute 5) once `later` messages came
    at minutes 20 and 30 and the run reached `minutes`."""
    model = CrisisModel(scenario, rng=SEEDS[0], population=1000)
    for t, text in zip((5, 20, 30), (promise, *later), strict=False):
        model.post(text=text, platforms=["twitter"], t_min=t)
    model.run_for(minutes)
    return model.conduct.promises[0].status


@pytest.mark.parametrize(("scenario", "promise", "unrelated", "delivery"), [
    ("en-retail-breach", "We will publish a full update on which customer data was exposed by 10 am.",
     "We got this wrong and we are sorry. Every affected customer gets free credit monitoring.",
     "The exposed files hold names, email addresses and points balances."),
    ("fr-usine-chimique", "Nous ferons un point sur les prélèvements d'air à 10h.",
     "Nous présentons nos excuses aux riverains pour la gêne occasionnée.",
     "Les prélèvements d'air réalisés ce matin sont conformes aux normes."),
])
def test_an_update_on_a_subject_is_kept_by_speaking_of_it_and_not_broken_by_other_news(
        scenario, promise, unrelated, delivery):
    """"An update on which data was exposed" is not delivered by an apology; but a message in time
    that only misses its words is not called a broken promise either (10 am is minute 60)."""
    assert promise_status(scenario, promise, unrelated) == "pending"
    assert promise_status(scenario, promise, unrelated, delivery) == "kept"
    assert promise_status(scenario, promise) == "broken"  # nothing at all by its time


@pytest.mark.parametrize(("scenario", "promise", "refusal"), [
    ("en-retail-breach", "We are looking into these reports. Next update at 10 am.",
     "As the matter is now with the police, we cannot comment further at this stage."),
    ("fr-usine-chimique", "Nous analysons la situation. Prochain point à 10h.",
     "La justice étant saisie, il ne nous appartient pas de nous exprimer."),
    ("en-retail-breach", "We will publish an update on which member data was affected by 10 am.",
     "Thank you to our store teams, who have kept every Kingsford store open and calm today."),
    ("fr-usine-chimique", "Nous ferons un point sur les prélèvements d'air à 10h.",
     "Chimex remercie chaleureusement les pompiers et ses salariés mobilisés depuis ce matin."),
])
def test_a_refusal_to_comment_or_thanks_are_not_the_promised_update(scenario, promise, refusal):
    """"Next update at 10 am", then "we cannot comment further" (or only thanks to the staff): nothing
    was delivered, and at 10 am the promise is broken, as a journalist would say."""
    model = CrisisModel(scenario, rng=SEEDS[0], population=1000)
    model.post(text=promise, platforms=["twitter"], t_min=5)
    model.post(text=refusal, platforms=["twitter"], t_min=30)
    model.run_for(80)
    assert [p.status for p in model.conduct.promises] == ["broken"]
    assert not [e for e in model.events if e["source"] == "promise" and e.get("status") == "kept"]


@pytest.mark.parametrize(("scenario", "text"), [
    ("en-retail-breach", "We will post an update at 11 am. We will email every member by 6 pm."),
    ("fr-usine-chimique", "Prochain point à 11h. Nous appellerons chaque famille avant 18h."),
])
def test_the_shipped_exercises_start_at_nine_so_a_time_of_day_falls_due_when_it_says(scenario, text):
    """A trainee writes times of day: at minute 10 of an exercise that starts at 9 am, "11 am" is
    minute 120 and "6 pm" lies beyond the exercise — not "in an hour", as for a scenario without a
    clock — so nobody calls the 6 pm promise broken during the exercise."""
    model = CrisisModel(scenario, rng=SEEDS[0], population=3000)
    model.post(text=text, platforms=["twitter"], t_min=10)
    model.run_for(150)
    assert [p.due_at for p in model.conduct.promises] == [120, 540]  # 11:00 and 18:00, minute 0 at 9:00
    assert [p.status for p in model.conduct.promises][1] == "pending"


# ---------------------------------------------------------------------------- the trainer's correction
def test_a_correction_input_names_one_message_and_a_reading():
    assert parse_input({"type": "reading", "seq": 4, "strategy": "rebuild"}).seq == 4
    for bad in ({"type": "reading", "strategy": "rebuild"}, {"type": "reading", "seq": 4},
                {"type": "reading", "seq": 4, "message": 1, "tone": "factual"},
                {"type": "reading", "seq": 4, "strategy": "apologise"}):
        with pytest.raises(InputError):
            parse_input(bad)


def test_a_trainers_correction_changes_the_reading_and_survives_a_replay(fr_scenario, tmp_path):
    def build(inputs):
        model = CrisisModel(fr_scenario, rng=4, population=3000)
        for item in inputs:
            model.submit(item)
        model.run_for(70)
        return model

    said = {"type": "message", **message("Pas de commentaire.", 20)}
    first = build([said])
    seq = first.messages[0].seq
    assert first.messages[0].strategy == "no_comment"
    corrected = build([said,
                       {"type": "reading", "t_min": 30, "seq": seq, "strategy": "rebuild", "tone": "empathetic",
                        "note": "the trainee meant an apology"}])
    record = corrected.messages[0]
    assert (record.strategy, record.tone, record.corrected) == ("rebuild", "empathetic", True)
    assert record.engine["strategy"] == "no_comment"  # the engine's own reading is kept
    assert record.calm > first.messages[0].calm
    event = next(e for e in corrected.events if e["source"] == "reading")
    assert event["engine"]["strategy"] == "no_comment" and event["strategy"] == "rebuild"
    # the correction changes what follows, not what came before
    assert corrected.reactions_frame().query("t_min < 30").equals(first.reactions_frame().query("t_min < 30"))
    assert not corrected.reactions_frame().equals(first.reactions_frame())

    path = tmp_path / "inputs.jsonl"
    dump_inputs(corrected.input_log, path)
    logged = read_inputs(path)
    assert logged[1].type == "reading" and logged[1].message == 0 and logged[1].seq is None
    replay = build(logged)
    assert replay.reactions_frame().equals(corrected.reactions_frame())
    assert [(r.strategy, r.tone, r.calm) for r in replay.messages] == [(r.strategy, r.tone, r.calm)
                                                                      for r in corrected.messages]


def test_a_correction_of_a_message_never_posted_is_logged_and_ignored(fr_scenario):
    model = CrisisModel(fr_scenario, rng=1, population=2000)
    model.submit({"type": "reading", "t_min": 2, "seq": 999, "strategy": "rebuild"})
    model.run_for(4)
    assert any("ignored" in e["label"] for e in model.events if e["source"] == "trainer")


def test_leaving_a_message_out_of_a_replay_renumbers_the_corrections():
    log = [{"type": "message", "text": "a"}, {"type": "message", "text": "b"},
           {"type": "reading", "message": 0, "strategy": "rebuild"},
           {"type": "reading", "message": 1, "strategy": "deny"}]
    assert without_input(log, 0) == [{"type": "message", "text": "b"},
                                     {"type": "reading", "message": 0, "strategy": "deny"}]
    assert without_input(log, None) == log


def test_the_record_dates_missed_deadlines_and_the_journalist_does_not_repeat_the_time():
    conduct = Conduct(onset=0)
    conduct.missed(7)  # a journalist reports it mid-step, without the minute
    conduct.missed(8, minute=40)
    conduct.stamp_missed(33)
    conduct.stamp_missed(50)  # later stamps leave dated deadlines alone
    assert conduct.missed_at == {7: 33, 8: 40}
    assert broken_promise_text("en", "Brightmart", "We will post an update at 3 pm.", "at 3 pm") == (
        'Brightmart promised: "We will post an update at 3 pm". Still nothing.')
    assert broken_promise_text("fr", "Chimex", "Une cellule d'écoute ouvrira", "aujourd'hui") == (
        "Chimex avait promis : « Une cellule d'écoute ouvrira » (aujourd'hui). Toujours rien.")


@pytest.mark.parametrize(("scenario", "promise", "again", "done"), [
    ("en-retail-breach", "We are sorry. Every member who lost money to a scam will be refunded in full.",
     "Our teams are working hard. We will refund every member who lost money to a scam.",
     "The first refunds were paid to members this morning."),
    ("fr-usine-chimique", "Nous présentons nos excuses. Chimex remboursera les frais médicaux des riverains.",
     "Nos équipes sont mobilisées. Nous rembourserons les frais médicaux des riverains.",
     "Les premiers remboursements de frais médicaux sont partis ce matin."),
])
def test_a_promised_action_is_kept_by_its_doing_not_by_being_promised_again(scenario, promise, again, done):
    """"We will refund every member" said again is not the refund: the crowd had called it "A promise
    kept!". "The first refunds were paid this morning" is."""
    assert promise_status(scenario, promise, again) == "pending"
    assert promise_status(scenario, promise, again, done) == "kept"


def test_a_promised_update_is_delivered_near_its_time_not_hours_before():
    """"We will brief you at 2 pm", then a press release at 11:54: the crowd had said "On time, as
    promised". The update is the one that comes near 2 pm; nothing near it, and it is broken."""
    def promised(*later: int) -> Conduct:
        conduct = Conduct(onset=0)
        conduct.said(Statement(10, 60, "no_comment", None, "factual", (), True, 0.3),
                     [Commitment("We will brief you at 2 pm.", "at 2 pm", 180, "update")], [])
        for i, t in enumerate(later):
            conduct.delivered_by("brightmart today announced new measures for its stores", t, 11 + i)
        return conduct

    early = promised(114)
    assert early.promises[0].status == "pending"
    assert [p.status for p in early.fall_due(241 + GRACE_MIN)] == ["broken"]  # nothing came near 2 pm
    near = promised(114, 235)
    assert near.promises[0].status == "kept" and near.promises[0].kept_by == 12


def test_a_promise_kept_a_minute_late_is_kept_and_one_never_kept_breaks_after_its_grace():
    """"Bertrand Maréchal répondra à vos questions en direct à 11 h 15", answered « Comme annoncé, je
    réponds… » at 11:16: the promise had been broken at 11:16 and called out (« Toujours rien ») for a
    quarter of an hour, 24 items in a helper's run. A message within `GRACE_MIN` of the time keeps it."""
    def promised() -> Conduct:
        conduct = Conduct(onset=0)
        conduct.said(Statement(10, 60, "no_comment", None, "factual", (), True, 0.3),
                     [Commitment("Bertrand Maréchal répondra à vos questions en direct à 11 h 15.", "à 11 h 15", 75,
                                 "update")], [])
        return conduct

    due = 60 + 75
    late = promised()
    assert late.fall_due(due + 1) == []
    kept = late.delivered_by("comme annonce, je reponds en direct aux questions d'info24", due + 1, 11)
    assert [p.status for p in kept] == ["kept"]
    silent = promised()
    assert silent.fall_due(due + GRACE_MIN) == []
    assert [p.status for p in silent.fall_due(due + GRACE_MIN + 1)] == ["broken"]
