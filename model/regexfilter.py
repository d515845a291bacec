"""Literal strings a regular expression cannot match without.

The reader's rules are about 170 merged regular expressions, each scanned over every message,
and most find nothing: knowing which of the strings a rule needs the text holds skips four scans
in five and halves the rules' time, with the same matches (a scan is skipped only when no match is
possible). The strings are found from the pattern itself (`re._parser`), so a rule edited or added
is filtered without anyone listing its words; `Prefilter` finds which of them a message holds, for
every rule of a language at once.
"""

from __future__ import annotations

import re
import re._constants as _c
import re._parser as _p
from collections.abc import Iterable

import numpy as np

#: A required string shorter than this filters too little to be worth the test.
MIN_LENGTH = 3


def required_strings(regex: re.Pattern[str]) -> frozenset[str] | None:
    """Lowercase strings one of which every match of `regex` contains, or None when the pattern
    offers none (then the rule is always scanned). Meant for text that is already lowercase."""
    found = _required(list(_p.parse(regex.pattern, regex.flags)))
    return frozenset(s.lower() for s in found) if found else None


def beyond_ascii(regex: re.Pattern[str]) -> bool:
    """Whether every match of `regex` holds a character past ASCII (a class of emoji: such a rule
    needs no scan of a text that is all ASCII, as most normalised messages are)."""
    return _opens_past_ascii(list(_p.parse(regex.pattern, regex.flags)))


def _opens_past_ascii(items: list) -> bool:
    """Whether the first character a sequence of parsed items consumes is past ASCII."""
    for op, av in items:
        if op is _c.AT:
            continue
        if op is _c.LITERAL:
            return av > 127
        if op is _c.IN:
            return all((kind is _c.LITERAL and value > 127) or (kind is _c.RANGE and value[0] > 127)
                       for kind, value in av)
        if op is _c.SUBPATTERN:
            return _opens_past_ascii(list(av[3]))
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and av[0] >= 1:
            return _opens_past_ascii(list(av[2]))
        return False
    return False


def may_match(required: frozenset[str] | None, present: frozenset[str]) -> bool:
    """False only when a text holds none of the `required` strings (`present`: those it holds, from
    `Prefilter.present`): the regex cannot match it."""
    return required is None or not required.isdisjoint(present)


class Prefilter:
    """Which of many rules' required strings a text holds, found at once: the text's three-character
    sequences are computed together (numpy, one integer each), and a string is searched for only
    when every one of its own sequences is among them — some ten `in` scans a message, where
    indexing strings by their opening alone left 130 and testing every rule's strings 700."""

    def __init__(self, required: Iterable[frozenset[str] | None]) -> None:
        strings: set[str] = set()
        for needs in required:
            for s in needs or ():
                if len(s) < MIN_LENGTH:
                    raise ValueError(f"required string {s!r} is shorter than {MIN_LENGTH} characters")
                strings.add(s)
        index: dict[int, list[tuple[str, frozenset[int]]]] = {}
        for s in sorted(strings):
            grams = _grams(s)
            index.setdefault(grams[0], []).append((s, frozenset(grams[1:])))
        self.index = {k: tuple(v) for k, v in index.items()}

    def present(self, text: str) -> frozenset[str]:
        """The indexed strings that occur in `text`; a rule may match only if it shares one."""
        if len(text) < MIN_LENGTH:
            return frozenset()
        grams = set(_grams(text))
        return frozenset(s for g in grams.intersection(self.index) for s, rest in self.index[g]
                         if rest <= grams and s in text)


def _grams(text: str) -> list[int]:
    """Each run of `MIN_LENGTH` (three) characters of `text`, in order, as one integer (21 bits a
    code point)."""
    c = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    return ((c[:-2] << 42) | (c[1:-1] << 21) | c[2:]).tolist()


def _required(items: list) -> set[str] | None:
    """For a sequence of parsed items: runs of literals (zero-width assertions between them do not
    break a run), groups, alternations whose every branch needs one, and repeats taken at least once
    are candidates; the one whose shortest string is longest filters best."""
    candidates: list[set[str]] = []
    run = ""
    for op, av in items:
        if op is _c.LITERAL:
            run += chr(av)
            continue
        if op is _c.AT:
            continue
        if len(run) >= MIN_LENGTH:
            candidates.append({run})
        run = ""
        if op is _c.SUBPATTERN:
            inner = _required(list(av[3]))
        elif op is _c.BRANCH:
            branches = [_required(list(b)) for b in av[1]]
            inner = set().union(*branches) if all(branches) else None
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and av[0] >= 1:
            inner = _required(list(av[2]))
        else:
            inner = None
        if inner:
            candidates.append(inner)
    if len(run) >= MIN_LENGTH:
        candidates.append({run})
    if not candidates:
        return None
    return max(candidates, key=lambda s: (min(map(len, s)), -len(s)))
