"""The rule-based strategy/tone classifier: accuracy on labelled messages and named behaviours."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from uproar.model import echo
from uproar.model.classify import Classification, classify_message, detect_language, evaluate
from uproar.model.taxonomy import STRATEGIES, TONES

DATA = Path(__file__).parent / "data"
LABELLED = DATA / "labelled_messages.csv"
HOLDOUT = DATA / "labelled_messages_holdout.csv"


def _report(name: str, path: Path) -> dict:
    rep = evaluate(path)
    print(f"\n{name}: n={rep['n']} strategy accuracy {rep['strategy_accuracy']:.1%}, "
          f"tone accuracy {rep['tone_accuracy']:.1%}")
    print("confusion (true -> predicted):")
    for true, row in rep["confusion"].items():
        print(f"  {true:>10}: {row}")
    with open(path, newline="", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            c = classify_message(r["text"], r["lang"])
            if c.strategy != r["strategy"] or c.tone != r["tone"]:
                print(f"  miss [{r['strategy']}/{r['tone']} -> {c.strategy}/{c.tone}] {r['text'][:70]}")
    return rep


def test_accuracy_on_labelled_set():
    """The reader is trained on this set too (reader_train.EXTRA): a floor against regressions,
    not a measure of generalisation (see test_reader.py for the held-out scores)."""
    rep = _report("labelled", LABELLED)
    assert rep["n"] == 84
    assert rep["strategy_accuracy"] >= 0.95  # measured 100% (it is training data)
    assert rep["tone_accuracy"] >= 0.95
    assert set(rep["confusion"]) <= set(STRATEGIES)


def test_accuracy_on_holdout_set():
    rep = _report("held-out", HOLDOUT)
    with open(HOLDOUT, newline="", encoding="utf-8") as fh:
        langs = [r["lang"] for r in csv.DictReader(fh)]
    assert langs.count("fr") == 8 and langs.count("en") == 8
    assert rep["strategy_accuracy"] >= 0.87  # measured 16/16 with the shipped reader; two misses allowed
    assert rep["tone_accuracy"] >= 0.68  # measured 13/16


@pytest.mark.parametrize("path", [LABELLED, HOLDOUT])
def test_language_detection_on_labelled_sets(path):
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    wrong = [r["text"] for r in rows if detect_language(r["text"]) != r["lang"]]
    assert not wrong


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We will not deny our responsibility.", "rebuild"),
        ("Nous ne nierons pas notre responsabilité.", "rebuild"),
        ("We are not responsible for this incident.", "deny"),
        ("Ce n'est pas de notre faute.", "deny"),
        ("Ce n’est pas de notre faute.", "deny"),  # typographic apostrophe
        ("Nous ne sommes pas responsables de cette panne.", "deny"),
        ("No one was hurt.", "diminish"),
        ("Personne n'a été blessé.", "diminish"),
    ],
)
def test_negation(text, expected):
    assert classify_message(text).strategy == expected


@pytest.mark.parametrize(
    "text",
    [
        "Sorry if anyone felt offended.",
        "We apologise for any inconvenience.",
        "We regret that some customers may have been upset.",
        "Nous regrettons que certains aient pu se sentir blessés.",
        "Désolés si certains ont pu être choqués.",
        "Apologies to anyone who was offended.",
        # the feelings regretted, not the act
        "We deeply regret the distress and anger that our report on the evacuation has caused.",
        "La direction regrette vivement l'émoi suscité par cette publication.",
    ],
)
def test_non_apology_is_diminish(text):
    c = classify_message(text)
    assert c.strategy == "diminish"
    assert any("apology" in cue or "fausse excuse" in cue for cue in c.strategy_cues)


@pytest.mark.parametrize(
    "text",
    [
        "We apologise to the residents.",
        "We are sorry, we failed.",
        "Nous présentons nos excuses aux riverains.",
        "Nous sommes désolés. Nous fermons le site dès ce soir.",
        "Huge apologies to our customers. We got the deliveries wrong.",
        "We offer our humblest apologies to the families.",
        "Nous tenons à présenter nos plus sincères excuses à la famille.",
        "Toutes nos excuses aux voyageurs de ce matin.",
    ],
)
def test_real_apology_is_rebuild(text):
    assert classify_message(text).strategy == "rebuild"


@pytest.mark.parametrize(
    "text",
    [
        "Our IT staff warned that the server needed patching. The upgrade was postponed. That decision was wrong, "
        "and it was mine. — Caroline Ashdown, CEO",
        "The decision to postpone the upgrade was a mistake.",
        "Nos équipes avaient signalé le détecteur défaillant. Son remplacement a été reporté. Cette décision était "
        "une erreur, et c'était la mienne.",
        # answering a reporter: the crowd had answered « Niez tant que vous voulez »
        "@ClaireVasseur_RS Madame Vasseur, vous avez raison : le détecteur de chlore de l'atelier était signalé "
        "défaillant depuis six semaines et son remplacement a été reporté. C'était une erreur, et elle est la nôtre.",
        "The server had not been patched for six months and the upgrade was postponed. That was a mistake, and it "
        "is ours.",
    ],
)
def test_a_leader_owning_a_wrong_decision_is_rebuild(text):
    """"That decision was wrong, and it was mine" is an admission, not the rebuttal "… was wrong"."""
    assert classify_message(text).strategy == "rebuild"


@pytest.mark.parametrize(
    "text",
    [
        "Chlorine releases are common in the chemical industry and part of normal operations at a site like ours.",
        "Data incidents like this happen to every retailer; it is an everyday risk of doing business online.",
        "Les rejets de chlore sont fréquents dans l'industrie chimique et font partie du fonctionnement normal d'un site comme le nôtre.",
    ],
)
def test_making_the_harm_ordinary_is_diminish_not_deny(text):
    """"Common in the industry", « le fonctionnement normal d'un site »: the leak is not denied, it is
    made ordinary (diminish); read as a denial, the crowd answered « ils nient tout »."""
    assert classify_message(text).strategy == "diminish"


@pytest.mark.parametrize(
    "text",
    [
        "Nous condamnons fermement ces propos. Les deux agents concernés ont été suspendus et une procédure disciplinaire est engagée.",
        "Le club condamne fermement ces chants. Les auteurs ont été identifiés et seront sanctionnés.",
        "We strongly condemn the chants heard on Saturday. The supporters responsible have been identified and banned from the stadium.",
        "The two officers involved have been stood down and disciplinary proceedings are under way.",
        # sanctions in other words: an employment ended, wrongdoers put out, sanctions to come
        "The board has informed our chief buyer that his employment is terminated, effective immediately.",
        "Such misconduct has no place in our sport and we will ensure that any wrongdoers are put out of the game.",
        "Le club condamne ces propos et veut que les personnes responsables puissent être sanctionnées.",
    ],
)
def test_sanctions_against_ones_own_people_are_corrective_action(text):
    """Condemning what staff or fans did and sanctioning them takes responsibility (rebuild); read
    on the condemnation alone it looked like a rebuttal (real statements' train split)."""
    c = classify_message(text)
    assert c.strategy == "rebuild"
    assert any(cue.startswith("sanction") for cue in c.cues), c.cues


@pytest.mark.parametrize(
    "text",
    [
        "We refuse to apologize for doing our job.",
        "We have nothing to apologise for: the plant is safe.",
        "Nous n'avons pas à nous excuser d'avoir fait notre travail.",
        "Nous refusons de nous excuser pour une décision légale.",
    ],
)
def test_a_refusal_to_apologise_is_no_apology(text):
    c = classify_message(text)
    assert c.strategy != "rebuild"
    assert c.scores["deny"] > c.scores["rebuild"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("I am sorry to interrupt your day: the school is on lockdown after a reported threat. "
         "Please do not come to the school.", "en"),
        ("Désolés de vous déranger : l'école est confinée après une menace. Ne venez pas à l'école.", "fr"),
    ],
)
def test_a_courtesy_sorry_is_not_an_apology(text, lang):
    c = classify_message(text, lang=lang)
    assert c.scores["rebuild"] == 0
    assert c.strategy != "rebuild"
    assert "instructing" in c.base_responses


