"""Words that fit what happened: without any trainee message, nobody praises, quotes or
describes a response that does not exist (checked with the project's own word lists,
`model/phrases/<lang>/checks.toml`)."""

from __future__ import annotations

import functools
import re

import pandas as pd
import pytest
from conftest import run_model

from uproar import CrisisModel, load_scenario
from uproar.model import phrasebank, text
from uproar.model.phrasebank import presupposes
from uproar.model.taxonomy import SITUATIONS

NOTABLE_EXTRAS = {"name": "Claire Martin", "outlet": "Le Courrier", "deadline": 30, "topic": "la fuite"}


def _lines(node, path=()):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _lines(value, (*path, key))
    elif isinstance(node, list):
        for line in node:
            yield path, line


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_no_line_for_any_or_silent_situation_presupposes_a_response(lang):
    """Static check: every line a silent run can draw (crowd, journalists, rumours, notable
    moments before any answer) is free of the words that presuppose a response."""
    bank = phrasebank.shipped(lang)
    values = {**text.sample_vocabulary(lang), **NOTABLE_EXTRAS}
    checked, bad = 0, []
    for file in ("voice", "core", "frames", "claims", "notable"):
        for path, line in _lines(bank.data[file], (file,)):
            if file == "notable":
                if path[1] in ("no_response", "answered", "declined"):
                    continue
            elif not {"any", "breaking", "silent", "standing"} & set(path):
                continue
            checked += 1
            filled = text.fill(line, values, lang)
            if hits := presupposes(filled, lang):
                bad.append((".".join(path), line, hits))
    assert checked > 1000
    assert not bad, bad[:10]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_word_lists_catch_what_they_are_for(lang):
    """The lists are not vacuous: the lines moved out of "any" match them."""
    bank = phrasebank.shipped(lang)
    values = text.sample_vocabulary(lang)
    moved = [text.fill(line, values, lang) for _, line in _lines(bank.data["voice"]["public"]["approval"]["apologised"])]
    moved += [text.fill(line, values, lang) for _, line in _lines(bank.data["core"]["reply"]["approval"]["apologised"])]
    caught = [line for line in moved if presupposes(line, lang)]
    assert len(caught) >= len(moved) * 0.6, set(moved) - set(caught)


def _first_missed_deadline(model: CrisisModel) -> float:
    minutes = [e["t_min"] for e in model.events if e.get("event") == "no_response"]
    return min(minutes) if minutes else float("inf")


@pytest.mark.parametrize("name", ["fr-usine-chimique", "en-retail-breach"])
@pytest.mark.parametrize("seed", [1, 2])
def test_a_run_without_messages_never_praises_quotes_or_describes_a_response(name, seed):
    scenario = load_scenario(name)
    model = CrisisModel(scenario, rng=seed, population=5000)
    model.run_for(120)
    frame = model.reactions_frame()
    injected = {i.text for i in scenario.injects if getattr(i, "text", None)}
    missed = _first_missed_deadline(model)
    items = frame[~frame["text"].isin(injected)]
    assert len(items) > 1000
    bad = []
    for t, lang, body in zip(items["t_min"], items["lang"], items["text"], strict=True):
        skip = ("no_response",) if t >= missed else ()
        if hits := presupposes(body, lang, skip=skip):
            bad.append((round(float(t), 1), body, hits))
    assert not bad, f"{len(bad)} of {len(items)} items: {bad[:8]}"


@pytest.mark.parametrize("name", ["fr-usine-chimique", "en-retail-breach"])
def test_a_like_is_about_the_post_it_likes(name):
    """Nobody cheers a frightening, angry, mocking or sad post ("Finally some good news" under a rumour
    of poisoned water), and nobody answers thanks to the firefighters with "Outrageous"."""
    model = CrisisModel(load_scenario(name), rng=1, population=5000)
    model.run_for(120)
    frame = model.reactions_frame().set_index("seq", drop=False)
    reactions = frame[(frame.kind == "reaction") & frame.parent_seq.notna()]
    parents = frame.reindex(reactions.parent_seq.astype(int))
    crowd = (parents.author_group != "organisation").to_numpy()
    mine, theirs = (reactions.emotion == "approval").to_numpy(), (parents.emotion == "approval").to_numpy()
    assert crowd.sum() > 200 and (mine & crowd).sum() >= 3  # reactions, and approving ones, were drawn
    odd = reactions[crowd & (mine != theirs)]
    assert odd.empty, list(zip(odd.text, parents[crowd & (mine != theirs)].text, strict=True))[:5]


