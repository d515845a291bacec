"""Reaction text: every combination has varied, well-formed templates in both languages.

The feed must read like a feed, not a log: enough distinct lines per combination,
only the placeholders a scenario can fill, X-sized texts on X, real French with
accents, voices that differ by group and platform, and loud errors for typos.
"""

from __future__ import annotations

import itertools
import re
import string

import pytest
from conftest import run_model

from uproar.model import text, texttable
from uproar.model.taxonomy import EMOTIONS, GROUPS, KINDS, LANGUAGES, STYLES, VOCABULARY_KEYS

COMBOS = list(itertools.product(GROUPS, EMOTIONS, KINDS, STYLES))
ACCENTS = re.compile(r"[éèêëàâçùûîïôœÉÈÀÇ]")
NOTABLE_EXTRAS = {
    "name": "Claire Martin",
    "outlet": "Le Courrier de l'Orne",
    "deadline": 30,
    "topic": "les causes de la fuite",
}
EN_NOTABLE_EXTRAS = {
    "name": "Claire Martin",
    "outlet": "The Millbrook Courier",
    "deadline": 30,
    "topic": "the causes of the leak",
}
#: Vocabulary that trips naive French formatting: vowels after "de"/"que", "le"/"les" after "à"/"de".
AWKWARD_FR = {
    "org": "Orano",
    "handle": "@Orano",
    "place": "Le Havre",
    "site": "le magasin du centre",
    "product": "outils",
    "event": "le piratage",
    "victims": "les clients",
    "ceo": "Anne Roux",
    "claim": "il y a des victimes",
}


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def vocabulary(lang: str) -> dict[str, str]:
    return text.sample_vocabulary(lang)


def all_reaction_templates(lang: str) -> list[str]:
    return [t for combo in COMBOS for t in text.reaction_templates(lang, *combo)]


def all_other_templates(lang: str) -> list[tuple[str, set[str]]]:
    """(template, allowed fields) for claims, defences, message replies and notable moments."""
    vocab = set(VOCABULARY_KEYS)
    out = []
    for emotion, style in itertools.product(EMOTIONS, STYLES):
        out += [(t, vocab | {"claim"}) for t in text.claim_templates(lang, emotion, style)]
        out += [(t, vocab) for t in text.message_reply_templates(lang, emotion, style)]
    for style in STYLES:
        out += [(t, vocab) for t in text.defence_templates(lang, style)]
    for event in text.EVENTS:
        out += [
            (t, vocab | set(text.EVENT_FIELDS[event])) for t in text.notable_templates(lang, event)
        ]
    return out


# ---------------------------------------------------------------- enough variety


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_reaction_combination_has_eight_distinct_templates(lang):
    short = {
        combo: len(set(ts))
        for combo in COMBOS
        if len(set(ts := text.reaction_templates(lang, *combo))) < 8
    }
    assert not short, f"{lang}: fewer than 8 distinct templates for {short}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_claims_defences_and_message_replies_have_eight_each(lang):
    counts = {}
    for emotion, style in itertools.product(EMOTIONS, STYLES):
        counts[("claim", emotion, style)] = len(set(text.claim_templates(lang, emotion, style)))
        counts[("message_reply", emotion, style)] = len(
            set(text.message_reply_templates(lang, emotion, style))
        )
    for style in STYLES:
        counts[("defence", style)] = len(set(text.defence_templates(lang, style)))
    short = {k: n for k, n in counts.items() if n < 8}
    assert not short, f"{lang}: fewer than 8 templates for {short}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_notable_event_has_four_templates_using_its_fields(lang):
    assert set(text.EVENTS) == {
        "question",
        "no_response",
        "article",
        "answered",
        "declined",
        "official_statement",
        "union_call",
        "blogger_rant",
    }
    for event in text.EVENTS:
        templates = text.notable_templates(lang, event)
        assert len(set(templates)) >= 4, (lang, event)
        used = set().union(*(fields(t) for t in templates))
        assert set(text.EVENT_FIELDS[event]) <= used, (
            f"{lang} {event}: never uses {set(text.EVENT_FIELDS[event]) - used}"
        )
        if event == "question":
            assert all("{deadline}" in t for t in templates), (
                "a question must say when the answer is due"
            )


# ---------------------------------------------------------------- well-formed


def test_placeholders_are_the_scenario_vocabulary():
    assert text.PLACEHOLDERS == VOCABULARY_KEYS
    assert set(text.PLACEHOLDERS) == {
        "org",
        "handle",
        "place",
        "site",
        "product",
        "event",
        "victims",
        "ceo",
        "safety",
    }


