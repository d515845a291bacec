"""Reaction text: how the crowd's words are composed, so a feed reads like a feed.

The words are data (`model/phrases/<lang>/*.toml`, loaded and checked by
`model/phrasebank.py`; docs/phrases.md explains them to designers); the rules that
combine them are here:

- a group *voice* (who speaks: a union says "les salariés", an employee "en interne"),
  per group x emotion x situation, in registers;
- a crowd *core* (what any mass account says for an emotion and kind: leads, reply
  openers, second sentences, share comments, reaction words) — journalists,
  officials and the organisation speak only in their own voice;
- a *style* dressing (X is short, Facebook signs off, Instagram captions with
  emojis, LinkedIn is measured, WhatsApp is chat).

A text takes one line per slot of a `Cell` (lead, main line, second sentence,
sign-off), so a cell holds thousands of texts while only its lines are filled with
the scenario's words (`model/texttable.py`). Cells exist for "any" situation and for
each situation with lines of its own (`SITUATIONS`): nothing an item says may
contradict what the organisation has done.

Registers: X, Facebook and Instagram share the "std" lines, LinkedIn uses "pro"
and WhatsApp "chat", because the same sentence cannot sound right on both
LinkedIn and in a WhatsApp group.

Templates are `str.format` strings over `PLACEHOLDERS` (plus {claim} for rumours
and the fields in `EVENT_FIELDS` for notable moments). They contain no hashtags:
the engine appends those. Use `fill` rather than `str.format` for French, so
"de Orano" becomes "d'Orano" and "à Le Havre" becomes "au Havre".

Everything is deterministic and cached: the engine draws among a cell's
combinations with its own random generator.
"""

from __future__ import annotations

import itertools
import math
import re
import string
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np

from . import phrasebank
from .phrasebank import ANY, EVENT_FIELDS, Bank
from .taxonomy import EMOTIONS, GROUPS, KINDS, LANGUAGES, SITUATIONS, STYLES, VOCABULARY_KEYS

__all__ = [
    "EVENTS",
    "EVENT_FIELDS",
    "MICROBLOG_LIMIT",
    "PLACEHOLDERS",
    "claim_templates",
    "defence_templates",
    "fill",
    "message_reply_templates",
    "notable_templates",
    "reaction_templates",
]

#: Vocabulary placeholders a reaction template may use (a scenario's [vocabulary] fills them).
PLACEHOLDERS: tuple[str, ...] = VOCABULARY_KEYS

EVENTS: tuple[str, ...] = tuple(EVENT_FIELDS)

#: Microblog templates longer than this once filled with the sample vocabulary are
#: dropped, leaving room under X's 280 characters for hashtags and longer names.
MICROBLOG_LIMIT = 240

#: Which bank register each platform style reads from.
REGISTER: dict[str, str] = {
    "microblog": "std",
    "social": "std",
    "photo": "std",
    "professional": "pro",
    "messaging": "chat",
}
#: Groups that speak only in their own voice (never with the crowd's core lines).
INSTITUTIONS: tuple[str, ...] = ("journalist", "elected", "organisation")

EMOJI: dict[str, tuple[str, ...]] = {
    "approval": ("👍", "👏", "💪"),
    "fear": ("😨", "😰", "😱"),
    "anger": ("😡", "🤬", "😤"),
    "mockery": ("😂", "🤣", "🙄"),
    "sadness": ("😢", "💔", "🥺"),
}
#: The organisation never laughs at itself nor shows anger: it thanks, supports, corrects.
ORG_EMOJI: dict[str, tuple[str, ...]] = {
    "approval": ("💙", "🙏"),
    "fear": ("🙏", "🤝"),
    "anger": ("🙏", "🤝"),
    "mockery": ("🙂", "📌"),
    "sadness": ("🕊️", "🙏"),
}
JOURNALIST_EMOJI: tuple[str, ...] = ("👀", "📌", "🔎")
#: An elected official neither laughs at people's fear, panics nor swears in emoji: one measured sign.
ELECTED_EMOJI: dict[str, tuple[str, ...]] = {
    "approval": ("👏", "🙏"),
    "fear": ("⚠️", "🙏"),
    "anger": ("😠", "❗"),
    "mockery": ("🙄", "🤨"),
    "sadness": ("🙏", "🕊️"),
}
#: LinkedIn reaction flavours: applause, a thought, displeasure, irony, support.
PRO_EMOJI: dict[str, str] = {
    "approval": "👏",
    "fear": "🤔",
    "anger": "😠",
    "mockery": "🙃",
    "sadness": "🤝",
}
PHOTO_TAILS: dict[str, tuple[str, ...]] = {
    "approval": ("💪👏", "🙌"),
    "fear": ("😰🙏", "😨"),
    "anger": ("😡😡", "🤬"),
    "mockery": ("😂😂", "🤡"),
    "sadness": ("💔🙏", "😢"),
}
CLAIM_LEAD: dict[str, str] = {
    "approval": "ℹ️",
    "fear": "⚠️",
    "anger": "‼️",
    "mockery": "🙃",
    "sadness": "💔",
}
DEFENCE_EMOJI: tuple[str, ...] = ("🙏", "💪", "👏")

