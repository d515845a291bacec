"""Replies that read the message: the words a trainee's message offers the crowd, and the texts built from them.

When a trainee posts, people answer what was actually said. This module picks up its
words — a short clause to quote, the word that gives it away ("minor", "are false"),
a figure, a phone number, a named remedy ("refund", "cellule d'écoute"), a promise with
its time — notices what is missing (no apology, no instructions where people are at
risk, no date), and fills the reply templates of `model/phrases/<lang>/message.toml`
with them. Once per message, the texts become cells of the model's text table (a line,
alone or after a lead, alone or with a follow-up: `EchoCell`), which replies and shares
under that message walk like the crowd's own texts (`CrisisModel._echo_words`), so the
step stays vectorised and two accounts do not write the same reply within the hour.

Templates are data; the rules that pick words (French and English: elision,
agreement, « » and “ ” quotes) are code. Everything here is deterministic: the same
message gives the same texts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import product
from pathlib import Path
from typing import Any

import numpy as np

from . import phrasebank, situation
from .classify import Reading, _normalise, rule_pass
from .commitments import Commitment, instructs
from .phrasebank import PhraseError, placeholders, read_toml
from .taxonomy import EMOTIONS, LANGUAGES, VOCABULARY_KEYS
from .texttable import fill

PHRASES_DIR = Path(__file__).parent / "phrases"
#: How the crowd files a message: its strategy, a no-comment split into holding and refusal, and a
#: bolstering message by its posture: a reminder of the record (bolster), a claim to be a victim too
#: (victimage), thanks or praise of others (ingratiation).
KINDS: tuple[str, ...] = ("rebuild", "deny", "diminish", "bolster", "victimage", "ingratiation", "holding", "refused")
#: Words a template may ask for (`needs`), each filling the placeholders listed.
SLOTS: dict[str, tuple[str, ...]] = {
    "quote": ("quote",),  # a short clause of the message
    "weak": ("weak",),  # the clause that gives a denial or a minimising away
    "cue": ("cue",),  # the giveaway word itself ("minor", "are false")
    "figure": ("figure",),  # a number with what it counts ("4.2 million members")
    "phone": ("phone",),  # a phone number
    "remedy": ("remedy", "the_remedy", "e", "s"),  # a named remedy; e/s: French agreement
    "benefit": ("remedy", "the_remedy", "e", "s"),  # a remedy people claim (refund, screening)
    "line": ("remedy", "the_remedy", "e", "s"),  # a line people call (hotline, cellule d'écoute)
    "update_when": ("when", "promise", "clock"),  # a promise to say more, with a time
    "action_when": ("when", "promise", "clock"),  # a promised action, with a time
    "promise": ("promise",),  # any promise
    "instructions": (),  # the message tells people what to do
    "no_apology": (),
    "no_instructions": (),  # people are at risk and the message says nothing of what to do
    "no_date": (),  # a holding statement, a refusal or a remedy that gives no time
    "no_contact": (),  # no phone number and no line to call
    "no_advice": (),  # nothing on what people should do
    "u_turn": (),  # contradicts the organisation's earlier message
    "retracts": (),  # says itself that its earlier words were wrong (a U-turn it owns)
    "against_facts": (),  # denies what the facts have established, or calls a true claim false
    "kept": (),  # delivers an earlier promise
    "again": (),  # a promise broken after an earlier one was ("another broken promise")
    "scapegoat": (),  # blames an outside party: a supplier, a subcontractor (`postures`)
    "threat": (),  # attacks the accuser: legal action, "defamatory" (`postures`)
    "joke": (),  # jokes: its tone is humorous
    "jest": ("jest",),  # the clause that jokes ("nobody wanted 10x points for hackers 🙃"), not its advice
}
#: Slots that pick up the message's own words (the others notice what it lacks or holds).
WORD_SLOTS = frozenset({"quote", "weak", "cue", "figure", "phone", "remedy", "benefit", "line", "update_when",
                        "action_when", "promise", "jest"})
#: Plain lines (no slot) kept per language and emotion at least, beside a third of the word-bearing ones.
PLAIN_MIN = 2
#: Lines noticing what the message lacks (no apology, no date…) kept at least, beside half the word-bearing ones.
NOTICES_MIN = 3
#: Placeholders every template may use besides its slots.
COMMON: tuple[str, ...] = (*VOCABULARY_KEYS, "author")
SECTIONS: tuple[str, ...] = ("reply", "follow", "broken", "share", "lead")
#: At most this many texts per message, language and emotion (a spread of them when more).
MOST = 120
MAX_VARIANTS = 3  # values tried per slot in one template
EXCERPT = 180  # characters of a shared message shown in full
QUOTE_WORDS = 10  # words of a quote (`_short`): a longer clause is cut
NEVER = 2**62  # a minute that never comes


class MessagePhraseError(PhraseError):
    """A reply template file is wrong; each problem names file, line and field."""


# ---------------------------------------------------------------- templates (data)


@dataclass(frozen=True)
class Block:
    """Lines for some emotions, after some kinds of message, when the message offers some words."""

    emotions: tuple[str, ...]
    after: tuple[str, ...]
    needs: tuple[str, ...]
    lines: tuple[str, ...]


@dataclass(frozen=True)
class RemedyRule:
    find: re.Pattern[str]
    gender: str  # "m" or "f" (French agreement; English ignores it)
    plural: bool
    line: bool  # a line people call (hotline), not a benefit they claim (refund)


@dataclass(frozen=True)
class Bank:
    reply: tuple[Block, ...]
    follow: tuple[Block, ...]  # follow-up questions and closers appended to replies
    broken: tuple[Block, ...]
    share: tuple[Block, ...]
    lead: tuple[Block, ...]  # a word people open a reply with ("Seriously?")
    remedies: tuple[RemedyRule, ...]
    apology: re.Pattern[str]


def _header_lines(text: str, name: str) -> list[int]:
    return [i + 1 for i, line in enumerate(text.splitlines()) if line.strip() == f"[[{name}]]"]


def parse_bank(text: str, source: str) -> Bank:
    """Read and check one message.toml; every problem names the file, the line and the field."""
    data = read_toml(text, source, MessagePhraseError)
    problems: list[str] = []
    unknown = set(data) - {*SECTIONS, "remedy", "apology"}
    if unknown:
        problems.append(f"{source}: unknown section(s) {sorted(unknown)}; use {[*SECTIONS, 'remedy', 'apology']}")
    out: dict[str, list[Block]] = {s: [] for s in SECTIONS}
    for section in SECTIONS:
        heads = _header_lines(text, section)
        entries = data.get(section, [])
        if not isinstance(entries, list):
            problems.append(f"{source}, {section}: must be an array of tables written [[{section}]]")
            continue
        for i, entry in enumerate(entries):
            where = f"{source}, line {heads[i]}" if i < len(heads) else source
            block = _block(entry, section, f"{section}[{i}]", where, problems)
            if block:
                out[section].append(block)
    remedies = []
    heads = _header_lines(text, "remedy")
    for i, entry in enumerate(data.get("remedy", [])):
        where = f"{source}, line {heads[i]}" if i < len(heads) else source
        try:
            find = re.compile(entry["find"], re.IGNORECASE)
        except KeyError:
            problems.append(f"{where}, remedy[{i}].find: missing; give a regular expression for the remedy's words")
            continue
        except re.error as exc:
            problems.append(f"{where}, remedy[{i}].find: not a valid regular expression ({exc})")
            continue
        gender, kind = entry.get("gender", "m"), entry.get("kind", "benefit")
        if gender not in ("m", "f"):
            problems.append(f"{where}, remedy[{i}].gender: {gender!r}; use \"m\" or \"f\"")
        if kind not in ("benefit", "line"):
            problems.append(f"{where}, remedy[{i}].kind: {kind!r}; use \"benefit\" or \"line\"")
        remedies.append(RemedyRule(find, gender, bool(entry.get("plural", False)), kind == "line"))
    try:
        apology = re.compile(data.get("apology", r"(?!x)x"), re.IGNORECASE)
    except re.error as exc:
        problems.append(f"{source}, apology: not a valid regular expression ({exc})")
        apology = re.compile(r"(?!x)x")
    if problems:
        raise MessagePhraseError(problems)
    return Bank(tuple(out["reply"]), tuple(out["follow"]), tuple(out["broken"]), tuple(out["share"]),
                tuple(out["lead"]), tuple(remedies), apology)


def _block(entry: Any, section: str, name: str, where: str, problems: list[str]) -> Block | None:
    if not isinstance(entry, dict):
        problems.append(f"{where}, {name}: must be a table")
        return None
    known = {"emotions", "after", "needs", "lines"}
    for key in set(entry) - known:
        problems.append(f"{where}, {name}.{key}: unknown field; use {sorted(known)}")
    emotions = tuple(entry.get("emotions", EMOTIONS))
    after = tuple(entry.get("after", KINDS))
    needs = tuple(entry.get("needs", ()))
    lines = entry.get("lines")
    for e in emotions:
        if e not in EMOTIONS:
            problems.append(f"{where}, {name}.emotions: unknown emotion {e!r}; use {list(EMOTIONS)}")
    for k in after:
        if k not in KINDS:
            problems.append(f"{where}, {name}.after: unknown kind of message {k!r}; use {list(KINDS)}")
    for n in needs:
        if n not in SLOTS:
            problems.append(f"{where}, {name}.needs: unknown word {n!r}; use {list(SLOTS)}")
    if not isinstance(lines, list) or not lines or not all(isinstance(x, str) and x.strip() for x in lines):
        problems.append(f"{where}, {name}.lines: must be a non-empty list of non-empty strings")
        return None
    allowed = set(COMMON) | {p for n in needs for p in SLOTS.get(n, ())}
    if section == "share":
        allowed.add("excerpt")
    for j, line in enumerate(lines):
        try:
            used = placeholders(line)
        except ValueError as exc:
            problems.append(f"{where}, {name}.lines[{j}]: {exc}; write braces as {{{{ and }}}}")
            continue
        if extra := used - allowed:
            problems.append(f"{where}, {name}.lines[{j}]: placeholder(s) {sorted(extra)} not available; "
                            f"add the word to `needs` or use {sorted(allowed)}")
    return Block(emotions, after, needs, tuple(lines))


@cache
def bank(lang: str) -> Bank:
    """The shipped reply templates of a language (checked once per process)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; expected one of {list(LANGUAGES)}")
    path = PHRASES_DIR / lang / "message.toml"
    return parse_bank(path.read_text(encoding="utf-8"), str(path))


