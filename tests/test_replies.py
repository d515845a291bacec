"""The crowd's words fit what the organisation did: the situation (model/situation.py) and the
replies that read a trainee's message (model/echo.py).

The situation is a pure function of a conduct record, checked on plain `Conduct` objects.
Replies are checked as a reader of the feed would: after an apology naming a remedy the
replies under it name it; after a denial nobody thanks the organisation for owning up; a
promise whose time passes draws talk of the broken promise after its time and not before;
replies pick up the message's own words. Over several seeds, French and English.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pandas as pd
import pytest

from uproar import CrisisModel, classify_message, load_scenario
from uproar.model import echo, situation
from uproar.model.commitments import Commitment
from uproar.model.conduct import GRACE_MIN, Conduct, Statement
from uproar.model.texttable import vocabulary


def said(conduct: Conduct, seq: int, t: int, strategy: str, *, holding: bool = False, base: tuple[str, ...] = (),
         contradiction: bool = False, promises: tuple[Commitment, ...] = (), says: tuple[str, ...] | None = None
         ) -> None:
    """A message with its reading; a rebuilding one says sorry unless `says` tells otherwise."""
    if says is None:
        says = ("apology",) if strategy == "rebuild" else ()
    conduct.said(Statement(seq, t, strategy, None, "factual", base, holding, 0.0, contradiction=contradiction,
                           says=frozenset(says)), promises, [])


# ---------------------------------------------------------------------------- the situation
def test_breaking_then_silent_until_a_deadline_passes_then_until_the_organisation_speaks():
    """Nobody remarks a silence in the first minutes of the news ("still nothing from them" at
    minute 3 would be false), nor before anything has happened."""
    c = Conduct()
    assert situation.current(c, 30) == "breaking"  # calm: no news yet, no silence to remark
    c.onset = 2
    noticed = 2 + situation.NOTICED_AFTER
    assert situation.current(c, 2) == situation.current(c, noticed - 1) == "breaking"
    assert situation.current(c, noticed) == "silent"
    c.missed(3, minute=40)
    assert situation.current(c, 39) == "silent"
    assert situation.current(c, 40) == situation.current(c, 200) == "deadline_missed"
    said(c, 1, 50, "rebuild")
    assert situation.current(c, 51) == "apologised"
    assert situation.current(c, 45) == "deadline_missed"  # the record read at an earlier minute


def test_a_deadline_missed_after_a_message_leaves_the_crowd_on_what_was_said():
    """After an apology, "nobody tells us anything" would be false: a later missed press deadline
    is the journalists' story (their own posts), not the crowd's situation."""
    c = Conduct()
    said(c, 1, 10, "no_comment", holding=True)
    c.missed(0, minute=30)
    assert situation.current(c, 20) == "holding"
    assert situation.current(c, 90) == "holding"
    said(c, 2, 95, "diminish", says=("harm_small",))
    assert situation.current(c, 96) == "diminished"


def test_the_latest_message_is_read_by_its_strategy_and_base_responses():
    cases = [
        (dict(strategy="no_comment", holding=True), "holding"),
        (dict(strategy="no_comment", holding=True, base=("instructing",)), "instructed"),
        (dict(strategy="no_comment", holding=True, says=("news",)), "informed"),  # "the app is back online"
        (dict(strategy="no_comment", holding=True, base=("instructing",), says=("news",)), "instructed"),
        (dict(strategy="no_comment"), "refused"),
        (dict(strategy="no_comment", says=("news",)), "informed"),  # "the leak is stopped": no refusal
        (dict(strategy="no_comment", base=("instructing", "adjusting")), "instructed"),
        (dict(strategy="rebuild", base=("instructing",)), "apologised"),
        (dict(strategy="deny"), "rebutted"),  # "the tap water is safe: tests confirm it" blames nobody
        (dict(strategy="deny", says=("disowned",)), "denied"),  # "our own systems were not breached"
        (dict(strategy="deny", says=("scapegoat",)), "scapegoated"),  # "it happened at our supplier"
        (dict(strategy="deny", says=("threat", "scapegoat")), "threatened"),  # "we will take legal action"
        (dict(strategy="rebuild", says=()), "remedied"),  # refunds, a recall, an audit: no word of sorry
        (dict(strategy="diminish", says=("harm_small",)), "diminished"),  # "a minor incident", "no risk"
        (dict(strategy="diminish", says=("excuse",)), "excused"),  # an accident, beyond our control, procedures followed
        (dict(strategy="diminish"), "downplayed"),  # figures, context: no word of minimising, excuse or news
        (dict(strategy="diminish", says=("excuse", "news")), "excused"),  # "it was the storm; power is back"
        (dict(strategy="diminish", says=("news",)), "informed"),  # « la fuite a été colmatée », read as diminishing
        (dict(strategy="bolster", base=("adjusting",)), "bolstered"),
        (dict(strategy="bolster", says=("victimage",)), "victimised"),  # "we too were attacked"
        (dict(strategy="bolster", says=("ingratiation",)), "thanked"),  # "we thank the firefighters"
        (dict(strategy="bolster", says=("news",)), "informed"),  # "every desk now has extra staff": no record recalled
    ]
    for kw, expected in cases:
        c = Conduct()
        said(c, 1, 10, **kw)
        assert situation.current(c, 10) == expected, kw
        assert situation.index(c, 10) == situation.SITUATIONS.index(expected)


def test_a_contradiction_holds_for_a_while_then_the_reading_returns():
    c = Conduct()
    said(c, 1, 10, "rebuild")
    said(c, 2, 30, "deny", contradiction=True)
    hold = situation.HOLD["contradicted"]
    assert situation.current(c, 30) == situation.current(c, 30 + hold - 1) == "contradicted"
    assert situation.current(c, 30 + hold) == "rebutted"
    assert situation.current(c, 20) == "apologised"
    c = Conduct()
    said(c, 1, 10, "deny")
    said(c, 2, 30, "rebuild", contradiction=True)  # an apology after a denial: a U-turn towards the facts
    assert situation.current(c, 30) == "came_round" and situation.current(c, 30 + hold) == "apologised"


def test_a_broken_promise_holds_for_a_while_and_a_new_message_ends_it():
    c = Conduct()
    said(c, 1, 10, "rebuild", promises=(Commitment("Update at 3 pm.", "at 3 pm", 60, "update"),))
    late = 71 + GRACE_MIN  # due at minute 70: broken once its grace has passed too
    assert c.fall_due(late - 1) == []
    assert [p.status for p in c.fall_due(late)] == ["broken"]
    hold = situation.HOLD["promise_broken"]
    assert situation.current(c, late - 1) == "apologised"
    assert situation.current(c, late) == situation.current(c, late + hold - 1) == "promise_broken"
    assert situation.current(c, late + hold) == "apologised"
    said(c, 2, 80, "no_comment", holding=True)
    assert situation.current(c, 80) == "holding"


def test_a_kept_promise_is_heard_as_such_then_as_the_message_that_kept_it():
    c = Conduct()
    said(c, 1, 10, "no_comment", holding=True, promises=(Commitment("Next update in 30 minutes.", "in 30 minutes", 30,
                                                                    "update"),))
    kept = c.delivered_by("here is the update we promised", 25, 2)
    said(c, 2, 25, "rebuild")
    assert [p.status for p in kept] == ["kept"]
    hold = situation.HOLD["promise_kept"]
    assert situation.current(c, 25) == "promise_kept"  # same minute: the fact wins over the reading
    assert situation.current(c, 25 + hold) == "apologised"


def test_the_latest_salient_fact_wins():
    c = Conduct()
    said(c, 1, 10, "rebuild", promises=(Commitment("Update in 20 minutes.", "in 20 minutes", 20, "update"),))
    c.fall_due(31 + GRACE_MIN)  # due at 30, broken once its grace has passed
    said(c, 2, 36 + GRACE_MIN, "deny", contradiction=True)  # then a U-turn
    assert situation.current(c, 33 + GRACE_MIN) == "promise_broken"
    assert situation.current(c, 37 + GRACE_MIN) == "contradicted"


# ---------------------------------------------------------------------------- replies that read the message
# Phrases that thank the organisation for owning up or apologising: never true after a denial.
# One list per language, kept here so that every test reads the same.
OWNING_UP = {
    "en": re.compile(r"owning up|owned up|thank\w*(?: you)? for (?:the |your )?(?:apolog|saying sorry|admitting)"
                     r"|that's how you apologise|you said sorry|they apologi[sz]ed|real apology", re.I),
    "fr": re.compile(r"merci d'assumer|merci (?:pour|de) (?:vos|ces|les|avoir présenté des) excuses"
                     r"|comment on présente des excuses|vous vous excusez|ils se sont excusés|de vraies excuses", re.I),
}
#: A broken promise named: the promise's time, and words saying it did not come.
BROKEN = {
    "en": re.compile(r"still nothing|still waiting|well past|came and went|where is|never happened|rings out"
                     r"|as promised|still refreshing|you promised|they promised", re.I),
    "fr": re.compile(r"toujours rien|attend toujours|largement passé|est passée|il est où|rien n'est venu"
                     r"|sonne dans le vide|plus de 15h|comme promis|point promis|aviez promis|avaient promis", re.I),
}
#: Replies that point out a missing apology, and replies that point out a change of story.
NO_APOLOGY = {"en": re.compile(r"no apology|word of apology|not even a \"sorry\"|the word \"sorry\"|simple \"sorry\"", re.I),
              "fr": re.compile(r"pas d'excuses|mot d'excuse|pas un « désolé »|le mot « excuses »|simple « désolé »", re.I)}
U_TURN = {"en": re.compile(r"now another|said before|u-turn|changed their story|the opposite|something else earlier", re.I),
          "fr": re.compile(r"puis une autre|disiez avant|volte-face|changé de version|l'inverse|autre chose tout à l'heure",
                           re.I)}
SCENARIO = {"en": "en-retail-breach", "fr": "fr-usine-chimique"}
APOLOGY_REMEDY = {
    "en": "We are sorry. Every member affected will get a full refund of this year's fee, and a free hotline is open "
          "on 0800 123 456.",
    "fr": "Nous présentons nos excuses aux habitants. Une cellule d'écoute est ouverte au 0800 100 200 et nous "
          "rembourserons les frais médicaux.",
}
APOLOGY_BARE = {"en": "We are sorry for what happened and for the worry it causes.",
                "fr": "Nous présentons nos excuses aux habitants pour ce qui s'est passé."}
REMEDY = {"en": re.compile(r"hotline|refund", re.I), "fr": re.compile(r"cellule d'écoute|rembours", re.I)}
DENIAL = {"en": "Brightmart's own systems were not breached. The claims circulating online are false.",
          "fr": "Aucune fuite toxique n'a eu lieu sur notre site. Les rumeurs sont infondées."}
DIMINISH = {"en": "This is a minor incident affecting a small number of accounts. There is no cause for concern.",
            "fr": "Il s'agit d'un incident mineur, sans danger pour la population."}
PROMISE = {"en": "We are sorry for the worry this causes. We will post an update in 30 minutes.",
           "fr": "Nous sommes désolés pour l'inquiétude causée. Nouveau point de situation dans 30 minutes."}
PROMISE_NAMED = {"en": re.compile(r"30 minutes|update", re.I), "fr": re.compile(r"30 minutes|point", re.I)}
SEEDS = (1, 2)
CROWD = 4000


def run(lang: str, seed: int, minutes: int, *messages: tuple[int, str]) -> tuple[CrisisModel, pd.DataFrame]:
    model = CrisisModel(SCENARIO[lang], rng=seed, population=CROWD)
    for t, text in messages:
        model.post(text=text, t_min=t)
    model.run_for(minutes)
    return model, model.reactions_frame()


def under(frame: pd.DataFrame, model: CrisisModel, index: int = 0, kind: str = "reply") -> pd.DataFrame:
    seq = model.messages[index].seq
    return frame[(frame.parent_seq == seq) & (frame.kind == kind)]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_replies_under_an_apology_name_its_remedy(lang):
    for seed in SEEDS:
        model, frame = run(lang, seed, 50, (15, APOLOGY_REMEDY[lang]))
        replies = under(frame, model)
        assert len(replies) >= 25, len(replies)
        named = replies.text.str.contains(REMEDY[lang]).mean()
        # observed 0.37–0.67 over seeds 1–3: the remedy, or the clause that names it
        assert named >= 0.25, (seed, named)
        model, frame = run(lang, seed, 50, (15, APOLOGY_BARE[lang]))
        assert under(frame, model).text.str.contains(REMEDY[lang]).mean() < 0.02  # nothing to name, none named


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_after_a_denial_nobody_thanks_the_organisation_for_owning_up(lang):
    for seed in SEEDS:
        model, frame = run(lang, seed, 90, (15, DENIAL[lang]))
        said = frame[frame.t_min >= 15]
        assert len(under(frame, model)) >= 30
        assert not said.text.str.contains(OWNING_UP[lang]).any(), said.text[said.text.str.contains(OWNING_UP[lang])]
    # the word list is not vacuous: after an apology, some people do thank them for it (about 4 replies
    # a seed in French, 8 in English, 1 to 10 per seed: four seeds, so that one quiet seed is not a failure)
    thanked = 0
    for seed in range(1, 5):
        model, frame = run(lang, seed, 50, (15, APOLOGY_REMEDY[lang]))
        thanked += under(frame, model).text.str.contains(OWNING_UP[lang]).sum()
    assert thanked >= 8


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_broken_promise_is_talked_about_after_its_time_and_not_before(lang):
    for seed in SEEDS:
        model, frame = run(lang, seed, 90, (15, PROMISE[lang]))
        broken = [e for e in model.events if e["source"] == "promise" and e.get("status") == "broken"]
        due = 46 + GRACE_MIN  # due at 15 + 30, broken once its grace has passed
        assert [e["t_min"] for e in broken] == [due]
        crowd = frame[frame.author_group != "journalist"]
        talk = crowd[crowd.text.str.contains(BROKEN[lang]) & crowd.text.str.contains(PROMISE_NAMED[lang])]
        assert (talk.t_min < due).sum() == 0
        after = talk[talk.t_min < due + 30]
        assert len(after) >= 10, len(after)  # observed 14–34 in the half hour after, seeds 1–3
        # not only under the message: posts elsewhere too
        assert (after.kind == "post").sum() >= 3  # observed 5–17


def test_the_broken_promise_talk_stops_when_the_organisation_speaks_again():
    for seed in SEEDS:
        frame = run("en", seed, 110, (15, PROMISE["en"]), (60, DENIAL["en"]))[1]
        crowd = frame[frame.author_group != "journalist"]
        talk = crowd[crowd.text.str.contains(BROKEN["en"]) & crowd.text.str.contains(PROMISE_NAMED["en"])]
        assert ((talk.t_min >= 46) & (talk.t_min < 60)).sum() >= 5  # broken at 46
        assert (talk.t_min >= 61).sum() == 0  # the organisation spoke again at 60: people moved on


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_trainers_correction_changes_what_replies_say(lang):
    """An apology the trainer re-reads as a denial: from then on nobody thanks them for owning up."""
    for seed in SEEDS:
        model = CrisisModel(SCENARIO[lang], rng=seed, population=CROWD)
        model.post(text=APOLOGY_REMEDY[lang], t_min=15)
        model.run_for(16)
        model.submit({"type": "reading", "seq": model.messages[0].seq, "strategy": "deny", "t_min": 16})
        model.run_for(44)
        replies = under(model.reactions_frame(), model)
        owning = replies.text.str.contains(OWNING_UP[lang])
        assert not owning[replies.t_min >= 17].any()
        assert len(replies[replies.t_min >= 17]) >= 20


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_u_turn_is_called_out_and_an_earlier_apology_is_not_forgotten(lang):
    for seed in SEEDS:
        model, frame = run(lang, seed, 60, (15, APOLOGY_BARE[lang]), (30, DENIAL[lang]))
        assert model.conduct.statements[1].contradiction
        replies = under(frame, model, index=1)
        assert replies.text.str.contains(U_TURN[lang]).sum() >= 3
        assert not replies.text.str.contains(NO_APOLOGY[lang]).any()  # they did apologise, at T+15
        # the same denial with no apology before: a missing apology is noticed, and no U-turn
        model, frame = run(lang, seed, 60, (30, DENIAL[lang]))
        alone = under(frame, model)
        assert alone.text.str.contains(NO_APOLOGY[lang]).sum() >= 3
        assert not alone.text.str.contains(U_TURN[lang]).any()


def _pieces(text: str, lang: str) -> set[str]:
    """What a reply picking up the message's words repeats, lowercased: its numbers, its word pairs and
    its words of five letters or more — none that the reply templates or the organisation's name hold."""
    path = Path(echo.__file__).parent / "phrases" / lang / "message.toml"
    templates = "\n".join(line for line in path.read_text(encoding="utf-8").lower().splitlines()
                          if not line.lstrip().startswith("#"))
    org = load_scenario(SCENARIO[lang]).scenario.organisation.lower()
    words = re.findall(r"[\w’-]+", text.lower())
    pieces = {f"{a} {b}" for a, b in itertools.pairwise(words) if len(a) + len(b) >= 7}
    pieces |= {w for w in words if len(w) >= 5 or w.isdigit()}
    return {p for p in pieces if p not in templates and org not in p}


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("which", ["denial", "diminish"])
def test_replies_pick_up_the_words_of_the_message(lang, which):
    text = {"denial": DENIAL, "diminish": DIMINISH}[which][lang]
    pieces = _pieces(text, lang)
    assert len(pieces) >= 4, pieces
    for seed in SEEDS:
        model, frame = run(lang, seed, 50, (15, text))
        replies = under(frame, model)
        assert len(replies) >= 25
        low = replies.text.str.lower()
        share = low.apply(lambda t: any(p in t for p in pieces)).mean()
        assert share >= 0.3, (seed, share)  # observed 0.40–0.69 over seeds 1–3