@pytest.mark.parametrize("lang", LANGUAGES)
def test_reaction_templates_use_only_vocabulary_and_format(lang):
    vocab = vocabulary(lang)
    for template in all_reaction_templates(lang):
        assert fields(template) <= set(text.PLACEHOLDERS), (
            f"{template!r} uses {fields(template) - set(text.PLACEHOLDERS)}"
        )
        filled = template.format(**vocab)
        assert "{" not in filled and "}" not in filled, template
        assert text.fill(template, vocab, lang).strip() == text.fill(template, vocab, lang)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_other_templates_use_only_their_fields_and_format(lang):
    extras = NOTABLE_EXTRAS if lang == "fr" else EN_NOTABLE_EXTRAS
    values = {**vocabulary(lang), **extras}
    for template, allowed in all_other_templates(lang):
        assert fields(template) <= allowed, f"{template!r} uses {fields(template) - allowed}"
        template.format(**values)
    claims = [
        t for e, s in itertools.product(EMOTIONS, STYLES) for t in text.claim_templates(lang, e, s)
    ]
    assert all("{claim}" in t for t in claims)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_microblog_texts_fit_a_tweet(lang):
    values = {**vocabulary(lang), **(NOTABLE_EXTRAS if lang == "fr" else EN_NOTABLE_EXTRAS)}
    microblog = [
        t
        for g, e, k in itertools.product(GROUPS, EMOTIONS, KINDS)
        for t in text.reaction_templates(lang, g, e, k, "microblog")
    ]
    microblog += [t for e in EMOTIONS for t in text.claim_templates(lang, e, "microblog")]
    microblog += [t for e in EMOTIONS for t in text.message_reply_templates(lang, e, "microblog")]
    microblog += text.defence_templates(lang, "microblog")
    microblog += [t for ev in text.EVENTS for t in text.notable_templates(lang, ev)]
    too_long = [(n, s) for t in microblog if (n := len(s := text.fill(t, values, lang))) > 280]
    assert not too_long, too_long[:5]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_hashtags_no_stray_spacing(lang):
    everything = all_reaction_templates(lang) + [t for t, _ in all_other_templates(lang)]
    for template in everything:
        assert "#" not in template, f"hashtags are the engine's job: {template!r}"
        assert "  " not in template and template == template.strip(), repr(template)
        assert ".." not in template.replace("...", "…"), repr(template)
        if lang == "en":
            assert not re.search(r"\w [?!:;]", template), f"French spacing in English: {template!r}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_lowercase_vocabulary_never_opens_a_sentence(lang):
    """{event}, {victims}, {site}, {product} and {claim} start with a lowercase article or word."""
    opener = re.compile(r"(^|[.!?…]\s|:\s[«\"])\{(event|victims|site|product|claim)\}")
    everything = all_reaction_templates(lang) + [t for t, _ in all_other_templates(lang)]
    bad = [t for t in everything if opener.search(t)]
    assert not bad, bad[:5]


# ---------------------------------------------------------------- French is French


def test_french_reads_as_french_and_differs_from_english():
    fr, en = all_reaction_templates("fr"), all_reaction_templates("en")
    assert sum(bool(ACCENTS.search(t)) for t in fr) / len(fr) > 0.5
    assert not any(ACCENTS.search(t) for t in en if "{" in t)
    for combo in COMBOS:
        fr_set, en_set = (
            set(text.reaction_templates("fr", *combo)),
            set(text.reaction_templates("en", *combo)),
        )
        # emoji-only reactions ("😡😡") and a few shared words ("Bravo") may coincide
        assert len(fr_set & en_set) < len(fr_set) / 2, combo
        assert len(fr_set - en_set) >= 8, combo
    assert set(text.claim_templates("fr", "fear", "social")).isdisjoint(
        text.claim_templates("en", "fear", "social")
    )
    assert set(text.notable_templates("fr", "question")).isdisjoint(
        text.notable_templates("en", "question")
    )