@pytest.mark.parametrize(
    "text",
    [
        "At no point was there any intention to mislead our customers; the figures were corrected the next day.",
        "À aucun moment il n'y a eu une intention de cacher les choses : le fichier a été corrigé le lendemain.",
        "While I deeply regret this situation arose, our staff followed established procedures.",
        "Nous regrettons que cette situation se soit produite ; les procédures ont été respectées.",
    ],
)
def test_no_intent_and_regret_without_agent_are_excuses(text):
    c = classify_message(text)
    assert c.scores["diminish"] > max(c.scores["rebuild"], c.scores["deny"])


def test_mixed_message_dominant_strategy_wins():
    text = ("We apologise unreservedly to the residents. We will refund every household and have "
            "closed the site. For 30 years we have been a proud local employer.")
    c = classify_message(text)
    assert c.strategy == "rebuild"
    assert c.scores["bolster"] > 0  # the reminder was seen, and outweighed
    assert c.scores["rebuild"] > c.scores["bolster"]
    fr = classify_message("Depuis 1962 nous faisons vivre la vallée, mais nous présentons nos excuses "
                          "aux familles et prendrons en charge tous les frais.")
    assert fr.strategy == "rebuild" and fr.scores["bolster"] > 0


@pytest.mark.parametrize(
    "text",
    [
        "No comment.",
        "We will not comment further.",
        "We are not in a position to comment on the inquiry.",
        "Pas de commentaire.",
        "Nous ne ferons aucun commentaire.",
        "Nous ne répondrons pas aux spéculations.",
    ],
)
def test_no_comment(text):
    assert classify_message(text).strategy == "no_comment"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("C'est faux : l'usine n'a subi aucun dommage.", "C'est faux"),
        ("Contrairement aux rumeurs, le site reste ouvert.", "Contrairement aux"),
        ("Fake news: our warehouse is not on fire.", "Fake news"),
        ("This is not true. Our water is safe.", "This is not true"),
        ("There are false claims circulating about our plant.", "false claims"),
        ("Aucun risque pour l'eau du robinet.", "Aucun risque pour"),
        # what the rumour says was taken was not
        ("We are sorry. Card numbers were not taken, but names and emails were.", "were not taken"),
        ("Your PINs weren't stolen.", "weren't stolen"),
        ("Les numéros de carte n'ont pas été dérobés.", "n'ont pas été dérobés"),
        # the way real rebuttals open and name what goes round (the corpus's rumour corrections had been
        # found 55% of the time, 42% on its test split)
        ("No, 2 million customers were not affected. The breach involved 210,000 accounts.", "No,"),
        ('Posts saying our lifts "failed their inspection" are wrong. Both passed on 4 March.', "Posts saying"),
        ("The bedbug photo was first posted in 2017 by a hotel in another country.", "first posted in 2017"),
        ('The smoke is not "toxic", as some posts claim.', 'not "'),
        ("Non, le conducteur n'était pas au téléphone, comme le prétend une vidéo.", "Non,"),
        ("La photo de poissons morts a été prise en 2018 sur un autre cours d'eau.", "prise en 2018"),
        ("Certains médias parlent d'un « vol massif de données ». Aucune donnée n'a été dérobée.", "Certains médias parlent"),
    ],
)
def test_correction_detected_with_cue(text, phrase):
    c = classify_message(text)
    assert c.correction
    assert any(phrase in cue for cue in c.strategy_cues if cue.startswith("correction"))