@pytest.mark.parametrize(("text", "figures"), [
    ("Brightmart has served Kingsford families for 40 years.", ()),
    ("3 employees were taken to hospital; 4.2 million members are affected.", ("3 employees", "4.2 million members")),
    ("Chimex est présent à Valmont depuis 42 ans, et depuis 6 mois sur le nouveau site.", ()),
    ("3 salariés ont été hospitalisés.", ("3 salariés",)),
    # a time, a date or a name's number counts nothing ("24 outside, and you expect us to stay calm?")
    ("Caroline Ashdown will speak to NewsNow 24 outside our head office at 12 noon.", ()),
    ("Le détecteur était signalé défaillant depuis le 3 mars ; 200 riverains ont été évacués.", ("200 riverains",)),
    ("Flight 212 landed safely; 180 passengers were checked.", ("180 passengers",)),
])
def test_a_figure_is_a_count_not_a_duration(text, figures):
    """Replies ask of a figure "is that final, or will it go up?": of "3 employees", not of the
    "40 years" a reminder of the record gives, nor of "3 employees were"."""
    reading = classify_message(text)
    assert echo.read_words(text, reading, reading.strategy, False, True).figures == figures


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_shares_of_a_message_carry_its_text(lang):
    model, frame = run(lang, 1, 50, (15, DENIAL[lang]))
    shares = under(frame, model, kind="share")
    assert len(shares) >= 5
    opening = DENIAL[lang][:40]
    assert shares.text.str.contains(opening, regex=False).all()


INSTRUCTIONS = {"en": "We are sorry. Customer emails were accessed. Please change your Bright Rewards password now and "
                      "beware of emails asking for your details.",
                "fr": "Nous présentons nos excuses. Restez chez vous, fenêtres fermées, jusqu'à nouvel ordre."}
FOLLOW_UP = {"en": "As promised, every Bright Rewards member has now been emailed with what was accessed.",
             "fr": "Comme promis, nos équipes restent mobilisées auprès de chaque famille du quartier."}