_FORMATTER = string.Formatter()


# ---------------------------------------------------------------- validation


def _check(what: str, value: str, allowed: Sequence[str]) -> None:
    """Fail early with the offending value named: a typo in a scenario must be obvious."""
    if value not in allowed:
        raise ValueError(f"unknown {what} {value!r}; expected one of {list(allowed)}")


# ---------------------------------------------------------------- filling


_VOWELS = "aeiouyàâäéèêëîïôöûüAEIOUYÀÂÄÉÈÊËÎÏÔÖÛÜ"
_BEFORE = r"(^|[\s(«\"'’])"
_DE = re.compile(_BEFORE + r"([Dd]e) $")
_A = re.compile(_BEFORE + r"([àÀ]) $")
_QUE = re.compile(_BEFORE + r"([Qq]ue) $")


def _contract(prefix: str, value: str) -> tuple[str, str]:
    """French contractions at a placeholder boundary: de + le -> du, à + les -> aux, de + A -> d'A."""
    head, _, rest = value.partition(" ")
    article = head.lower() if rest else ""
    if m := _DE.search(prefix):
        cap = m.group(2)[0] == "D"
        if article in ("le", "les"):
            word = {"le": "du", "les": "des"}[article]
            return prefix[: m.start(2)] + (word.capitalize() if cap else word) + " ", rest
        if value[0] in _VOWELS:
            return prefix[: m.start(2)] + ("D'" if cap else "d'"), value
    elif m := _A.search(prefix):
        cap = m.group(2) == "À"
        if article in ("le", "les"):
            word = {"le": "au", "les": "aux"}[article]
            return prefix[: m.start(2)] + (word.capitalize() if cap else word) + " ", rest
    elif (m := _QUE.search(prefix)) and value[0] in _VOWELS:
        return prefix[: m.start(2)] + m.group(2)[:2] + "'", value
    return prefix, value


_SENTENCE_START = re.compile(r"(^|[.!?…]\s+)$")


def fill(template: str, values: Mapping[str, object], lang: str) -> str:
    """`template.format(**values)`, plus French elision and contraction where a value lands.

    Why: vocabulary is written once per scenario ("Orano", "le piratage", "Le Havre"),
    and "la direction de {org}" must read "la direction d'Orano", not "de Orano".
    A lowercase value opening a sentence ("la direction", "the management") is
    capitalised; names such as "iRobot" or "@handle" are left as they are.
    Raises KeyError for a missing value, like str.format.
    """
    _check("language", lang, LANGUAGES)
    out = ""
    for literal, field, spec, conversion in _FORMATTER.parse(template):
        out += literal
        if field is None:
            continue
        obj, _ = _FORMATTER.get_field(field, (), values)
        value = _FORMATTER.format_field(_FORMATTER.convert_field(obj, conversion), spec or "")
        if lang == "fr" and value:
            out, value = _contract(out, value)
        if _SENTENCE_START.search(out) and _written_lowercase(value):
            value = value[0].upper() + value[1:]  # "{ceo} doit…" with ceo = "la direction"
        out += value
    return out


def _written_lowercase(value: str) -> bool:
    """A value the scenario writes in lower case ("la direction", not "iRobot" or "@handle"):
    `fill` capitalises it to open a sentence, and only then."""
    return bool(re.match(r"[^\W\d_]+(?:\s|$)", value)) and value.split()[0].islower()


def sample_vocabulary(lang: str) -> dict[str, str]:
    """The typical vocabulary the length limits are measured with (also handy in tests)."""
    sample = _view_bank(lang, None).data["sample"]
    return {**sample["vocabulary"], "claim": sample["claim"]}


# ---------------------------------------------------------------- composing


def _lower_first(lang: str, text: str) -> str:
    """Lower-case a sentence start after ',' or ':' — but not 'I', acronyms or brand names."""
    m = re.match(r"[^\W\d_]+", text)
    if not m:
        return text
    word = m.group()
    if (lang == "en" and len(word) == 1 and word != "A") or not (
        word[0].isupper() and (len(word) == 1 or word[1:].islower())
    ):
        return text
    return text[0].lower() + text[1:]


def _ends_with_emoji(text: str) -> bool:
    return not text[-1].isalnum() and ord(text[-1]) > 0x2000 and text[-1] not in "…»’”"


def _tail(text: str, emoji: str) -> str:
    """Add a trailing emoji unless the line already ends with one (no "😂 🤡" pile-ups)."""
    return text if _ends_with_emoji(text) else f"{text} {emoji}"