# ---------------------------------------------------------------- words of a message


@dataclass(frozen=True)
class Remedy:
    text: str  # as the message words it, e.g. "free hotline", "cellule d'écoute"
    the: str  # with its article: "the free hotline", "la cellule d'écoute", "l'indemnisation"
    gender: str
    plural: bool
    line: bool = False


@dataclass(frozen=True)
class Words:
    """What replies can pick up from one message, in the message's language."""

    lang: str
    kind: str
    quotes: tuple[str, ...] = ()
    weak: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()
    figures: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    remedies: tuple[Remedy, ...] = ()
    updates: tuple[Commitment, ...] = ()  # promises to say more, with a time
    actions: tuple[Commitment, ...] = ()  # promised actions, with a time
    promises: tuple[Commitment, ...] = ()
    jests: tuple[str, ...] = ()  # the clauses that joke, when its tone is humorous
    flags: frozenset[str] = field(default_factory=frozenset)
    says: frozenset[str] = field(default_factory=frozenset)  # postures taken in so many words (`postures`)

    def slot_values(self, slot: str) -> list[dict[str, str]]:
        """The values a template's placeholders may take for one slot (empty: the slot is missing)."""
        if slot == "quote":
            return [{"quote": q} for q in self.quotes]
        if slot == "weak":
            return [{"weak": w} for w in self.weak]
        if slot == "cue":
            return [{"cue": c} for c in self.cues]
        if slot == "figure":
            return [{"figure": f} for f in self.figures]
        if slot == "phone":
            return [{"phone": p} for p in self.phones]
        if slot in ("remedy", "benefit", "line"):
            return [{"remedy": r.text, "the_remedy": r.the, "e": "e" if r.gender == "f" else "",
                     "s": "s" if r.plural else ""} for r in self.remedies
                    if slot == "remedy" or r.line == (slot == "line")]
        if slot in ("update_when", "action_when"):
            return [_promise_values(c, self.lang) for c in (self.updates if slot == "update_when" else self.actions)]
        if slot == "promise":
            return [{"promise": _short(c.text, self.lang)} for c in self.promises]
        if slot == "jest":
            return [{"jest": j} for j in self.jests]
        return [{}] if slot in self.flags else []


def message_kind(strategy: str, holding: bool, says: frozenset[str] = frozenset()) -> str:
    """The kind of message as the crowd files it (one of KINDS); `says`: its `postures`. News is heard
    as a holding statement that gives news (situation `informed`), whatever its reading: "how can
    you be sure already?" would doubt a minimising never said ("every affected member has now been
    emailed"), "now is not the time to brag" a boast never made ("every desk now has extra staff")."""
    if strategy == "no_comment":
        return "holding" if holding or "news" in says else "refused"
    if strategy in ("diminish", "bolster") and situation.by_postures(strategy, says) == "informed":
        return "holding"
    if strategy == "bolster":
        return next((p for p in ("victimage", "ingratiation") if p in says), "bolster")
    return strategy if strategy in KINDS else "holding"