def test_fill_elides_and_contracts_french_at_placeholders():
    assert text.fill("La direction de {org}.", {"org": "Orano"}, "fr") == "La direction d'Orano."
    assert text.fill("Je vis à {place}.", {"place": "Le Havre"}, "fr") == "Je vis au Havre."
    assert (
        text.fill("Pensées à {victims}, de {victims}.", {"victims": "les clients"}, "fr")
        == "Pensées aux clients, des clients."
    )
    assert (
        text.fill("De {event} à {site}", {"event": "le piratage", "site": "le magasin"}, "fr")
        == "Du piratage au magasin"
    )
    assert (
        text.fill("J'exige que {ceo} parte.", {"ceo": "Anne Roux"}, "fr")
        == "J'exige qu'Anne Roux parte."
    )
    assert (
        text.fill("Après {event} de {org}", {"event": "la fuite", "org": "Chimex"}, "fr")
        == "Après la fuite de Chimex"
    )
    assert text.fill("de {org}", {"org": "Orano"}, "en") == "de Orano", "English is left alone"
    assert (
        text.fill("Non. {ceo} doit partir.", {"ceo": "la direction"}, "fr")
        == "Non. La direction doit partir."
    )
    assert text.fill("{ceo} must go", {"ceo": "the management"}, "en") == "The management must go"
    assert text.fill("{org} rocks, {org}", {"org": "iRobot"}, "en") == "iRobot rocks, iRobot"
    with pytest.raises(KeyError):
        text.fill("{org} et {ceo}", {"org": "Orano"}, "fr")


def test_french_templates_survive_awkward_vocabulary():
    """With vowel names and "le/les" values, filled French has no "de Orano" nor "à les"."""
    values = {**AWKWARD_FR, **NOTABLE_EXTRAS, "name": "Élise Morin"}
    patterns = []
    for key, value in values.items():
        if key == "deadline":
            continue
        article = value.split(" ")[0].lower() in ("le", "les")
        vowel = value[0].lower() in "aeiouyéèêàâîô"
        preps = ["de", "à"] if article else ["de", "que"] if vowel else []
        patterns += [rf"(?<![\w'’]){p} {re.escape(value)}" for p in preps]
    wrong = re.compile("|".join(patterns), re.IGNORECASE)
    everything = all_reaction_templates("fr") + [t for t, _ in all_other_templates("fr")]
    bad = [s for t in everything if wrong.search(s := text.fill(t, values, "fr"))]
    assert not bad, bad[:5]


# ---------------------------------------------------------------- voices differ


@pytest.mark.parametrize("lang", LANGUAGES)
def test_groups_speak_differently(lang):
    for emotion, kind, style in itertools.product(EMOTIONS, KINDS, STYLES):
        sets = {
            g: frozenset(text.reaction_templates(lang, g, emotion, kind, style)) for g in GROUPS
        }
        for a, b in itertools.combinations(GROUPS, 2):
            assert sets[a] != sets[b], (lang, emotion, kind, style, a, b)
            assert sets[a] - sets[b], (
                f"{a} says nothing {b} does not: {(lang, emotion, kind, style)}"
            )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_platform_styles_read_differently(lang):
    for group, emotion, kind in itertools.product(GROUPS, EMOTIONS, KINDS):
        sets = {
            s: frozenset(text.reaction_templates(lang, group, emotion, kind, s)) for s in STYLES
        }
        for a, b in itertools.combinations(STYLES, 2):
            assert sets[a] != sets[b], (lang, group, emotion, kind, a, b)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_kinds_have_their_shape(lang):
    posts = text.reaction_templates(lang, "public", "anger", "post", "microblog")
    reactions = text.reaction_templates(lang, "public", "anger", "reaction", "microblog")
    assert max(map(len, reactions)) < 60 < max(map(len, posts)), "reactions are a few words"
    assert any(not re.search(r"\w", t) for t in reactions), "some reactions are emojis alone"
    shares = text.reaction_templates(lang, "public", "fear", "share", "messaging")
    forwarded = "Transféré" if lang == "fr" else "Forwarded"
    assert any(forwarded in t for t in shares)
    assert any(
        t.startswith("RT ")
        for t in text.reaction_templates(lang, "student", "anger", "share", "microblog")
    )
    replies = text.reaction_templates(lang, "public", "anger", "reply", "microblog")
    openers = ("N'importe quoi…", "Sérieux ?") if lang == "fr" else ("Nonsense...", "Seriously?")
    assert any(t.startswith(openers) for t in replies)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_organisation_never_mocks_itself(lang):
    laughing = re.compile(r"mdr|ptdr|lol|lmao|😂|🤣|🤡|🙄")
    for kind, style in itertools.product(KINDS, STYLES):
        for template in text.reaction_templates(lang, "organisation", "mockery", kind, style):
            assert not laughing.search(template), template
        for emotion in ("anger", "fear", "sadness"):
            for template in text.reaction_templates(lang, "organisation", emotion, kind, style):
                assert not re.search(r"😡|🤬|😤|😂", template), template