@pytest.mark.parametrize(
    "text",
    ["We apologise to the families and will compensate them.", "Nous présentons nos excuses.", "No comment.",
     # what the organisation itself said earlier and now withdraws is no rumour it rebuts
     "Earlier today we said no payment data was involved. That was wrong. We are sorry.",
     "Contrary to what we said this morning, card details were exposed.",
     "Contrairement à ce que nous avions indiqué ce matin, des données bancaires ont bien été exposées."],
)
def test_not_a_correction(text):
    assert not classify_message(text).correction


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Earlier today we said no payment data was involved. That was wrong. The card details of 12,000 "
         "customers were exposed, and we are writing to each of them today.", "That was wrong"),
        ("The number of affected customers is higher than we first reported: 48,000 accounts, not 12,000.",
         "higher than we first reported"),
        ("Contrairement à ce que nous avions indiqué ce matin, trois salariés ont été exposés aux vapeurs. "
         "Ils sont suivis à l'hôpital de Valmont.", "Contrairement à ce que nous avions indiqué"),
        ("Ce matin, nous avions indiqué qu'aucun salarié n'était exposé. C'était faux : trois salariés sont "
         "suivis à l'hôpital.", "C'était faux"),
    ],
)
def test_saying_ones_own_earlier_words_were_wrong_is_owning_a_mistake(text, cue):
    """A self-correction owns a misstatement (rebuild) and the crowd hears the change of story
    ("retracted"); without the cue the first three had read diminish or "uncertain"."""
    c = classify_message(text)
    assert c.strategy == "rebuild", (c.strategy, c.strategy_cues)
    assert any(cue in s for s in c.strategy_cues), c.strategy_cues
    assert "retracted" in echo.postures(text, c.lang)
    assert "retracted" not in echo.postures("The card details of 12,000 customers were exposed. We are sorry.", "en")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Nous présentons nos excuses aux habitants.", "fr"),
        ("We are deeply sorry for what happened.", "en"),
        ("L'usine est fermée jusqu'à nouvel ordre.", "fr"),
        ("The plant is closed until further notice.", "en"),
        ("Pas de commentaire.", "fr"),
        ("No comment.", "en"),
    ],
)
def test_language_detection(text, lang):
    assert detect_language(text) == lang
    assert classify_message(text).lang == lang