ASKS_WHAT_TO_DO = {
    "en": r"what (?:do|should) we do|don't tell (?:them|us) what to do|you don't say|how to protect ourselves|what we should do",
    "fr": r"on fait quoi|quoi faire|ne (?:leur|nous) dites pas|comment se protéger|que faire|ce qu'on doit faire",
}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_once_told_what_to_do_nobody_asks_it_under_a_later_message(lang):
    """Instructions stand until withdrawn: under a follow-up that repeats none, "and what do we do?",
    "you don't tell us how to protect ourselves" would be false. Without the earlier instructions,
    the same follow-up draws the question."""
    asks = re.compile(ASKS_WHAT_TO_DO[lang], re.IGNORECASE)
    told, untold = [], []
    for seed in SEEDS:
        model, frame = run(lang, seed, 90, (20, INSTRUCTIONS[lang]), (60, FOLLOW_UP[lang]))
        told += [t for t in under(frame, model, 1).text if asks.search(t)]
        model, frame = run(lang, seed, 90, (60, FOLLOW_UP[lang]))
        untold += [t for t in under(frame, model, 0).text if asks.search(t)]
    assert not told, told[:5]
    assert len(untold) >= 5, untold


def test_a_replay_gives_the_same_texts():
    messages = ((15, PROMISE["en"]), (60, DENIAL["en"]))
    first = run("en", 3, 80, *messages)[1]
    second = run("en", 3, 80, *messages)[1]
    assert first.text.tolist() == second.text.tolist()
    assert first.equals(second)


# ---------------------------------------------------------------------------- the template files
def test_the_shipped_reply_templates_load_and_give_enough_replies():
    for lang in ("en", "fr"):
        reading = classify_message(APOLOGY_REMEDY[lang])
        words = echo.read_words(APOLOGY_REMEDY[lang], reading, reading.strategy, reading.holding, True)
        assert words.remedies and words.phones
        vocab = vocabulary(load_scenario(SCENARIO[lang]), lang)
        for emotion in ("approval", "fear", "anger", "mockery"):
            cell = echo.replies(words, lang, emotion, vocab, "@org")
            texts = cell.texts
            assert 8 <= len(cell.lines) <= echo.MOST, (lang, emotion, len(cell.lines))  # observed 8–22
            # enough for a large crowd's replies within the hour, all different
            assert len(set(texts)) == len(texts) >= 250, (lang, emotion, len(texts))  # observed 288–776
            assert not any("{" in t or "}" in t for t in texts)


def test_a_malformed_template_file_gets_a_clear_message():
    bad = '[[reply]]\nemotions = ["anger"]\nlines = ["ok"]\n\n[[reply]]\nemotions = ["joy"]\nneeds = ["remedy"]\n' \
          'lines = ["{the_remedy} and {cue}"]\n'
    with pytest.raises(echo.MessagePhraseError) as err:
        echo.parse_bank(bad, "my/message.toml")
    text = str(err.value)
    assert "my/message.toml, line 5, reply[1].emotions: unknown emotion 'joy'" in text
    assert "line 5, reply[1].lines[0]: placeholder(s) ['cue'] not available" in text
    with pytest.raises(echo.MessagePhraseError, match=r"my/message.toml: not valid TOML.*line 1"):
        echo.parse_bank("[[reply]\n", "my/message.toml")


# ---------------------------------------------------------------------------- the situation, in a run
def test_the_model_records_what_the_situation_reads():
    """A U-turn is a contradiction; a press deadline passing in silence is dated and named."""
    model = CrisisModel("en-retail-breach", rng=1, population=2000)
    model.post(text=APOLOGY_BARE["en"], t_min=10)
    model.post(text=DENIAL["en"], t_min=20)
    model.run_for(21)
    assert [s.contradiction for s in model.conduct.statements] == [False, True]
    assert situation.SITUATIONS[model.situation_now()] == "contradicted"

    silent = CrisisModel("en-retail-breach", rng=1, population=2000)
    silent.run_for(90)
    assert silent.conduct.missed_deadlines, "the scenario's journalist asks at T+18 with a deadline"
    missed = min(silent.conduct.missed_at.values())
    assert situation.current(silent.conduct, missed - 1) == "silent"
    assert situation.current(silent.conduct, missed) == situation.SITUATIONS[silent.situation_now()] == "deadline_missed"


#: the replies that read a message's figure as a count of harm ("is that final, or will it go up?")
HARM_FIGURE = {"en": r"Is that final|how many more to come|check that figure|expect us to stay calm",
               "fr": r"définitif ou ça va augmenter|combien d'autres à venir|vérifiera ce chiffre|qu'on reste calmes"}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_reminder_of_the_record_is_not_asked_how_many_more(lang):
    """"400 people, and you want us to stay calm?" under "we employ 400 people in Valmont": a
    bolstering message counts jobs, not harm; the same replies stay under a count of the harmed."""
    record = {"en": "Brightmart employs 400 people in Kingsford and has served its customers with pride.",
              "fr": "Chimex emploie 400 personnes à Valmont et sert ses clients avec fierté."}[lang]
    harm = {"en": "We confirm that 3000 customers were affected. We are sorry.",
            "fr": "Nous confirmons que 3 salariés ont été hospitalisés. Nous sommes désolés."}[lang]
    asked = {}
    for name, text in (("record", record), ("harm", harm)):
        found = 0
        for seed in SEEDS:
            model, frame = run(lang, seed, 70, (20, text))
            found += int(under(frame, model).text.str.contains(HARM_FIGURE[lang]).sum())
        asked[name] = found
    assert asked["record"] == 0 and asked["harm"] >= 3, asked


# ---------------------------------------------------------------------------- Coombs's postures, as heard
#: Words that answer a reminder of the record ("nobody asked for their CV"), a claim to be a victim
#: too ("you're not the victim here"), and an apology ("sorry is nice, what are the risks").
ANSWERS_RECORD = {
    "en": re.compile(r"track record|good deeds|their record|their past|past is not|your history|\bCV\b|achievements"
                     r"|highlight reel|how great they are|brag|their glossy|their long history", re.I),
    "fr": re.compile(r"leur bilan|son bilan|beau bilan|leur passé|son passé|\bCV\b|best-of|leurs réussites|ses réussites"
                     r"|se vanter|bonnes actions|leur histoire|sa longue histoire|son histoire|à la gloire|vante son"
                     r"|formidables|son engagement envers", re.I),
}
ANSWERS_VICTIM = {"en": re.compile(r"\bvictim", re.I), "fr": re.compile(r"\bvictime", re.I)}
ANSWERS_APOLOGY = {
    "en": re.compile(r"apologi[sz]ed|the apology|an apology[,.]|their apology|sorry is|sorry doesn't|said sorry|owned it"
                     r"|owns it|owning it|took responsibility|real apology|how you apologise|you said sorry", re.I),
    "fr": re.compile(r"se sont excusés|des excuses,|leurs excuses|les excuses sont|excuses notées|s'excuser, c'est"
                     r"|merci d'assumer|ont assumé|ont reconnu|vous vous excusez|de vraies excuses|présente des excuses", re.I),
}
ANSWERS_DENIAL = {"en": re.compile(r"nothing wrong|denies everything|deny everything|everything(?:'s| is) fine|then who|who is it\b"
                                  r"|(?<!like )nothing happened", re.I),  # "lectures like nothing happened" is grief
                  "fr": re.compile(r"nie(?:nt)? tout\b|tout va bien|alors c'est qui|alors qui|aucun problème|rien ne s'est passé"
                                  r"|il ne s'est rien passé", re.I)}
ANSWERS_THANKS = {"en": re.compile(r"thank-you|thanks are|thanking everyone|thanks all round|deserve (?:it|the thanks|every word)"
                                  r"|right to thank", re.I),
                  "fr": re.compile(r"remerciements|des mercis|remercient|remercier|ils le méritent", re.I)}
ANSWERS_THREAT = {"en": re.compile(r"lawyer|\bsue\b|streisand|threaten", re.I),
                  "fr": re.compile(r"avocat|menac|streisand|en justice|procès", re.I)}
ANSWERS_BLAME = {"en": re.compile(r"contractor|buck|outsource", re.I), "fr": re.compile(r"prestataire|défausse|sous-traiter", re.I)}
POSTURES = {
    "en": {"victimage": "We too are victims of this criminal attack on our supplier. We are working with the police.",
           "record": "Brightmart has served Kingsford families for 40 years and employs 400 people here.",
           "remedy": "Every Bright Rewards member will get 12 months of free credit monitoring, and we will reimburse "
                     "any money lost to scam calls.",
           "apology": "We are sorry. Every member affected will get 12 months of free credit monitoring, and we will "
                      "reimburse any money lost to scam calls.",
           "thanks": "Brightmart thanks its store teams and the police, who have worked tirelessly since this morning.",
           "scapegoat": "To be clear: this breach happened at Kestrel Loyalty Systems, our supplier, not at Brightmart. "
                        "Their systems were attacked, not ours.",
           "denial": "Brightmart's own systems were not breached. The claims circulating online are false.",
           "threat": "These claims are false. Brightmart will take legal action against anyone spreading "
                     "defamatory claims about us."},
    "fr": {"victimage": "Nous sommes nous aussi victimes d'un acte de malveillance. Nous travaillons avec la gendarmerie.",
           "record": "Chimex emploie 400 personnes à Valmont depuis 40 ans et soutient la vie locale.",
           "remedy": "Chimex remboursera les frais médicaux des riverains et finance un bilan de santé gratuit pour "
                     "chaque famille.",
           "apology": "Nous présentons nos excuses aux riverains. Chimex remboursera les frais médicaux et finance un "
                      "bilan de santé gratuit pour chaque famille.",
           "thanks": "Chimex remercie chaleureusement les pompiers, les gendarmes et ses salariés mobilisés depuis ce matin.",
           "scapegoat": "La fuite provient d'une vanne installée et entretenue par notre sous-traitant, la société "
                        "Valtech Maintenance. Chimex n'est pas en cause.",
           "denial": "Aucune fuite toxique n'a eu lieu sur notre site. Les rumeurs sont infondées.",
           "threat": "Ces rumeurs sont fausses. Chimex portera plainte pour diffamation contre leurs auteurs."},
}


