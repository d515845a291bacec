"""Every text a run can show, as integer ids: composed from parts rendered once per scenario.

The step only draws an id per item (vectorised); turning ids into strings happens at
export time. A text is a combination of one line per slot of a *cell* (`text.Cell`:
opener, main line, second sentence, sign-off) — thousands of combinations per cell —
so only the parts are filled with the scenario's vocabulary, and an id says which
cell and which combination. Within a cell, ids are drawn by walking a permutation
(a per-cell counter), so two accounts do not post the same text until the cell is
exhausted. Each cell exists for "any" situation and, where the phrase banks have
lines of their own, for a situation (`SITUATIONS`): `pick_crowd` then draws from the
situation's lines half of the time. Replies to a trainee message are cells made during
the run (`add_cells`), walked and guarded the same way; one-off texts (the messages
themselves, injects) take ids from `ONE_OFF` up.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import zlib
from pathlib import Path
from typing import Any

import numpy as np

from . import markers, text
from .phrasebank import ANY, CLAIM_SITUATIONS, Bank, posture_words
from .scenario import Scenario
from .taxonomy import EMOTIONS, GROUPS, LANGUAGES, SITUATIONS, STYLES, VOCABULARY_KEYS

DEFAULTS = {
    "fr": {"place": "la ville", "site": "le site", "product": "nos produits", "event": "l'incident",
           "victims": "les habitants", "ceo": "la direction", "safety": "sécurité"},
    "en": {"place": "town", "site": "the site", "product": "our products", "event": "the incident",
           "victims": "local people", "ceo": "the management", "safety": "safety"},
}
#: situations of the table's last axis: "any" first, then SITUATIONS in order
TABLE_SITUATIONS: tuple[str, ...] = (ANY, *SITUATIONS)
#: share of items drawn from a situation's own lines when it has some (the rest from "any")
SITUATION_SHARE = 0.5
_RULES = {rule: i for i, rule in enumerate(text.RULES)}
_CONFIRMED = CLAIM_SITUATIONS.index("confirmed")


#: Lists of `postures.toml` whose lines take a fact of the exercise for granted (bit b of
#: `TextTable.presupposes` is the b-th): the step replaces such a line when the fact is false
#: (`CrisisModel._true_to_what_happened`). Each language must have every list.
PRESUPPOSED = ("staff_uninformed_said", "staff_informed_said", "speed_said")


def vocabulary(scenario: Scenario, lang: str) -> dict[str, list[str]]:
    """The scenario's words, as lists, with sensible fallbacks for missing keys."""
    org = scenario.scenario.organisation
    base = {"org": org, "handle": "@" + "".join(ch for ch in org if ch.isalnum()), **DEFAULTS[lang]}
    merged = {**base, **scenario.vocabulary}
    return {key: ([v] if isinstance(v, str) else list(v)) for key, v in merged.items() if key in VOCABULARY_KEYS}


def values_of(vocab: dict[str, list[str]], variant: int, **extra: object) -> dict[str, object]:
    """One value per placeholder, rotating through list values so variants differ."""
    values: dict[str, object] = {key: words[(variant + zlib.crc32(key.encode())) % len(words)]
                                 for key, words in vocab.items()}
    values.update(extra)
    return values


def fill(template: str, vocab: dict[str, list[str]], variant: int, lang: str, **extra: object) -> str:
    """Fill placeholders (with French elision) with `values_of` the variant."""
    return text.fill(template, values_of(vocab, variant, **extra), lang)


def bank_for(scenario: Scenario, lang: str) -> Bank:
    """The phrase bank a scenario's texts are composed from (shipped, plus the scenario's own)."""
    return scenario.phrase_bank(lang)


def _cells_for(bank: Bank, group: str | None, emotion: str, kind: str, style: str, situation: str
               ) -> tuple[text.Cell | None, ...]:
    """The cells of one crowd combination in a situation: one for "any", the line groups of a
    situation for posts and replies (`text.situation_cells`), the situation's cell otherwise."""
    if situation == ANY or kind not in text.SHARED_KINDS:
        return (text.crowd_cell(bank, group, emotion, kind, style, situation),)
    return text.situation_cells(bank, group, emotion, kind, style)[situation]


def _candidates(scenario: Scenario) -> int:
    """The most cells any situation draws its own lines from (the table's last axis)."""
    most = 1
    for lang in LANGUAGES:
        bank = bank_for(scenario, lang)
        for group in (*GROUPS, None):
            for emotion in EMOTIONS:
                for kind in text.SHARED_KINDS:
                    for style in STYLES:
                        cells = text.situation_cells(bank, group, emotion, kind, style)
                        most = max(most, *(len(c) for c in cells.values()))
    return most