def _chat_join(first: str, second: str, sep: str) -> str:
    """Chat lines often lack final punctuation: put `sep` between them only when needed."""
    return f"{first}{sep}{second}" if first[-1].isalnum() else f"{first} {second}"


_WORD = re.compile(r"\{\w+\}|[^\W\d_]+(?:['’][^\W\d_]+)?")


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text) if not w.startswith("{")]


#: Function words that may appear in two joined sentences without sounding repetitive.
_COMMON = frozenset(
    [
        "about",
        "after",
        "again",
        "being",
        "could",
        "every",
        "still",
        "their",
        "there",
        "these",
        "those",
        "where",
        "which",
        "while",
        "would",
        "really",
        "après",
        "avant",
        "avoir",
        "comme",
        "depuis",
        "encore",
        "leurs",
        "notre",
        "nous",
        "quand",
        "cette",
        "toujours",
        "votre",
        "vous",
    ]
)


#: Laughs, however spelt, echo one another: one laugh per text ("lol, lol Brightmart are unreal",
#: « lol, des consignes mdr »).
_LAUGH = re.compile(r"lo+l+|lmf?a+o+|(?:ha){2,}h?|md+r+|ptd+r+|jpp|xd+")


def _stems(words: list[str]) -> set[str]:
    return {"(laugh)" if _LAUGH.fullmatch(w) else w[:5] for w in words
            if (len(w) >= 5 and w not in _COMMON) or _LAUGH.fullmatch(w)}


@cache
def _profile(sentence: str) -> tuple[frozenset[str], frozenset[tuple[str, str]]]:
    words = _words(sentence)
    return frozenset(_stems(words)), frozenset(itertools.pairwise(words))


def _repeats(first: str, second: str) -> bool:
    """Two sentences that echo each other ("ça fait mal… ça fait mal", "partage… partager")."""
    (sa, pa), (sb, pb) = _profile(first), _profile(second)
    return not sa.isdisjoint(sb) or not pa.isdisjoint(pb)


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


# ---------------------------------------------------------------- cells: what a text is composed of

#: How a cell's four parts (pre, main, second, post) read as one text. "said": parts made during
#: a run (replies to a trainee message), whose combinations were chosen when made, joined as they are.
RULES: tuple[str, ...] = ("join", "chat", "photo", "frame", "plain", "said")


@dataclass(frozen=True)
class Cell:
    """The parts one kind of item is composed from: a text takes one line per slot.

    Slots are (pre, main, second, post): an opener or lead, the line that carries the
    meaning, an optional second sentence, and a sign-off or emoji tail; "" leaves a slot
    out. A cell of 8 x 20 x 12 x 5 lines gives ~10,000 texts while only 45 lines are
    filled with the scenario's words, which is what keeps rendering cheap and the feed varied.
    """

    rule: str
    slots: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]

    @property
    def size(self) -> int:
        return math.prod(len(slot) for slot in self.slots)


def _cell(rule: str, pre: Sequence[str], main: Sequence[str], second: Sequence[str] = ("",),
          post: Sequence[str] = ("",)) -> Cell | None:
    slots = tuple(tuple(_unique(x)) or ("",) for x in (pre, main, second, post))
    if slots[1] == ("",):
        return None
    return Cell(rule, slots)  # type: ignore[arg-type]


_OPENING_FIELD = re.compile(r"\{(\w+)\}")


def may_lower(lang: str, template: str, values: Mapping[str, object] | None = None) -> bool:
    """May this line continue a sentence after ',' or ':' with a lower-case first letter?
    Decided on the template, so that a filled brand name ("Brightmart …") is never lowered;
    a line that opens with a value ("{ceo} doit…") may when the `values` it is filled with
    write that value in lower case ("le PDG de Chimex": `fill` capitalised it only to open a
    sentence), so that a lead reads "Ce qui me révolte : le PDG…", not ": Le PDG…"."""
    if not template:
        return False
    opening = _OPENING_FIELD.match(template)
    if opening and values is not None:
        return _written_lowercase(str(values.get(opening.group(1), "")))
    return _lower_first(lang, template) != template


def compose(lang: str, rule: str, parts: Sequence[str], lower_ok: Sequence[bool] | None = None,
            limit: int | None = None, templates: Sequence[str] | None = None) -> str:
    """One text from a cell's four parts (filled or not): skip empty parts and parts that
    echo another (judged on the `templates`, so that two lines naming the organisation do
    not count as an echo), then drop optional parts until the text fits `limit` characters."""
    if lower_ok is None:
        lower_ok = [may_lower(lang, p) for p in parts]
    kept = kept_parts(lang, rule, parts, lower_ok, limit, templates)
    return _render(lang, rule, [p if k else "" for p, k in zip(parts, kept, strict=True)], lower_ok)