def _answers(lang: str, text: str) -> dict[str, int]:
    """How many items in the 50 minutes after a message answer it as each posture (the message's own
    text, quoted in shares, left out)."""
    _, frame = run(lang, 1, 70, (20, text))
    after = frame[(frame.t_min > 20) & (frame.kind != "reaction")]
    after = after[~after.text.str.contains(text[:30], regex=False)]
    return {name: int(after.text.str.contains(words[lang]).sum()) for name, words in
            (("record", ANSWERS_RECORD), ("victim", ANSWERS_VICTIM), ("apology", ANSWERS_APOLOGY),
             ("denial", ANSWERS_DENIAL), ("blame", ANSWERS_BLAME), ("thanks", ANSWERS_THANKS),
             ("threat", ANSWERS_THREAT))}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_victim_claim_is_answered_as_one_not_as_a_reminder_of_the_record(lang):
    """"We too are victims of this criminal attack" and "we have served Kingsford for 40 years" both
    bolster; the first got "nobody asked for their CV", "your history doesn't change what happened".
    People answer the claim: "you're not the victim here", "poor Brightmart"."""
    victimage, record = _answers(lang, POSTURES[lang]["victimage"]), _answers(lang, POSTURES[lang]["record"])
    assert victimage["record"] == 0 and victimage["victim"] >= 30, victimage  # seed 1: 0 / 85 (en), 0 / 67 (fr)
    assert record["record"] >= 30 and record["victim"] == 0 and record["thanks"] == 0, record  # 75 / 0 (en), 60 / 0 (fr)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_thanks_to_others_are_answered_as_thanks_not_as_a_reminder_of_the_record(lang):
    """"Chimex warmly thanks the firefighters and its staff" bolsters by ingratiation; it got
    "nobody asked for your record", "spare us the PR about your good deeds". People answer the
    thanks: "thanks are nice, answers would be better", "they deserve it"."""
    thanks = _answers(lang, POSTURES[lang]["thanks"])
    assert thanks["record"] == 0 and thanks["thanks"] >= 10, thanks  # seed 1: 0 / 75 (en), 0 / 23 (fr)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_remedies_without_a_word_of_apology_are_not_answered_as_an_apology(lang):
    """Free credit monitoring and refunds without "sorry" rebuild as an apology does, but "they
    apologised, OK, but are we safe?", "a beautifully worded apology", "Brightmart has apologised"
    would be false: people take the remedy (and some notice the missing apology)."""
    remedy, apology = _answers(lang, POSTURES[lang]["remedy"]), _answers(lang, POSTURES[lang]["apology"])
    assert remedy["apology"] == 0, remedy
    assert apology["apology"] >= 10, apology  # seed 1: 118 (en), 24 (fr)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_blaming_a_contractor_is_answered_as_such_not_as_denying_anything_happened(lang):
    """"This happened at our supplier, not at Brightmart" denies, but it does not say nothing
    happened: "they say there's nothing wrong", "'…our supplier'? Then who is it?" would be false.
    People answer the blame: "your contractor, your responsibility"."""
    scapegoat, denial = _answers(lang, POSTURES[lang]["scapegoat"]), _answers(lang, POSTURES[lang]["denial"])
    assert scapegoat["denial"] == 0 and scapegoat["blame"] >= 15, scapegoat
    assert denial["denial"] >= 15 and denial["blame"] == 0 and denial["threat"] == 0, denial


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_threat_to_sue_is_answered_as_a_threat(lang):
    """"We will take legal action against anyone spreading defamatory claims" attacks the accuser:
    people answer the threat ("lawyers instead of answers", "Streisand effect incoming"), which a
    plain denial never hears."""
    threat = _answers(lang, POSTURES[lang]["threat"])
    assert threat["threat"] >= 15, threat


#: Words only true of a U-turn towards the facts (an apology after a denial).
CAME_ROUND = {"en": re.compile(r"first it was nothing|corrected what they said|set the record straight|corrected themselves"
                               r"|admit it now", re.I),
              "fr": re.compile(r"d'abord ce n'était rien|corrigé ce qu'ils avaient dit|remis les choses au clair"
                               r"|se sont corrigés|l'admettent maintenant", re.I)}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_u_turn_is_heard_in_its_direction(lang):
    """Denying then apologising and apologising then denying are both U-turns, but only the first
    is "first it was nothing, now this?", "they corrected what they said earlier, better late than
    never": after going back on an apology both were said (17 and 7 items, seed 1)."""
    heard = {}
    for name, messages in (("came round", ((20, DENIAL[lang]), (40, APOLOGY_BARE[lang]))),
                           ("backtracked", ((20, APOLOGY_BARE[lang]), (40, DENIAL[lang])))):
        model, frame = run(lang, 1, 85, *messages)
        assert any(r.startswith("contradicts") for r in model.messages[1].reasons), name
        after = frame[(frame.t_min > 40) & (frame.kind != "reaction")]
        heard[name] = int(after.text.str.contains(CAME_ROUND[lang]).sum())
    assert heard["came round"] >= 2 and heard["backtracked"] == 0, heard  # seed 1: 10 / 0 (en), 4 / 0 (fr)


SELF_CORRECTION = {
    "en": ("We are aware of an incident affecting Bright Rewards accounts and are looking into it. No payment data was "
           "involved. More information soon.",
           "Earlier today we said no payment data was involved. That was wrong: the card details of 12,000 customers "
           "were exposed. We are sorry, and we are writing to each of them today."),
    "fr": ("Nous avons connaissance d'un incident sur le site de Valmont et nous vérifions. Aucun salarié n'a été "
           "exposé. Plus d'informations bientôt.",
           "Ce matin, nous avions indiqué qu'aucun salarié n'avait été exposé. C'était faux : trois salariés ont "
           "inhalé des vapeurs et sont suivis à l'hôpital. Nous vous présentons nos excuses.")}
WITHDRAWN = {"en": re.compile(r"no payment data", re.I), "fr": re.compile(r"aucun salarié n'a", re.I)}
RETRACTION_HEARD = {"en": re.compile(r"record straight|honesty|correcting it|told us earlier was wrong|had it wrong|"
                                     r"believed what you told us|version 2|check before you post", re.I),
                    "fr": re.compile(r"rectifier vous-mêmes|honnêteté|d'avoir corrigé|dit tout à l'heure était faux|"
                                     r"vous étiez trompés|ce que vous aviez dit|ce que vous disiez|version 2|vérifier avant", re.I)}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_self_correction_is_heard_as_one_and_its_withdrawn_claim_never_quoted(lang):
    """"Earlier we said no payment data was involved. That was wrong." after a holding statement:
    the holding statement denied nothing the reader could see, so this was no U-turn and approving
    replies quoted the withdrawn claim ("'earlier today we said no payment data was involved' —
    clear, at last", 21 lines in a helper's run). Now the crowd hears the correction: "they
    corrected what they said earlier", "so what you told us earlier was wrong"."""
    holding, correction = SELF_CORRECTION[lang]
    model, frame = run(lang, 1, 85, (20, holding), (40, correction))
    assert "corrects its own earlier message" in model.messages[1].reasons
    replies = under(frame, model, index=1)
    assert len(replies) >= 20, len(replies)
    assert replies.text.str.contains(RETRACTION_HEARD[lang]).sum() >= 3
    assert not replies.text.str.contains(WITHDRAWN[lang]).any(), replies.text[replies.text.str.contains(WITHDRAWN[lang])]
    assert not replies.text.str.contains(U_TURN[lang]).any()  # owned, not caught out: "Make up your minds" is for that
    after = frame[(frame.t_min > 40) & (frame.kind != "reaction")]
    assert after.text.str.contains(CAME_ROUND[lang]).sum() >= 2
    # the same news and apology without saying the earlier words were wrong: no correction heard
    model, frame = run(lang, 1, 85, (20, holding), (40, correction.split(". ", 1)[1]))
    assert "corrects its own earlier message" not in model.messages[1].reasons
    assert not under(frame, model, index=1).text.str.contains(RETRACTION_HEARD[lang]).any()


TO_STAFF = {"en": "To all Brightmart colleagues: you will have seen the news about Bright Rewards. Customers may ask you "
                  "about it. Please direct them to the hotline on 0800 123 456. Every store manager will be briefed at 3pm.",
            "fr": "À tous les salariés de Chimex Valmont : l'atelier 3 est arrêté et aucun salarié n'a été blessé. Vos "
                  "responsables vous réuniront à 14 h pour faire le point."}
UNINFORMED = {"en": re.compile(r"nobody tells us|find(?:ing)? (?:everything |it )?out (?:from|on|in) (?:the news|here)"
                               r"|learning decisions from the press", re.I),
              "fr": re.compile(r"personne (?:ne )?nous dit rien|on apprend tout|apprendre les décisions", re.I)}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_once_the_staff_are_spoken_to_employees_stop_saying_nobody_tells_them_anything(lang):
    """Employees said "Internally, nobody tells us anything. We find out from the news." minutes after
    a message addressed to them (43 items in a helper's runs). After a public holding statement they
    still say it (seed 1: 10 posts and replies in English, 10 in French); after a message to the staff, nobody does.
    Its briefing times are not public promises (the public called a missed internal briefing a broken
    promise, 16 items in the helper's runs)."""
    heard = {}
    for name, text in (("to staff", TO_STAFF[lang]), ("public", HOLDING[lang])):
        model, frame = run(lang, 1, 120, (30, text))
        assert ("to_staff" in model.conduct.statements[0].says) is (name == "to staff")
        if name == "to staff":  # "managers will be briefed at 3pm" is the staff's to expect, not the public's
            assert classify_message(text).commitments and not model.conduct.promises
        # posts and replies (a share passes on an earlier post as it was)
        staff = frame[(frame.t_min > 31) & frame.kind.isin(["post", "reply"]) & frame.author_group.isin(["employee", "union"])]
        assert len(staff) >= 100, (name, len(staff))
        heard[name] = int(staff.text.str.contains(UNINFORMED[lang]).sum())
    assert heard["to staff"] == 0 and heard["public"] >= 5, heard