@pytest.mark.parametrize("name", ["fr-usine-chimique", "en-retail-breach"])
def test_a_reply_to_another_feeling_does_not_pretend_to_agree(name):
    """A calm "let's wait for the facts" under a panicked post must not open "Well said."; an
    angry reply under a frightened one must not say "That's my worry too." Replies to an item of
    their own feeling still may."""
    scenario = load_scenario(name)
    lang = scenario.language
    # every approving opener agrees ("Well said."); the others may only express a feeling ("So sad.")
    agreeing = [text.fill(line, text.sample_vocabulary(lang), lang).rstrip(".?!…")
                for _, line in _lines(phrasebank.shipped(lang).data["core"]["opener"]["approval"])]
    model = CrisisModel(scenario, rng=1, population=5000)
    model.run_for(120)
    frame = model.reactions_frame().set_index("seq", drop=False)
    replies = frame[(frame.kind == "reply") & frame.parent_seq.notna()]
    parents = frame.reindex(replies.parent_seq.astype(int))
    crowd = (replies.author_group.isin(["public", "student", "employee", "union", "blogger"]).to_numpy()
             & (parents.author_group != "organisation").to_numpy())
    other = crowd & (replies.emotion.to_numpy() != parents.emotion.to_numpy())
    same = crowd & ~other
    assert other.sum() > 50 and same.sum() > 50

    def agrees(body: str) -> bool:
        return any(body.lower().startswith(o.lower()) for o in agreeing) or bool(text.AGREES[lang].search(body))

    bad = [(body, above) for body, above in zip(replies.text[other], parents.text.to_numpy()[other], strict=True)
           if agrees(body)]
    assert not bad, bad[:5]
    assert sum(map(agrees, replies.text[same])) > 10  # agreement is still said where it fits


DENIALS = {
    "fr-usine-chimique": "Chimex dément toute responsabilité : l'usine respecte toutes les normes.",
    "en-retail-breach": "Brightmart denies any responsibility: our systems meet every standard.",
}


@pytest.mark.parametrize("name", ["fr-usine-chimique", "en-retail-breach"])
def test_after_a_denial_nobody_thanks_the_organisation_for_owning_up(name):
    scenario = load_scenario(name)
    model = CrisisModel(scenario, rng=3, population=5000)
    model.run_for(10)
    platform = scenario.platforms[0].name
    model.post(text=DENIALS[name], platform=platform, strategy="deny", tone="defensive")
    model.run_for(60)
    frame = model.reactions_frame()
    after = frame[(frame["t_min"] >= 10) & (frame["author_group"] != "organisation")]
    assert len(after) > 500
    bad = [(body, hits) for lang, body in zip(after["lang"], after["text"], strict=True)
           if (hits := presupposes(body, lang, skip=("praise", "statement", "no_response", "instructions", "promises")))]
    assert not bad, f"{len(bad)} of {len(after)} items: {bad[:8]}"


#: Asking what to do: only where no message can have told people what to do yet.
ASKS_WHAT_TO_DO = {
    "en": r"what (?:am i|are we|do we|do i|should we|should i|we should)\b|supposed to do|meant to do",
    "fr": r"on fait quoi|je fais quoi|censés faire|que faire|faire quoi|on doit faire|doit-on faire",
}
#: Situations whose crowd may already have had instructions (from this message or an earlier one):
#: all but silence (breaking news, then remarked) and a latest message that gave none.
AFTER_A_MESSAGE = set(SITUATIONS) - {"breaking", "silent", "deadline_missed", "holding", "refused"}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_nobody_asks_what_to_do_where_instructions_may_have_been_given(lang):
    """The crowd asks "what do we do?" only in silence or after a message without advice: after
    a denial, a broken promise or a U-turn the instructions of an earlier message still stand."""
    bank = phrasebank.shipped(lang)
    asks = re.compile(ASKS_WHAT_TO_DO[lang], re.IGNORECASE)
    checked, bad = 0, []
    for file in ("voice", "core", "replies", "frames"):
        for path, line in _lines(bank.data[file], (file,)):
            if not (AFTER_A_MESSAGE | {"any"}) & set(path):
                continue
            checked += 1
            if asks.search(line):
                bad.append((".".join(path), line))
    assert checked > 500
    assert not bad, bad[:10]
    quiet = [line for path, line in _lines(bank.data["voice"], ("voice",)) if "silent" in path and asks.search(line)]
    assert quiet  # the pattern finds the question where it belongs


