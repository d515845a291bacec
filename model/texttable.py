"""Every text a run can show, rendered once per scenario, looked up by integer id.

The step only draws an id per item (vectorised); turning ids into strings is an
array lookup at export time. Templates come from `text.py`; the scenario's
vocabulary fills them.
"""

from __future__ import annotations

import zlib

import numpy as np

from . import markers, text
from .scenario import Scenario
from .taxonomy import EMOTIONS, GROUPS, KINDS, LANGUAGES, STYLES, VOCABULARY_KEYS

DEFAULTS = {
    "fr": {"place": "la ville", "site": "le site", "product": "nos produits", "event": "l'incident",
           "victims": "les habitants", "ceo": "la direction"},
    "en": {"place": "town", "site": "the site", "product": "our products", "event": "the incident",
           "victims": "local people", "ceo": "the management"},
}


def vocabulary(scenario: Scenario, lang: str) -> dict[str, list[str]]:
    """The scenario's words, as lists, with sensible fallbacks for missing keys."""
    org = scenario.scenario.organisation
    base = {"org": org, "handle": "@" + "".join(ch for ch in org if ch.isalnum()), **DEFAULTS[lang]}
    merged = {**base, **scenario.vocabulary}
    return {key: ([v] if isinstance(v, str) else list(v)) for key, v in merged.items() if key in VOCABULARY_KEYS}


def fill(template: str, vocab: dict[str, list[str]], variant: int, lang: str, **extra: object) -> str:
    """Fill placeholders (with French elision), rotating through list values so variants differ."""
    values: dict[str, object] = {}
    for key, words in vocab.items():
        values[key] = words[(variant + zlib.crc32(key.encode())) % len(words)]
    values.update(extra)
    return text.fill(template, values, lang)


#: rendered tables by scenario content hash: rendering ~34,000 strings costs more than
#: simulating two hours, and replays (impact analysis, recovery) build many models
_RENDERED: dict[str, TextTable] = {}


class TextTable:
    """A flat list of strings plus (base, count) ranges per template combination."""

    @classmethod
    def for_scenario(cls, scenario: Scenario) -> TextTable:
        """A fresh table for a model: the scenario's rendered texts (cached), ready for one-off additions."""
        key = scenario.sha256 or scenario.model_dump_json()
        cached = _RENDERED.get(key)
        if cached is None:
            cached = _RENDERED[key] = cls(scenario)
        table = cls.__new__(cls)
        table.__dict__.update(cached.__dict__)
        table.strings = list(cached.strings[: cached.static])
        return table

    def __init__(self, scenario: Scenario):
        self.strings: list[str] = []
        counts: list[np.ndarray] = []
        claims = scenario.claims
        nl, ng, ne, nk, ns = len(LANGUAGES), len(GROUPS), len(EMOTIONS), len(KINDS), len(STYLES)
        self.crowd = np.zeros((nl, ng, ne, nk, ns, 2), dtype=np.int64)
        self.claim = np.zeros((nl, max(len(claims), 1), ne, ns, 2), dtype=np.int64)
        self.defence = np.zeros((nl, ns, 2), dtype=np.int64)
        self.message_reply = np.zeros((nl, ne, ns, 2), dtype=np.int64)
        for li, lang in enumerate(LANGUAGES):
            vocab = vocabulary(scenario, lang)
            self._lang = lang
            for si, style in enumerate(STYLES):
                for gi, group in enumerate(GROUPS):
                    for ei, emotion in enumerate(EMOTIONS):
                        for ki, kind in enumerate(KINDS):
                            tpl = text.reaction_templates(lang, group, emotion, kind, style)
                            self.crowd[li, gi, ei, ki, si] = self._add(tpl, vocab)
                for ei, emotion in enumerate(EMOTIONS):
                    tpl = text.claim_templates(lang, emotion, style)
                    for ci, c in enumerate(claims):
                        self.claim[li, ci, ei, si] = self._add(tpl, vocab, claim=c.text)
                    self.message_reply[li, ei, si] = self._add(text.message_reply_templates(lang, emotion, style), vocab)
                self.defence[li, si] = self._add(text.defence_templates(lang, style), vocab)
            counts.append(markers.count_all(self.strings[sum(map(len, counts)):], lang))
        self.static = len(self.strings)
        #: moral/outrage markers of every rendered phrase (`model/markers.py`), counted once per scenario
        self.markers = np.concatenate(counts).astype(np.int8)

    def _add(self, templates: list[str], vocab: dict[str, list[str]], **extra: object) -> tuple[int, int]:
        base = len(self.strings)
        self.strings.extend(fill(t, vocab, j, self._lang, **extra) for j, t in enumerate(templates))
        return base, len(templates)

    def add(self, s: str) -> int:
        """A one-off text (trainee message, inject, notable statement); returns its id."""
        self.strings.append(s)
        return len(self.strings) - 1

    @staticmethod
    def pick(ranges: np.ndarray, u: np.ndarray) -> np.ndarray:
        """Draw one id per row from (base, count) ranges, with uniforms u."""
        return (ranges[..., 0] + (u * ranges[..., 1]).astype(np.int64)).astype(np.int32)

    # The model draws texts only through the pick_* methods below, so that the table's layout
    # (situations, composed phrases) can change without touching the step.

    def pick_crowd(self, lang: np.ndarray, group: np.ndarray, emotion: np.ndarray, kind: np.ndarray,
                   style: np.ndarray, situation: int, u: np.ndarray) -> np.ndarray:
        """A crowd item's text for each row, in the given situation (an index in SITUATIONS)."""
        return self.pick(self.crowd[lang, group, emotion, kind, style], u)

    def pick_claim(self, lang: np.ndarray, claim: np.ndarray, emotion: np.ndarray, style: np.ndarray,
                   corrected: np.ndarray, u: np.ndarray) -> np.ndarray:
        """An item that repeats a rumour (claim index), knowing whether the organisation corrected it."""
        return self.pick(self.claim[lang, claim, emotion, style], u)

    def pick_message_reply(self, lang: np.ndarray, emotion: np.ndarray, style: np.ndarray,
                           u: np.ndarray) -> np.ndarray:
        """A reply under the organisation's latest message."""
        return self.pick(self.message_reply[lang, emotion, style], u)

    def pick_defence(self, lang: np.ndarray, style: np.ndarray, u: np.ndarray) -> np.ndarray:
        """An ally answering a critic while the organisation communicates well."""
        return self.pick(self.defence[lang, style], u)

    def markers_of(self, ids: np.ndarray) -> np.ndarray:
        """Moral-emotional word counts of texts (`model/markers.py`); one-off texts count none."""
        out = np.zeros(len(ids), dtype=np.int8)
        static = ids < self.static
        out[static] = self.markers[ids[static]]
        return out

    def lookup(self, ids: np.ndarray) -> np.ndarray:
        table = np.array(self.strings, dtype=object)
        return table[ids]