@cache
def _echo(first: str, second: str) -> bool:
    """Two lines that must not meet in one text: they repeat each other, or an emoji tail
    would be swallowed by a line that already ends with one (two texts would then coincide)."""
    if not first or not second:
        return False
    if not re.search(r"\w", second) and _ends_with_emoji(first):
        return True
    if first.endswith(":") and ":" in second:  # no "Info: heard that: …"
        return True
    opener, line = _words(first), _words(second)
    if opener and line and len(opener) <= 2 and opener[0] == line[0]:  # no « Bien. Bien, maintenant… »
        return True
    return _repeats(first, second)


#: slot pairs whose lines must not echo each other in a drawn text (every pair of the four slots)
ECHO_PAIRS: tuple[tuple[int, int], ...] = ((0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3))


@cache
def echo_matrix(first: tuple[str, ...], second: tuple[str, ...]) -> np.ndarray:
    """Which combinations of a line from `first` and one from `second` echo each other (True)."""
    return np.array([[_echo(a, b) for b in second] for a in first], dtype=bool).reshape(len(first), len(second))


#: A line that continues a sentence already begun ("and who pays?", « et qui paie ? »).
_GOES_ON = re.compile(r"(?:and|but|or|so|et|mais|ou|donc)\b", re.I)
#: A lead that announces a question ("Honest question:", « Je me demande : »).
_ASKING = re.compile(r"(?:question|asking|ask again|wondering|je me demande|je redemande)\s?:$", re.I)
_SENTENCE_END = re.compile(r"[.!?]")


def _asks_first(line: str) -> bool:
    """Whether a line opens with a question ("Does anyone know…?", not "I have kids. Who can tell us?")."""
    end = _SENTENCE_END.search(line)
    return end is not None and end.group(0) == "?"


@cache
def _runs_into(lead: str, main: str) -> bool:
    """A lead that cannot open this main line: one ending in a comma before a question ("Personally,
    does anyone know?"), one ending in a comma or colon before a line that goes on ("What gets me:
    and who pays?"), a question's lead before a line that asks nothing ("Honest question: I'm scared")."""
    if not lead or not main:
        return False
    return ((lead.endswith(",") and _asks_first(main)) or (lead.endswith((",", ":")) and bool(_GOES_ON.match(main)))
            or (bool(_ASKING.search(lead)) and not _asks_first(main)))


@cache
def junction_matrix(leads: tuple[str, ...], mains: tuple[str, ...]) -> np.ndarray:
    """Which leads cannot open which main lines (`_runs_into`), as a (leads, mains) mask."""
    return np.array([[_runs_into(a, b) for b in mains] for a in leads], dtype=bool).reshape(len(leads), len(mains))


def kept_parts(lang: str, rule: str, parts: Sequence[str], lower_ok: Sequence[bool],
               limit: int | None = None, templates: Sequence[str] | None = None) -> list[bool]:
    """Which of the four parts a composed text keeps (the main line always)."""
    kept = [bool(p) for p in parts]
    kept[1] = True
    words = templates if templates is not None else parts
    for i in (2, 3, 0):
        if kept[i] and rule not in ("plain", "said") and any(kept[j] and _echo(words[j], words[i]) for j in range(4) if j != i):
            kept[i] = False
    if kept[0] and rule not in ("plain", "said") and _runs_into(words[0], words[1]):
        kept[0] = False
    if limit is not None:
        for i in (3, 2, 0):
            if len(_render(lang, rule, [p if k else "" for p, k in zip(parts, kept, strict=True)], lower_ok)) <= limit:
                break
            kept[i] = False
    return kept


def _render(lang: str, rule: str, parts: Sequence[str], lower_ok: Sequence[bool]) -> str:
    pre, main, second, post = parts
    if rule == "plain":
        return main
    if rule == "said":
        return " ".join(p for p in parts if p)
    if rule == "frame":
        before, _, after = pre.partition("<>")
        return _joined(lang, [before.strip(), main, second, post, after.strip()],
                       [False, *lower_ok[1:], False])
    if rule == "chat":
        out = main
        if pre:
            lowered = _lower_first(lang, main) if lower_ok[1] else main
            out = _chat_join(pre, lowered, ", ")
        if second:
            out = _chat_join(out, second, ". ")
        return _tail(out, post) if post else out
    out = _joined(lang, [pre, main, second], lower_ok[:3])
    if rule == "photo":
        return _tail(out, post) if post else out
    return f"{out} {post}" if post else out


def _joined(lang: str, parts: Sequence[str], lower_ok: Sequence[bool]) -> str:
    """Sentences joined with spaces; after ',' or ':' the next continues in lower case when
    its template allows (a brand name such as "Brightmart" stays as it is)."""
    out = ""
    for part, ok in zip(parts, lower_ok, strict=True):
        if not part:
            continue
        if out.endswith((",", ":")) and ok:
            part = _lower_first(lang, part)
        out = f"{out} {part}" if out else part
    return out


def _voice(bank: Bank, group: str, emotion: str, situation: str, register: str) -> list[str]:
    return bank.lines(("voice", group, emotion), situation, register)