def test_a_lead_continues_with_the_scenarios_lowercase_words():
    """"Pour ma part, le PDG de Chimex doit démissionner", not "Pour ma part, Le PDG": a value the
    scenario writes in lower case is capitalised only to open a sentence, never after a lead's ','
    or ':'. (The English scenario's lowercase words never open a line, so no lead meets them.)"""
    from uproar.model.texttable import vocabulary

    scenario = load_scenario("fr-usine-chimique")
    lowercase = {v for values in vocabulary(scenario, "fr").values() for v in values
                 if re.match(r"[^\W\d_]+\s", v) and v.split()[0].islower()}
    after_lead = re.compile("[,:] (" + "|".join(re.escape(v) for v in lowercase) + ")", re.IGNORECASE)
    found = []
    for seed in (5, 6, 7, 8):  # a lead meets these words a time or two in a run
        model = CrisisModel(scenario, rng=seed, population=5000)
        model.run_for(120)
        found += [m.group(1) for t in model.reactions_frame()["text"] for m in after_lead.finditer(t)]
    assert len(found) >= 3, "leads come before the scenario's lowercase words"
    assert all(f[0].islower() for f in found), sorted({f for f in found if not f[0].islower()})


def test_a_crisis_without_a_site_never_speaks_of_people_on_site():
    """A data breach has no plant to stand outside: with `on_site = false` nobody thanks "the staff
    on site" or says "I live in Millbrook, what do we do?" — lines that the same crowd writes when
    the scenario says the crisis has a site."""
    breach = load_scenario("en-retail-breach")
    assert breach.scenario.on_site is False
    sited = breach.model_copy(update={"scenario": breach.scenario.model_copy(update={"on_site": True})})

    places = "|".join(re.escape(p) for p in breach.vocabulary["place"])
    words = {lang: [re.compile(w.pattern.replace(r"\{place\}", f"(?:{places})"), re.IGNORECASE)
                    for w in phrasebank.site_words(lang)] for lang in ("fr", "en")}

    def site_bound(scenario) -> list[str]:
        model = CrisisModel(scenario, rng=1, population=5000)
        model.run_for(120)
        frame = model.reactions_frame()
        return [t for t, lang in zip(frame["text"], frame["lang"], strict=True)
                if any(w.search(t) for w in words[lang])]

    assert len(site_bound(sited)) >= 50  # the words are there to be left out
    assert site_bound(breach) == []


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_list_keeps_a_line_without_a_site(lang):
    """Leaving the site-bound lines out never silences a cell of the shipped banks."""
    bank = phrasebank.shipped(lang)
    words = phrasebank.site_words(lang)
    lists: dict[tuple, list[str]] = {}
    for path, line in _lines(bank.data):
        lists.setdefault(path, []).append(line)
    emptied = [path for path, lines in lists.items()
               if all(isinstance(x, str) for x in lines) and all(any(w.search(x) for w in words) for x in lines)]
    left_out = sum(any(w.search(x) for w in words) for lines in lists.values() for x in lines if isinstance(x, str))
    assert left_out >= 80 and not emptied, emptied


@functools.cache
def _three_runs(name: str) -> pd.DataFrame:
    """Three silent two-hour runs: officials and journalists post a few times in each."""
    frames = []
    for seed in (3, 4, 5):
        model = CrisisModel(load_scenario(name), rng=seed, population=5000)
        model.run_for(120)
        frames.append(model.reactions_frame())
    return pd.concat(frames)


@pytest.mark.parametrize("name", ["fr-usine-chimique", "en-retail-breach"])
def test_journalists_and_officials_do_not_pass_rumours_on_in_the_crowds_words(name):
    """"In the neighbourhood group they say the tap water is contaminated 😨" is a resident's
    post, not an MP's or a reporter's: they answer a rumour in their own voice, and may share it."""
    scenario = load_scenario(name)
    frame = _three_runs(name)
    frame = frame[~frame.text.isin({i.text for i in scenario.injects if getattr(i, "text", None)})]  # scripted
    claims = [c.text.lower() for c in scenario.claims]
    told = frame[(frame.kind != "share") & frame.text.str.lower().apply(lambda t: any(c in t for c in claims))]
    assert (told.author_group == "public").sum() >= 10, "the crowd passes the rumours on"
    assert not told[told.author_group.isin(["elected", "journalist"])].text.tolist()


