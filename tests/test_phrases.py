"""Phrase banks as data: the shipped files load, and a designer's mistake names file, line and field."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from conftest import HEARSAY

import uproar.model as model
from uproar.model import phrasebank
from uproar.model.phrasebank import CLAIM_SITUATIONS, PhraseError, check_file, key_lines
from uproar.model.taxonomy import LANGUAGES


@pytest.mark.parametrize("lang", LANGUAGES)
def test_shipped_banks_load_and_are_complete(lang):
    bank = phrasebank.shipped(lang)
    assert bank.lines(("voice", "public", "anger"), "any", "std")
    assert bank.data["frames"]["share_frames"]["microblog"]


def test_key_lines_follow_tables_and_keys():
    text = '# c\n\n[public.anger.any]\nstd = [\n    "a",\n    "b",\n]\npro = ["c"]\n\n[public.fear.any]\nchat = ["d"]\n'
    lines = key_lines(text)
    assert lines[("public", "anger", "any")] == 3
    assert lines[("public", "anger", "any", "std")] == 4
    assert lines[("public", "anger", "any", "pro")] == 8
    assert lines[("public", "fear", "any", "chat")] == 11


def _problems(file: str, text: str) -> list[str]:
    with pytest.raises(PhraseError) as err:
        check_file(file, text, "my.toml")
    return err.value.problems


def test_unknown_situation_names_line_and_field():
    text = '[public.anger.any]\nstd = ["Ça suffit."]\n\n[public.anger.apologized]\nstd = ["Merci."]\n'
    (problem,) = _problems("voice", text)
    assert problem.startswith("my.toml, line 4, public.anger.apologized:")
    assert "unknown situation 'apologized'" in problem and "apologised" in problem


def test_unknown_group_emotion_and_register_are_named():
    problems = _problems("voice", '[publik.anger.any]\nstd = ["x"]\n\n[public.angry.any]\nstd = ["x"]\n'
                                  '\n[public.fear.any]\nstandard = ["x"]\n')
    assert any("line 1, publik: unknown group 'publik'" in p for p in problems)
    assert any("line 4, public.angry: unknown emotion 'angry'" in p for p in problems)
    assert any("line 8, public.fear.any.standard: unknown register 'standard'" in p for p in problems)


def test_unknown_placeholder_names_the_line_of_the_phrase():
    text = '[public.anger.any]\nstd = [\n    "Fine.",\n    "Shame on {company}.",\n]\n'
    (problem,) = _problems("voice", text)
    assert problem.startswith("my.toml, line 4, public.anger.any.std:")
    assert "{company}" in problem and "{org}" in problem


def test_wrong_types_and_empty_lists_say_what_to_do():
    problems = _problems("voice", '[public.anger.any]\nstd = "Shame."\npro = []\nchat = ["ok", 3]\n')
    assert any("line 2, public.anger.any.std: must be a list of strings" in p for p in problems)
    assert any("line 3, public.anger.any.pro: is an empty list" in p for p in problems)
    assert any("line 4, public.anger.any.chat: each line must be a non-empty string" in p for p in problems)


def test_a_stray_brace_and_bad_toml_are_reported():
    (problem,) = _problems("voice", '[public.anger.any]\nstd = ["Shame on {org."]\n')
    assert "line 2" in problem and "literal brace" in problem
    (problem,) = _problems("voice", '[public.anger.any]\nstd = ["unclosed]\n')
    assert problem.startswith("my.toml: not valid TOML")


def test_rumour_lines_take_standing_or_corrected():
    text = '[fear.corrected]\nstd = ["They say {claim}, but it was denied."]\n[fear.denied]\nstd = ["x"]\n'
    (problem,) = _problems("claims", text)
    assert "line 3, fear.denied: unknown situation 'denied'" in problem and "corrected" in problem


# ---------------------------------------------------------------- a scenario's own phrases

from uproar import CrisisModel  # noqa: E402
from uproar.model.scenario import ScenarioError, load_scenario, shipped_dir  # noqa: E402

OWN_LINE = "Trois incidents en dix ans, et toujours les mêmes excuses."


def _scenario_with(tmp_path, extra: str, name: str = "fr-usine-chimique"):
    source = (shipped_dir() / f"{name}.toml").read_text(encoding="utf-8")
    path = tmp_path / "mine.toml"
    path.write_text(source + "\n" + extra, encoding="utf-8")
    return path


def _texts(scenario, minutes: int = 60) -> list[str]:
    model = CrisisModel(scenario, rng=2, population=4000)
    model.run_for(minutes)
    return list(model.reactions_frame()["text"])


def test_a_scenario_adds_its_own_lines_and_sees_them_used(tmp_path):
    path = _scenario_with(tmp_path, f'[phrases.core.post.anger.any]\nstd = ["{OWN_LINE}"]\n'
                                    f'[phrases.core.post.fear.any]\nstd = ["{OWN_LINE}"]\n')
    scenario = load_scenario(path)
    own = OWN_LINE
    texts = _texts(scenario)
    assert any(own in t for t in texts)
    assert not any(own in t for t in _texts(load_scenario("fr-usine-chimique"))), "the line is the scenario's own"


def test_a_phrases_file_next_to_the_scenario_replaces_lists(tmp_path):
    (tmp_path / "usine-phrases.toml").write_text(
        '[core.post.anger.any]\nreplace = true\nstd = ["Encore {org}. Encore. Ras-le-bol."]\n', encoding="utf-8")
    scenario = load_scenario(_scenario_with(tmp_path, '[phrases]\nfile = "usine-phrases.toml"\n'))
    bank = scenario.phrase_bank("fr")
    assert bank.lines(("core", "post", "anger"), "any", "std") == ["Encore {org}. Encore. Ras-le-bol."]
    assert bank.lines(("core", "post", "fear"), "any", "std"), "other lists are the shipped ones"
    assert any("Encore. Ras-le-bol." in t for t in _texts(scenario))


def test_a_malformed_phrases_file_names_file_line_and_field(tmp_path):
    (tmp_path / "usine-phrases.toml").write_text(
        '# mes phrases\n\n[core.post.anger.any]\nstd = [\n    "Ça suffit.",\n    "La faute à {entreprise}.",\n]\n',
        encoding="utf-8")
    with pytest.raises(ScenarioError) as err:
        load_scenario(_scenario_with(tmp_path, '[phrases]\nfile = "usine-phrases.toml"\n'))
    message = str(err.value)
    assert "usine-phrases.toml, line 6, core.post.anger.any.std" in message
    assert "{entreprise}" in message and "{org}" in message


def test_a_malformed_phrases_table_names_the_scenario_line(tmp_path):
    path = _scenario_with(tmp_path, '[phrases.core.post.colere.any]\nstd = ["Ça suffit."]\n')
    line = path.read_text(encoding="utf-8").splitlines().index("[phrases.core.post.colere.any]") + 1
    with pytest.raises(ScenarioError) as err:
        load_scenario(path)
    message = str(err.value)
    assert f"line {line}, phrases.core.post.colere" in message
    assert "unknown emotion 'colere'" in message


def test_a_missing_phrases_file_says_where_it_was_looked_for(tmp_path):
    with pytest.raises(ScenarioError) as err:
        load_scenario(_scenario_with(tmp_path, '[phrases]\nfile = "nope.toml"\n'))
    assert "nope.toml" in str(err.value) and "relative path" in str(err.value)


# ---------------------------------------------------------------- drawing by situation

import numpy as np  # noqa: E402

from uproar.model.phrasebank import presupposes  # noqa: E402
from uproar.model.taxonomy import EMOTIONS, GROUPS, KINDS, SITUATIONS, STYLES  # noqa: E402
from uproar.model.texttable import TextTable  # noqa: E402


def _draw(table: TextTable, lang: int, situation: str, n: int = 4000, seed: int = 1) -> list[str]:
    rng = np.random.default_rng(seed)
    group = rng.choice([GROUPS.index(g) for g in ("public", "student", "employee", "journalist")], n)
    emotion = rng.integers(0, len(EMOTIONS), n)
    kind = rng.choice([KINDS.index("post"), KINDS.index("reply")], n)
    style = rng.integers(0, len(STYLES), n)
    ids = table.pick_crowd(np.full(n, lang), group, emotion, kind, style, SITUATIONS.index(situation), rng.random(n))
    return list(table.lookup(ids))


@pytest.mark.parametrize("name", ["fr-usine-chimique", "en-retail-breach"])
def test_each_situation_draws_lines_of_its_own_and_silence_none_that_presuppose(name):
    scenario = load_scenario(name)
    lang = scenario.language
    li = LANGUAGES.index(lang)
    for quiet in ("breaking", "silent"):
        texts = _draw(TextTable(scenario), li, quiet)
        assert not [t for t in texts if presupposes(t, lang)], "a silent organisation is never praised or quoted"
    expected = {"apologised": "owning_up", "instructed": "instructions", "promise_kept": "promises",
                "promise_broken": "promises", "refused": "no_response", "deadline_missed": "no_response"}
    for situation, category in expected.items():
        texts = _draw(TextTable(scenario), li, situation)
        share = sum(any(c == category for c, _ in presupposes(t, lang)) for t in texts) / len(texts)
        assert 0.02 < share < 0.6, (situation, category, share)


def test_rumours_left_standing_are_never_said_corrected():
    scenario = load_scenario("en-retail-breach")
    table = TextTable(scenario)
    n = 3000
    rng = np.random.default_rng(2)
    args = (np.full(n, 1), np.zeros(n, dtype=np.int64), rng.integers(0, 5, n), rng.integers(0, 5, n))
    standing = table.lookup(table.pick_claim(*args, np.full(n, CLAIM_SITUATIONS.index("standing")), rng.random(n)))
    corrected = table.lookup(table.pick_claim(*args, np.full(n, CLAIM_SITUATIONS.index("corrected")), rng.random(n)))
    denial = ("says it's", "say it's", "deny that", "denies that", "denied", "Denied", "Official", "swears it", "said so",
              "apparently it's false")
    assert not any(d in t for t in standing for d in denial)
    assert sum(any(d in t for d in denial) for t in corrected) > n * 0.05


def test_a_true_claim_once_owned_is_repeated_as_fact():
    """After "the breach came through our own server", nobody repeats it as a rumour ("apparently…",
    "if it's true…") or as something the organisation keeps quiet about; left standing, it is."""
    scenario = load_scenario("en-retail-breach")
    table = TextTable(scenario)
    n = 3000
    rng = np.random.default_rng(3)
    server = next(i for i, c in enumerate(scenario.claims) if c.id == "unpatched-server")
    args = (np.full(n, 1), np.full(n, server), rng.integers(0, 5, n), rng.integers(0, 5, n))
    standing = table.lookup(table.pick_claim(*args, np.full(n, CLAIM_SITUATIONS.index("standing")), rng.random(n)))
    owned = table.lookup(table.pick_claim(*args, np.full(n, CLAIM_SITUATIONS.index("confirmed")), rng.random(n)))
    assert sum(bool(HEARSAY.search(t)) for t in standing) > n * 0.2
    assert not [t for t in owned if HEARSAY.search(t)], [t for t in owned if HEARSAY.search(t)][:5]
    assert all(scenario.claims[server].text in t for t in owned)


def _strings(node: object) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for v in node.values() for s in _strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return []


def test_french_lines_do_not_give_their_author_a_gender():
    """An account may be anyone: « Inquiet. » from @chloe_leroy reads wrong. French lines say how
    things are (« Inquiétant. », « Ça fait peur. »), not a gendered « je suis inquiet »."""
    gendered = re.compile(r"(?:^|\bje suis (?:\w+ )?|\bj'suis (?:\w+ )?)(?:inquiet|inquiète|choquée?|énervée?|dégoûtée?|"
                          r"révoltée?|furieux|furieuse|soulagée?|rassurée?|déçue?|écœurée?|terrifiée?|sidérée?|outrée?|"
                          r"stressée?|angoissée?)s?\b[.!…]?$", re.I)
    lines = [(path.name, s) for path in sorted((Path(model.__file__).parent / "phrases" / "fr").glob("*.toml"))
             for s in _strings(tomllib.loads(path.read_text(encoding="utf-8")))]
    assert len(lines) > 1000
    found = [(name, s) for name, s in lines if gendered.search(s.strip())]
    assert not found, found[:5]