_SENTENCE = re.compile(r"(?<=[.!?…])\s+|\n+")
_PART = re.compile(r"\s*[;:—–]\s+|\s+[-–—]\s+|\s*\(\s*|\s*\)\s*")
_COMMA = re.compile(r",\s+")
_CONJUNCTION = re.compile(r"^(?:and|but|so|or|et|mais|donc|ou|puis)\s+", re.I)
#: A phone number, whole: "0800 123 4567", « 0 800 12 34 56 », "+33 1 23 45 67 89".
_PHONE = re.compile(r"(?<![\w.])(?:\+\d{1,3}[\s.]?(?:\d[\s.])?|0[\s.])?\d{2,4}(?:[\s.-]?\d{2,4}){2,4}(?![\w])")
_FIGURE = {
    "en": re.compile(r"(?<![\w:.,])(\d+(?:[.,]\d+)?(?:\s?(?:%|per ?cent|million|thousand|k))?)\s+"
                     r"(?!(?:am|pm|a\.m|p\.m|minutes?|hours?|h|days?|weeks?|months?|years?|decades?|noon|midday|midnight|o'clock"
                     r"|january|february|march|april|may|june|july|august|september|october|november|december)\b)"
                     r"([a-z][a-z'-]{2,}(?:\s[a-z][a-z'-]{2,})?)"),
    "fr": re.compile(r"(?<![\w:.,])(?<!\bh )(?<!\d )(\d+(?:[ \u00a0\u202f]\d{3})*(?:[.,]\d+)?(?:\s?(?:%|pour ?cent|millions?|milliers?|k))?)\s+"
                     r"(?!(?:h|heures?|minutes?|mn|min|jours?|semaines?|mois|ans|années?|décennies?|midi|minuit|janvier|février"
                     r"|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\b)"
                     r"((?:de |d')?[a-zàâäéèêëîïôöûüç][\wàâäéèêëîïôöûüç'-]{2,})"),
}
_STOP_FIGURE = {"en": {"and", "the", "our", "for", "with", "from", "more", "have", "are", "was", "were", "has"},
                "fr": {"et", "les", "des", "pour", "avec", "sont", "ont", "est", "dans", "plus", "de", "nos", "vos", "ces",
                       "leurs", "ses"}}
#: Capitalised words a count may follow at a sentence's start ("Only 3 employees"); any other
#: capitalised word before a number names it ("NewsNow 24", "Flight 212", « Vol 412 »).
_OPENERS = frozenset({
    "about", "after", "all", "almost", "and", "another", "approximately", "après", "around", "at", "au",
    "aujourd'hui", "aux", "avant", "avec", "before", "but", "by", "ces", "dans", "depuis", "des", "déjà", "encore",
    "environ", "et", "exactly", "fewer", "for", "from", "hier", "in", "just", "les", "less", "mais", "moins", "more",
    "nearly", "nos", "now", "of", "on", "only", "our", "over", "plus", "pour", "près", "quelque", "roughly",
    "seulement", "since", "so", "some", "still", "sur", "the", "these", "those", "to", "today", "up", "with",
    "yesterday",
})
_CUE = re.compile(r"^(?P<label>[^:]+): '(?P<words>.+)'$")


def _figure(match: re.Match[str], lang: str) -> str:
    """"3 employees" of "3 employees were taken": a number and what it counts, without the verb after
    it; "" when it counts nothing ("3 and", a duration is excluded by the pattern: "for 40 years")."""
    prev = match.string[:match.start()].split()[-1:]
    if prev and prev[0][:1].isupper() and prev[0].lower() not in _OPENERS:  # a name's number: "NewsNow 24", "Flight 212"
        return ""
    words = match.group(2).split()
    while words and words[-1].lower() in _STOP_FIGURE[lang]:
        words.pop()
    if words and words[0].lower() in _STOP_FIGURE[lang] - {"de"}:  # « 4,2 millions de clients »
        return ""
    return f"{match.group(1)} {' '.join(words)}" if words else ""


def read_words(text: str, reading: Reading, strategy: str, holding: bool, safety_risk: bool,
               base_responses: tuple[str, ...] | None = None, noticed: tuple[str, ...] = (),
               says: frozenset[str] | None = None, tone: str | None = None) -> Words:
    """Pick up the words of a message that replies can use (French or English, by its reading).

    `strategy`, `holding` and `base_responses` are the reading the crowd goes by (a trainer's
    correction included); the rest comes from the reader's `reading`. `noticed`: what the crowd
    sees of the message against the record ("u_turn", "retracts", "against_facts", "kept", "rebuttal": it
    corrects only false rumours, "apologised": an
    earlier message apologised, so "not one word of apology" would be false, and "instructed": an
    earlier message told people what to do, so "you don't tell us what to do" would be). `says`: the
    message's `postures` (read from `text` when not given); `tone`: the tone the crowd goes by (the
    reader's when not given)."""
    lang = reading.lang if reading.lang in LANGUAGES else "en"
    b = bank(lang)
    says = postures(text, lang) if says is None else says
    kind = message_kind(strategy, holding, says)
    sentences = [s.strip() for s in _SENTENCE.split(text) if s and s.strip()]
    clauses = [c for s in sentences for c in _clauses(s)]
    # a rebuttal of a false rumour calls nothing small and gives nothing away: "'no deaths', you say"
    # would answer it as a minimising ("rebuttal": it corrects only claims the scenario says are false)
    cues = (() if "rebuttal" in noticed and kind in ("deny", "diminish")
            else minimising_words(text, lang) if kind == "diminish" else _cues(reading))
    # the clause that gives it away, unless it only names the rumour ("Posts saying … are not accurate")
    weak = tuple(dict.fromkeys(_short(w, lang) for c in cues if not _aside(w := _holding(clauses, sentences, c), lang)))[:2]
    phones = tuple(dict.fromkeys(m.group(0).strip() for m in _PHONE.finditer(text)))[:2]
    scrubbed = _PHONE.sub(" ", text)
    figures = tuple(dict.fromkeys(f for m in _FIGURE[lang].finditer(scrubbed) if (f := _figure(m, lang))))[:2]
    remedies = _remedies(text, b, lang)
    promises = () if "to_staff" in says else tuple(reading.commitments)  # a staff briefing is not the public's
    updates = tuple(c for c in promises if c.kind == "update" and c.when)
    actions = tuple(c for c in promises if c.kind == "action" and c.when)
    # a doubt or a rebuttal answers a claim: under a denial or a minimisation, its instructions
    # ("if anyone calls asking for your PIN, hang up") are not what gets quoted back
    claims = [c for c in clauses if not instructs(_normalise(c)[0], lang)] if kind in ("deny", "diminish") else clauses
    quotes = _pick_quotes(claims, cues, remedies, lang)
    flags = {n for n in noticed if n in ("u_turn", "retracts", "against_facts", "kept")} | (says & {"scapegoat", "threat"})
    jests: tuple[str, ...] = ()
    if (tone or reading.tone) == "humorous":
        flags.add("joke")
        jests = _jests(clauses, lang)
    base = reading.base_responses if base_responses is None else base_responses
    if "instructing" in base:
        flags.add("instructions")
    elif "instructed" not in noticed:  # earlier instructions still stand: "you don't say what to do" would be false
        flags.add("no_advice")
        if safety_risk:
            flags.add("no_instructions")
    if "apology" not in says and "apologised" not in noticed:  # remedies without "sorry" too
        flags.add("no_apology")
    # "no date, nothing": a holding statement or a refusal says when it will speak, a remedy when it comes;
    # an admission that promises nothing has no date to give
    # (news is no holding line to date, and a staff memo's briefing time is a time all the same)
    if ((kind in ("holding", "refused") and "news" not in says) or (kind == "rebuild" and (promises or remedies))) and not any(
            c.due_min is not None for c in reading.commitments):
        flags.add("no_date")
    if not phones and not any(r.line for r in remedies):
        flags.add("no_contact")
    return Words(lang=lang, kind=kind, quotes=quotes, weak=weak, cues=cues if kind in ("deny", "diminish") else (),
                 figures=figures, phones=phones, remedies=remedies, updates=updates, actions=actions,
                 promises=promises, jests=jests, flags=frozenset(flags), says=says)