SPEED_PRAISED = {"en": re.compile(r"\b(?:spoke|said something|responded|information|instructions) (?:very )?quickly|quickly and clearly"
                                  r"|quick response|swift|fast and transparent|faster than most|they were quick", re.I),
                 "fr": re.compile(r"réactivité|rapidité|vite et clairement|communiqué (?:plus )?vite|réaction rapide", re.I)}
EARLY_APOLOGY = {"en": "We are sorry for what happened and for the worry it causes. Change your Bright Rewards password now.",
                 "fr": "Nous présentons nos excuses aux habitants pour ce qui s'est passé. Restez chez vous, fenêtres fermées."}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_nobody_praises_a_quick_response_after_an_hour_of_silence(lang):
    """"Honestly, they spoke quickly and clearly", « Bonne réactivité » after 80 minutes of silence (4
    items in a helper's runs). The same apology ten minutes after the onset is praised for its speed
    (seed 1: 13 items in English, 3 in French); seventy-five minutes after, nobody calls it quick."""
    heard = {}
    for name, at in (("early", 10), ("late", 75)):
        model, frame = run(lang, 1, at + 60, (at, EARLY_APOLOGY[lang]))
        assert model.conduct.first_word_late(at) is (name == "late")
        said = frame[(frame.t_min > at) & frame.kind.isin(["post", "reply"])]
        heard[name] = int(said.text.str.contains(SPEED_PRAISED[lang]).sum())
    assert heard["late"] == 0 and heard["early"] >= 2, heard  # seed 1: 0 / 13 (en), 0 / 3 (fr); before, 1 and 2 late


RUMOUR_REBUTTAL = {"en": "Posts saying hackers have your full card numbers and PINs are not accurate. Card numbers and PINs "
                          "were not in the stolen files.",
                   "fr": "Certains médias parlent de morts. C'est faux : il n'y a aucun décès."}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_rebutting_a_false_rumour_after_an_apology_is_no_u_turn(lang):
    """An apology, then "Posts saying hackers have your full card numbers are not accurate": the
    reader had called it "contradicts the earlier message (rebuild then deny)", and the crowd said "A
    U-turn in a few hours", a journalist "Brightmart contradicts its earlier statement" (78 replies
    and 11 posts in a helper's runs). Nor is an apology after such a rebuttal a U-turn."""
    t = {"en": 30, "fr": 62}[lang]  # once the rumour goes round (minute 25, 58): before, nothing is rebutted
    for messages in (((t, APOLOGY_BARE[lang]), (t + 20, RUMOUR_REBUTTAL[lang])),
                     ((t, RUMOUR_REBUTTAL[lang]), (t + 20, APOLOGY_BARE[lang]))):
        model, frame = run(lang, 1, t + 60, *messages)
        assert not any(r.startswith("contradicts") for m in model.messages for r in m.reasons), model.messages[1].reasons
        assert not model.conduct.statements[1].contradiction
        assert not under(frame, model, index=1).text.str.contains(U_TURN[lang]).any()
    # a denial of what the rumour does not say is still a U-turn after an apology (the test above)
    model, _ = run(lang, 1, 60, (20, APOLOGY_BARE[lang]), (40, DENIAL[lang]))
    assert model.conduct.statements[1].contradiction


HEARSAY = {"en": re.compile(r"posts saying", re.I), "fr": re.compile(r"certains médias parlent", re.I)}
REBUTTED = {"en": re.compile(r"not in the stolen files|not accurate", re.I), "fr": re.compile(r"aucun décès|c'est faux", re.I)}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_rebuttal_is_quoted_for_what_it_says_not_for_the_rumour_it_names(lang):
    """"'Posts saying hackers have your full card numbers and PINs…' — deny all you want": a quote cut
    before "are not accurate" puts the rumour in the organisation's mouth (71 replies in a helper's
    runs). Replies quote what the message says is so."""
    t = {"en": 30, "fr": 62}[lang]
    model, frame = run(lang, 1, t + 40, (t, RUMOUR_REBUTTAL[lang]))
    replies = under(frame, model)
    assert len(replies) >= 20, len(replies)
    assert not replies.text.str.contains(HEARSAY[lang]).any(), replies.text[replies.text.str.contains(HEARSAY[lang])]
    assert replies.text.str.contains(REBUTTED[lang]).sum() >= 3


@pytest.mark.parametrize(("lang", "message", "at", "undone"), [
    ("fr", "Nous avons connaissance d'un incident sur le site de Valmont et nous vérifions. Plus d'informations bientôt.",
     58, "se taisent"),
    ("en", TO_STAFF["en"], 55, "been told nothing"),
])
def test_a_scripted_post_does_not_say_what_the_trainees_undid(lang, message, at, undone):
    """« Pourquoi la préfecture et Chimex se taisent-ils ? » fired in every French run after Chimex
    had posted, a reporter's "staff had 'been told nothing'" after a memo to the staff (a helper's
    runs): such an inject says its `instead` text, and the rumour it carries still goes round."""
    said = {}
    for name, messages in (("silent", ()), ("spoken", ((20, message),))):
        model, _ = run(lang, 1, at + 1, *messages)
        inject = next(e for e in model.events if e["source"] == "inject" and e["t_min"] == at)
        said[name] = undone in inject["text"]
        claim = model.scenario.injects[inject["index"]].claim
        assert claim is None or model.claim_active[[c.id for c in model.scenario.claims].index(claim)]
    assert said == {"silent": True, "spoken": False}, said


#: Lines that throw a minimising or a denial's own words back ("'minor'? Tell that to…", "deny all you want").
CUE_TALK = {"en": re.compile(r"Define \"|deny all you want|Tell that to|doing a lot of work", re.I),
            "fr": re.compile(r"dites-vous|Définissez|tout est dans la formule|Allez le dire|Niez tant que", re.I)}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_rebuttal_of_a_false_rumour_is_not_answered_as_a_minimising(lang):
    """« « aucun décès », dites-vous. Pas pour ceux qui le vivent. » under « C'est faux : il n'y a aucun
    décès » (a rumour of two deaths the scenario says is false): 7 items in a helper's runs. The same
    lines still answer a minimising of the harm itself."""
    t = {"en": 30, "fr": 62}[lang]
    model, frame = run(lang, 1, t + 40, (t, RUMOUR_REBUTTAL[lang]))
    assert model.messages[0].refutes_rumour
    assert not under(frame, model).text.str.contains(CUE_TALK[lang]).any()
    model, frame = run(lang, 1, t + 40, (t, MINIMISING[lang]))
    assert under(frame, model).text.str.contains(CUE_TALK[lang]).sum() >= 3


JOKES = {"en": ("Good news: your points are safe 😅 hackers can't spend them, we checked. Seriously though: change your "
                "Bright Rewards password and hang up on anyone who calls claiming to be us.",
                "Your points are safe: they cannot be spent by anyone else. Change your Bright Rewards password and "
                "hang up on anyone who calls claiming to be us."),
         "fr": ("Restez confinés, on s'occupe de tout 😎 Et non, l'eau du robinet n'est pas toxique, promis juré 🤞",
                "Restez confinés, nos équipes sont mobilisées. L'eau du robinet reste potable, selon les analyses de "
                "l'ARS.")}
ANSWERS_JOKE = {"en": re.compile(r"funny|jokes|emojis|humour|stand-up", re.I),
                "fr": re.compile(r"drôle|blague|emojis|plaisanter|humour|stand-up", re.I)}
PRAISED_CLEAR = {"en": re.compile(r"\bclear\b|plainly|what we needed to hear", re.I),
                 "fr": re.compile(r"\bclair|ce qu'on avait besoin", re.I)}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_joke_is_answered_as_a_joke_and_not_praised_as_clear(lang):
    """Nobody answered a joke as one ("you think this is funny?"), and approving replies quoted it
    as "'your points are safe 😅 hackers can't spend them' — clear, at last". The same advice told
    plainly draws no word about jokes, and may be called clear."""
    counts = {}
    for name, text in zip(("joke", "plain"), JOKES[lang], strict=True):
        model, frame = run(lang, 1, 60, (30, text))
        assert (model.messages[0].tone == "humorous") == (name == "joke"), model.messages[0].tone
        replies = under(frame, model)
        counts[name] = (int(replies.text.str.contains(ANSWERS_JOKE[lang]).sum()),
                        int(replies.text.str.contains(PRAISED_CLEAR[lang]).sum()))
    assert counts["joke"][0] >= 8 and counts["joke"][1] == 0, counts  # seed 1: 17 / 0 (en), 12 / 0 (fr)
    assert counts["plain"][0] == 0, counts


@pytest.mark.parametrize(("lang", "text", "framing"), [
    ("en", "As promised, here is our update. Names and emails of Bright Rewards members were accessed through our own "
           "file-transfer server, which we failed to update. We are truly sorry.", "here is our update"),
    ("fr", "Comme promis, voici notre point de situation. L'atelier concerné est arrêté et un audit indépendant de "
           "toutes nos installations est lancé.", "voici notre point"),
    ("en", "Following our message this morning: refunds have now been issued to every affected customer, with no need "
           "to apply.", "following our message"),
    ("fr", "Comme nous nous y étions engagés, l'unité de production en cause est à l'arrêt depuis ce matin et le "
           "restera jusqu'à la fin de l'enquête.", "nous nous y étions engagés"),
    # whom it addresses, or its label: "'@PriyaRamanTech Priya, to answer your questions' — and until then?"
    ("en", "@PriyaRamanTech Priya, to answer your questions: names and email addresses of 2.1 million members were "
           "exposed. Card numbers were not.", "PriyaRamanTech"),
    ("fr", "À tous les salariés de Chimex Valmont : aucun salarié ne perdra de salaire pendant l'arrêt de l'atelier, "
           "et le CSE se réunira demain.", "tous les salariés de Chimex"),
])
def test_replies_quote_what_a_message_says_not_how_it_opens(lang, text, framing):
    """"'As promised, here is our update' — clear, at last", "'Following our message this morning', you
    say. And if it gets worse?": a clause that only frames the message or points back at an earlier
    one has nothing in it to answer; replies quote what it says."""
    for seed in SEEDS:
        model, frame = run(lang, seed, 60, (40, text))
        replies = under(frame, model)
        assert len(replies) >= 20, len(replies)
        assert not replies.text.str.contains(framing, case=False).any(), replies.text[
            replies.text.str.contains(framing, case=False)].head().tolist()