def test_messaging_is_chat_and_professional_is_measured():
    chat = text.reaction_templates("fr", "public", "mockery", "post", "messaging")
    assert any(t[0].islower() for t in chat), "WhatsApp lines may start lowercase"
    pro = text.reaction_templates("fr", "public", "mockery", "post", "professional")
    assert not any(re.search(r"\b(mdr|ptdr|jpp)\b", t) for t in pro)


# ---------------------------------------------------------------- API contract


def test_results_are_deterministic_and_callers_cannot_corrupt_the_cache():
    first = text.reaction_templates("fr", "union", "anger", "post", "social")
    assert first == text.reaction_templates("fr", "union", "anger", "post", "social")
    first.clear()
    assert text.reaction_templates("fr", "union", "anger", "post", "social")
    claims = text.claim_templates("en", "fear", "photo")
    claims.append("x")
    assert "x" not in text.claim_templates("en", "fear", "photo")


@pytest.mark.parametrize(
    ("call", "bad"),
    [
        (lambda: text.reaction_templates("de", "public", "anger", "post", "social"), "de"),
        (lambda: text.reaction_templates("fr", "farmer", "anger", "post", "social"), "farmer"),
        (lambda: text.reaction_templates("fr", "public", "joy", "post", "social"), "joy"),
        (lambda: text.reaction_templates("fr", "public", "anger", "like", "social"), "like"),
        (lambda: text.reaction_templates("fr", "public", "anger", "post", "tiktok"), "tiktok"),
        (lambda: text.claim_templates("fr", "joy", "social"), "joy"),
        (lambda: text.claim_templates("fr", "fear", "tiktok"), "tiktok"),
        (lambda: text.defence_templates("es", "social"), "es"),
        (lambda: text.defence_templates("en", "fax"), "fax"),
        (lambda: text.message_reply_templates("en", "hope", "social"), "hope"),
        (lambda: text.notable_templates("fr", "press_conference"), "press_conference"),
        (lambda: text.notable_templates("it", "question"), "it"),
        (lambda: text.fill("{org}", {"org": "x"}, "nl"), "nl"),
    ],
)
def test_unknown_values_raise_naming_the_value(call, bad):
    with pytest.raises(ValueError, match=repr(bad)):
        call()


def test_a_new_process_reads_the_rendered_texts_back_and_says_the_same(monkeypatch, tmp_path, en_scenario):
    """Rendering a scenario's texts takes seconds; a new process (a runner restarted after a crash,
    a calibration worker) reads them from the cache folder instead, and its run says word for word
    what a rendering run says. A damaged file is rendered anew, and the run is the same again."""
    rendered = []
    render = texttable.TextTable.__init__

    def counting(self, scenario):
        rendered.append(scenario.scenario.id)
        render(self, scenario)

    monkeypatch.setattr(texttable.TextTable, "__init__", counting)
    monkeypatch.setenv("UPROAR_CACHE_DIR", str(tmp_path))
    message = {"text": "We are sorry. Change your password now; we will write to every customer by 5 pm.",
               "platforms": ["twitter", "facebook"]}

    def run_in_a_new_process() -> list[str]:
        monkeypatch.setattr(texttable, "_RENDERED", {})
        model = run_model(en_scenario, 4, 40, messages=[message], population=2000)
        return model.reactions_frame()["text"].tolist()

    first = run_in_a_new_process()
    (stored,) = tmp_path.glob("texts-*.npz")
    second = run_in_a_new_process()
    stored.write_bytes(stored.read_bytes()[: stored.stat().st_size // 2])
    third = run_in_a_new_process()
    assert len(rendered) == 2, "rendered again although the cache folder held the texts, or not after damage"
    assert len(first) > 200 and first == second == third


def test_a_scenario_given_new_words_in_code_speaks_them(en_scenario):
    """A copy of a loaded scenario keeps the file's hash; the texts are kept by content, so the
    copy with another organisation's name never speaks with the first one's texts."""
    other = en_scenario.model_copy(update={"vocabulary": {**en_scenario.vocabulary, "org": "Zentrix"}})
    assert other.sha256 == en_scenario.sha256
    first, second = texttable.TextTable.for_scenario(en_scenario), texttable.TextTable.for_scenario(other)
    assert not any("Zentrix" in p for p in first.parts) and any("Zentrix" in p for p in second.parts)