#: What marks the words that joke: an emoji, a laugh.
_JEST_MARK = re.compile(r"[\U0001F300-\U0001FAFF\u2600-\u27BF]|\b(?:lol|haha+|mdr|ptdr)\b", re.I)


def _jests(clauses: list[str], lang: str) -> tuple[str, ...]:
    """The clauses of a humorous message that joke, cut after their emoji ("nobody wanted 10x points
    for hackers 🙃"): what "'…'? You think this is funny?" quotes, never its advice ("change your
    password"). The first clause that gives no advice when none is marked."""
    plain = [c for c in clauses if not instructs(_normalise(c)[0], lang)]
    marked = [c[:m.end()] for c in plain if (m := _JEST_MARK.search(c))]
    return tuple(dict.fromkeys(_short(c, lang, most=14) for c in (marked or plain[:1]) if len(c.split()) >= 2))[:2]


def foreign(words: Words) -> Words:
    """What a reader of another language picks up: the quotes and what is missing, not the named things."""
    return Words(lang=words.lang, kind=words.kind, quotes=words.quotes, weak=words.weak, cues=words.cues,
                 figures=words.figures, phones=words.phones, jests=words.jests, flags=words.flags, says=words.says)


def _clauses(sentence: str) -> list[str]:
    """A sentence cut where a reader would stop quoting: at ; : dashes and brackets, and at commas
    when a part is long; a leading "and"/"et" dropped."""
    out = []
    for part in _PART.split(sentence):
        if not part or not part.strip():
            continue
        pieces = _COMMA.split(part) if len(part.split()) > 10 else [part]
        out += [_CONJUNCTION.sub("", p.strip()) for p in _lists_whole(pieces) if p.strip()]
    return out


_LIST_GOES_ON = re.compile(r"^(?:\S+\s+){0,3}(?:and|or|et|ou)\s", re.I)


def _lists_whole(pieces: list[str]) -> list[str]:
    """Comma pieces with a list put back together: "we can confirm that names, email addresses and
    balances were accessed" is not cut after "names" (a piece the next one continues with
    "and"/"et" within its first words belongs with it)."""
    out: list[str] = []
    for p in pieces:
        if out and _LIST_GOES_ON.match(p):
            out[-1] = f"{out[-1]}, {p}"
        else:
            out.append(p)
    return out


def _short(clause: str, lang: str, most: int = QUOTE_WORDS) -> str:
    """A clause as quoted: at most `most` words, no closing punctuation, a cut marked '…'."""
    clause = clause.strip().strip("«»\"“”").strip()
    words = _PHONE.sub(lambda m: m.group(0).replace(" ", _GLUE), clause).split()  # a number is one word
    if len(words) > most:
        cut = words[:most]
        if _UNIT.match(words[most]) and cut[-1][-1:].isdigit():  # "at 9" of "at 9 am", « de 0,3 » of « de 0,3 % »
            cut.pop()
        while cut and cut[-1].lower().strip(",;:") in _WEAK_ENDS[lang]:
            cut.pop()
        return _inner_quotes(" ".join(cut).rstrip(",;:").replace(_GLUE, " ")) + "…"
    return _inner_quotes(clause.rstrip(" .!;:,"))


def _inner_quotes(quote: str) -> str:
    """Quotation marks inside a quote, as a quote within a quote: « … » and "…" become “…”, and one
    left open by a cut is dropped (« On ne va pas vous vendre de « chimie… » would not close)."""
    if quote.count("«") != quote.count("»") or quote.count('"') % 2 or quote.count("“") != quote.count("”"):
        return re.sub(r'\s*[«»"“”]\s*', lambda m: " " if m.group(0).strip() != m.group(0) else "", quote).strip()
    quote = quote.replace("« ", "“").replace(" »", "”").replace("«", "“").replace("»", "”")
    return re.sub(r'"([^"]*)"', r"“\1”", quote)


_GLUE = "\ue000"  # holds a phone number's digits together while a clause is cut to length
#: What a number is cut from when a quote stops after it ("9" of "9 am", "4.2" of "4.2 million").
_UNIT = re.compile(r"(?:am|pm|a\.m\.|p\.m\.|h|%|per|pour|millions?|thousand|milliers?|k|minutes?|hours?|heures?|days?|jours?)\b",
                   re.I)


_WEAK_ENDS = {
    "en": {"a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "with", "by", "at", "our", "your", "their",
           "its", "this", "that", "we", "will", "are", "is", "be", "from", "as"},
    "fr": {"le", "la", "les", "l'", "un", "une", "des", "de", "du", "d'", "et", "ou", "à", "au", "aux", "en", "sur",
           "pour", "par", "avec", "nos", "notre", "vos", "votre", "leur", "leurs", "ce", "cette", "ces", "nous",
           "sont", "est", "qui", "que", "dans", "sera", "seront"},
}


def _cues(reading: Reading) -> tuple[str, ...]:
    """The words that decided the primary strategy (not those of a secondary one, a correction, or a
    self-correction: "we said no card data was involved. That was wrong" quotes the withdrawn claim)."""
    out = []
    for c in reading.strategy_cues:
        if c.startswith(("secondary", "correction", *_RETRACTING)):
            continue
        m = _CUE.match(c)
        if m and "trained model" not in c:
            out.append(m.group("words").strip())
    return tuple(dict.fromkeys(out))[:1]


def minimising_words(text: str, lang: str) -> tuple[str, ...]:
    """The words with which a message calls the harm small ("minor", "no risk"), as written: what
    replies quote back at a diminishing message, and what makes it `diminished` rather than
    `excused`. None when it only excuses ("an accident", "beyond our control"): "'stay indoors'?
    Tell that to the victims" would answer a minimising never said."""
    if lang not in LANGUAGES:
        return ()
    norm, index = _normalise(text)
    m = phrasebank.harm_small(lang).search(norm)
    if not m:
        return ()
    start, end = index[m.start()], index[m.end() - 1] + 1
    return (text[start:end + _whole_word(text[end:])],)


#: What finishes a word or a number a match stopped inside: "Only 0" of "Only 0.3%", « moins de 0 »
#: of « moins de 0,3 % ».
_REST = re.compile(r"(?:\w|[.,]\d)*(?:(?<=\d)\s?%|(?<=\d) (?:per ?cent|pour ?cent)\b)?")


def _whole_word(rest: str) -> int:
    """How many characters of `rest` finish the word or number a quoted span stopped inside."""
    return _REST.match(rest).end()


#: The reader's diminishing cues that excuse or justify (its others call the harm small, or only inform).
_EXCUSES = frozenset({"excuse", "justification", "fausse excuse", "non-apology", "regret for circumstances",
                      "regret des circonstances"})
#: The reader's rebuilding cues that own the fault or the decision ("it was mine", "we take full
#: responsibility", « nous assumons »): after them, "who is responsible? name them" is answered.
_OWNING = frozenset({"responsibility", "responsabilité", "admission", "explicit admission", "aveu", "aveu explicite",
                     "acknowledgement", "reconnaissance"})