# ---------------------------------------------------------------------------- news, not "looking into it"
#: Lines true only of a holding statement that gives no news.
CHECKING = {
    "en": re.compile(r"(?<!we are )looking into|they're checking|says it's checking|is aware\b|they're aware|two-line|two lines"
                     # "nobody's telling us what happens to jobs" (a union) asks what the news left out
                     r"|nobody(?: is|'s) telling(?! us what happens to jobs)|none the wiser|know nothing|don't know much"
                     r"|gathering (?:the )?facts|assess", re.I),
    "fr": re.compile(r"regarde(?:nt)? ça|ils vérifient|qu'ils vérifient|on vérifie|est au courant|sont au courant|deux lignes"
                     r"|rien compris|on ne sait rien|on sait pas|rassembler les faits|évalue", re.I),
}
NEWS = {"en": "Update: the loyalty app is back online and all affected members have been contacted.",
        "fr": "Point de 12h : la fuite a été colmatée et le site a été sécurisé par les pompiers."}
HOLDING = {"en": "We are aware of the incident and are looking into it. More information soon.",
           "fr": "Nous avons connaissance de l'incident et nous vérifions. Plus d'informations bientôt."}


def _said_after(lang: str, text: str, strategy: str, words: re.Pattern[str]) -> int:
    """Items that say `words` in the 50 minutes after a message read as `strategy` (as a trainer would
    have it read; the message's own text, quoted in shares, left out), over SEEDS."""
    found = 0
    for seed in SEEDS:
        model = CrisisModel(SCENARIO[lang], rng=seed, population=CROWD)
        model.post(text=text, t_min=20, strategy=strategy)
        model.run_for(70)
        frame = model.reactions_frame()
        after = frame[(frame.t_min > 20) & (frame.kind != "reaction")]
        after = after[~after.text.str.contains(text[:30], regex=False)]
        found += int(after.text.str.contains(words).sum())
    return found


#: Asking who is to blame: answered by a message that owns the decision in so many words.
WHO_ASKED = {"en": re.compile(r"who is responsible|who decided", re.I), "fr": re.compile(r"qui est responsable|qui a décidé", re.I)}
OWNING = {"en": "Our IT staff warned that the server needed patching. The upgrade was postponed. That decision was "
                "wrong, and it was mine.",
          "fr": "Nos équipes avaient signalé le détecteur défaillant. Son remplacement a été reporté. Cette décision "
                "était une erreur, et c'était la mienne."}
NOT_OWNING = {"en": "We are reviewing how the server was maintained. Our customers deserve better.",
              "fr": "Nous examinons la maintenance du détecteur. Les habitants méritent mieux."}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_who_is_responsible_is_not_asked_of_a_leader_who_said_it_was_hers(lang):
    heard = {"owning": _said_after(lang, OWNING[lang], "rebuild", WHO_ASKED[lang]),
             "not owning": _said_after(lang, NOT_OWNING[lang], "rebuild", WHO_ASKED[lang])}
    # seeds 1, 2: 0 / 4 (en), 0 / 3 (fr); before, 3 / 4 and 1 / 3
    assert heard["owning"] == 0 and heard["not owning"] >= 2, heard


#: A rebuttal that also instructs: the doubt ("how can you be sure already?") is about the claim.
REBUTTAL = {"en": "To our Bright Rewards members. Card numbers and PINs were not in the stolen files. If anyone calls "
                  "asking for your PIN, hang up: it is a scam.",
            "fr": "Aux riverains de Valmont. Les relevés de chlore ne figuraient pas dans les rapports falsifiés. Si "
                  "quelqu'un vous appelle au nom de Chimex pour vous demander de l'argent, raccrochez."}
CLAIM_QUOTED = {"en": re.compile(r"not in the stolen files", re.I), "fr": re.compile(r"ne figuraient pas", re.I)}
INSTRUCTION_QUOTED = {"en": re.compile(r"hang up", re.I), "fr": re.compile(r"raccrochez", re.I)}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_rebuttal_is_quoted_back_for_its_claim_not_for_its_instructions(lang):
    """"'If anyone calls asking for your PIN, hang up' — how can you be sure already?" doubts an
    instruction; replies under a minimising or denying message quote what it claims."""
    heard = {"claim": _said_after(lang, REBUTTAL[lang], "diminish", CLAIM_QUOTED[lang]),
             "instruction": _said_after(lang, REBUTTAL[lang], "diminish", INSTRUCTION_QUOTED[lang])}
    assert heard["instruction"] == 0 and heard["claim"] >= 10, heard


#: A diminishing message in words no list knows: context and a comparison, no "minor", no excuse, no news.
DOWNPLAYING = {"en": "Sales dipped in the first week, as they do every spring. Most of our regulars have already come back.",
               "fr": "Les ventes ont baissé la première semaine, comme chaque printemps. La plupart de nos habitués sont déjà revenus."}
MINIMISING = {"en": "This was a minor incident with a limited impact. There is no risk to the public.",
              "fr": "Il s'agit d'un incident mineur, à l'impact limité. Il n'y a aucun risque pour la population."}
#: Talk of a minimising said in so many words: "they call it minor", "nothing serious, they say".
HARM_TALK = {"en": re.compile(r"\bminor\b|\blimited\b|nothing serious|not serious|no big deal|everything(?:'s| is) fine", re.I),
             "fr": re.compile(r"\bmineur|\blimité|rien de grave|pas grave|trois fois rien|tout va bien", re.I)}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_playing_it_down_in_other_words_is_answered_without_quoting_words_never_said(lang):
    """A diminishing message that calls nothing "minor" and excuses nothing is answered as playing
    it down ("they explain why it's not so bad") — not with "they call it minor", nor with "bad
    luck, circumstances". After "a minor incident, no risk" the crowd does quote it."""
    assert not echo.postures(DOWNPLAYING[lang], lang) & {"harm_small", "excuse", "news"}
    heard = {"harm": _said_after(lang, DOWNPLAYING[lang], "diminish", HARM_TALK[lang]),
             "excuse": _said_after(lang, DOWNPLAYING[lang], "diminish", EXCUSE_TALK[lang]),
             "harm after minimising": _said_after(lang, MINIMISING[lang], "diminish", HARM_TALK[lang])}
    assert heard["harm"] == 0 and heard["excuse"] == 0 and heard["harm after minimising"] >= 20, heard


@pytest.mark.parametrize(("lang", "text", "news"), [
    ("en", "Update: the water is safe to drink again. Tests at all 12 sampling points came back clean.", True),
    ("en", "The fire is out and the road has been reopened.", True),
    ("en", "Every affected customer has now been contacted by our team.", True),
    ("en", "As promised, our CEO visited the families this afternoon.", True),
    ("en", "We were informed of an incident this morning and are investigating.", False),
    ("en", "We are aware of reports of an outage. Next update at 3pm.", False),
    # an on-record answer to a reporter: what was done, with the investigation still going on
    ("en", "Priya, to answer your questions: 48,000 accounts are affected, and we informed the ICO on Tuesday "
           "morning. We are still investigating how the attackers got in.", True),
    ("en", "Production has been suspended at the plant while the investigation continues.", True),
    ("fr", "Point de 15h : le confinement est levé et l'eau est de nouveau potable.", True),
    ("fr", "Les analyses réalisées par l'ARS sont revenues conformes.", True),
    ("fr", "Nous avons contacté toutes les familles concernées.", True),
    ("fr", "Comme promis, notre directeur a rencontré les familles ce soir.", True),
    ("fr", "La direction a été informée ce matin d'un incident ; nos équipes vérifient.", False),
    ("fr", "Nous avons connaissance de l'incident. Prochain point à 11h.", False),
    ("fr", "Madame Vasseur, pour répondre à vos questions : l'atelier 3 a été arrêté à 7 h et la préfecture prévenue "
           "à 7 h 15. L'enquête interne se poursuit.", True),
    ("fr", "Nous avons immédiatement prévenu la préfecture et l'ARS.", True),
])
def test_a_message_that_gives_news_is_told_from_one_that_only_holds(lang, text, news):
    assert ("news" in echo.postures(text, lang)) is news


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_news_is_not_answered_as_if_they_were_only_looking_into_it(lang):
    """"The app is back online, every member has been contacted" is no stance on the crisis (no
    comment, as a holding statement is), but "they're looking into it, that's all??", "a two-line
    statement", "nobody is telling us anything" would be false under it; under "we are looking into
    it" they are what people say."""
    heard = {name: _said_after(lang, text, "no_comment", CHECKING[lang])
             for name, text in (("news", NEWS[lang]), ("holding", HOLDING[lang]))}
    assert heard["news"] == 0 and heard["holding"] >= 40, heard  # seeds 1, 2: 0 / 349 (en), 0 / 146 (fr)


#: Talk of an excuse: bad luck, circumstances, nobody's fault.
EXCUSE_TALK = {"en": re.compile(r"bad luck|nobody's fault|not their fault|never their fault|circumstances|something else to blame"
                                r"|excuses", re.I),
               "fr": re.compile(r"malchance|pas de chance|la faute de personne|pas (?:vraiment )?sa faute|pas leur faute"
                                r"|circonstances|autre chose à blâmer|excuses, (?:toujours|encore)|des excuses, des excuses", re.I)}