@pytest.mark.parametrize("name", ["fr-usine-chimique", "en-retail-breach"])
def test_elected_officials_neither_laugh_panic_nor_swear_in_emoji(name):
    """An MP's like or post carries one measured sign ("Unacceptable 😠"), never the crowd's 🤣, 😱 or 🤬.
    (Three runs: an official reacts once or twice in a run, and not always with a sign.)"""
    frame = _three_runs(name)
    elected = frame[(frame.author_group == "elected") & (frame.kind != "share")]  # a share quotes another's words
    crowd_only = re.compile("[😂🤣🤡😱😰😨🤬😡😤🥺]")
    assert len(elected) >= 10 and elected.text.str.contains("😠|👏|🙏|⚠️|🙄|🕊️|❗|🤨").any()
    shouting = [t for t in elected.text if crowd_only.search(t)]
    assert not shouting, shouting[:5]


def test_a_breach_fears_for_data_security_not_safety(en_scenario):
    """What people fear for is the scenario's word: a plant's crowd mocks "Chimex and safety", a
    breach's crowd "Brightmart and data security" — never its physical safety."""
    model = run_model(en_scenario, 5, 120, population=5000)
    said = model.reactions_frame().text
    assert said.str.contains("data security").sum() >= 3
    feared = said.str.contains(r"\b(?:our|and|about) safety\b|\bsafety (?:is our priority|advice|instructions|mostly|here)",
                               case=False)
    assert not feared.any(), said[feared].tolist()[:5]


#: What says the organisation's crisis communication failed ("a textbook case of what not to do")
FAILED_COMMUNICATION = re.compile(
    r"communication… ratée|communication ratée|ne faut pas faire|pas pour les bonnes raisons|improvisent"
    r"|leur com c'est un sketch|formations? en (?:communication|gestion) de crise|leçon pour (?:toutes les équipes|tous les)"
    r"|communication\.\.\. failures|failed communication|not to do|how not to|wrong reasons|improvise"
    r"|their comms are a joke|crisis (?:communication|management) (?:course|training)|lesson (?:here )?for every comm"
    r"|grade for \S+ communication|communication de \S+ : insuffisant", re.IGNORECASE)


@pytest.mark.parametrize(("name", "apology", "denial"), [
    ("fr-usine-chimique",
     "Nous présentons nos excuses aux riverains. Restez chez vous, fenêtres fermées. Nous indemniserons chaque famille.",
     "Il n'y a aucune fuite sur notre site. Ces rumeurs sont fausses."),
    ("en-retail-breach",
     "We apologise to our customers. Change your Bright Rewards password now. We will compensate every member.",
     "There has been no breach of our systems. These rumours are false."),
])
def test_after_a_good_apology_nobody_mocks_a_failed_communication(name, apology, denial):
    """Mockery goes on after an apology ("now for the hard part"), but "a textbook case of what not
    to do" is said where the organisation failed — a denial — not after it apologised and said
    what to do."""
    scenario = load_scenario(name)

    def mocked(text: str) -> list[str]:
        said = []
        for seed in (1, 2):
            model = run_model(scenario, seed, 60, messages=[{"text": text, "platforms": ["twitter", "facebook"],
                                                              "t_min": 5}], population=5000)
            frame = model.reactions_frame()
            after = frame[(frame.t_min >= 6) & frame.text.str.contains(FAILED_COMMUNICATION)]
            said += after.text.tolist()
        return said

    assert not mocked(apology)[:5]
    assert len(mocked(denial)) >= 3


#: Words that remark on the organisation's silence ("still nothing from them", "radio silence").
REMARKED = {
    "en": r"\bstill (?:nothing|not a word|no news|waiting|loading)|hours since|radio silence|🦗|not spoken publicly"
          r"|has said nothing|said nothing publicly|silence of|silence from|where is|where's|anyone seen",
    "fr": r"toujours rien|toujours pas|on attend toujours|des heures|silence radio|🦗|silence de|pas pris la parole"
          r"|où est|où sont|quelqu'un a vu",
}