#: The reader's cues for a message that says its own earlier words were wrong (`classify`, "self-correction").
_RETRACTING = frozenset({"self-correction", "rectification"})


def postures(text: str, lang: str) -> frozenset[str]:
    """The postures a message takes in so many words, whatever its strategy: "harm_small" (it calls
    the harm small), "excuse" (it excuses or justifies in words the reader's cues know: an accident,
    beyond our control, procedures followed, a non-apology), "apology" (it says sorry), "victimage"
    (it says the organisation is a victim too), "ingratiation" (it thanks or praises others),
    "scapegoat" (it names an outside party: a supplier, a subcontractor), "threat" (it attacks the
    accuser: legal action), "disowned" (it says the harm is not its fault or its doing: "not
    responsible", « Chimex n'est pas en cause »), "news" (it gives results, a state restored, what
    was done), "owned" (it owns the fault or the decision: "it was mine", "we take full
    responsibility"), "retracted" (it says its own earlier words were wrong: "Earlier we said no card
    data was involved. That was wrong.", "Correction:", "higher than we first reported"), "to_staff"
    (it speaks to the organisation's own staff: "To all Brightmart colleagues", « À tous les salariés »).

    The crowd answers what was said: remedies without "sorry" are not thanked for an apology, "we
    too were attacked" is not a reminder of the record, blaming the subcontractor is not denying
    that anything happened, a holding statement that gives news is not "looking into it", nor is
    news the reader took for diminishing an excuse (`situation.reading`)."""
    if lang not in LANGUAGES:
        return frozenset()
    norm, _ = _normalise(text)
    cues = rule_pass(text, lang).strategy_cues
    excuses = [c for c in cues["diminish"] if c.split(":")[0] in _EXCUSES]
    said = {"harm_small": bool(minimising_words(text, lang)), "apology": bool(bank(lang).apology.search(text)),
            "excuse": bool(excuses), "owned": any(c.split(":")[0] in _OWNING for c in cues["rebuild"]),
            "victimage": bool(phrasebank.posture_words(lang, "victimage").search(norm)),
            "ingratiation": bool(phrasebank.posture_words(lang, "ingratiation").search(norm)),
            "scapegoat": bool(phrasebank.posture_words(lang, "scapegoat").search(norm)),
            "threat": bool(phrasebank.posture_words(lang, "threat").search(norm)),
            "disowned": bool(phrasebank.posture_words(lang, "disowned").search(norm)),
            "news": bool(phrasebank.posture_words(lang, "news").search(norm)),
            "to_staff": bool(phrasebank.posture_words(lang, "staff_addressed").search(norm)),
            "retracted": (any(c.split(":")[0] in _RETRACTING for c in cues["rebuild"])
                          or bool(phrasebank.posture_words(lang, "retracted").search(norm)))}
    return frozenset(k for k, v in said.items() if v)


def _holding(clauses: list[str], sentences: list[str], cue: str) -> str:
    low = cue.lower()
    for c in clauses:
        if low in c.lower():
            return c
    return next((s for s in sentences if low in s.lower()), cue)


def _remedies(text: str, b: Bank, lang: str) -> tuple[Remedy, ...]:
    found: dict[str, Remedy] = {}
    for rule in b.remedies:
        for m in rule.find.finditer(text):
            surface = m.group(0).strip()
            if surface[:1].isupper() and surface[1:2].islower():
                surface = surface[0].lower() + surface[1:]
            key = surface.lower()
            if key not in found:
                found[key] = Remedy(surface, _the(surface, rule.gender, rule.plural, lang), rule.gender, rule.plural,
                                    rule.line)
    return tuple(found.values())[:3]


def _the(noun: str, gender: str, plural: bool, lang: str) -> str:
    """The remedy with a definite article: "the refunds", « le remboursement » (not « l'un
    remboursement » when the message wrote « un remboursement »)."""
    noun = re.sub(r"^(?:an?|the|une?|des|les?|la|l')\s*(?=\w)", "", noun, flags=re.I) if " " in noun or "'" in noun else noun
    if lang == "en":
        return f"the {noun}"
    if plural:
        return f"les {noun}"
    if noun[:1].lower() in "aeiouyàâéèêîôûh":
        return f"l'{noun}"
    return f"{'la' if gender == 'f' else 'le'} {noun}"


#: Clauses that only frame a message ("As promised, here is our update"): nothing in them to quote back.
_FRAMING = {"en": re.compile(r"^(?:as promised,?\s*)?(?:here is|here's|this is|please find) (?:our|an|the|a|this) "
                             r"(?:latest |new |further |next )?(?:update|statement|information|news)\b", re.I),
            "fr": re.compile(r"^(?:comme promis,?\s*)?voici (?:notre|un|le|la|nos|les) (?:nouveau |nouvelle |dernier |"
                             r"derni[eè]re )?(?:point|communiqué|message|informations?|nouvelles)\b", re.I)}


#: A clause that only points back at an earlier message ("Following our message this morning", « Comme
#: nous nous y étions engagés »): nothing to quote back ("'Following our message this morning', you say").
_WHEN_EN = r"(?:(?: on| at| by)? (?:this morning|yesterday|earlier|last night|today|\d{1,2}(?::\d\d)?\s*(?:am|pm)))?"
_BACK = {"en": re.compile(r"(?:update,? )?(?:as (?:promised|announced|committed|we (?:promised|announced|committed|said))"
                          + _WHEN_EN + r"|(?:following(?: up)?(?: on)?|further to|in line with) (?:our|my|the|this morning's"
                          r"|yesterday's|last night's)(?: \w+){0,3} (?:message|post|statement|update|announcement|commitment"
                          r"|promise|tweet|email)s?" + _WHEN_EN + r"|(?:our )?\d{1,2}(?::\d\d)?\s*(?:am|pm) update"
                          r"(?:,? as (?:promised|announced))?)", re.I),
         "fr": re.compile(r"(?:point de \d{1,2}\s?h(?:\d\d)?,? )?(?:comme (?:promis|annoncé|convenu|prévu|indiqué"
                          r"|nous nous y étions engagés|nous l'avions (?:dit|annoncé|promis))(?: hier| ce matin| plus tôt"
                          r"| cette nuit)?|(?:suite|conformément) à (?:notre|nos|mon|mes|la|le)(?: \w+){0,2} (?:message|messages"
                          r"|communiqué|point|annonce|engagement|engagements|publication|promesse)(?: \w+){0,4}"
                          r"|point de \d{1,2}\s?h(?:\d\d)?)", re.I)}


#: Whom a message addresses or what labels it ("Dear customers", "@PriyaRamanTech Priya, to answer your
#: questions", "[Video] Caroline Ashdown, Chief Executive", « À tous les salariés de Chimex Valmont »):
#: nothing to quote back.
_VOCATIVE = {"en": re.compile(r"(?:@\w+|\[[^\]]+\]|(?:dear|to (?:all|our|every)|hello|hi|attention|a (?:statement|message|word) "
                              r"from|(?:parents|families|residents|customers|members|passengers|pupils|students|staff) (?:of|at)"
                              r")\b)(?: \S+){0,7}", re.I),
             "fr": re.compile(r"(?:@\w+|\[[^\]]+\]|(?:chers?|chères|madame|monsieur|mesdames|messieurs|habitants|riverains|bonjour"
                              r"|à tou(?:te)?s|aux (?:habitants|riverains|parents|familles|salariés|clients)|(?:parents|familles|habitants|riverains|salariés"
                              r"|clients|usagers|voyageurs|élèves) (?:du|de la|des|de l'|d')|attention"
                              r"|(?:un )?(?:communiqué|message|mot) de)\b)(?: \S+){0,7}", re.I)}


