"""Reaction text: the templates the crowd writes from, so a feed reads like a feed.

There are 2 languages x 8 groups x 5 emotions x 4 kinds x 5 styles = 1,600
combinations. Writing eight lines for each by hand would give 12,800 lines that
drift apart, so the text is composed from three smaller banks per language
(TOML data in `model/phrases/<lang>/`, loaded and validated by `model/phrasebank.py`;
docs/phrases.md describes them for designers):

- a group *voice* (who speaks: a union says "les salariés", an employee "en interne"),
  per group x emotion, in three registers;
- a crowd *core* (what anyone says for an emotion and kind: reply openers,
  share comments, reaction words), used by the mass groups only — journalists,
  officials and the organisation speak only in their own voice;
- a *style* dressing here (X is short, Facebook signs off, Instagram captions
  with emojis, LinkedIn is measured, WhatsApp is chat).

Registers: X, Facebook and Instagram share the "std" lines, LinkedIn uses "pro"
and WhatsApp "chat", because the same sentence cannot sound right on both
LinkedIn and in a WhatsApp group.

Templates are `str.format` strings over `PLACEHOLDERS` (plus {claim} for rumours
and the fields in `EVENT_FIELDS` for notable moments). They contain no hashtags:
the engine appends those. Use `fill` rather than `str.format` for French, so
"de Orano" becomes "d'Orano" and "à Le Havre" becomes "au Havre".

Everything is deterministic and cached: the engine draws among the returned
templates with its own random generator.
"""

from __future__ import annotations

import itertools
import re
import string
from collections.abc import Iterable, Mapping, Sequence
from functools import cache

from . import phrasebank
from .phrasebank import ANY, EVENT_FIELDS, Bank
from .taxonomy import EMOTIONS, GROUPS, KINDS, LANGUAGES, STYLES, VOCABULARY_KEYS

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


class _View:
    """One situation's lines of a bank, shaped as the composing rules read them."""

    def __init__(self, bank: Bank, situation: str = ANY):
        def lines(*path: str, register: str | None = None) -> list[str]:
            return bank.lines(path, situation, register)

        regs = phrasebank.REGISTERS
        d = bank.data
        self.VOICE = {g: {e: {r: lines("voice", g, e, register=r) for r in regs} for e in EMOTIONS} for g in GROUPS}
        self.CORE = {k: {e: {r: lines("core", k, e, register=r) for r in regs} for e in EMOTIONS}
                     for k in phrasebank.CORE_KINDS}
        self.OPENERS = {g: {r: lines("frames", "openers", g, register=r) for r in regs} for g in INSTITUTIONS}
        self.CLOSERS = {e: {r: lines("frames", "closers", e, register=r) for r in regs} for e in EMOTIONS}
        self.GROUP_CLOSERS = {g: {r: lines("frames", "group_closers", g, register=r) for r in regs}
                              for g in INSTITUTIONS}
        self.DEFENCE_CLOSERS = {r: lines("frames", "defence_closers", register=r) for r in regs}
        self.SHARE_FRAMES = d["frames"]["share_frames"]
        self.FORWARDED_MANY = d["frames"]["forwarded_many"]
        self.CLAIMS = {e: {r: lines("claims", e, register=r) for r in regs} for e in EMOTIONS}
        self.DEFENCE = {r: lines("defence", register=r) for r in regs}
        self.MESSAGE_REPLIES = {e: {r: lines("replies", e, register=r) for r in regs} for e in EMOTIONS}
        self.NOTABLE = d["notable"]
        self.SAMPLE = d["sample"]["vocabulary"]
        self.SAMPLE_CLAIM = d["sample"]["claim"]


@cache
def _view(bank: Bank, situation: str = ANY) -> _View:
    return _View(bank, situation)


def _bank(lang: str) -> _View:
    _check("language", lang, LANGUAGES)
    return _view(phrasebank.shipped(lang))


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
        if (
            _SENTENCE_START.search(out)
            and re.match(r"[^\W\d_]+(?:\s|$)", value)
            and value.split()[0].islower()
        ):
            value = value[0].upper() + value[1:]  # "{ceo} doit…" with ceo = "la direction"
        out += value
    return out