@pytest.mark.parametrize("name", ["fr-usine-chimique", "en-retail-breach"])
def test_nobody_remarks_the_silence_in_the_first_minutes_of_the_news(name):
    """"Still nothing from them", "hours since…" three minutes after the news would be false: the
    silence is remarked from a quarter of an hour after the onset, and then it is."""
    from uproar.model.situation import NOTICED_AFTER

    early, later = [], []
    for seed in (1, 2):
        model = CrisisModel(name, rng=seed, population=5000)
        model.run_for(45)
        frame = model.reactions_frame()
        frame = frame[frame["kind"] != "reaction"]
        remarked = re.compile(REMARKED[model.scenario.language], re.IGNORECASE)
        noticed = model.conduct.onset + NOTICED_AFTER
        for t, body in zip(frame["t_min"], frame["text"], strict=True):
            if remarked.search(body):
                (early if t < noticed else later).append((t, body))
    assert not early, early[:5]
    assert len(later) >= 10, "the silence is remarked once a quarter of an hour has passed"


#: The crowd saying the organisation called the harm small ("'limited impact'? prove it").
SAID_MINOR = {
    "en": r"\bminor\b|limited|under control|play(?:ing|s|ed)? (?:it )?down|everything(?: i|')s fine|\"no risk|nothing to see"
          r"|nothing serious|not serious|no big deal|small matter|nothing to worry about",
    "fr": r"mineur|limité|sous contrôle|maîtrisé|minimise\b|a minimisé|minimisent|tout va bien|aucun risque|rien à voir"
          r"|rien de grave|pas grave|trois fois rien|rien d'inquiétant",
}
EXCUSE = {
    "en": "This incident was caused by exceptional circumstances beyond our control. Our procedures were followed "
          "at every step.",
    "fr": "Cet incident est dû à des circonstances exceptionnelles, indépendantes de notre volonté. Les procédures "
          "ont été respectées à chaque étape.",
}
MINIMISING = {
    "en": "This is a minor incident affecting a small number of accounts. There is no cause for concern.",
    "fr": "L'incident est mineur et parfaitement maîtrisé. Aucun risque pour la population.",
}


@pytest.mark.parametrize("name", ["fr-usine-chimique", "en-retail-breach"])
def test_an_excuse_is_not_heard_as_calling_the_harm_minor(name):
    """An excuse ("beyond our control", "procedures were followed") and a minimisation ("a minor
    incident", "no risk") are both read as diminishing; only the second is quoted back as
    "'minor'? tell that to the victims" — after the first, people answer the excuse."""
    lang = load_scenario(name).language
    said_minor = re.compile(SAID_MINOR[lang], re.IGNORECASE)
    counts = {}
    for which, message in (("excuse", EXCUSE[lang]), ("minimising", MINIMISING[lang])):
        model = CrisisModel(name, rng=9, population=5000)
        model.post(text=message, t_min=20)
        model.run_for(60)
        assert model.messages[0].strategy == "diminish", which
        frame = model.reactions_frame()
        after = frame[(frame.t_min > 20) & (frame.kind != "reaction")]
        after = after[~after.text.str.contains(message[:30], regex=False)]  # shares quoting the message itself
        counts[which] = [t for t in after.text if said_minor.search(t)]
    assert not counts["excuse"], counts["excuse"][:5]
    assert len(counts["minimising"]) >= 20, "a minimisation is quoted back"


@pytest.mark.parametrize("name", ["fr-usine-chimique", "en-retail-breach"])
def test_a_text_laughs_once(name):
    """A lead, a line and a second line each may laugh; one text does it once ("lol, lol Brightmart
    are unreal", « mdr… mdr Chimex ils sont trop forts », « lol, des consignes mdr » read as a bot)."""
    frame = _three_runs(name)
    laughs = ("lol", "lmao", "haha", "mdr", "ptdr")
    twice = [t for t in frame.text if sum(len(re.findall(rf"\b{w}\b", t.lower())) for w in laughs) > 1]
    laughing = [t for t in frame.text if any(re.search(rf"\b{w}\b", t.lower()) for w in laughs)]
    assert len(laughing) >= 30, "the crowd laughs"
    assert not twice, twice[:5]