def _core(bank: Bank, kind: str, emotion: str, situation: str, register: str) -> list[str]:
    return bank.lines(("core", kind, emotion), situation, register)


def _closers(bank: Bank, group: str, emotion: str, situation: str, register: str) -> list[str]:
    if group in INSTITUTIONS:
        path = ("frames", "group_closers", group)
    else:
        path = ("frames", "closers", emotion)
    lines = bank.lines(path, ANY, register)
    return lines + bank.lines(path, situation, register) if situation != ANY else lines


def _tails(group: str, emotion: str) -> tuple[str, ...]:
    if group == "organisation":
        return ORG_EMOJI[emotion]
    if group == "journalist":
        return ("📸", "🔎")
    if group == "elected":
        return ELECTED_EMOJI[emotion]
    return PHOTO_TAILS[emotion]


def _split(lines: list[str]) -> tuple[list[str], list[str]]:
    """Institutions' lists: the first half are leads, the rest follow-ups."""
    k = max(1, len(lines) // 2)
    return lines[:k], lines[k:]


def _post_cell(bank: Bank, lang: str, group: str | None, emotion: str, style: str, situation: str) -> Cell | None:
    """An original message: (lead,) the group's voice or a crowd line, a second sentence, a sign-off."""
    register = REGISTER[style]
    institution = group in INSTITUTIONS
    if institution:
        voice = _voice(bank, group, emotion, ANY, register)
        main = voice if situation == ANY else _voice(bank, group, emotion, situation, register)
        second = ["", *_split(voice)[1]]
        lead: list[str] = [""]
    else:  # group None: the crowd's shared lines (one walk for every mass group, so they never coincide)
        main = (_voice(bank, group, emotion, situation, register) if group else
                _core(bank, "post", emotion, situation, register))
        second = ["", *_core(bank, "post", emotion, ANY, register)]
        lead = ["", *_core(bank, "lead", emotion, ANY, "chat" if register == "chat" else "std")]
    if style == "photo":
        return _cell("photo", ["", "📍 {place} ·", *lead[1:]], main, second, _tails(group, emotion))
    if style == "messaging":
        return _cell("chat", lead, main, second, [""] if institution else ["", *EMOJI[emotion]])
    if style == "professional":
        pro_lead = [""] if institution else ["", *_core(bank, "lead", emotion, ANY, "pro")]
        return _cell("join", pro_lead, main, second, ["", *_closers(bank, group, emotion, situation, "pro")])
    if style == "social":
        return _cell("join", lead, main, second, _closers(bank, group, emotion, situation, "std"))
    if institution:
        return _cell("join", lead, main, second, ["", *_closers(bank, group, emotion, situation, "std")])
    return _cell("join", lead, main, second, ["", *_microblog_emoji(emotion)])


def _microblog_emoji(emotion: str) -> list[str]:
    """Emojis an X post may end with, none of them an Instagram tail (so the two never coincide)."""
    return [e for e in EMOJI[emotion] if e not in PHOTO_TAILS[emotion]]


def _reply_cell(bank: Bank, lang: str, group: str | None, emotion: str, style: str, situation: str) -> Cell | None:
    """An answer to someone else's item: a conversational opener, then the point."""
    register = REGISTER[style]
    if group in INSTITUTIONS:
        openers = bank.lines(("frames", "openers", group), ANY, register)
        main = _voice(bank, group, emotion, situation, register)
        second: list[str] = [""]
    else:
        openers = _core(bank, "opener", emotion, ANY, register)
        if group:
            main = _voice(bank, group, emotion, situation, register)
        else:
            main = _core(bank, "reply", emotion, situation, register)
            if situation != ANY:
                main += _core(bank, "post", emotion, situation, register)
        second = ["", *_core(bank, "reply", emotion, ANY, register)]
    if style == "photo":
        return _cell("photo", openers, main, second, _tails(group, emotion))
    if style == "messaging":
        return _cell("chat", openers, main, second, [""] if group in INSTITUTIONS else ["", *EMOJI[emotion]])
    if style == "professional":
        return _cell("join", openers, main, second, ["", *_closers(bank, group, emotion, situation, "pro")])
    if style == "social":  # always signed, so a Facebook reply never reads like an X one
        return _cell("join", openers, main, second, _closers(bank, group, emotion, situation, "std"))
    return _cell("join", openers, main, second)


#: Words by which a reply agrees with what it answers ("Exactly.", "me too", "the same question"):
#: kept out of a reply to an item of another feeling (a calm "let's wait for the facts" under a
#: frightened post must not open "Well said.").
AGREES = {
    "fr": re.compile(r"^(?:exactement|pareil|c'est clair|grave|carrément)\b|la même question|moi aussi|m'inquiète aussi"
                     r"|c'est aussi ma crainte|bien dit|tout à fait d'accord|tu as raison|t'as raison|vous avez raison"
                     r"|des mots justes|bonne question|question légitime|je partage (?:cette|votre)|merci de le rappeler"
                     r"|merci pour ce message|tu m'as tué|très juste|je vous rejoins", re.IGNORECASE),
    "en": re.compile(r"^(?:exactly|same|totally|yeah)\b|\bme too\b|same here|the same thing|same question"
                     r"|\b(?:worried|worries me|angry|sad|scared) too\b|my worry too|well said|(?:totally|completely) agree|agree with you|you're right"
                     r"|\bur right|you are right|tell me about it|well put|good question|fair question"
                     r"|i share (?:this|your)|thanks for pointing|thank you for this|you killed me|very true",
                     re.IGNORECASE),
}


def _retort_cell(bank: Bank, lang: str, group: str | None, emotion: str, style: str, situation: str) -> Cell | None:
    """A reply to an item of another feeling: its own view ("For my part, …", `core.retort`) where a
    reply has an opener (every opener answers an item of its own feeling: "Well said.", "That's my
    worry too."), and none of the lines that agree with what they answer."""
    cell = _reply_cell(bank, lang, group, emotion, style, situation)
    if cell is None:
        return None
    agrees = AGREES[lang].search
    pre, main, second, post = cell.slots
    if group not in INSTITUTIONS:
        pre = tuple(_core(bank, "retort", emotion, ANY, REGISTER[style])) or pre
    main = tuple(line for line in main if not agrees(line)) or main
    second = tuple(line for line in second if not agrees(line)) or ("",)
    return Cell(cell.rule, (pre, main, second, post))


def _share_cell(bank: Bank, lang: str, group: str, emotion: str, style: str, situation: str) -> Cell | None:
    """A forward with a short comment, framed the way each platform shows forwards."""
    register = REGISTER[style]
    comments = _voice(bank, group, emotion, situation, register)
    if group not in INSTITUTIONS:
        comments += _core(bank, "share", emotion, situation, register)
    return _cell("frame", bank.data["frames"]["share_frames"][style], comments)


def _with_stop(word: str) -> str:
    return word if word[-1] in ".!?…" else f"{word}."


def _chat_word(lang: str, word: str) -> str:
    return _lower_first(lang, word).rstrip(".")


def _reaction_lines(lang: str, group: str, emotion: str, style: str, words: list[str]) -> list[str]:
    """Very short reactions: emojis alone, or emojis with a few words in the group's voice."""
    if group == "organisation":
        emojis = ORG_EMOJI[emotion]
    elif group == "journalist":
        emojis = JOURNALIST_EMOJI
    elif group == "elected":
        emojis = ELECTED_EMOJI[emotion]
    else:
        emojis = EMOJI[emotion]
    a, b = emojis[0], emojis[1 % len(emojis)]
    out: list[str] = []
    if style == "professional":
        pro = {"organisation": a, "journalist": "📌"}.get(group, PRO_EMOJI[emotion])
        out.append(pro)
        for w in words:
            out += [_with_stop(w), f"{pro} {_with_stop(w)}", f"{w} {pro}"]
        return out
    if group in ("journalist", "elected"):
        out.append(a)
    else:
        out += {
            "microblog": [a * 2, a + b, b],
            "social": [a, a * 3],
            "photo": [a * 3, a + b + emojis[-1], b * 2],
            "messaging": [a * 2, b * 3],
        }[style]
    for i, w in enumerate(words):
        e, ee = emojis[i % len(emojis)], emojis[(i + 1) % len(emojis)] * 2
        if style == "microblog":
            out += [f"{e} {w}", f"{w} {ee}", _with_stop(w)]
        elif style == "social":
            out += [f"{w} {e}", f"{w} {ee}", f"{e} {_with_stop(w)}"]
        elif style == "photo":
            out += [f"{w} {ee}", f"{e * 3} {w}", f"{w} {e}"]
        else:  # messaging
            cw = _chat_word(lang, w)
            out += [f"{cw} {ee}", cw, f"{e} {cw}"]
    return out


def _reaction_cell(bank: Bank, lang: str, group: str, emotion: str, style: str, situation: str) -> Cell | None:
    register = REGISTER[style]
    words = _voice(bank, group, emotion, situation, "react")
    if group not in INSTITUTIONS:
        words += _core(bank, "reaction", emotion, situation, "pro" if register == "pro" else "std")
    if situation != ANY and not words:
        return None
    return _cell("plain", [""], _reaction_lines(lang, group, emotion, style, words))


_KIND_CELLS = {"post": _post_cell, "share": _share_cell, "reply": _reply_cell, "reaction": _reaction_cell,
               "retort": _retort_cell}

#: the kinds of the text table: the model's kinds, and "retort", a reply to an item of another feeling
TABLE_KINDS: tuple[str, ...] = (*KINDS, "retort")
RETORT = TABLE_KINDS.index("retort")

#: kinds whose crowd lines (shared by every mass group) have cells of their own
SHARED_KINDS: tuple[str, ...] = ("post", "reply", "retort")


@cache
def crowd_cell(bank: Bank, group: str | None, emotion: str, kind: str, style: str, situation: str = ANY,
               only: tuple[str, ...] | None = None) -> Cell | None:
    """The parts of a group's item; None when the bank has no lines of its own for `situation`.
    For posts and replies of mass groups, only the group's voice (group None: the crowd's
    shared lines, one cell for every mass group). `only` keeps those main lines alone."""
    cell = _KIND_CELLS[kind](bank, bank.lang, group, emotion, style, situation)
    if cell is None or only is None:
        return cell
    main = tuple(line for line in cell.slots[1] if line in only)
    return Cell(cell.rule, (cell.slots[0], main, cell.slots[2], cell.slots[3])) if main else None


def shared_cell(bank: Bank, emotion: str, kind: str, style: str, situation: str = ANY,
                only: tuple[str, ...] | None = None) -> Cell | None:
    """Posts and replies from the crowd's shared lines, one cell for every mass group."""
    return crowd_cell(bank, None, emotion, kind, style, situation, only)


@cache
def situation_cells(bank: Bank, group: str | None, emotion: str, kind: str, style: str
                    ) -> dict[str, tuple[Cell, ...]]:
    """The cells a situation draws its own lines from, by situation.

    A line true in several situations (silent, refused, a missed deadline: "still nothing
    from them") sits in one cell of its own, the same for all of them, so that its texts are
    drawn from one walk whatever the situation has become, and never posted twice in an hour.
    """
    mains = {s: (c.slots[1] if (c := crowd_cell(bank, group, emotion, kind, style, s)) else ()) for s in SITUATIONS}
    signature: dict[str, tuple[str, ...]] = {}
    for s in SITUATIONS:
        for line in mains[s]:
            signature.setdefault(line, ())
            signature[line] += (s,)
    groups: dict[tuple[str, ...], list[str]] = {}
    for line, sits in signature.items():
        groups.setdefault(sits, []).append(line)
    out: dict[str, list[Cell]] = {s: [] for s in SITUATIONS}
    for sits, lines in groups.items():
        cell = crowd_cell(bank, group, emotion, kind, style, sits[0], tuple(lines))
        if cell is not None:
            for s in sits:
                out[s].append(cell)
    return {s: tuple(cells) for s, cells in out.items()}


@cache
def claim_cell(bank: Bank, emotion: str, style: str, situation: str = ANY) -> Cell | None:
    """Someone spreading a rumour; situation "any", "standing" or "corrected" (by the organisation)."""
    register = REGISTER[style]
    lines = bank.lines(("claims", emotion), situation, register)
    lead = CLAIM_LEAD[emotion]
    second = ["", *_core(bank, "post", emotion, ANY, register)]
    leads = ["", lead, *_core(bank, "lead", emotion, ANY, "std")]
    if style == "microblog":
        return _cell("join", leads, lines, second)
    if style == "social":
        return _cell("join", leads, lines, second, ["", *_closers(bank, "public", emotion, ANY, "std")])
    if style == "photo":
        return _cell("photo", leads, lines, second, PHOTO_TAILS[emotion])
    if style == "professional":
        return _cell("join", [""], lines, second, ["", *_closers(bank, "public", emotion, ANY, "pro")])
    return _cell("chat", ["", *_core(bank, "lead", emotion, ANY, "chat")], lines, second, ["", *EMOJI[emotion]])


@cache
def defence_cell(bank: Bank, style: str, situation: str = ANY) -> Cell | None:
    """An ally answering a critic after a well-received message."""
    register = REGISTER[style]
    lines = bank.lines(("defence",), situation, register)
    if style == "microblog":
        return _cell("join", ["", *_core(bank, "lead", "approval", ANY, "std")], lines)
    if style in ("social", "professional"):
        closers = bank.lines(("frames", "defence_closers"), ANY, "std" if style == "social" else "pro")
        return _cell("join", [""], lines, [""], ["", *closers])
    if style == "photo":
        return _cell("photo", [""], lines, [""], DEFENCE_EMOJI)
    return _cell("chat", [""], lines, [""], ["", *DEFENCE_EMOJI])


@cache
def message_reply_cell(bank: Bank, emotion: str, style: str, situation: str = ANY) -> Cell | None:
    """A reply under the organisation's own statement."""
    register = REGISTER[style]
    lines = bank.lines(("replies", emotion), situation, register)
    openers = _core(bank, "opener", emotion, ANY, register)
    tails = PHOTO_TAILS[emotion]
    if style == "microblog":
        return _cell("join", ["", "{handle}", *openers], lines)
    if style == "social":
        return _cell("join", ["", *openers], lines, [""], ["", *_closers(bank, "public", emotion, ANY, "std")])
    if style == "photo":
        return _cell("photo", ["", *tails], lines, [""], tails)
    if style == "professional":
        return _cell("join", [""], lines, [""], ["", *_closers(bank, "public", emotion, ANY, "pro")])
    return _cell("chat", [""], lines, [""], ["", *EMOJI[emotion]])


# ---------------------------------------------------------------- templates (tests, designers)


def _cover(lang: str, style: str, cell: Cell | None) -> tuple[str, ...]:
    """Composed templates that use every line of the cell at least once, in a fixed order
    (microblog ones cut to fit `MICROBLOG_LIMIT` with the sample vocabulary, as the table does)."""
    if cell is None:
        return ()
    n = [len(s) for s in cell.slots]
    limit = MICROBLOG_LIMIT if style == "microblog" else None
    sample = sample_vocabulary(lang)
    size = cell.size
    if size <= 64:
        combos = range(size)
    else:  # every line once (same index in every slot), then a spread of the rest
        step = _coprime_step(size)
        combos = [_index(n, [i % m for m in n]) for i in range(max(n))] + [i * step % size for i in range(32)]
    out = []
    for c in combos:
        parts = [cell.slots[k][j] for k, j in enumerate(_digits(n, c))]
        lower_ok = [may_lower(lang, p, sample) for p in parts]
        kept = kept_parts(lang, cell.rule, [fill(p, sample, lang) for p in parts], lower_ok, limit, parts)
        out.append(_render(lang, cell.rule, [p if k else "" for p, k in zip(parts, kept, strict=True)], lower_ok))
    return tuple(_unique(out))


def _digits(n: Sequence[int], index: int) -> list[int]:
    """Mixed-radix digits of a combination index (the last slot varies fastest)."""
    out = [0, 0, 0, 0]
    for k in (3, 2, 1, 0):
        index, out[k] = divmod(index, n[k])
    return out


def _index(n: Sequence[int], digits: Sequence[int]) -> int:
    out = 0
    for k in range(4):
        out = out * n[k] + digits[k]
    return out


def _coprime_step(size: int) -> int:
    """A step near size/φ that is coprime with size: walking i*step mod size visits every
    combination once, and consecutive texts differ in every slot."""
    step = max(1, round(size * 0.6180339887))
    while math.gcd(step, size) != 1:
        step += 1
    return step


def _view_bank(lang: str, bank: Bank | None) -> Bank:
    _check("language", lang, LANGUAGES)
    return bank if bank is not None else phrasebank.shipped(lang)


def reaction_templates(lang: str, group: str, emotion: str, kind: str, style: str,
                       situation: str = ANY, bank: Bank | None = None) -> list[str]:
    """At least 8 distinct composed templates for one account's item, in a fixed order
    (a sample covering every line: the model composes many more).

    Uses only `PLACEHOLDERS`; fill with `fill(template, vocabulary, lang)`.
    """
    b = _view_bank(lang, bank)
    _check("group", group, GROUPS)
    _check("emotion", emotion, EMOTIONS)
    _check("kind", kind, KINDS)
    _check("style", style, STYLES)
    _check("situation", situation, (ANY, *SITUATIONS))
    out = _cover(lang, style, crowd_cell(b, group, emotion, kind, style, situation))
    if kind in SHARED_KINDS and group not in INSTITUTIONS:
        out += _cover(lang, style, shared_cell(b, emotion, kind, style, situation))
    return list(_unique(out))


def claim_templates(lang: str, emotion: str, style: str, situation: str = ANY, bank: Bank | None = None) -> list[str]:
    """Templates of someone spreading a rumour; {claim} is the rumour's clause.

    The claim is a full lowercase clause ("l'eau du robinet est contaminée"); French
    "que {claim}" is elided by `fill` when the clause starts with a vowel.
    """
    b = _view_bank(lang, bank)
    _check("emotion", emotion, EMOTIONS)
    _check("style", style, STYLES)
    _check("situation", situation, phrasebank.CLAIM_SITUATIONS)
    return list(_cover(lang, style, claim_cell(b, emotion, style, situation)))


def defence_templates(lang: str, style: str, situation: str = ANY, bank: Bank | None = None) -> list[str]:
    """Replies of an ally defending the organisation when it communicates well."""
    b = _view_bank(lang, bank)
    _check("style", style, STYLES)
    return list(_cover(lang, style, defence_cell(b, style, situation)))


def message_reply_templates(lang: str, emotion: str, style: str, situation: str = ANY,
                            bank: Bank | None = None) -> list[str]:
    """Replies under the organisation's own statement, for one emotion."""
    b = _view_bank(lang, bank)
    _check("emotion", emotion, EMOTIONS)
    _check("style", style, STYLES)
    return list(_cover(lang, style, message_reply_cell(b, emotion, style, situation)))


def notable_templates(lang: str, event: str) -> list[str]:
    """At least 4 templates for a notable account's moment; fields in `EVENT_FIELDS[event]`."""
    bank = _view_bank(lang, None)
    _check("event", event, EVENTS)
    return list(bank.data["notable"][event])