EXCUSE = {"en": "The outage was caused by an unforeseeable technical failure at a data centre, beyond our control.",
          "fr": "Cet incident est dû à une défaillance technique imprévisible, indépendante de notre volonté."}


@pytest.mark.parametrize(("lang", "text", "excuse"), [
    ("en", "The delay was caused by exceptional weather beyond our control.", True),
    ("en", "We regret any inconvenience this may have caused.", True),
    ("en", "Update: the loyalty app is back online and all affected members have been contacted.", False),
    ("fr", "Cet incident est dû à une défaillance technique imprévisible.", True),
    ("fr", "Point de 12h : la fuite a été colmatée et le site a été sécurisé par les pompiers.", False),
    ("fr", "Les analyses réalisées par l'ARS sont revenues conformes.", False),
    # excuses in other words: nobody could foresee it, anyone would have, a record of nature, a duty
    ("fr", "Les fouilles archéologiques, personne ne pouvait les prévoir.", True),
    ("fr", "Avec une plaque de verglas comme ça, n'importe quel véhicule serait sorti de la route.", True),
    ("fr", "Ce n'est pas une faute, c'est la nature : le mois le plus pluvieux jamais enregistré.", True),
    ("en", "Cancelling when the Met Office issues an amber warning is not a choice, it's an obligation.", True),
    ("en", "The river rose two metres after the heaviest rainfall ever recorded in Kent.", True),
    ("en", "There was never any intention to withhold the report from councillors.", True),
    # press releases speak of the organisation in the third person
    ("fr", "Chimex a été victime d'un incident technique indépendant de sa volonté.", True),
    ("en", "The outage at Brightmart was caused by a supplier's failure outside its control.", True),
])
def test_an_excuse_is_told_from_news(lang, text, excuse):
    assert ("excuse" in echo.postures(text, lang)) is excuse


@pytest.mark.parametrize(("posture", "lang", "text", "taken"), [
    # what is at stake declared safe, or figures that shrink it: "our points are safe 😅" read as
    # diminishing is answered as minimising ("'safe', they say?"), not as an excuse it never made
    ("harm_small", "en", "Our points are safe, it's your passwords we're worried about 😅", True),
    ("harm_small", "en", "Your card details remain completely secure.", True),
    ("harm_small", "en", "The water is safe to drink again.", False),  # a state restored: news
    ("harm_small", "fr", "Vos points sont en sécurité 😅", True),
    ("harm_small", "fr", "L'eau est de nouveau potable.", False),
    # figures that shrink the harm
    ("harm_small", "en", "This was a small leak on a low-pressure pipe, and it was sealed within 90 minutes.", True),
    ("harm_small", "en", "The fault interrupted broadband for about 0.3% of customers.", True),
    ("harm_small", "fr", "Le retard de paie a concerné 212 de nos 6 400 agents, pendant un jour ouvré.", True),
    ("harm_small", "fr", "Les concentrations mesurées sont dix fois inférieures au seuil des effets irréversibles.", True),
    ("harm_small", "fr", "Accident ce matin, blessures légères uniquement, tous les élèves sont pris en charge.", True),
    ("harm_small", "en", "Its stillbirth rate was within the expected range for a unit of our size.", True),
    ("harm_small", "en", "£230,000 is a serious sum, but it's under 2% of what the Trust raised.", True),
    ("harm_small", "fr", "Le risque pour chaque foyer reste très faible.", True),
    # a press release says « Chimex a été victime d'un incident », not "we too are victims": the crowd
    # answers a victim claim ("the victims are your customers"), not a list of achievements
    ("victimage", "fr", "Chimex a été victime d'un incident technique indépendant de sa volonté.", True),
    ("victimage", "fr", "Nous sommes nous aussi victimes d'un acte de malveillance.", True),
    ("victimage", "fr", "Chimex emploie 400 personnes à Valmont depuis 40 ans.", False),
    ("victimage", "fr", "La banque a elle aussi été trompée par les agissements de son ancien collaborateur.", True),
    ("victimage", "fr", "Le syndicat des eaux a été la cible, dans la nuit de dimanche, d'une cyberattaque criminelle.", True),
    ("victimage", "en", "Brightmart was the victim of a technical failure at its supplier.", True),
    ("victimage", "en", "The bank was itself deceived by a former employee.", True),
    ("victimage", "en", "Brightmart has served Kingsford families for 40 years.", False),
    ("victimage", "en", "Customers were hacked because our server was left unpatched.", False),
    # praise of others is heard as thanks, not as a record
    ("ingratiation", "fr", "Bravo aux techniciens qui ont passé la nuit dans une tranchée pour réparer la fibre.", True),
    ("ingratiation", "fr", "Julien a été héroïque, et toute l'équipe avec lui.", True),
    ("ingratiation", "fr", "Le parc a accueilli 25 millions de visiteurs en trente ans.", False),
    ("ingratiation", "en", "Well done to our crew, who were outstanding all night.", True),
    ("ingratiation", "en", "In 45 years our lifts have carried 80 million skiers.", False),
    # what was done and what is over is news, whatever the reader makes of the stance
    ("news", "fr", "Juste des faits : la fuite est arrêtée et nos équipes restent sur place.", True),
    ("news", "en", "The leak is now under control and the site is safe.", True),
    ("news", "en", "As promised, every affected member has now been emailed with what was accessed.", True),
    ("news", "fr", "Les premiers virements sont partis ce matin.", True),
    ("news", "en", "The police have been informed.", False),
    ("news", "en", "Our customer desks in every store now have extra staff and the helpline has doubled its team.", True),
    ("news", "en", "Update, as promised: we can confirm that names and email addresses were exposed.", True),
    ("news", "fr", "Les équipes de la cellule d'écoute ont été renforcées.", True),
    ("news", "en", "Brightmart has served Kingsford families for 40 years.", False),
    # blame taken back from a supplier is not blame put on it
    ("scapegoat", "en", "That is our failure, not our supplier's.", False),
    ("scapegoat", "en", "The breach happened on our supplier's systems.", True),
    ("scapegoat", "fr", "Ce n'est pas la faute de notre sous-traitant, c'est la nôtre.", False),
    ("scapegoat", "en", "That is on us, not on our supplier.", False),
    ("disowned", "en", "That is on us, not on our supplier.", False),
    ("owned", "en", "That is on us, not on our supplier.", True),
    # disowning the harm, or only rebutting a claim
    ("disowned", "en", "Brightmart's own systems were not breached.", True),
    ("disowned", "fr", "Chimex n'est en rien responsable de cette pollution.", True),
    ("disowned", "fr", "L'eau du robinet reste potable : le réseau d'eau n'a pas été touché.", False),
    ("disowned", "en", "The claims that card numbers were stolen are false.", False),
])
def test_a_posture_is_heard_in_the_words_press_releases_use(posture, lang, text, taken):
    assert (posture in echo.postures(text, lang)) is taken


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_news_read_as_diminishing_is_not_answered_as_an_excuse(lang):
    """The reader may take a factual update (« la fuite a été colmatée et le site sécurisé ») for
    diminishing; the crowd answers what it says — "bad luck, apparently", "so it's nobody's fault"
    answer an excuse it never made. Under a real excuse they are what people say."""
    heard = {name: _said_after(lang, text, "diminish", EXCUSE_TALK[lang])
             for name, text in (("news", NEWS[lang]), ("excuse", EXCUSE[lang]))}
    assert heard["news"] == 0 and heard["excuse"] >= 20, heard  # seeds 1, 2: 0 / 147 (en), 0 / 133 (fr)


#: Talk that presumes an earlier broken promise ("another broken promise", « encore une promesse »).
AGAIN = {"en": re.compile(r"another (?:broken )?promise|that's twice|another promise", re.I),
         "fr": re.compile(r"encore une promesse|et de deux", re.I)}
SECOND_PROMISE = {"en": "We are still working on it. Another update in 20 minutes.",
                  "fr": "Nous restons mobilisés. Prochain point dans 20 minutes."}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_another_broken_promise_is_said_only_once_a_second_one_breaks(lang):
    """The first promise broken is not "another" one; the second is."""
    again = 0
    for seed in SEEDS:
        model, frame = run(lang, seed, 110, (15, PROMISE[lang]), (50, SECOND_PROMISE[lang]))
        broken = [e["t_min"] for e in model.events if e["source"] == "promise" and e.get("status") == "broken"]
        second = 71 + GRACE_MIN
        assert broken == [46 + GRACE_MIN, second], broken
        talk = frame[frame.text.str.contains(AGAIN[lang])]
        assert (talk.t_min < second).sum() == 0, talk[talk.t_min < second].text.tolist()
        again += (talk.t_min >= second).sum()
    assert again >= 3, again  # the lines exist and are said once it is true


#: Doubts a minimising claim draws ("'…' — how can you be sure already?", "And if it gets worse?").
DOUBTED = {"en": re.compile(r"how can you be sure already|and if it gets worse", re.I),
           "fr": re.compile(r"comment pouvez-vous déjà en être sûrs|et si ça s'aggrave", re.I)}
DELIVERED = {"en": "As promised, every affected member has now been emailed with what was accessed.",
             "fr": "Comme annoncé hier, les frais de relogement des familles évacuées sont pris en charge : les premiers "
                   "virements sont partis ce matin."}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_news_read_as_diminishing_is_heard_as_news_not_doubted_as_a_minimisation(lang):
    """A follow-up that reports what was done, which the reader takes for a minimisation, is answered
    as the news it gives (its situation is `informed`): nobody asks "how can you be sure already?"."""
    for seed in SEEDS:
        model = CrisisModel(SCENARIO[lang], rng=seed, population=CROWD)
        model.post(text=DELIVERED[lang], t_min=20)
        model.run_for(21)
        model.submit({"type": "reading", "seq": model.messages[0].seq, "strategy": "diminish", "t_min": 21})
        model.run_for(30)
        replies = under(model.reactions_frame(), model)
        assert len(replies[replies.t_min >= 22]) >= 20
        doubted = replies[(replies.t_min >= 22) & replies.text.str.contains(DOUBTED[lang])]
        assert doubted.empty, doubted.text.head().tolist()
    # the doubts exist: under a real minimisation they are said
    doubts = 0
    for seed in SEEDS:
        model, frame = run(lang, seed, 50, (20, DIMINISH[lang]))
        doubts += under(frame, model).text.str.contains(DOUBTED[lang]).sum()
    assert doubts >= 1, doubts  # observed 2 (fr) and more (en) over seeds 1, 2