#: Answers of each kind, to check what the crowd quotes after them.
ANSWERS = {
    "en": {"holding": "We are aware of reports about Bright Rewards member data and are investigating urgently.",
           "diminish": MINIMISING["en"],
           "deny": "Brightmart is not responsible for this attack. These accusations are unfounded.",
           "bolster": "For 40 years Brightmart has served Kingsford families and invested in their security."},
    "fr": {"holding": "Nous avons connaissance d'un incident sur notre site de Valmont. Nos équipes sont mobilisées.",
           "diminish": MINIMISING["fr"],
           "deny": "Chimex n'est pas responsable. Ces accusations sont infondées.",
           "bolster": "Depuis 40 ans, Chimex fait vivre la vallée et investit dans la sécurité de ses sites."},
}
_QUOTED = re.compile(r"«\s*([^»]+?)\s*»|(?<![A-Za-z])'([^']{3,}?)'(?![A-Za-z])|\"([^\"]{3,}?)\"|“([^”]+)”")
#: What the crowd may put in quotes without the message saying it: the word it missed ("not even a
#: 'sorry'"), the kind of answer a refusal is ("no comment"), a prediction ("next statement: 'minor
#: incident', I bet") and the organisation's own slogans of other days (a seminar, a brochure).
_NOT_THE_MESSAGE = {"sorry", "desole", "excuses", "no comment", "pas de commentaire", "minor incident",
                    "incident mineur", "operational excellence", "excellence operationnelle", "a responsible neighbour",
                    "voisin responsable"}


def _plain(t: str) -> str:
    import unicodedata

    t = unicodedata.normalize("NFKD", t.lower())
    return "".join(c for c in t if not unicodedata.combining(c)).strip(" .,!?…:;")


@pytest.mark.parametrize("name", ["fr-usine-chimique", "en-retail-breach"])
def test_the_crowd_quotes_only_what_was_said(name):
    """After a holding statement, a minimisation, a denial or a reminder of the record, words the crowd
    puts in quotes are the message's own, an inject's or another account's post quoted whole: no "'assessing
    the situation'" after "we are investigating", no "'limited impact'" after "a minor incident", no
    "'nothing to do with us'" after "not responsible". Glosses are reported speech ("they say it's
    nothing serious")."""
    lang = load_scenario(name).language
    for kind, message in ANSWERS[lang].items():
        model = CrisisModel(name, rng=9, population=5000)
        model.post(text=message, t_min=20)
        model.run_for(60)
        frame = model.reactions_frame()
        after = frame[(frame.t_min > 20) & (frame.kind != "reaction")]
        assert len(after) > 500, kind
        said = " ".join(_plain(t) for t in [message, *(i.text for i in model.scenario.injects)])
        unsaid = []
        for body in after.text:
            for m in _QUOTED.finditer(body):
                quoted = _plain(next(g for g in m.groups() if g))
                if quoted in said or quoted in _NOT_THE_MESSAGE or len(quoted.split()) >= 8:
                    continue
                unsaid.append((quoted, body))
        assert not unsaid, (kind, unsaid[:5])


#: A statement that says what happened, apologises and says what to do.
EXPLAINED = {
    "en": "We confirm that Bright Rewards member data was accessed through a supplier's system. We are truly sorry. "
          "Please change your Bright Rewards password now and be wary of emails asking for your details.",
    "fr": "Une fuite de chlore s'est produite ce matin dans notre atelier de conditionnement. Nous présentons nos "
          "excuses aux habitants. Par précaution, restez chez vous, fenêtres fermées.",
}
KNOW_NOTHING = {"en": r"we know nothing|know what's going on|don't know much yet|nobody really knows what's going on",
                "fr": r"on ne sait rien|vous savez ce qui se passe|sait pas encore grand-chose|personne ne sait vraiment ce qui"}


