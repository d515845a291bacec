"""Scenario files: the shipped scenarios are complete, and broken files fail kindly.

A designer writes scenarios by hand, so a mistake must come back as a
`ScenarioError` naming the file, the field and — when the mistake sits on one
line — that line, never as another exception or a traceback.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from uproar.model.scenario import ScenarioError, load_scenario, parse_scenario
from uproar.model.taxonomy import EMOTIONS, GROUPS, MASS_GROUPS, VOCABULARY_KEYS

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = {
    "fr-usine-chimique": ROOT / "scenarios" / "fr-usine-chimique.toml",
    "en-retail-breach": ROOT / "scenarios" / "en-retail-breach.toml",
}
BROKEN = Path(__file__).resolve().parent / "data" / "broken_scenarios"

PLATFORM_STYLES = {
    "twitter": "microblog",
    "facebook": "social",
    "instagram": "photo",
    "linkedin": "professional",
    "whatsapp": "messaging",
}
NEGATIVE = {"fear", "anger", "mockery", "sadness"}


def _values(value: str | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def _line(n: int) -> re.Pattern[str]:
    # "line 3" must not match "line 36"
    return re.compile(rf"\bline {n}\b")


# --------------------------------------------------------------------------- shipped


@pytest.fixture(scope="module", params=sorted(SHIPPED), ids=str)
def shipped(request):
    return load_scenario(SHIPPED[request.param])


@pytest.mark.parametrize("name", sorted(SHIPPED))
def test_shipped_scenario_loads_by_path_and_by_name(name):
    by_path = load_scenario(SHIPPED[name])
    by_name = load_scenario(name)
    assert by_path.id == by_name.id == name
    assert by_path.sha256 == by_name.sha256


def test_scenario_frame(shipped):
    expected_language = shipped.id.split("-", 1)[0]
    assert shipped.language == expected_language
    assert shipped.scenario.duration_min == 150
    assert shipped.population.size == 20_000
    assert 4 <= shipped.population.localities <= 8
    assert shipped.scenario.description.strip()


def test_every_group_is_present(shipped):
    mass = set(shipped.population.groups)
    notable = {p.group for p in shipped.personas}
    assert set(MASS_GROUPS) <= mass
    assert mass | notable == set(GROUPS)
    for group in ("journalist", "elected", "organisation"):
        assert group in notable, f"no {group} persona"


def test_stance_per_group(shipped):
    stance = shipped.population.stance
    assert set(stance) == set(GROUPS)
    assert stance["organisation"] == 1.0
    assert stance["public"] < 0 < stance["employee"]
    assert stance["union"] < 0


def test_personas(shipped):
    personas = shipped.personas
    assert len(personas) >= 12
    by_group: dict[str, list] = {}
    for p in personas:
        by_group.setdefault(p.group, []).append(p)
    journalists = by_group["journalist"]
    assert len(journalists) >= 3
    assert all(j.outlet for j in journalists)
    assert len({j.outlet for j in journalists}) == len(journalists)
    assert len({j.deadline_min for j in journalists}) > 1
    assert len(by_group["elected"]) >= 2
    assert len(by_group["blogger"]) >= 2
    assert len(by_group["union"]) >= 1
    assert len(by_group["student"]) >= 1
    assert len(by_group["employee"]) >= 1
    assert 1 <= len(by_group["organisation"]) <= 3
    assert all(p.stance == 1.0 for p in by_group["organisation"])
    assert all(p.locality < shipped.population.localities for p in personas)
    assert len({p.handle for p in personas}) == len(personas)


def test_platforms(shipped):
    styles = {p.name: p.style for p in shipped.platforms}
    assert styles == PLATFORM_STYLES
    presence = {p.name: p.presence for p in shipped.platforms}
    for p in shipped.platforms:
        assert set(p.presence) == set(GROUPS), f"{p.name}: presence for every group"
    # believable presence: who lives where
    assert presence["instagram"]["student"] > presence["instagram"]["public"]
    assert presence["linkedin"]["employee"] > presence["linkedin"]["public"]
    assert presence["whatsapp"]["employee"] > 0.5
    assert presence["twitter"]["journalist"] > 0.8
    assert presence["twitter"]["elected"] > 0.8


def test_injects(shipped):
    injects = shipped.injects
    assert len(injects) >= 8
    times = [i.at for i in injects]
    assert times == sorted(times)
    assert max(times) - min(times) >= 120
    assert max(times) < shipped.scenario.duration_min
    kinds = {i.kind for i in injects}
    assert kinds == {"post", "video", "article", "question", "statement", "fact"}
    declared_tags = {h.tag for h in shipped.hashtags}
    for i in injects:
        assert len(i.text) > 60, f"inject at {i.at}: write a realistic text"
        if i.kind == "question":
            assert shipped.persona(i.author).group == "journalist"
        assert i.shock, f"inject at {i.at}: no emotion shock"
        for emotion, value in i.shock.items():
            if emotion == "approval" and value < 0:
                assert -0.45 <= value <= -0.05
            else:
                assert 0.05 <= value <= 0.45, f"inject at {i.at}: {emotion} = {value}"
        assert set(i.shock) & NEGATIVE
        assert 0.1 <= i.reach <= 0.6
        assert set(i.hashtags) <= declared_tags, f"inject at {i.at}: undeclared hashtag"
        assert all(loc < shipped.population.localities for loc in i.targets.localities)
        assert set(i.platforms) <= set(PLATFORM_STYLES)
    assert sum(1 for i in injects if i.claim) >= 3
    assert sum(1 for i in injects if i.hashtags) >= len(injects) // 2
    assert any(i.targets.localities for i in injects)


def test_claims(shipped):
    claims = shipped.claims
    org_names = {shipped.scenario.organisation.split()[0], *_values(shipped.vocabulary["org"])}
    assert sum(not c.true for c in claims) >= 2
    assert sum(c.true for c in claims) >= 1
    for c in claims:
        assert c.keywords
        assert all(k == k.lower() and k.strip() == k and k for k in c.keywords)
        # the text is a clause read after "Il paraît que " / "Apparently "
        assert not c.text.endswith((".", "!", "?"))
        assert c.text[0].islower() or re.split(r"[\s']", c.text)[0] in org_names, c.text
    if shipped.language == "fr":
        # "que" + vowel would need elision ("qu'il"); only "l'" openings are safe
        for c in claims:
            assert c.text[0].lower() not in "aeiouyéèêàh" or c.text.startswith("l'"), c.text
    used = {i.claim for i in shipped.injects if i.claim}
    assert used == {c.id for c in claims}


def test_hashtags(shipped):
    assert len(shipped.hashtags) >= 4
    for h in shipped.hashtags:
        assert set(h.emotions) <= set(EMOTIONS)
    assert any(max(h.emotions, key=h.emotions.get) == "mockery" for h in shipped.hashtags), (
        "a humour tag"
    )
    boycott = [e for e in shipped.emergent_hashtags if e.tag.startswith("#Boycott")]
    assert boycott, "an emergent #Boycott<Org> tag"
    assert boycott[0].group == "public"
    assert boycott[0].emotion == "anger"
    assert any(org.replace(" ", "") in boycott[0].tag for org in _values(shipped.vocabulary["org"]))


def test_vocabulary(shipped):
    vocab = shipped.vocabulary
    assert set(vocab) == set(VOCABULARY_KEYS)
    for key, value in vocab.items():
        values = _values(value)
        assert values and all(v.strip() for v in values), key
    if shipped.language == "fr":
        # French nouns carry their article so templates read "près de l'usine…"
        for key in ("site", "event", "victims"):
            assert all(re.match(r"^(le |la |les |l')", v) for v in _values(vocab[key])), key


def test_retail_breach_turns_preventable_midway():
    s = load_scenario(SHIPPED["en-retail-breach"])
    assert s.scenario.crisis_type == "accidental"
    turns = [i for i in s.injects if i.crisis_type == "preventable"]
    assert len(turns) == 1
    turn = turns[0]
    duration = s.scenario.duration_min
    assert 0.3 * duration <= turn.at <= 0.7 * duration
    assert turn.kind == "fact"
    assert turn.responsibility is not None
    assert turn.responsibility > s.scenario.responsibility
    # responsibility only rises as facts emerge
    levels = [i.responsibility for i in s.injects if i.responsibility is not None]
    assert levels == sorted(levels)


def test_chemical_plant_is_preventable():
    s = load_scenario(SHIPPED["fr-usine-chimique"])
    assert s.scenario.crisis_type == "preventable"
    facts = [i for i in s.injects if i.kind == "fact"]
    assert facts and all(f.responsibility > s.scenario.responsibility for f in facts)


# --------------------------------------------------------------------------- broken files

#: file → (line the loader reports, substrings the message must contain).
#: The line is None when the mistake is an absence or a whole-file problem, or
#: when the loader cannot place it yet (see LOCATED below).
CASES: dict[str, tuple[int | None, list[str]]] = {
    "syntax_error.toml": (4, ["not valid TOML", "Expected '='"]),
    "missing_scenario_section.toml": (None, ["scenario: is required but missing"]),
    "missing_title.toml": (2, ["scenario.title", "is required but missing"]),
    "wrong_type_duration.toml": (8, ["scenario.duration_min", "valid integer", "'long'"]),
    "unknown_crisis_type.toml": (6, ["scenario.crisis_type", "'preventable'", "'industrial'"]),
    "unknown_emotion.toml": (36, ["injects[0].shock", "unknown emotion", "panic"]),
    "inject_after_end.toml": (
        None,
        ["injects[0].at", "minute 180", "after the end", "duration_min = 150"],
    ),
    "inject_unknown_author.toml": (
        None,
        ["injects[0].author", "unknown persona 'lola'", "vasseur"],
    ),
    "persona_unknown_platform.toml": (None, ["personas[1].platforms", "'tiktok'", "twitter"]),
    "question_not_journalist.toml": (None, ["injects[0]", "question", "journalist"]),
    "misspelled_field.toml": (8, ["scenario.duraton_min", "not a known field"]),
    "stance_out_of_range.toml": (28, ["personas[1].stance", "greater than or equal to -1", "-1.5"]),
    "hashtag_without_hash.toml": (32, ["hashtags[0].tag", "#", "FuiteChimex"]),
    "no_organisation_persona.toml": (None, ["personas", 'group = "organisation"']),
    "empty_vocabulary_list.toml": (None, ["vocabulary.victims", "empty list"]),
    "unknown_vocabulary_key.toml": (None, ["vocabulary", "unknown vocabulary key", "brand"]),
    "not_utf8.toml": (None, ["not UTF-8", "byte 129"]),
    "claim_without_keywords.toml": (None, ["claims[0].keywords", "is required but missing"]),
    "unknown_group.toml": (27, ["personas[1].group", "'journalists'"]),
    "instead_without_unless.toml": (31, ["injects[0]", "'unless'", "spoken, apologised or staff_told"]),
    "population_share_out_of_range.toml": (
        14,
        ["population.groups.public", "less than or equal to 1"],
    ),
}

#: Mistakes found by cross-reference or encoding checks, each placed on its line.
LOCATED: dict[str, int] = {
    "inject_after_end.toml": 32,  # at = 180
    "inject_unknown_author.toml": 34,  # author = "lola"
    "persona_unknown_platform.toml": 29,  # platforms = ["twitter", "tiktok"]
    "question_not_journalist.toml": 34,  # author = "chimex"
    "empty_vocabulary_list.toml": 34,  # victims = []
    "unknown_vocabulary_key.toml": 34,  # brand = "Chimex"
    "not_utf8.toml": 4,  # the Latin-1 "à" of the title
    "claim_without_keywords.toml": 31,  # the [[claims]] header, as for missing_title
}

#: Files whose problem is found by the cross-reference check of the whole scenario.
REFERENCE_ERRORS = [
    "inject_after_end.toml",
    "inject_unknown_author.toml",
    "persona_unknown_platform.toml",
    "question_not_journalist.toml",
    "no_organisation_persona.toml",
]


def _error(name: str) -> ScenarioError:
    with pytest.raises(ScenarioError) as info:
        load_scenario(BROKEN / name)
    return info.value


def test_every_broken_file_is_in_the_table():
    assert sorted(p.name for p in BROKEN.glob("*.toml")) == sorted(CASES)
    assert len(CASES) >= 12


@pytest.mark.parametrize(
    ("name", "line", "expected"), [(n, *c) for n, c in CASES.items()], ids=list(CASES)
)
def test_broken_file_gives_a_readable_error(name, line, expected):
    err = _error(name)
    message = str(err)
    assert name in message
    assert err.path.endswith(name)
    assert len(err.problems) == 1, f"{name} should hold exactly one mistake: {err.problems}"
    for fragment in expected:
        assert fragment in message, f"{fragment!r} not in {message!r}"
    if line is not None:
        assert _line(line).search(message), f"expected 'line {line}' in {message!r}"
    assert "Traceback" not in message


@pytest.mark.parametrize(("name", "line"), list(LOCATED.items()), ids=list(LOCATED))
def test_broken_file_names_the_line(name, line):
    assert _line(line).search(str(_error(name)))


@pytest.mark.parametrize("name", REFERENCE_ERRORS)
def test_reference_error_does_not_dump_the_scenario(name):
    message = str(_error(name))
    assert "'sha256'" not in message
    assert len(message) < 400 + len(str(BROKEN / name))


def test_question_by_unknown_author_is_a_scenario_error():
    text = (BROKEN / "question_not_journalist.toml").read_text(encoding="utf-8")
    with pytest.raises(ScenarioError, match=r"injects\[0\]\.author"):
        parse_scenario(text.replace('author = "chimex"', 'author = "ghost"'), source="q.toml")


def test_parse_scenario_names_its_source():
    with pytest.raises(ScenarioError, match=r"^inline\.toml: "):
        parse_scenario("[scenario]\ntitle = 3\n", source="inline.toml")


def test_unknown_file_is_a_scenario_error(tmp_path):
    with pytest.raises(ScenarioError, match="no such file"):
        load_scenario(tmp_path / "nope.toml")