#: Messages whose numbers are easy to cut: a decimal share, a clock time before a noun, a French
#: phone number with its leading "0 ", thousands in groups of three.
NUMBERS = {
    "en": "Only 0.3% of Bright Rewards members appear to be affected and no payment data was involved. There is no "
          "cause for concern. Our hotline 0800 123 4567 is open 24/7.",
    "fr": "Moins de 0,3 % des habitants sont concernés, soit 1 200 foyers. Nous vous dirons avant 10 h 30 quels "
          "produits composaient le nuage. Une cellule d'écoute est ouverte au 0 800 12 34 56.",
}
_NUMBER = re.compile(r"\d+(?:(?:[.,]|\s)\d+)*")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_replies_quote_a_messages_numbers_whole(lang):
    """"Define 'Only 0'", « 30 quels ? », « Je partage le numéro : 800 12 34 56 »: a reply that quotes
    a number quotes all of it, as the message gave it."""
    text = NUMBERS[lang]
    given = set(_NUMBER.findall(text))
    vocab = vocabulary(load_scenario(SCENARIO[lang]), lang)
    for strategy in ("diminish", "rebuild", "no_comment"):
        reading = classify_message(text, lang=lang)
        words = echo.read_words(text, reading, strategy, strategy == "no_comment", True)
        texts = [t for emotion in ("approval", "fear", "anger", "mockery", "sadness")
                 for t in echo.replies(words, lang, emotion, vocab, "@org").texts]
        quoted = [(n, t) for t in texts for n in _NUMBER.findall(t) if n not in given and n in text]
        assert not quoted, quoted[:5]
        assert any(n in t for t in texts for n in given if len(n) > 3), "the replies quote none of its numbers"


#: The crowd's own replies to a message: its questions, its "not even a sorry".
CROWD_VOICE = {
    "en": re.compile(r"who do we (?:contact|call)|are we affected|what do we do|not even a \"sorry\"|no apology", re.I),
    "fr": re.compile(r"qui contacter|on est concernés|qu'est-ce qu'on fait|pas d'excuses|même pas un « désolé »", re.I),
}
_QUOTED = re.compile(r"[\"«“]\s?([^\"»”]{12,}?)\s?[\"»”]")


def _speaks_as_crowd(text: str, lang: str, messages: list[str]) -> bool:
    """Asks the crowd's questions, or quotes one of the organisation's messages back."""
    quotes = [q.strip(" …") for q in _QUOTED.findall(text)]
    return bool(CROWD_VOICE[lang].search(text)) or any(q in m for q in quotes for m in messages)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_journalists_and_officials_answer_a_message_in_their_own_words(lang):
    """A journalist or a préfet under the organisation's message does not ask "who do we contact?"
    or quote it back like a worried resident: they answer in their own group's words."""
    institutional, crowd = [], []
    for seed in (1, 2, 3):  # a few institutional replies a run: 5 (en) and 8 (fr) over three seeds
        model, frame = run(lang, seed, 90, (15, DENIAL[lang]), (45, APOLOGY_BARE[lang]))
        seqs = {m.seq for m in model.messages}
        replies = frame[frame.parent_seq.isin(seqs) & (frame.kind == "reply")]
        inst = replies.author_group.isin(["journalist", "elected", "organisation"])
        institutional += replies[inst].text.tolist()
        crowd += replies[~inst].text.tolist()
    assert len(institutional) >= 4, len(institutional)
    said = [DENIAL[lang], APOLOGY_BARE[lang]]
    voiced = [t for t in institutional if _speaks_as_crowd(t, lang, said)]
    assert not voiced, voiced[:5]
    assert sum(_speaks_as_crowd(t, lang, said) for t in crowd) >= 20  # the crowd does speak so


#: Saying the organisation blames others or disowns the harm.
BLAME = {"en": re.compile(r"not their fault|someone else|everyone but|except themselves|if not you|then who|"
                          r"pass(?:ing)? the buck|nothing to do with", re.I),
         "fr": re.compile(r"pas leur faute|faute des autres|sauf eux|n'y être pour rien|si ce n'est pas vous|"
                          r"alors c'est qui|c'est l'autre|se défausse", re.I)}
RUMOUR_REBUTTED = {
    "en": "The claims that card numbers were stolen are false: Brightmart never keeps card numbers, and its payment "
          "system was checked this morning.",
    "fr": "L'eau du robinet reste potable : le réseau d'eau n'a pas été touché, les analyses de l'ARS le confirment.",
}
HARM_DISOWNED = {"en": "Brightmart is not responsible for this incident. Our own systems were not breached.",
                 "fr": "Chimex n'est pas en cause dans cet incident. Notre site n'a pas été à l'origine du nuage."}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_rumour_rebutted_is_not_called_blaming_others(lang):
    """« L'eau du robinet reste potable, les analyses le confirment » denies a rumour and blames
    nobody: « si ce n'est pas vous, c'est qui ? », "it's always someone else's fault" would be false.
    A denial that disowns the harm draws them."""
    heard = {"rebutted": _said_after(lang, RUMOUR_REBUTTED[lang], "deny", BLAME[lang]),
             "disowned": _said_after(lang, HARM_DISOWNED[lang], "deny", BLAME[lang])}
    assert heard["rebutted"] == 0 and heard["disowned"] >= 5, heard


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_what_is_called_a_joke_is_the_joke_not_the_advice(lang):
    """"'Change your Bright Rewards password'? You think this is funny?" blamed the joke on the
    serious part; « Restez confinés » is advice, the emoji marks the joke."""
    advice = {"en": re.compile(r"change your|hang up", re.I), "fr": re.compile(r"restez confinés", re.I)}
    model, frame = run(lang, 1, 60, (30, JOKES[lang][0]))
    called = under(frame, model)
    called = called[called.text.str.contains(ANSWERS_JOKE[lang]) & called.text.str.contains(r"[\"«“]")]
    assert len(called) >= 3, len(called)
    assert not called.text.str.contains(advice[lang]).any(), called.text[called.text.str.contains(advice[lang])].tolist()


#: Asking for the date nothing gave.
NO_DATE = {"en": re.compile(r"no date|a single date|not even a date|when, exactly", re.I),
           "fr": re.compile(r"pas de date|aucune date|même pas une date|quand, exactement", re.I)}
REMEDY_UNDATED = {"en": "We are sorry. Every member affected will be refunded.",
                  "fr": "Nous présentons nos excuses. Chimex remboursera les frais médicaux des riverains."}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_no_date_is_asked_of_what_was_promised_not_of_an_admission(lang):
    """"No date, nothing. Convenient." under "that was wrong, and I take full responsibility" asks
    for the date of nothing; under a refund promised without a date it is what people ask."""
    heard = {name: _said_after(lang, text, "rebuild", NO_DATE[lang])
             for name, text in (("admission", OWNING[lang]), ("remedy", REMEDY_UNDATED[lang]))}
    assert heard["admission"] == 0 and heard["remedy"] >= 3, heard


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_thanks_to_staff_are_not_what_people_needed_to_hear(lang):
    """"'Thank you to our store teams' — that's what we needed to hear": people agree with thanks
    ("well deserved"); they do not take them for the answer they were waiting for."""
    model, frame = run(lang, 1, 50, (20, POSTURES[lang]["thanks"]))
    replies = under(frame, model)
    assert len(replies) >= 20
    assert not replies.text.str.contains(PRAISED_CLEAR[lang]).any(), replies.text[
        replies.text.str.contains(PRAISED_CLEAR[lang])].head().tolist()


FORGOTTEN = {"en": re.compile(r"for when it's forgotten|talk again in a week", re.I),
             "fr": re.compile(r"pour quand ce sera oublié|on en reparle dans une semaine", re.I)}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_what_will_be_forgotten_is_a_promise_not_an_admission(lang):
    """"'Our file-transfer server was not patched'. Screenshot taken, for when it's forgotten 📸"
    mocks a promise nobody made; under a promised refund it is the crowd's memory (what the mocking
    replies under each message can say)."""
    vocab = vocabulary(load_scenario(SCENARIO[lang]), lang)
    offered = {}
    for name, text in (("admission", OWNING[lang]), ("promise", REMEDY_UNDATED[lang])):
        reading = classify_message(text, lang=lang)
        words = echo.read_words(text, reading, "rebuild", False, True)
        texts = echo.replies(words, lang, "mockery", vocab, "@org").texts
        assert len(texts) >= 50
        offered[name] = sum(bool(FORGOTTEN[lang].search(t)) for t in texts)
    assert offered["admission"] == 0 and offered["promise"] >= 5, offered


@pytest.mark.parametrize("strategy", ["rebuild", "no_comment"])
def test_a_remedy_named_with_an_article_keeps_one(strategy):
    """« un remboursement de vos frais » is « le remboursement », never « l'un remboursement »."""
    text = "Nous présentons nos excuses. Chaque famille recevra un remboursement de ses frais médicaux."
    reading = classify_message(text, lang="fr")
    words = echo.read_words(text, reading, strategy, strategy == "no_comment", True)
    assert words.remedies, "the remedy is named"
    vocab = vocabulary(load_scenario(SCENARIO["fr"]), "fr")
    texts = [t for emotion in ("approval", "fear", "anger", "mockery", "sadness")
             for t in echo.replies(words, "fr", emotion, vocab, "@org").texts]
    assert any("remboursement" in t for t in texts)
    assert not [t for t in texts if re.search(r"\b(?:l'|le |la )un\b", t, re.I)], "l'un remboursement"