def sample_vocabulary(lang: str) -> dict[str, str]:
    """The typical vocabulary the length limits are measured with (also handy in tests)."""
    bank = _bank(lang)
    return {**bank.SAMPLE, "claim": bank.SAMPLE_CLAIM}


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


def _join(lang: str, *parts: str) -> str:
    """Join sentences with spaces; after an opener ending in ',' or ':' the next one continues it."""
    out = ""
    for part in parts:
        if not part:
            continue
        if not out:
            out = part
            continue
        if out.endswith((",", ":")):
            part = _lower_first(lang, part)
        out = f"{out} {part}"
    return out


def _ends_with_emoji(text: str) -> bool:
    return not text[-1].isalnum() and ord(text[-1]) > 0x2000 and text[-1] not in "…»’”"


def _tail(text: str, emoji: str) -> str:
    """Add a trailing emoji unless the line already ends with one (no "😂 🤡" pile-ups)."""
    return text if _ends_with_emoji(text) else f"{text} {emoji}"


def _chat_join(first: str, second: str, sep: str) -> str:
    """Chat lines often lack final punctuation: put `sep` between them only when needed."""
    return f"{first}{sep}{second}" if first[-1].isalnum() else f"{first} {second}"


def _frame(lang: str, frame: str, comment: str) -> str:
    """Put a comment into a share frame such as 'Je partage : <>'."""
    before, _, after = frame.partition("<>")
    return _join(lang, before.strip(), comment, after.strip())


def _pairs(first: Sequence[str], second: Sequence[str]) -> list[tuple[str, str]]:
    """Every (a, b) combination, interleaved so the first few already vary on both sides."""
    return [
        (first[i], second[(i + r) % len(second)])
        for r in range(len(second))
        for i in range(len(first))
    ]


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


def _stems(words: list[str]) -> set[str]:
    return {w[:5] for w in words if len(w) >= 5 and w not in _COMMON}


def _repeats(first: str, second: str) -> bool:
    """Two sentences that echo each other ("ça fait mal… ça fait mal", "partage… partager")."""
    a, b = _words(first), _words(second)
    if _stems(a) & _stems(b):
        return True
    return bool(set(itertools.pairwise(a)) & set(itertools.pairwise(b)))


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _voice(bank: _View, group: str, emotion: str, register: str) -> list[str]:
    return bank.VOICE[group][emotion][register]


def _closers(bank: _View, group: str, emotion: str, register: str) -> list[str]:
    if group in INSTITUTIONS:
        return bank.GROUP_CLOSERS[group][register]
    return bank.CLOSERS[emotion][register]


def _tails(group: str, emotion: str) -> tuple[str, ...]:
    if group == "organisation":
        return ORG_EMOJI[emotion]
    if group == "journalist":
        return ("📸", "🔎")
    return PHOTO_TAILS[emotion]


def _signed(lang: str, bodies: Sequence[str], closers: Sequence[str]) -> list[str]:
    """Each body with a sign-off (rotating), skipping a sign-off that echoes the body."""
    out = []
    for i, body in enumerate(bodies):
        for r in range(len(closers)):
            closer = closers[(i + r) % len(closers)]
            if not _repeats(body, closer):
                out.append(_join(lang, body, closer))
                break
    return out