#: A clause that reports the organisation's own earlier words, as a correction does ("Earlier today we
#: said no payment data was involved", « Contrairement à ce que nous avions indiqué »): the claim it
#: withdraws, never to be quoted back as the message's ("'…no payment data was involved' — clear, at last").
_REPORTED = {"en": re.compile(r"(?:(?:earlier|this morning|yesterday|last night|on \w+day|at \d{1,2}(?::\d\d)?\s*(?:am|pm))"
                              r"(?: today)?,? )?(?:we|i) (?:had |have )?(?:initially |originally |previously |first |wrongly "
                              r"|incorrectly |mistakenly )?(?:said|stated|told you|announced|reported|wrote|claimed|indicated)\b"
                              r"|contrary to what (?:we|i)\b|(?:our|my) (?:earlier|previous|first|initial|original) "
                              r"(?:statement|message|post|update|figure|estimate|announcement)", re.I),
             "fr": re.compile(r"(?:(?:ce matin|hier|plus t[oô]t|tout [aà] l'heure|cette nuit),? )?(?:nous avions|nous avons|j'avais"
                              r"|j'ai) (?:initialement |d'abord |pr[eé]c[eé]demment |[aà] tort |par erreur )?(?:dit|indiqu[eé]"
                              r"|annonc[eé]|affirm[eé]|communiqu[eé]|[eé]crit)\b|contrairement [aà] ce que (?:nous|j'|je)"
                              r"|(?:notre|nos|mon) (?:premier|premi[eè]re|pr[eé]c[eé]dent|pr[eé]c[eé]dente) (?:communiqu[eé]|message"
                              r"|estimation|chiffre|bilan)", re.I)}


#: A clause that reports what others say ("Posts saying hackers have your full card numbers…",
#: « Certains médias parlent de morts »): the rumour a rebuttal names, never to be quoted back as the
#: organisation's words ("'Posts saying hackers have your full card numbers…' — deny all you want").
_HEARSAY = {"en": re.compile(r"(?:(?:some |many |recent |viral |the |a |an |these |those )?(?:posts?|reports?|claims?|rumou?rs?|messages?"
                             r"|videos?|photos?|screenshots?|accounts?|people|articles?)|some of you)(?: [\w'-]+){0,4} (?:saying|claiming|"
                             r"says?|claims?|alleging|alleges?|suggesting|suggests?|going (?:a)?round|circulating)\b", re.I),
            "fr": re.compile(r"(?:certains|certaines|des|une|un|plusieurs|les|ces|cette) (?:médias|medias|comptes|publications|messages"
                             r"|internautes|vidéos?|videos?|posts?|rumeurs?|photos?|personnes|articles?)(?: [\w'-]+){0,3} (?:parlent"
                             r"|parle|affirment|affirme|évoquent|évoque|prétendent|prétend|disent|dit|circulent|circule|montrent|montre)\b",
                             re.I)}


#: What calls a claim false within the clause that names it: "The claims circulating online are false"
#: may be quoted whole; "Posts saying hackers have your card numbers… are not accurate" is cut before it.
_VERDICT = {"en": re.compile(r"\b(?:not|no|never|false|untrue|wrong|inaccurate|fake|lies?|baseless|unfounded)\b|n't\b", re.I),
            "fr": re.compile(r"\b(?:faux|fausses?|inexacte?s?|infondée?s?|erronée?s?|pas|aucune?|jamais|mensong\w*)\b|\bn'", re.I)}


def _aside(clause: str, lang: str) -> bool:
    """Whether the clause only points back at an earlier message, names whom it addresses, reports
    the organisation's own earlier words (`_REPORTED`) or what others say (`_HEARSAY`), or is only a
    name ("Kestrel Loyalty Systems"): an opening or an aside, not a claim of its own."""
    c = clause.strip().rstrip(" .,;:!")
    words = c.split()
    hearsay = bool(_HEARSAY[lang].match(c)) and not (len(words) <= QUOTE_WORDS and _VERDICT[lang].search(c))
    return (bool(_BACK[lang].fullmatch(c) or _VOCATIVE[lang].fullmatch(c) or _REPORTED[lang].match(c)) or hearsay
            or (len(words) <= 5 and all(w[:1].isupper() or w.isdigit() for w in words)))


def _pick_quotes(clauses: list[str], cues: tuple[str, ...], remedies: tuple[Remedy, ...], lang: str) -> tuple[str, ...]:
    """Up to three clauses worth quoting: the one that gives the message away first, then the remedy's,
    then the opening one; none that is only a number, only frames the message ("here is our update"),
    only points back at an earlier one ("as promised") or only names someone (`_aside`)."""
    usable = [c for c in clauses if len(c.split()) >= 3 and not _PHONE.fullmatch(c.strip(" .")) and
              sum(ch.isalpha() for ch in c) >= 12 and not _FRAMING[lang].match(c.strip()) and not _aside(c, lang)]
    ranked: list[str] = []
    for cue in cues:
        ranked += [c for c in usable if cue.lower() in c.lower()][:1]
    for r in remedies:
        ranked += [c for c in usable if r.text.lower() in c.lower()][:1]
    ranked += usable
    return tuple(dict.fromkeys(_short(c, lang) for c in ranked))[:3]


_LEAD = {"en": re.compile(r"^(?:at|by|before|around|from|until|on)\s+", re.I),
         "fr": re.compile(r"^(?:à|a|vers|avant|dès|des|d'ici)\s+", re.I)}
_CLOCKISH = {"en": re.compile(r"\d\s*(?:am|pm|a\.m\.|p\.m\.)|\d:\d\d|noon|midday|midnight", re.I),
             "fr": re.compile(r"\d\s?h|midi|minuit", re.I)}


def _promise_values(c: Commitment, lang: str) -> dict[str, str]:
    when = c.when or ""
    clock = _LEAD[lang].sub("", when) if _CLOCKISH[lang].search(when) else ""
    if lang == "fr" and when[:1].isdigit():
        when = f"à {when}"  # "15h" as written in "point à 15h" → "un point à 15h"
    return {"when": when, "promise": _short(c.text, lang), "clock": clock}


# ---------------------------------------------------------------- texts


def _fits(block: Block, kind: str, emotion: str) -> bool:
    return emotion in block.emotions and kind in block.after