def test_cues_quote_the_original_words():
    c = classify_message("Nous présentons nos excuses aux habitants. Nous fermons l'atelier 3.")
    assert c.strategy == "rebuild"
    assert any("'Nous présentons nos excuses'" in cue for cue in c.strategy_cues)  # accents kept
    assert any("'Nous fermons'" in cue for cue in c.strategy_cues)
    d = classify_message("We CATEGORICALLY DENY the allegations.")
    assert d.strategy == "deny"
    assert any("CATEGORICALLY DENY the allegations" in cue for cue in d.strategy_cues)
    # letters that become two ("œ" → "oe") or lose an accent written apart (e + U+0301) before the cue
    for text in ("Les sœurs et leurs cœurs : nous présentons nos excuses aux familles.",
                 "À l'e\u0301cole : nous présentons nos excuses aux familles."):
        assert any("'nous présentons nos excuses'" in cue for cue in classify_message(text).strategy_cues), text


def test_emoji_is_a_humour_cue():
    c = classify_message("Non, notre usine n'a pas explosé 😂 c'était le feu d'artifice.")
    assert c.tone == "humorous"
    assert any("😂" in cue for cue in c.tone_cues)


def test_tones():
    assert classify_message("We are so sorry. Our thoughts are with the families.").tone == "empathetic"
    assert classify_message("These claims are completely false and we will take legal action.").tone == "defensive"
    assert classify_message("The line reopened at 14:10. Readings are normal.").tone == "factual"


def test_a_message_without_rule_cue_is_read_by_the_trained_model():
    c = classify_message("The meeting starts at noon in room 4.")
    assert c.strategy in STRATEGIES and c.source == "hybrid"
    assert all(v == 0 for v in c.scores.values())
    assert any("trained model" in cue for cue in c.strategy_cues)