def _posts(lang: str, group: str, emotion: str, style: str) -> list[str]:
    """An original message: the group's voice alone, or followed by a second sentence.

    Crowd groups add a core line ("J'habite à X." + "Ça fait peur."); journalists,
    officials and the organisation add one of their own follow-ups, so a journalist
    never says "j'ai peur pour mes enfants".
    """
    bank, register = _bank(lang), REGISTER[style]
    voice = _voice(bank, group, emotion, register)
    if group in INSTITUTIONS:
        k = max(1, len(voice) // 2)
        pairs = _pairs(voice[:k], voice[k:])
    else:
        pairs = [p for p in _pairs(voice, bank.CORE["post"][emotion][register]) if not _repeats(*p)]
    if register == "chat":
        combined = [_chat_join(a, b, ". ") for a, b in pairs]
    else:
        combined = [_join(lang, a, b) for a, b in pairs]
    bodies = [*voice, *combined]
    if style == "social":
        closers = _closers(bank, group, emotion, "std")
        return [*_signed(lang, bodies, closers), *combined]
    if style == "photo":
        tails = _tails(group, emotion)
        captions = [_tail(b, tails[i % len(tails)]) for i, b in enumerate(bodies)]
        located = [
            "📍 {place} · " + _tail(v, tails[(i + 1) % len(tails)])
            for i, v in enumerate(voice)
            if "{place}" not in v
        ]
        return [*captions, *located]
    if style == "professional":
        return [*bodies, *_signed(lang, bodies, _closers(bank, group, emotion, "pro"))]
    return bodies


def _shares(lang: str, group: str, emotion: str, style: str) -> list[str]:
    """A forward with a short comment, framed the way each platform shows forwards."""
    bank, register = _bank(lang), REGISTER[style]
    comments = list(_voice(bank, group, emotion, register))
    if group not in INSTITUTIONS:
        comments += bank.CORE["share"][emotion][register]
    return [
        _frame(lang, f, c)
        for f, c in _pairs(bank.SHARE_FRAMES[style], comments)
        if not (f.split("<>")[0].rstrip().endswith(":") and ":" in c)  # no "Transféré : info : …"
        and not _repeats(f, c)  # no "À lire. Une réponse…, à lire."
    ]


def _replies(lang: str, group: str, emotion: str, style: str) -> list[str]:
    """An answer to someone else's item: a conversational opener, then the point."""
    bank, register = _bank(lang), REGISTER[style]
    bodies = list(_voice(bank, group, emotion, register))
    if group in INSTITUTIONS:
        openers = bank.OPENERS[group][register]
    else:
        openers = bank.CORE["opener"][emotion][register]
        bodies += bank.CORE["reply"][emotion][register]
    pairs = [p for p in _pairs(openers, bodies) if not _repeats(*p)]
    if register == "chat":
        replies = [
            _chat_join(o, _lower_first(lang, b) if o[-1].isalnum() else b, ", ") for o, b in pairs
        ]
    else:
        replies = [_join(lang, o, b) for o, b in pairs]
    if style == "social":
        signed = _signed(lang, replies[1::2], _closers(bank, group, emotion, "std"))
        return [*replies[::2], *signed]
    if style == "photo":
        tails = _tails(group, emotion)
        return [_tail(r, tails[i % len(tails)]) for i, r in enumerate(replies)]
    return replies


def _with_stop(word: str) -> str:
    return word if word[-1] in ".!?…" else f"{word}."


def _chat_word(lang: str, word: str) -> str:
    return _lower_first(lang, word).rstrip(".")


def _reactions(lang: str, group: str, emotion: str, style: str) -> list[str]:
    """A very short reaction: emojis alone, or emojis with a few words in the group's voice."""
    bank, register = _bank(lang), REGISTER[style]
    words = list(_voice(bank, group, emotion, "react"))
    if group not in INSTITUTIONS:
        words += bank.CORE["reaction"][emotion]["pro" if register == "pro" else "std"]
    if group == "organisation":
        emojis = ORG_EMOJI[emotion]
    elif group == "journalist":
        emojis = JOURNALIST_EMOJI
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
    if group == "journalist":
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


_KIND_BUILDERS = {"post": _posts, "share": _shares, "reply": _replies, "reaction": _reactions}


def _fits(lang: str, template: str, style: str) -> bool:
    if style != "microblog":
        return True
    return len(fill(template, sample_vocabulary(lang), lang)) <= MICROBLOG_LIMIT


def _finish(lang: str, style: str, templates: Iterable[str]) -> tuple[str, ...]:
    return tuple(t for t in _unique(templates) if _fits(lang, t, style))


@cache
def _reaction_bank(lang: str, group: str, emotion: str, kind: str, style: str) -> tuple[str, ...]:
    return _finish(lang, style, _KIND_BUILDERS[kind](lang, group, emotion, style))


# ---------------------------------------------------------------- public API


def reaction_templates(lang: str, group: str, emotion: str, kind: str, style: str) -> list[str]:
    """At least 8 distinct templates for one account's item, in a fixed order.

    Uses only `PLACEHOLDERS`; fill with `fill(template, vocabulary, lang)`.
    """
    _bank(lang)
    _check("group", group, GROUPS)
    _check("emotion", emotion, EMOTIONS)
    _check("kind", kind, KINDS)
    _check("style", style, STYLES)
    return list(_reaction_bank(lang, group, emotion, kind, style))


@cache
def _claim_bank(lang: str, emotion: str, style: str) -> tuple[str, ...]:
    bank, register = _bank(lang), REGISTER[style]
    lines = bank.CLAIMS[emotion][register]
    lead, tails = CLAIM_LEAD[emotion], PHOTO_TAILS[emotion]
    if style == "microblog":
        out = [*lines, *(f"{lead} {line}" for line in lines)]
    elif style == "social":
        out = [*lines, *_signed(lang, lines, bank.CLOSERS[emotion]["std"])]
    elif style == "photo":
        out = [_tail(line, tails[i % len(tails)]) for i, line in enumerate(lines)]
        out += [
            f"{lead} " + _tail(line, tails[(i + 1) % len(tails)]) for i, line in enumerate(lines)
        ]
    elif style == "professional":
        closers = bank.CLOSERS[emotion]["pro"]
        out = [
            *lines,
            *(_join(lang, line, c) for c in closers for line in lines if not _repeats(line, c)),
        ]
    else:
        out = [
            *lines,
            *(_frame(lang, f"{bank.FORWARDED_MANY} <>", line) for line in lines if ":" not in line),
        ]
        out += [f"{lead} {line}" for line in lines]
    return _finish(lang, style, out)


def claim_templates(lang: str, emotion: str, style: str) -> list[str]:
    """At least 8 templates of someone spreading a rumour; {claim} is the rumour's clause.

    The claim is a full lowercase clause ("l'eau du robinet est contaminée"), so
    templates put it after a colon or a comma, never after "que" (no elision to fix).
    """
    _bank(lang)
    _check("emotion", emotion, EMOTIONS)
    _check("style", style, STYLES)
    return list(_claim_bank(lang, emotion, style))


@cache
def _defence_bank(lang: str, style: str) -> tuple[str, ...]:
    bank, register = _bank(lang), REGISTER[style]
    lines = bank.DEFENCE[register]
    if style == "microblog":
        out = list(lines)
    elif style in ("social", "professional"):
        closers = bank.DEFENCE_CLOSERS["std" if style == "social" else "pro"]
        out = [
            *(_join(lang, line, c) for c in closers for line in lines if not _repeats(line, c)),
            *lines,
        ]
    else:
        out = [_tail(line, DEFENCE_EMOJI[i % len(DEFENCE_EMOJI)]) for i, line in enumerate(lines)]
        if style == "messaging":
            out += lines
    return _finish(lang, style, out)


def defence_templates(lang: str, style: str) -> list[str]:
    """At least 8 replies of an ally defending the organisation when it communicates well."""
    _bank(lang)
    _check("style", style, STYLES)
    return list(_defence_bank(lang, style))


@cache
def _message_reply_bank(lang: str, emotion: str, style: str) -> tuple[str, ...]:
    bank, register = _bank(lang), REGISTER[style]
    lines = bank.MESSAGE_REPLIES[emotion][register]
    tails = PHOTO_TAILS[emotion]
    if style == "microblog":
        out = [*lines, *(f"{{handle}} {line}" for line in lines)]
    elif style == "social":
        out = [*lines, *_signed(lang, lines, bank.CLOSERS[emotion]["std"])]
    elif style == "photo":
        out = [_tail(line, tails[i % len(tails)]) for i, line in enumerate(lines)]
        out += [f"{tails[(i + 1) % len(tails)]} {line}" for i, line in enumerate(lines)]
    elif style == "professional":
        closers = bank.CLOSERS[emotion]["pro"]
        out = [
            *lines,
            *(_join(lang, line, c) for c in closers for line in lines if not _repeats(line, c)),
        ]
    else:
        out = [*lines, *(_tail(line, EMOJI[emotion][i % 3]) for i, line in enumerate(lines))]
    return _finish(lang, style, out)


def message_reply_templates(lang: str, emotion: str, style: str) -> list[str]:
    """At least 8 replies under the organisation's own statement, for one emotion."""
    _bank(lang)
    _check("emotion", emotion, EMOTIONS)
    _check("style", style, STYLES)
    return list(_message_reply_bank(lang, emotion, style))


def notable_templates(lang: str, event: str) -> list[str]:
    """At least 4 templates for a notable account's moment; fields in `EVENT_FIELDS[event]`."""
    bank = _bank(lang)
    _check("event", event, EVENTS)
    return list(bank.NOTABLE[event])