def _unsaid(block: Block, words: Words, lang: str) -> re.Pattern[str] | None:
    """The words of lines that would answer what the message did not say: under remedies without a
    word of apology, its apology (a block that needs `no_apology` speaks of the missing one); under
    a denial that blames a subcontractor, a denial that anything happened ("then who is it?"); under
    a joke, praise of its clarity ("'your points are safe 😅' — clear, at last"); under news ("the
    water is safe to drink again"), that they are only looking into it; under a diminishing message
    that calls nothing small in words, that they called it "minor"; under a message that owns the
    fault ("that decision was wrong, and it was mine"), who is responsible; under a denial that only
    rebuts a claim ("the tap water is safe"), that they blame others ("if not you, then who?")."""
    keys = []
    if words.kind == "rebuild" and "apology" not in words.says and "no_apology" not in block.needs:
        keys.append("apology_said")
    if "joke" in words.flags and "joke" not in block.needs:
        keys.append("clarity_said")
    if words.kind == "deny" and "scapegoat" in words.says:
        keys.append("denial_said")
    if words.kind == "deny" and not words.says & {"scapegoat", "disowned", "threat"}:
        keys.append("blame_denied")
    if words.kind == "holding" and "news" in words.says:
        keys.append("checking_said")
    if words.kind == "diminish" and not words.says & {"harm_small", "excuse", "news"}:
        keys.append("harm_said")
    if "owned" in words.says:
        keys.append("blame_asked")
    return _any_of(tuple(phrasebank.posture_words(lang, k) for k in keys)) if keys else None


@lru_cache(maxsize=64)
def _any_of(patterns: tuple[re.Pattern[str], ...]) -> re.Pattern[str]:
    """One pattern for several reasons a line would be untrue (compiled once per combination)."""
    return patterns[0] if len(patterns) == 1 else re.compile("|".join(f"(?:{p.pattern})" for p in patterns), re.IGNORECASE)


def _fill_block(block: Block, words: Words, vocab: dict[str, list[str]], lang: str, extra: dict[str, str]) -> list[str]:
    """Every line of a block filled with up to MAX_VARIANTS values of each slot it needs, but none
    that answers what the message did not say (`_unsaid`)."""
    choices = []
    unsaid = _unsaid(block, words, lang)
    for slot in block.needs:
        values = words.slot_values(slot)[:MAX_VARIANTS]
        if not values:
            return []
        choices.append(values)
    out = []
    for j, line in enumerate(block.lines):
        if unsaid is not None and unsaid.search(line):
            continue
        used = placeholders(line)
        for combo in product(*choices) if choices else [()]:
            values = {k: v for d in combo for k, v in d.items()}
            if "clock" in used and not values.get("clock"):
                continue
            text = fill(line, vocab, j, lang, **extra, **values)
            out.append(text[0].upper() + text[1:] if text[:1].islower() else text)  # "l'indemnisation…" opens
    return out


def _spread(texts: list[str], most: int = MOST) -> list[str]:
    """Distinct texts, at most `most`, spread evenly over the list when there are more."""
    unique = list(dict.fromkeys(texts))
    if len(unique) <= most:
        return unique
    step = len(unique) / most
    return [unique[int(i * step)] for i in range(most)]


@dataclass(frozen=True)
class EchoCell:
    """Texts people may write, as a cell: a line, alone or after a lead ("Seriously?") and alone or
    followed by a follow-up that fits it (a question people ask, a closer). The model walks its
    combinations so that two accounts do not write the same reply (`TextTable.add_cells`)."""

    lines: tuple[str, ...]
    leads: tuple[str, ...] = ("",)  # "" first: no lead
    follows: tuple[str, ...] = ("",)  # "" first: no follow-up
    fits: np.ndarray = field(default_factory=lambda: np.ones((1, 0, 1), dtype=bool))  # (leads, lines, follows)

    def __len__(self) -> int:
        return int(self.fits.sum())

    @property
    def texts(self) -> list[str]:
        """Every text the cell can give (for reading and tests; the model draws ids instead)."""
        return [" ".join(p for p in (self.leads[a], self.lines[i], self.follows[j]) if p)
                for a, i, j in zip(*np.nonzero(self.fits), strict=True)]

    def cell(self) -> tuple[list[list[str]], np.ndarray]:
        """The four slots and the mask `TextTable.add_cells` takes."""
        return [list(self.leads), list(self.lines), list(self.follows), [""]], self.fits[..., None]


def _alone(lines: list[str]) -> EchoCell:
    return EchoCell(tuple(lines), fits=np.ones((1, len(lines), 1), dtype=bool))