def test_result_shape_and_json():
    c = classify_message("Nous présentons nos excuses.", lang="fr")
    assert isinstance(c, Classification)
    assert c.strategy in STRATEGIES and c.tone in TONES and c.lang == "fr"
    assert set(c.scores) == set(STRATEGIES)
    d = c.to_dict()
    assert json.loads(json.dumps(d, ensure_ascii=False)) == d
    # the keys design.md lists for `uproar classify --json`
    assert {"strategy", "secondary", "tone", "base_responses", "commitments", "addresses", "confidence",
            "cues"} <= set(d)
    assert 0.0 <= d["confidence"] <= 1.0


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_empty_text_is_an_error(text):
    with pytest.raises(ValueError, match="message text is empty"):
        classify_message(text)


def test_unknown_language_is_an_error():
    with pytest.raises(ValueError, match="'de'"):
        classify_message("Wir entschuldigen uns.", lang="de")


def test_a_teams_spreadsheet_is_read_as_saved(tmp_path):
    """A trainer's labelled statements come from a spreadsheet: in French, semicolons, a byte-order
    mark, labels in the team's own case. `--eval` reads them as meant."""
    from uproar.model.agreement import read_labelled

    saved = ("\ufeffText;Lang;Strategy;Tone;Instructing\n"
             "\"Restez chez vous ; fermez les fenêtres.\";FR;No comment;Factual;1\n"
             "\"Nous présentons nos excuses aux familles.\";fr;Rebuild;empathetic;0\n")
    rows = read_labelled(saved)
    assert [(r["lang"], r["strategy"], r["tone"], r["instructing"]) for r in rows] == [
        ("fr", "no_comment", "factual", "1"), ("fr", "rebuild", "empathetic", "0")]
    path = tmp_path / "ours.csv"
    path.write_text(saved, encoding="utf-8")
    assert evaluate(path)["confusion"]["rebuild"] == {"rebuild": 1}


def test_eval_says_how_many_promises_are_cut_as_labelled(tmp_path):
    """Two promises joined in one sentence are labelled as two clauses: `--eval` counts the labelled
    clauses the reader finds word for word, so that a change to how promises are cut is measured."""
    rows = [("We will compensate every customer and post an update at 3 pm.",
             ["We will compensate every customer", "post an update at 3 pm"]),
            ("We are sorry. Our next update will follow once the checks are done.",
             ["Our next update will follow as soon as possible"])]  # labelled in other words
    with open(tmp_path / "promises.csv", "w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["text", "lang", "strategy", "tone", "commitments"])
        for text, clauses in rows:
            out.writerow([text, "en", "rebuild", "factual", json.dumps([{"text": c} for c in clauses])])
    assert evaluate(tmp_path / "promises.csv")["commitment_clauses"] == {"labelled": 3, "found": 3, "matched": 2}


@pytest.mark.parametrize("saved, named", [
    ("text,strategy,tone\nhello,apology,calm\n", ["line 2", "'apology'", "no_comment", "'calm'", "humorous"]),
    ("text,strategy,tone\n,deny,factual\nOk,deny,factual\nOk,deny,\n", ["line 2: the text is empty", "line 4: tone"]),
    ("text,strategy,tone,instructing\nStay home,deny,factual,yes\n", ["instructing 'yes' is not 0 or 1"]),
    ("text,strategy,tone,commitments\nUpdate at 3,rebuild,factual,update at 3\n", ["line 2: commitments is not a JSON list"]),
    ("message,label\nhello,deny\n", ["no column 'text', 'strategy', 'tone'", "header (message, label)"]),
    ("text,strategy,tone\n", ["no statements"]),
])
def test_a_bad_labelled_file_names_its_lines_and_reads_nothing(tmp_path, saved, named):
    path = tmp_path / "ours.csv"
    path.write_text(saved, encoding="utf-8")
    with pytest.raises(ValueError) as err:
        evaluate(path)
    assert all(n in str(err.value) for n in named), str(err.value)


def test_a_labelled_file_not_in_utf8_says_how_to_save_it(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes("text,strategy,tone\nNous présentons nos excuses.,rebuild,empathetic\n".encode("cp1252"))
    with pytest.raises(ValueError, match="CSV UTF-8"):
        evaluate(path)