@pytest.mark.parametrize("name", ["fr-usine-chimique", "en-retail-breach"])
def test_once_told_what_happened_nobody_posts_that_nothing_is_known(name):
    """"We know nothing, and that's what's scary" and "does anyone know what's going on?" fit the
    first minutes and a holding statement; after a statement that said what happened (about 200
    posts of 2,700 in the hour after it, before), the crowd worries about what it means instead."""
    lang = load_scenario(name).language
    know_nothing = re.compile(KNOW_NOTHING[lang], re.IGNORECASE)
    model = CrisisModel(name, rng=1, population=5000)
    model.post(text=EXPLAINED[lang], t_min=30)
    model.run_for(80)
    frame = model.reactions_frame()
    posts = frame[frame.kind == "post"]
    early, after = posts[posts.t_min < 30], posts[posts.t_min > 35]
    assert early.text.str.contains(know_nothing).sum() >= 2, "the crowd says it knows nothing before the statement"
    assert len(after) > 500 and not after.text.str.contains(know_nothing).any(), \
        after.text[after.text.str.contains(know_nothing)].head().tolist()


_OPENER = re.compile(r"^\W*((\w+)(?:[\s,]+\w+)?)\s*[.…!?:]+\s+(\w+)")


@pytest.mark.parametrize("name", ["fr-usine-chimique", "en-retail-breach"])
def test_a_text_does_not_open_twice_on_one_word(name):
    """An opener and the line after it do not start on the same word (« Bien. Bien, maintenant les
    détails. », "Not great. Not knowing is the worst part.", "Well, well. Well done, …"): 24 and 32
    texts of the three runs did."""
    frame = _three_runs(name)
    frame = frame[frame.kind != "reaction"]
    twice = [t for t in frame.text if (m := _OPENER.match(t)) and m.group(2).lower() == m.group(3).lower()]
    assert len(frame) > 5000 and not twice, twice[:5]


#: saying that the organisation knew, or had been warned, before the crisis (a question is not saying it)
KNEW = {"en": r"\b(?:knew|warned|warnings|alerted)\b", "fr": r"\b(?:savai(?:en)?t|prévenu|alerté|alertes?)\b"}
#: the minute each shipped scenario first says so (an inject, then a claim the crowd repeats), and the claim's words
REVEALED = {"en-retail-breach": (85, "ignored internal warnings", "warned management in January"),
            "fr-usine-chimique": (88, "signalé défaillant", "en panne depuis six semaines")}


def _asserts_prior_knowledge(body: str, lang: str) -> bool:
    return any(re.search(KNEW[lang], s, re.IGNORECASE) and not s.rstrip().endswith("?")
               for s in re.findall(r"[^.!?]+[.!?]*", body))


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_no_line_for_any_situation_says_the_organisation_knew(lang):
    """"They knew and did nothing", "We warned management", "Sources tell us {org} had received
    warnings" are a scenario's facts, not the crowd's: a data breach's shop-floor staff warned
    nobody. Lines drawn at any time may ask whether there were warnings, not say so."""
    bank = phrasebank.shipped(lang)
    values = {**text.sample_vocabulary(lang), **NOTABLE_EXTRAS}
    lines = [(".".join(path), line) for file in ("voice", "core", "frames", "claims")
             for path, line in _lines(bank.data[file], (file,))
             if {"any", "breaking", "silent", "standing"} & set(path)]
    bad = [(path, line) for path, line in lines if _asserts_prior_knowledge(text.fill(line, values, lang), lang)]
    assert len(lines) > 1000 and not bad, bad


@pytest.mark.parametrize("name", ["fr-usine-chimique", "en-retail-breach"])
def test_nobody_says_the_organisation_knew_before_the_scenario_reveals_it(name):
    """Until the inject that reveals the ignored warnings, no item claims them; after it, the
    claim spreads in the crowd's words."""
    scenario = load_scenario(name)
    at, title, claim = REVEALED[name]
    assert any(i.at == at and title in i.title for i in scenario.injects), "the scenario's reveal moved"
    frame = pd.concat([run_model(name, seed, at + 30, population=5000).reactions_frame() for seed in (1, 2)])
    injected = tuple(i.text[:60] for i in scenario.injects)  # shared with a tag: "…rang me, knew my address"
    frame = frame[~frame.text.map(lambda body: any(head in body for head in injected))]
    said = frame[[_asserts_prior_knowledge(body, lang) for body, lang in zip(frame.text, frame.lang, strict=True)]]
    assert (frame.t_min < at).sum() > 4000
    assert not (said.t_min < at).any(), said[said.t_min < at].text.head().tolist()
    assert frame[frame.t_min >= at].text.str.contains(claim).sum() >= 5, "the reveal is taken up"