def replies(words: Words, lang: str, emotion: str, vocab: dict[str, list[str]], author: str) -> EchoCell:
    """Replies under the message in one language and emotion (its own words where it offers them),
    each alone or with follow-ups that fit. Lines with no word of the message are kept few, so
    that most replies answer what was actually said."""
    b = bank(lang)
    tiers: tuple[list[str], list[str], list[str]] = ([], [], [])  # its words, what is missing, plain
    for block in b.reply:
        if _fits(block, words.kind, emotion):
            tier = 0 if set(block.needs) & WORD_SLOTS else 1 if block.needs else 2
            tiers[tier].extend(_fill_block(block, words, vocab, lang, {"author": author}))
    own, notices, plain = (list(dict.fromkeys(t)) for t in tiers)
    # people answer what was said: plain lines only round out what the message's words offer
    if own:
        notices = notices[: max(len(own) // 2, NOTICES_MIN)]
        plain = plain[: max(len(own) // 3, PLAIN_MIN)]
    return _compose(_spread(own + notices + plain), b, words, lang, emotion, vocab, author)


#: Follow-ups one line may take (beside standing alone): enough that a large crowd's replies to
#: one message do not meet within the hour, few enough that no line is seen with every question.
FOLLOWS_PER_LINE = 8
#: Leads one line and follow-up may take (beside none): most replies open on their line.
LEADS_PER_TEXT = 3


def _blocks(blocks: tuple[Block, ...], words: Words, lang: str, emotion: str, vocab: dict[str, list[str]],
            author: str) -> list[tuple[str, tuple[str, ...]]]:
    """The filled lines of the blocks that fit, each with the message's words it names (anchors)."""
    out: list[tuple[str, tuple[str, ...]]] = []
    for block in blocks:
        if _fits(block, words.kind, emotion):
            anchors = tuple(v.lower() for slot in block.needs for d in words.slot_values(slot)
                            for k, v in d.items() if k in ("remedy", "quote", "figure", "phone", "when") and v)
            out += [(f, anchors) for f in _fill_block(block, words, vocab, lang, {"author": author})]
    return list({f: (f, a) for f, a in out}.values())


def _compose(lines: list[str], b: Bank, words: Words, lang: str, emotion: str, vocab: dict[str, list[str]],
             author: str) -> EchoCell:
    """The lines as a cell: each alone or with up to FOLLOWS_PER_LINE of the follow-ups that fit,
    and each of those alone or after up to LEADS_PER_TEXT leads.

    A follow-up that needs a word of the message ("Who is eligible?" needs a benefit) follows only
    a line that names it; a follow-up or lead that shares a word with the line ("Keep us posted"
    after "…keeping us posted") does not go with it. Choices rotate, so each follow-up and lead
    is heard with every line in turn."""
    follows = _blocks(b.follow, words, lang, emotion, vocab, author)
    leads = [f for f, _ in _blocks(b.lead, words, lang, emotion, vocab, author)]
    follow_words = [_words(f) for f, _ in follows]
    lead_words = [_words(f) for f in leads]
    fits = np.zeros((1 + len(leads), len(lines), 1 + len(follows)), dtype=bool)
    for i, line in enumerate(lines):
        low, own = line.lower(), _words(line)
        ok = [j for j, (_, anchors) in enumerate(follows)
              if (not anchors or any(a in low for a in anchors)) and not own & follow_words[j]]
        chosen = [0] + [1 + ok[(i + k * max(len(ok) // FOLLOWS_PER_LINE, 1)) % len(ok)]
                        for k in range(min(FOLLOWS_PER_LINE, len(ok)))]
        for j in chosen:
            said = own | (follow_words[j - 1] if j else set())
            fits[0, i, j] = True
            fit = [a for a in range(len(leads)) if not said & lead_words[a]]
            for k in range(min(LEADS_PER_TEXT, len(fit))):
                fits[1 + fit[(i + j + k * max(len(fit) // LEADS_PER_TEXT, 1)) % len(fit)], i, j] = True
    return EchoCell(tuple(lines), ("", *leads), ("", *(f for f, _ in follows)), fits)


def _words(text: str) -> set[str]:
    """A text's words of four letters or more, lowercased and cut to five letters, so that "worried"
    meets "worry" and "inquiet" meets "s'inquiéter" (what a lead or follow-up must not repeat)."""
    return {w[:5] for w in _WORD.findall(text.lower())}


_WORD = re.compile(r"[^\W\d_]{4,}")


def broken(words: Words, promise: Commitment, lang: str, emotion: str, vocab: dict[str, list[str]],
           author: str, again: bool = False) -> EchoCell:
    """What people say once a promise of the message is broken (its time passed, nothing came);
    `again`: an earlier promise broke too ("another broken promise" is said only then)."""
    b = bank(lang)
    flags = words.flags | {"again"} if again else words.flags
    own = Words(lang=words.lang, kind=words.kind, quotes=words.quotes, phones=words.phones, remedies=words.remedies,
                updates=(promise,) if promise.kind == "update" and promise.when else (),
                actions=(promise,) if promise.kind == "action" and promise.when else (), promises=(promise,),
                flags=flags, says=words.says)
    if lang != words.lang:
        own = Words(lang=words.lang, kind=words.kind, quotes=(_short(promise.text, words.lang),),
                    promises=(promise,), flags=flags, says=words.says)
    texts: list[str] = []
    for block in b.broken:
        if _fits(block, words.kind, emotion):
            texts += _fill_block(block, own, vocab, lang, {"author": author})
    return _compose(_spread(texts), b, own, lang, emotion, vocab, author)


def excerpt(text: str, most: int = EXCERPT) -> str:
    """The message as a share shows it: whole when short, else cut at a word with '…'."""
    text = " ".join(text.split())
    if len(text) <= most:
        return text
    cut = text[:most].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def shares(text: str, words: Words, lang: str, emotion: str, vocab: dict[str, list[str]], author: str) -> EchoCell:
    """Shares of the message: its own text, with a word of comment."""
    b = bank(lang)
    texts: list[str] = []
    for block in b.share:
        if _fits(block, words.kind, emotion):
            texts += _fill_block(block, words, vocab, lang, {"author": author, "excerpt": excerpt(text)})
    return _alone(_spread(texts))


# ---------------------------------------------------------------- the model's store


class EchoTable:
    """Per trainee message, the text table's cells its replies and shares are drawn from, by
    language and emotion (−1: none), and those of its broken promise's talk once one is.

    Rows follow the order of the messages (their seqs increase), so the replies of a minute find
    their message's row with one `searchsorted` and walk its cells, all at once."""

    def __init__(self, langs: list[str]):
        self.langs = langs  # languages spoken in the crowd (others keep no cells)
        shape = (0, len(LANGUAGES), len(EMOTIONS))
        self.seqs = np.empty(0, dtype=np.int64)
        self.reply = np.full(shape, -1, dtype=np.int64)
        self.share = np.full(shape, -1, dtype=np.int64)
        self.broken = np.full(shape, -1, dtype=np.int64)
        self.broken_at = np.empty(0, dtype=np.int64)  # minute a promise of the message broke (NEVER: none)
        #: the latest broken promise's talk, for crowd items anywhere (not only under the message)
        self.latest_broken = np.full(shape[1:], -1, dtype=np.int64)
        self.latest_broken_at: int | None = None
        self._said: dict[int, tuple[Words, str, str]] = {}

    def __len__(self) -> int:
        return len(self.seqs)

    def add(self, table: Any, seq: int, text: str, words: Words, vocab: dict[str, dict[str, list[str]]],
            author: str) -> None:
        """Build and store the texts of a new message (or rebuild them after a correction)."""
        rows = np.full((2, len(LANGUAGES), len(EMOTIONS)), -1, dtype=np.int64)
        for lang in self.langs:
            li = LANGUAGES.index(lang)
            own = words if lang == words.lang else foreign(words)
            made = [(which, replies(own, lang, emotion, vocab[lang], author) if which == 0
                     else shares(text, own, lang, emotion, vocab[lang], author), ei)
                    for which in (0, 1) for ei, emotion in enumerate(EMOTIONS)]
            self._store(table, lang, made, rows[:, li])
        self._said[seq] = (words, text, author)
        where = np.flatnonzero(self.seqs == seq)
        if len(where):
            self.reply[where[0]], self.share[where[0]] = rows[0], rows[1]
            return
        self.seqs = np.append(self.seqs, seq)
        self.reply = np.concatenate([self.reply, rows[:1]])
        self.share = np.concatenate([self.share, rows[1:2]])
        self.broken = np.concatenate([self.broken, np.full_like(rows[:1], -1)])
        self.broken_at = np.append(self.broken_at, NEVER)

    def promise_broken(self, table: Any, seq: int, promise: Commitment, minute: int,
                       vocab: dict[str, dict[str, list[str]]]) -> None:
        """A promise of message `seq` fell due unkept: replies under it and crowd items talk of it."""
        where = np.flatnonzero(self.seqs == seq)
        if not len(where) or seq not in self._said:
            return
        words, _, author = self._said[seq]
        again = bool((self.broken_at < NEVER).any())
        row = np.full((1, len(LANGUAGES), len(EMOTIONS)), -1, dtype=np.int64)
        for lang in self.langs:
            made = [(0, broken(words, promise, lang, emotion, vocab[lang], author, again), ei)
                    for ei, emotion in enumerate(EMOTIONS)]
            self._store(table, lang, made, row[:, LANGUAGES.index(lang)])
        self.broken[where[0]] = row[0]
        self.broken_at[where[0]] = minute
        self.latest_broken, self.latest_broken_at = row[0], minute

    def rows(self, parent: np.ndarray) -> np.ndarray:
        """The row of each parent message seq (all must be messages with texts)."""
        return np.searchsorted(self.seqs, parent).clip(0, max(len(self.seqs) - 1, 0))

    @staticmethod
    def _store(table: Any, lang: str, made: list[tuple[int, EchoCell, int]], out: np.ndarray) -> None:
        """Add the non-empty texts as cells of the text table, in one go; out[which, emotion] = cell."""
        kept = [(which, said, ei) for which, said, ei in made if said.lines]
        for (which, _, ei), cell in zip(kept, table.add_cells(lang, [s.cell() for _, s, _ in kept]), strict=True):
            out[which, ei] = cell