#: rendered tables by scenario content: replays (impact analysis, recovery) build many models
_RENDERED: dict[str, TextTable] = {}

#: What rendering a scenario's texts gives (two seconds of work), kept on disk for the next process
#: (a runner restarted after a crash, a calibration worker): everything else follows from these.
STORED = ("crowd_cell", "shared_cell", "mass", "claim_cell", "defence_cell", "reply_cell", "lower_ok",
          "part_lang", "part_markers", "part_presupposes", "rule", "cell_lang", "limit", "n", "slot_parts", "offset", "size",
          "base", "valid_offset", "valid", "count", "step")
#: Rendered tables kept in the cache folder, the most recently used first (some 10 MB each)
KEPT_ON_DISK = 24


@functools.cache
def _code_digest() -> str:
    """The model package's code and phrase files: a table rendered by other code or words is
    never read back."""
    here = Path(__file__).parent
    digest = hashlib.sha256()
    for path in sorted([*here.glob("*.py"), *here.glob("phrases/*/*.toml")]):
        digest.update(str(path.relative_to(here)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _texts_key(scenario: Scenario) -> str:
    """What a scenario's texts are made of — its words, claims and phrase banks — and nothing else:
    a copy with other parameters or injects (a calibration's, a test's) reads the same texts, a copy
    given new words (its file hash unchanged) does not."""
    words = {"org": scenario.scenario.organisation, "vocabulary": scenario.vocabulary,
             "claims": [c.text for c in scenario.claims]}
    banks = "".join(bank_for(scenario, lang).key for lang in LANGUAGES)
    return hashlib.sha256((json.dumps(words, sort_keys=True, ensure_ascii=False) + banks).encode()).hexdigest()


def _rendered(scenario: Scenario, key: str) -> TextTable:
    """The scenario's rendered table: read from the cache folder when this code rendered it
    before, else rendered and written there. A file that will not read is rendered anew; a
    folder that cannot hold it only costs the rendering."""
    from .encoder import cache_dir

    name = hashlib.sha256((key + _code_digest()).encode()).hexdigest()[:24]
    path = cache_dir() / f"texts-{name}.npz"
    try:
        with np.load(path, allow_pickle=False) as stored:
            table = TextTable.__new__(TextTable)
            for field in STORED:
                setattr(table, field, stored[field])
            table.parts = _split(stored["parts"])
            table.templates = _split(stored["templates"])
        if len(table.parts) != len(table.part_lang) or len(table.templates) != len(table.parts):
            raise ValueError(f"{path}: parts and their arrays disagree")
        table._finish()
        os.utime(path)  # recently used: kept by the sweep
        return table
    except Exception:  # not there yet, or damaged in any way: rendered anew
        pass
    table = TextTable(scenario)
    _store(path, table)
    return table


def _store(path: Path, table: TextTable) -> None:
    """Write `table` whole at `path` (a partial file named for this process, then renamed), then
    remove all but the `KEPT_ON_DISK` most recently used tables."""
    from .encoder import _sweep

    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _sweep(path.parent, "texts-*.partial")
        with open(partial, "wb") as fh:
            np.savez(fh, parts=_joined(table.parts), templates=_joined(table.templates),
                     **{field: getattr(table, field) for field in STORED})
        os.replace(partial, path)
        older = sorted(path.parent.glob("texts-*.npz"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in older[KEPT_ON_DISK:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass
    finally:
        partial.unlink(missing_ok=True)


def _joined(strings: list[str]) -> np.ndarray:
    """Strings as one array of UTF-8 bytes, NUL-separated (no part holds a NUL)."""
    return np.frombuffer("\0".join(strings).encode(), dtype=np.uint8)


def _split(data: np.ndarray) -> list[str]:
    return data.tobytes().decode().split("\0") if len(data) else []


#: No account says what another said within this many minutes (issue 13: variety).
REPEAT_WINDOW_MIN = 60
#: Tries to find an unsaid combination in a cell before letting a repeat through (a cell that a
#: very large crowd has exhausted within the hour has none left to give).
REPEAT_ROUNDS = 3


#: Slots of the record of what was said (a hash of a text's parts): 4M minutes of int16, 8 MB
#: (a scenario lasts at most a day: 1,440 minutes).
RECORD_BITS = 22
#: One-off texts (trainee messages, injects, notable statements) take ids from here up; composed
#: texts, those of the scenario and those made during the run, lie below.
ONE_OFF = 1 << 30


def _no_record() -> np.ndarray:
    return np.full(1 << RECORD_BITS, np.iinfo(np.int16).min, dtype=np.int16)


def _slots(parts: np.ndarray) -> np.ndarray:
    """A slot in the record per text, from its four part ids, by a multiply-add mix and Fibonacci
    hashing (uint64 arithmetic wraps, as a hash wants)."""
    p = parts.astype(np.uint64)
    key = p[:, 0]
    for k in (1, 2, 3):
        key = key * np.uint64(0x100000001B3) + p[:, k]
    return ((key * np.uint64(0x9E3779B97F4A7C15)) >> np.uint64(64 - RECORD_BITS)).astype(np.int64)


class _Markers:
    """`table.markers[ids]`: moral-emotional word counts of texts, as an array lookup would give."""

    def __init__(self, table: TextTable):
        self._table = table

    def __getitem__(self, ids: Any) -> np.ndarray:
        return self._table.markers_of(np.asarray(ids, dtype=np.int64))


class TextTable:
    """Filled parts, cells of part combinations, and the walk state that keeps texts from repeating."""

    @classmethod
    def for_scenario(cls, scenario: Scenario) -> TextTable:
        """A fresh table for a model: the scenario's rendered parts (cached), with its own walk."""
        key = _texts_key(scenario)
        cached = _RENDERED.get(key)
        if cached is None:
            cached = _RENDERED[key] = _rendered(scenario, key)
        table = cls.__new__(cls)
        table.__dict__.update(cached.__dict__)
        table.parts, table.templates = list(cached.parts), list(cached.templates)  # the run adds its own
        table._start_run()
        return table

    def __init__(self, scenario: Scenario):
        self.parts: list[str] = []
        self.templates: list[str] = []
        part_ids: dict[tuple[str, str, str], int] = {}
        lower_ok: list[bool] = []
        part_lang: list[int] = []
        cells: list[tuple[int, int, int, list[list[int]]]] = []  # (rule, lang, limit, slots as part ids)
        claims = scenario.claims
        nl, ng, ne, nk, ns = len(LANGUAGES), len(GROUPS), len(EMOTIONS), len(text.TABLE_KINDS), len(STYLES)
        nsit = len(TABLE_SITUATIONS)
        #: cells by (lang, group, emotion, kind, style, situation, candidate): "any" at [..., 0, 0];
        #: a situation draws from several cells, one per group of lines true in the same situations
        k = _candidates(scenario)
        self.crowd_cell = np.full((nl, ng, ne, nk, ns, nsit, k), -1, dtype=np.int64)
        #: posts and replies from the crowd's shared lines: one cell (one walk) for every mass group
        self.shared_cell = np.full((nl, ne, nk, ns, nsit, k), -1, dtype=np.int64)
        self.mass = np.array([g not in text.INSTITUTIONS for g in GROUPS], dtype=bool)
        self.claim_cell = np.full((nl, max(len(claims), 1), ne, ns, len(CLAIM_SITUATIONS)), -1, dtype=np.int64)
        self.defence_cell = np.full((nl, ns, nsit), -1, dtype=np.int64)
        self.reply_cell = np.full((nl, ne, ns, nsit), -1, dtype=np.int64)

        seen: dict[tuple[Any, ...], int] = {}

        def add_cell(cell: text.Cell | None, li: int, lang: str, style: str, vocab: dict[str, list[str]],
                     claim: str = "") -> int:
            if cell is None:
                return -1
            cell_key = (li, style == "microblog", cell,
                        claim if any("{claim}" in t for slot in cell.slots for t in slot) else "")
            if cell_key in seen:  # the same lines in two places (two situations) walk as one cell
                return seen[cell_key]
            slots = []
            for slot in cell.slots:
                ids = []
                for template in slot:
                    key = (lang, template, claim if "{claim}" in template else "")
                    pid = part_ids.get(key)
                    if pid is None:
                        pid = part_ids[key] = len(self.parts)
                        extra = {"claim": claim} if key[2] else {}
                        values = values_of(vocab, pid, **extra)
                        self.parts.append(text.fill(template, values, lang) if template else "")
                        self.templates.append(template)
                        lower_ok.append(text.may_lower(lang, template, values))
                        part_lang.append(li)
                    ids.append(pid)
                slots.append(ids)
            limit = text.MICROBLOG_LIMIT if style == "microblog" else 0
            cells.append((_RULES[cell.rule], li, limit, slots))
            seen[cell_key] = len(cells) - 1
            return seen[cell_key]

        for li, lang in enumerate(LANGUAGES):
            bank = bank_for(scenario, lang)
            vocab = vocabulary(scenario, lang)
            for si, style in enumerate(STYLES):
                for ti, sit in enumerate(TABLE_SITUATIONS):
                    for gi, group in enumerate(GROUPS):
                        for ei, emotion in enumerate(EMOTIONS):
                            for ki, kind in enumerate(text.TABLE_KINDS):
                                for c, cell in enumerate(_cells_for(bank, group, emotion, kind, style, sit)):
                                    self.crowd_cell[li, gi, ei, ki, si, ti, c] = add_cell(cell, li, lang, style, vocab)
                    for ei, emotion in enumerate(EMOTIONS):
                        for kind in text.SHARED_KINDS:
                            for c, cell in enumerate(_cells_for(bank, None, emotion, kind, style, sit)):
                                self.shared_cell[li, ei, text.TABLE_KINDS.index(kind), si, ti, c] = add_cell(
                                    cell, li, lang, style, vocab)
                        cell = text.message_reply_cell(bank, emotion, style, sit)
                        self.reply_cell[li, ei, si, ti] = add_cell(cell, li, lang, style, vocab)
                    self.defence_cell[li, si, ti] = add_cell(text.defence_cell(bank, style, sit), li, lang, style, vocab)
                for ei, emotion in enumerate(EMOTIONS):
                    for csi, csit in enumerate(CLAIM_SITUATIONS):
                        cell = text.claim_cell(bank, emotion, style, csit)
                        for ci, c in enumerate(claims):
                            self.claim_cell[li, ci, ei, si, csi] = add_cell(cell, li, lang, style, vocab, claim=c.text)

        self.lower_ok = np.array(lower_ok, dtype=bool)
        self.part_lang = np.array(part_lang, dtype=np.int8)
        #: moral/outrage markers of every part (`model/markers.py`), counted once per scenario
        self.part_markers = np.zeros(len(self.parts), dtype=np.int16)
        for li, lang in enumerate(LANGUAGES):
            mine = np.flatnonzero(self.part_lang == li)
            if len(mine):
                self.part_markers[mine] = markers.count_all([self.parts[i] for i in mine], lang)
        #: what each part takes for granted (`presupposes`): a few dozen of 8,000 parts, found once and stored
        said = [[posture_words(lang, name) for name in PRESUPPOSED] for lang in LANGUAGES]
        self.part_presupposes = np.array([sum(1 << b for b, w in enumerate(said[li]) if w.search(p))
                                          for p, li in zip(self.parts, part_lang, strict=True)], dtype=np.uint8)
        self.rule = np.array([c[0] for c in cells], dtype=np.int8)
        self.cell_lang = np.array([c[1] for c in cells], dtype=np.int8)
        self.limit = np.array([c[2] for c in cells], dtype=np.int32)
        self.n = np.array([[len(s) for s in c[3]] for c in cells], dtype=np.int64).reshape(-1, 4)
        flat = [pid for c in cells for s in c[3] for pid in s]
        self.slot_parts = np.array(flat, dtype=np.int32)
        self.offset = np.concatenate([[0], np.cumsum(self.n.ravel())[:-1]]).reshape(-1, 4).astype(np.int64)
        self.size = self.n.prod(axis=1)
        self.base = np.concatenate([[0], np.cumsum(self.size)[:-1]]).astype(np.int64)
        if int(self.size.sum()) >= ONE_OFF // 2:
            raise ValueError(f"{int(self.size.sum())} composed texts do not fit int32 ids; shorten the phrase lists")
        # the walk visits only combinations whose lines do not echo each other ("Worried. … so worried")
        # and whose lead can open its main line ("Personally, does anyone know?" cannot)
        valid, self.valid_offset = [], np.zeros(len(cells), dtype=np.int64)
        position = 0
        for c, (_, _, _, slots) in enumerate(cells):
            words = [tuple(self.templates[p] for p in slot) for slot in slots]
            bad = np.zeros(tuple(len(slot) for slot in slots), dtype=bool)
            for a, b in text.ECHO_PAIRS:
                shape = [1, 1, 1, 1]
                shape[a], shape[b] = len(slots[a]), len(slots[b])
                bad |= text.echo_matrix(words[a], words[b]).reshape(shape)
            bad |= text.junction_matrix(words[0], words[1]).reshape(len(slots[0]), len(slots[1]), 1, 1)
            ok = np.flatnonzero(~bad.ravel())
            ok = ok if len(ok) else np.arange(bad.size)
            valid.append(ok.astype(np.int32))
            self.valid_offset[c] = position
            position += len(ok)
        self.valid = np.concatenate(valid) if valid else np.zeros(0, dtype=np.int32)
        #: combinations the walk draws from, per cell
        self.count = np.array([len(v) for v in valid], dtype=np.int64)
        self.step = np.array([text._coprime_step(int(n)) for n in self.count], dtype=np.int64)
        self._finish()

    def _finish(self) -> None:
        """What follows from the rendered arrays (`STORED`), and an unwalked run."""
        self.static = int(self.size.sum())
        #: combinations per cell with a trailing 0, so that "no cell" (-1) reads 0
        self.count_or_0 = np.append(self.count, 0)
        # flat views for the step, with the candidates' cumulative sizes (they never change)
        self._own = self.crowd_cell.reshape(-1, *self.crowd_cell.shape[-2:])
        self._shared = self.shared_cell.reshape(-1, *self.shared_cell.shape[-2:])
        self._own_cum = np.cumsum(self.count_or_0[self._own], axis=-1)
        self._shared_cum = np.cumsum(self.count_or_0[self._shared], axis=-1)
        self._start_run()

    def _start_run(self) -> None:
        """Nothing drawn yet: the walk's state, the record of what was said, the run's own texts."""
        #: texts drawn per cell (a trailing slot for "no cell", never drawn from)
        self.used = np.zeros(len(self.count) + 1, dtype=np.int64)
        self.start = np.zeros(len(self.count), dtype=np.int64)
        #: the minute each text (by a hash of its parts) was last said by the crowd
        self.said_at = _no_record()
        self.extra: list[str] = []
        #: parts made during the run (`add_cells`), by language and text
        self._said_parts: dict[tuple[int, str], int] = {}
        #: the situation of the latest `pick_crowd` (replies and defences of the same step use it)
        self.situation = 0

    # ------------------------------------------------------------ drawing

    def add(self, s: str) -> int:
        """A one-off text (trainee message, inject, notable statement); returns its id."""
        self.extra.append(s)
        return ONE_OFF + len(self.extra) - 1

    @staticmethod
    def composed(ids: np.ndarray) -> np.ndarray:
        """Which ids are composed texts (walked, and kept from repeating), not one-off ones."""
        return np.asarray(ids) < ONE_OFF

    def add_cells(self, lang: str, cells: list[tuple[list[list[str]], np.ndarray]]) -> list[int]:
        """Cells made during the run — the replies to a trainee message (`model/echo.py`) — so that
        they are walked and kept from repeating like the scenario's own. Each cell is given as its
        four slots of plain strings (a string is one part, kept once however many cells use it)
        and a boolean array shaped like the slots marking the combinations that may be drawn.
        Returns the cells' indices (their ids lie after every earlier cell's)."""
        if not cells:
            return []
        li = LANGUAGES.index(lang)
        new: list[str] = []
        rows, slot_parts, valid = [], [], []
        for slots, allowed in cells:
            if len(slots) != 4 or allowed.shape != tuple(len(slot) for slot in slots):
                raise ValueError("a cell has four slots and a mask of their combinations' shape")
            for slot in slots:
                for part in slot:
                    pid = self._said_parts.get((li, part))
                    if pid is None:
                        pid = self._said_parts[(li, part)] = len(self.parts) + len(new)
                        new.append(part)
                    slot_parts.append(pid)
            ok = np.flatnonzero(allowed.ravel())
            valid.append((ok if len(ok) else np.arange(allowed.size)).astype(np.int32))
            rows.append([len(slot) for slot in slots])
        self.parts += new
        self.templates += new
        self.lower_ok = np.append(self.lower_ok, np.zeros(len(new), dtype=bool))
        self.part_lang = np.append(self.part_lang, np.full(len(new), li, dtype=np.int8))
        self.part_markers = np.append(self.part_markers, markers.count_all(new, lang).astype(np.int16))
        self.part_presupposes = np.append(self.part_presupposes, np.zeros(len(new), dtype=np.uint8))  # echo's own rules
        first, k = len(self.rule), len(cells)
        n = np.array(rows, dtype=np.int64)
        size = n.prod(axis=1)
        self.offset = np.concatenate([self.offset, (len(self.slot_parts) + np.concatenate(
            [[0], np.cumsum(n.ravel())[:-1]])).reshape(-1, 4).astype(np.int64)])
        self.slot_parts = np.append(self.slot_parts, np.array(slot_parts, dtype=np.int32))
        self.base = np.append(self.base, self.base[-1] + self.size[-1] + np.concatenate([[0], np.cumsum(size)[:-1]]))
        self.n, self.size = np.concatenate([self.n, n]), np.append(self.size, size)
        if self.base[-1] + self.size[-1] >= ONE_OFF:
            raise ValueError("the run has made more texts than its ids can hold")
        self.rule = np.append(self.rule, np.full(k, _RULES["said"], dtype=np.int8))
        self.cell_lang = np.append(self.cell_lang, np.full(k, li, dtype=np.int8))
        self.limit = np.append(self.limit, np.zeros(k, dtype=np.int32))
        count = np.array([len(v) for v in valid], dtype=np.int64)
        self.valid_offset = np.append(self.valid_offset, len(self.valid) + np.concatenate([[0], np.cumsum(count)[:-1]]))
        self.valid = np.concatenate([self.valid, *valid])
        self.count = np.append(self.count, count)
        self.step = np.append(self.step, [text._coprime_step(int(c)) for c in count])
        # "no cell" (-1) keeps reading the trailing slot of these two
        self.count_or_0 = np.append(self.count, 0)
        self.used = np.concatenate([self.used[:-1], np.zeros(k, dtype=np.int64), self.used[-1:]])
        self.start = np.append(self.start, np.zeros(k, dtype=np.int64))
        return list(range(first, first + k))

    def pick_cells(self, cells: np.ndarray, u: np.ndarray) -> np.ndarray:
        """One id per row from the given cells (e.g. from `add_cells`), walking each cell."""
        return self._walk(np.asarray(cells, dtype=np.int64), u)

    def _walk(self, cell: np.ndarray, u: np.ndarray) -> np.ndarray:
        """One id per row from its cell, walking each cell's permutation of its combinations
        (no repeat until the cell is exhausted)."""
        out = np.zeros(len(cell), dtype=np.int32)
        if not len(cell):
            return out
        order = np.argsort(cell, kind="stable")
        sc = cell[order]
        first = np.flatnonzero(np.concatenate(([True], sc[1:] != sc[:-1])))
        uniq, counts = sc[first], np.diff(np.append(first, len(sc)))
        fresh = self.used[uniq] == 0
        if fresh.any():  # a cell's walk starts where its first item's uniform points
            self.start[uniq[fresh]] = (u[order[first[fresh]]] * self.count[uniq[fresh]]).astype(np.int64)
        rank = np.arange(len(sc)) - np.repeat(first, counts)
        k = (self.start[sc] + (self.used[sc] + rank) * self.step[sc]) % self.count[sc]
        out[order] = (self.base[sc] + self.valid[self.valid_offset[sc] + k]).astype(np.int32)
        self.used[uniq] += counts
        return out

    def _digits(self, cell: np.ndarray, local: np.ndarray) -> np.ndarray:
        digits = np.zeros((len(cell), 4), dtype=np.int64)
        for k in (3, 2, 1, 0):
            local, digits[:, k] = np.divmod(local, self.n[cell, k])
        return digits

    def _sizes(self, cell: np.ndarray) -> np.ndarray:
        """Combinations per cell; 0 for "no cell" (-1 reads the trailing 0 of `count_or_0`)."""
        return self.count_or_0[cell]

    def _choose(self, specific: np.ndarray, general: np.ndarray, u: np.ndarray) -> np.ndarray:
        """A situation's own cell where it has some, else the general one. `specific` holds the
        candidate cells of each row (rows x candidates); one is drawn in proportion to its size.
        The specific share is SITUATION_SHARE, less when the situation's cells together have fewer
        combinations than the general one (two lines must not be repeated to half the crowd),
        and a cell that has given all its texts is left alone."""
        return self._choose_by(specific, np.cumsum(self.count_or_0[specific], axis=1), general, u)

    def _choose_by(self, specific: np.ndarray, cumulative: np.ndarray, general: np.ndarray,
                   u: np.ndarray) -> np.ndarray:
        """`_choose` with the candidates' cumulative sizes given (precomputed for the crowd)."""
        total = cumulative[:, -1]
        r = (u * 1048576.0) % 1.0 * total
        pick = np.minimum((cumulative <= r[:, None]).sum(axis=1), specific.shape[1] - 1)
        chosen = specific[np.arange(len(specific)), pick]
        cs, cg = self.count_or_0[chosen], self.count_or_0[general]
        coin = (u * 4096.0) % 1.0 * np.maximum(cg, 1) < SITUATION_SHARE * np.minimum(total, cg)
        coin &= self.used[chosen] < cs  # an exhausted cell would repeat itself (cs is 0 for no cell)
        return np.where(coin, chosen, general)

    # The model draws texts only through the pick_* methods below, so that the table's layout
    # (situations, composed phrases) can change without touching the step.

    def pick_crowd(self, lang: np.ndarray, group: np.ndarray, emotion: np.ndarray, kind: np.ndarray,
                   style: np.ndarray, situation: int, u: np.ndarray) -> np.ndarray:
        """A crowd item's text for each row, in the given situation (an index in SITUATIONS)."""
        self.situation = sit = int(situation) + 1
        _, ng, ne, nk, ns = self.crowd_cell.shape[:5]
        lang, group = lang.astype(np.int64), group.astype(np.int64)  # small ints would overflow
        j = (lang * ne + emotion) * (nk * ns) + kind.astype(np.int64) * ns + style
        i = ((lang * ng + group) * ne + emotion) * (nk * ns) + kind.astype(np.int64) * ns + style
        own, shared = self._own, self._shared
        voice = self._choose_by(own[i, sit], self._own_cum[i, sit], own[i, 0, 0], u)
        crowd = self._choose_by(shared[j, sit], self._shared_cum[j, sit], shared[j, 0, 0], u)
        crowd = np.where(self.mass[group], crowd, -1)
        # the group's own voice or the crowd's lines, in proportion to what each can say
        sv, sc = self.count_or_0[voice], self.count_or_0[crowd]
        coin = (u * 65536.0) % 1.0 * np.maximum(sv + sc, 1) < sv
        return self._walk(np.where(coin, voice, crowd), u)

    def pick_general(self, lang: np.ndarray, group: np.ndarray, emotion: np.ndarray, kind: np.ndarray,
                     style: np.ndarray, u: np.ndarray, shared: bool) -> np.ndarray:
        """A crowd item's text from lines true in any situation: the group's own, or (`shared`) the
        crowd's. -1 where there is none (the crowd's lines are not an institution's)."""
        _, ng, ne, nk, ns = self.crowd_cell.shape[:5]
        lang, group, kind = lang.astype(np.int64), group.astype(np.int64), kind.astype(np.int64)
        if shared:
            cell = np.where(self.mass[group], self._shared[(lang * ne + emotion) * (nk * ns) + kind * ns + style, 0, 0], -1)
        else:
            cell = self._own[((lang * ng + group) * ne + emotion) * (nk * ns) + kind * ns + style, 0, 0]
        out = np.full(len(cell), -1, dtype=np.int32)
        there = cell >= 0
        out[there] = self._walk(cell[there], u[there])
        return out

    def presupposes(self, ids: np.ndarray) -> np.ndarray:
        """What each text takes for granted, as bits of `PRESUPPOSED` (bit b: its b-th list): "nobody
        tells us anything" that the staff were told nothing, "they spoke quickly" that the first word
        came early. One-off texts take nothing for granted."""
        ids = np.asarray(ids, dtype=np.int64)
        out = np.zeros(len(ids), dtype=np.uint8)
        static = ids < ONE_OFF
        if static.any():
            out[static] = np.bitwise_or.reduce(self.part_presupposes[self._decode(ids[static])[1]], axis=1)
        return out

    def pick_claim(self, lang: np.ndarray, claim: np.ndarray, emotion: np.ndarray, style: np.ndarray,
                   state: np.ndarray, u: np.ndarray) -> np.ndarray:
        """An item that repeats a claim (claim index), in the state the organisation left it (an index
        in CLAIM_SITUATIONS: standing, corrected, confirmed). Once confirmed, only the confirmed lines:
        "any" tells a rumour ("apparently…", "if it's true…"), which an owned fact no longer is."""
        if not len(u):
            return np.zeros(0, dtype=np.int32)
        cells = self.claim_cell[lang, claim, emotion, style]
        state = np.asarray(state, dtype=np.int64)
        specific = np.take_along_axis(cells, state[:, None], axis=1)
        general = np.where((state == _CONFIRMED) & (self.count_or_0[specific[:, 0]] > 0), specific[:, 0], cells[:, 0])
        return self._walk(self._choose(specific, general, u), u)

    def pick_message_reply(self, lang: np.ndarray, emotion: np.ndarray, style: np.ndarray,
                           u: np.ndarray) -> np.ndarray:
        """A reply under the organisation's latest message (in the situation of this step's crowd)."""
        if not len(u):
            return np.zeros(0, dtype=np.int32)
        cells = self.reply_cell[lang, emotion, style]
        return self._walk(self._choose(cells[:, self.situation, None], cells[:, 0], u), u)

    def pick_defence(self, lang: np.ndarray, style: np.ndarray, u: np.ndarray) -> np.ndarray:
        """An ally answering a critic while the organisation communicates well."""
        if not len(u):
            return np.zeros(0, dtype=np.int32)
        cells = self.defence_cell[lang, style]
        return self._walk(self._choose(cells[:, self.situation, None], cells[:, 0], u), u)

    def avoid_repeats(self, ids: np.ndarray, u: np.ndarray, minute: int) -> np.ndarray:
        """The same texts, except those another item already said within the hour (the same
        four parts, drawn from another cell that holds the same lines, or twice this minute):
        those take their cell's next combination instead. Records what was said.

        The record is a table of minutes indexed by a hash of the parts (fixed size, no sorting):
        two different texts may share a slot, which only makes one of them pick again."""
        ids = np.asarray(ids, dtype=np.int32).copy()
        for _ in range(REPEAT_ROUNDS):
            cells, parts = self._decode(ids)
            slot = _slots(parts)
            # an item's time lies anywhere in its minute: 60 minutes apart by the clock may be 59.9
            again = self.said_at[slot] >= minute - REPEAT_WINDOW_MIN
            order = np.argsort(slot, kind="stable")
            again[order[1:][slot[order][1:] == slot[order][:-1]]] = True  # twice this minute
            if not again.any():
                break
            ids[again] = self._walk(cells[again], u[again])
        self.said_at[_slots(self._decode(ids)[1])] = minute
        return ids

    # ------------------------------------------------------------ reading ids

    def _decode(self, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(cell, part ids (rows x 4)) of composed ids."""
        cell = np.searchsorted(self.base, ids, side="right") - 1
        digits = self._digits(cell, ids - self.base[cell])
        return cell, self.slot_parts[self.offset[cell] + digits]

    def markers_of(self, ids: np.ndarray) -> np.ndarray:
        """Moral-emotional word counts of texts (`model/markers.py`): the sum over a text's
        parts, capped like `markers.count`; one-off texts count none."""
        ids = np.asarray(ids, dtype=np.int64)
        out = np.zeros(len(ids), dtype=np.int8)
        static = ids < ONE_OFF
        if static.any():
            _, parts = self._decode(ids[static])
            out[static] = np.minimum(self.part_markers[parts].sum(axis=1), markers.MAX_MARKERS)
        return out

    @property
    def markers(self) -> _Markers:
        return _Markers(self)

    @property
    def strings(self) -> list[str]:
        """The one-off texts added so far (composed texts are read with `lookup`)."""
        return self.extra

    def lookup(self, ids: np.ndarray) -> np.ndarray:
        """The texts of ids, composed from their parts (an object array of str)."""
        ids = np.asarray(ids, dtype=np.int64)
        out = np.empty(len(ids), dtype=object)
        static = ids < ONE_OFF
        if (~static).any():
            out[~static] = np.array(self.extra, dtype=object)[ids[~static] - ONE_OFF]
        if static.any():
            cells, parts = self._decode(ids[static])
            out[static] = [self._compose(int(c), p) for c, p in zip(cells, parts.tolist(), strict=True)]
        return out

    def _compose(self, cell: int, parts: list[int]) -> str:
        lang = LANGUAGES[self.cell_lang[cell]]
        limit = int(self.limit[cell]) or None
        return text.compose(lang, text.RULES[self.rule[cell]], [self.parts[p] for p in parts],
                            [bool(self.lower_ok[p]) for p in parts], limit, [self.templates[p] for p in parts])

    # ------------------------------------------------------------ inspection

    def crowd_ids(self, lang: int, group: int, emotion: int, kind: int, style: int,
                  situation: str = ANY) -> np.ndarray:
        """Every id a group's crowd cell(s) can give in a situation (empty when it has no lines of
        its own there; posts and replies of mass groups also draw from `shared_cell`)."""
        cells = self.crowd_cell[lang, group, emotion, kind, style, TABLE_SITUATIONS.index(situation)]
        cells = cells[:1] if situation == ANY else cells[cells >= 0]
        if not len(cells) or cells[0] < 0:
            return np.empty(0, np.int64)
        return np.concatenate([self.base[c] + self.valid[self.valid_offset[c]:self.valid_offset[c] + self.count[c]]
                               for c in cells]).astype(np.int64)

    @property
    def crowd(self) -> np.ndarray:
        """(base, count) of every "any" crowd cell, shaped (lang, group, emotion, kind, style, 2)."""
        cell = self.crowd_cell[..., 0, 0]
        return np.stack([self.base[cell], self.size[cell]], axis=-1)
