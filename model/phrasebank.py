"""Phrase banks as data: load, validate and merge the TOML files under `model/phrases/<lang>/`.

Designers write phrases, not code, so every mistake in a phrase file comes back as a
sentence naming the file, the line, the field and what to do — never a traceback.
A scenario may add or replace lists (`[phrases]` in its file, or a phrases file it
points to); the merged bank is what `model/text.py` composes texts from.

Layout (docs/phrases.md): each file holds nested tables ending in a *situation*
("any", or one of `SITUATIONS`: the lines are true only then) and a *register*
("std", "pro", "chat", "react") holding a list of lines.
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
import string
import tomllib
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from .taxonomy import EMOTIONS, GROUPS, LANGUAGES, SITUATIONS, STYLES, VOCABULARY_KEYS

PHRASES_DIR = Path(__file__).parent / "phrases"

#: the situation key for lines that are true whatever the organisation did
ANY = "any"
#: a rumour's state as the organisation left it: not yet addressed, called false, or owned (a true claim)
CLAIM_SITUATIONS: tuple[str, ...] = (ANY, "standing", "corrected", "confirmed")
REGISTERS: tuple[str, ...] = ("std", "pro", "chat", "react")
INSTITUTIONS: tuple[str, ...] = ("journalist", "elected", "organisation")
CORE_KINDS: tuple[str, ...] = ("post", "share", "opener", "reply", "reaction", "lead", "retort")

#: Extra fields of each notable moment, on top of the vocabulary placeholders.
EVENT_FIELDS: dict[str, tuple[str, ...]] = {
    "question": ("name", "outlet", "deadline", "topic"),
    "no_response": ("name", "outlet", "topic"),
    "article": ("name", "outlet", "topic"),
    "answered": ("name", "outlet"),
    "declined": ("name", "outlet", "topic"),
    "official_statement": ("name", "place"),
    "union_call": ("name",),
    "blogger_rant": ("name",),
}

# A file's shape: a tuple of levels, each (what it is called, the keys allowed), ending in
# "lines" (a list of phrases), or a dict of named sections with their own shapes.
_SIT = ("situation", (ANY, *SITUATIONS))
_REG = ("register", REGISTERS)
SHAPES: dict[str, Any] = {
    "voice": (("group", GROUPS), ("emotion", EMOTIONS), _SIT, _REG),
    "core": (("kind", CORE_KINDS), ("emotion", EMOTIONS), _SIT, _REG),
    "frames": {
        "forwarded_many": "text",
        "share_frames": (("style", STYLES),),
        "openers": (("group", INSTITUTIONS), _SIT, _REG),
        "closers": (("emotion", EMOTIONS), _SIT, _REG),
        "group_closers": (("group", INSTITUTIONS), _SIT, _REG),
        "defence_closers": (_SIT, _REG),
    },
    "claims": (("emotion", EMOTIONS), ("situation", CLAIM_SITUATIONS), _REG),
    "defence": (_SIT, _REG),
    "replies": (("emotion", EMOTIONS), _SIT, _REG),
    "notable": (("event", tuple(EVENT_FIELDS)),),
    "sample": {"claim": "text", "vocabulary": (("placeholder", VOCABULARY_KEYS), "text")},
}
FILES: tuple[str, ...] = tuple(SHAPES)
#: files a scenario may extend (sample is for tests and length limits only)
EXTENSIBLE: tuple[str, ...] = tuple(f for f in FILES if f != "sample")

#: registers every shipped "any" list must provide, per file (what `text.py` reads)
_REQUIRED: dict[str, tuple[str, ...]] = {
    "voice": REGISTERS,
    "core": ("std", "pro", "chat"),
    "core.reaction": ("std", "pro"),
    "core.lead": ("std", "chat"),
    "frames.openers": ("std", "pro", "chat"),
    "frames.closers": ("std", "pro"),
    "frames.group_closers": ("std", "pro"),
    "frames.defence_closers": ("std", "pro"),
    "claims": ("std", "pro", "chat"),
    "defence": ("std", "pro", "chat"),
    "replies": ("std", "pro", "chat"),
}

#: Situations that also take another's lines, less those that need what only the other makes true
#: (regular expressions of `model/phrases/<lang>/postures.toml`): remedies without a word of apology
#: are answered as an apology is ("the measures announced are the right ones"), but nobody says
#: "they said sorry"; blaming a subcontractor is answered as a denial, but nobody says "they say
#: nothing happened"; threatening the accusers is answered as every denial is, and as a threat; an
#: apology after a denial is a U-turn like any other, but nobody asks "and the apology?"; news with no
#: stance is answered as a holding statement is, but nobody says "they're looking into it"; a
#: diminishing message in words the lists do not know is answered as playing it down, but nobody
#: quotes a "minor" or "nothing serious" it never said; a denial that only rebuts a claim ("the tap
#: water is safe, tests confirm it") is answered as a denial, but nobody says "it's always someone
#: else's fault".
BORROWS: dict[str, tuple[str, str | None]] = {"remedied": ("apologised", "apology_said"),
                                               "scapegoated": ("denied", "denial_said"),
                                               "threatened": ("denied", None),
                                               "came_round": ("contradicted", "apology_said"),
                                               "informed": ("holding", "checking_said"),
                                               "downplayed": ("diminished", "harm_said"),
                                               "rebutted": ("denied", "blame_denied")}

_FORMATTER = string.Formatter()


class PhraseError(ValueError):
    """Phrase files that cannot be used; each problem names file, line, field and what to do."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"{len(problems)} problem(s) in phrase files:\n{lines}")


@dataclass(frozen=True, eq=False)
class Bank:
    """One language's merged phrases; `key` identifies the content (for caches)."""

    lang: str
    data: dict[str, Any]
    key: str = field(default="")

    def __hash__(self) -> int:
        return hash(self.key)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Bank) and other.key == self.key

    def lines(self, path: tuple[str, ...], situation: str = ANY, register: str | None = None) -> list[str]:
        """The lines at `path` (e.g. ("voice", "public", "anger")) for a situation and register,
        with those it borrows (`BORROWS`); [] when the bank has none there."""
        node: Any = self.data
        for part in path:
            node = node.get(part, {}) if isinstance(node, dict) else {}
        own = node.get(situation, {}) if isinstance(node, dict) else {}
        if register is None:
            lines = list(own) if isinstance(own, list) else []
        else:
            lines = list(own.get(register, [])) if isinstance(own, dict) else []
        if situation in BORROWS:
            lender, words = BORROWS[situation]
            needs = posture_words(self.lang, words) if words else None
            lines += [x for x in self.lines(path, lender, register)
                      if x not in lines and not (needs and needs.search(x))]
        return lines


# ---------------------------------------------------------------- lines of keys


def key_lines(text: str) -> dict[tuple[str, ...], int]:
    """Line number (1-based) of every key and table header in a TOML text, by dotted path.

    tomllib gives no positions; phrase files are plain enough (tables, `key = value`,
    arrays one item a line) for a line scanner to find where each field was written.
    """
    out: dict[tuple[str, ...], int] = {}
    header: tuple[str, ...] = ()
    depth = 0  # inside a multi-line array
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if depth:
            depth += _brackets(line)
            continue
        if m := re.match(r"^\[\s*([^\[\]]+?)\s*\]\s*(#.*)?$", line):
            header = _split_key(m.group(1))
            for i in range(1, len(header) + 1):
                out.setdefault(header[:i], n)
            continue
        if m := re.match(r'^((?:[A-Za-z0-9_-]+|"[^"]*"|\'[^\']*\')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"))*)\s*=(.*)$', line):
            path = header + _split_key(m.group(1))
            for i in range(len(header) + 1, len(path) + 1):
                out.setdefault(path[:i], n)
            depth = max(0, _brackets(m.group(2)))
    return out


def _split_key(key: str) -> tuple[str, ...]:
    parts = re.findall(r'"([^"]*)"|\'([^\']*)\'|([A-Za-z0-9_-]+)', key)
    return tuple(a or b or c for a, b, c in parts)


def _brackets(s: str) -> int:
    s = re.sub(r'"(?:\\.|[^"\\])*"|\'[^\']*\'', "", s)
    s = re.sub(r"#.*$", "", s)
    return s.count("[") - s.count("]")


def _item_line(text: str, start: int | None, item: str) -> int | None:
    """The line of a list item: the first line from the key's line that holds its text."""
    if start is None:
        return None
    needle = json.dumps(item, ensure_ascii=False)[1:-1][:40]
    lines = text.splitlines()
    for n in range(start - 1, len(lines)):
        if needle in lines[n]:
            return n + 1
    return start


# ---------------------------------------------------------------- validation


def placeholders(template: str) -> set[str]:
    """The `{field}` names of a template (raises ValueError on a stray brace)."""
    return {f for _, f, _, _ in _FORMATTER.parse(template) if f is not None}


def _allowed_fields(file: str, path: tuple[str, ...]) -> set[str]:
    allowed = set(VOCABULARY_KEYS)
    if file == "claims":
        allowed.add("claim")
    if file == "notable" and path:
        allowed |= set(EVENT_FIELDS.get(path[0], ()))
    return allowed


class _Checker:
    def __init__(self, file: str, source: str, text: str):
        self.file, self.source, self.text = file, source, text
        self.lines = key_lines(text)
        self.problems: list[str] = []
        self.found: list[tuple[tuple[str, ...], str]] = []

    def where(self, path: tuple[str, ...]) -> str:
        for i in range(len(path), 0, -1):
            if path[:i] in self.lines:
                return f"{self.source}, line {self.lines[path[:i]]}"
        return self.source

    def fail(self, path: tuple[str, ...], message: str, line: int | None = None) -> None:
        where = f"{self.source}, line {line}" if line else self.where(path)
        field_name = ".".join(path) or "(file)"
        self.problems.append(f"{where}, {field_name}: {message}")
        self.found.append((path, message))

    def check(self, node: Any, shape: Any, path: tuple[str, ...], prefix: tuple[str, ...] = ()) -> None:
        """Walk `node` against `shape`; `prefix` is the path above the file's root (scenario tables)."""
        full = prefix + path
        if shape == "text":
            if not isinstance(node, str) or not node.strip():
                self.fail(full, f"must be a non-empty string, got {_show(node)}")
            return
        if shape == "lines":
            self.check_lines(node, full, path)
            return
        if not isinstance(node, dict):
            self.fail(full, f"must be a table, got {_show(node)}; write it as [{'.'.join(full)}] with keys under it")
            return
        if isinstance(shape, dict):
            for key, value in node.items():
                if key not in shape:
                    self.fail((*full, key), f"unknown section {key!r}; use one of {list(shape)}")
                else:
                    self.check(value, shape[key], (*path, key), prefix)
            return
        (name, allowed), rest = shape[0], shape[1:]
        if rest == ("text",):
            rest = "text"
        for key, value in node.items():
            if key == "replace" and name == "register" and prefix:
                if not isinstance(value, bool):
                    self.fail((*full, key), f"must be true or false, got {_show(value)}")
                continue
            if key not in allowed:
                hint = " (or `replace = true` to replace the shipped lists)" if name == "register" and prefix else ""
                self.fail((*full, key), f"unknown {name} {key!r}; use one of {list(allowed)}{hint}")
                continue
            self.check(value, rest or "lines", (*path, key), prefix)

    def check_lines(self, node: Any, full: tuple[str, ...], path: tuple[str, ...]) -> None:
        if not isinstance(node, list):
            self.fail(full, f"must be a list of strings, got {_show(node)}; write {full[-1]} = [\"…\", \"…\"]")
            return
        if not node:
            self.fail(full, "is an empty list; give at least one line or remove the key")
            return
        allowed = _allowed_fields(self.file, path)
        for item in node:
            if not isinstance(item, str) or not item.strip():
                self.fail(full, f"each line must be a non-empty string, got {_show(item)}")
                continue
            def line(item: str = item) -> int | None:  # only looked up for a problem
                return _item_line(self.text, self.lines.get(full), item)

            try:
                used = placeholders(item)
            except ValueError as exc:
                self.fail(full, f"{item!r}: {exc}; write a literal brace as {{{{ or }}}}", line())
                continue
            if unknown := sorted(used - allowed):
                self.fail(full, f"{item!r} uses unknown placeholder(s) {', '.join('{' + u + '}' for u in unknown)}; "
                          f"use only {', '.join('{' + a + '}' for a in sorted(allowed))}", line())
            if path[:1] == ("share_frames",) and item.count("<>") != 1:
                self.fail(full, f"{item!r}: a share frame needs exactly one <> where the comment goes", line())


def _show(value: Any) -> str:
    got = repr(value)
    return got if len(got) <= 60 else got[:57] + "..."


def read_toml(text: str, source: str, error: type[PhraseError] = PhraseError) -> dict[str, Any]:
    """A phrase file's data; TOML that does not parse raises `error` naming the file and line."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise error([f"{source}: not valid TOML: {exc}"]) from None


def check_file(file: str, text: str, source: str, data: dict[str, Any] | None = None) -> dict[str, Any]:
    """Parse and validate one phrase file's text; raise PhraseError naming file, line and field."""
    if data is None:
        data = read_toml(text, source)
    checker = _Checker(file, source, text)
    checker.check(data, SHAPES[file], ())
    if checker.problems:
        raise PhraseError(checker.problems)
    return data


def check_overlay(data: dict[str, Any], text: str, source: str, prefix: tuple[str, ...] = ()) -> list[str]:
    """Problems of phrase tables a scenario adds ({file: tables}), each naming file, line, field."""
    checker = _Checker("", source, text)
    _check_overlay(checker, data, prefix)
    return checker.problems


def overlay_problems(data: dict[str, Any], prefix: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], str]]:
    """The same as `check_overlay`, as (field path, message) for callers that locate lines themselves."""
    checker = _Checker("", "", "")
    _check_overlay(checker, data, prefix)
    return checker.found


def _check_overlay(checker: _Checker, data: dict[str, Any], prefix: tuple[str, ...]) -> None:
    for file, tables in data.items():
        if file not in EXTENSIBLE:
            checker.fail((*prefix, file), f"unknown phrase file {file!r}; use one of {list(EXTENSIBLE)}")
            continue
        checker.file = file
        checker.check(tables, SHAPES[file], (), prefix=(*prefix, file))


#: keys of a scenario's [phrases] table besides the phrase files
SCENARIO_KEYS: tuple[str, ...] = ("file", *LANGUAGES)


def scenario_overlays(phrases: dict[str, Any], language: str) -> dict[str, tuple[str | None, dict[str, Any]]]:
    """A scenario's [phrases] table by language: (phrases file or None, inline tables).

    `[phrases.voice…]` applies to the scenario's language, `[phrases.en.voice…]` to English
    accounts; `file = "…"` at either level names a phrases file with the same tables.
    """
    out: dict[str, tuple[str | None, dict[str, Any]]] = {}
    base = {k: v for k, v in phrases.items() if k not in SCENARIO_KEYS}
    if base or "file" in phrases:
        out[language] = (phrases.get("file"), base)
    for lang in LANGUAGES:
        sub = phrases.get(lang)
        if isinstance(sub, dict):
            file, tables = out.get(lang, (None, {}))
            extra = {k: v for k, v in sub.items() if k != "file"}
            out[lang] = (sub.get("file", file), _merged_tables(tables, extra))
    return out


def _merged_tables(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    merged = copy.deepcopy(a)
    _merge_into(merged, b)
    return merged


def scenario_problems(phrases: Any) -> list[tuple[tuple[str, ...], str]]:
    """Problems of a scenario's [phrases] table (not of the files it names), as (path, message)."""
    if not isinstance(phrases, dict):
        return [(("phrases",), "must be a table: [phrases] with phrase tables or file = \"…\" under it")]
    problems: list[tuple[tuple[str, ...], str]] = []
    for key, value in phrases.items():
        if key == "file" or (key in LANGUAGES and isinstance(value, dict) and "file" in value and key != "file"):
            where = ("phrases", key) if key == "file" else ("phrases", key, "file")
            target = value if key == "file" else value["file"]
            if not isinstance(target, str) or not target.strip():
                problems.append((where, "must be the path of a phrases file (TOML), relative to the scenario"))
    for key, value in phrases.items():
        if key in LANGUAGES:
            if not isinstance(value, dict):
                problems.append((("phrases", key), "must be a table of phrase files"))
                continue
            problems += overlay_problems({k: v for k, v in value.items() if k != "file"}, ("phrases", key))
        elif key != "file":
            problems += overlay_problems({key: value}, ("phrases",))
    return problems


def _completeness(lang: str, data: dict[str, Any]) -> list[str]:
    """The shipped bank must give every "any" list `text.py` reads."""
    problems: list[str] = []

    def need(file: str, path: tuple[str, ...], registers: tuple[str, ...]) -> None:
        node: Any = data.get(file, {})
        for part in (*path, ANY):
            node = node.get(part, {}) if isinstance(node, dict) else {}
        for r in registers:
            if not node.get(r):
                problems.append(f"{PHRASES_DIR / lang / (file + '.toml')}, {'.'.join((*path, ANY, r))}: "
                                "missing; the shipped bank must give these lines for any situation")

    for g in GROUPS:
        for e in EMOTIONS:
            need("voice", (g, e), _REQUIRED["voice"])
    for k in CORE_KINDS:
        for e in EMOTIONS:
            need("core", (k, e), _REQUIRED.get(f"core.{k}", _REQUIRED["core"]))
    for g in INSTITUTIONS:
        need("frames", ("openers", g), _REQUIRED["frames.openers"])
        need("frames", ("group_closers", g), _REQUIRED["frames.group_closers"])
    for e in EMOTIONS:
        need("frames", ("closers", e), _REQUIRED["frames.closers"])
        need("claims", (e,), _REQUIRED["claims"])
        need("replies", (e,), _REQUIRED["replies"])
    need("frames", ("defence_closers",), _REQUIRED["frames.defence_closers"])
    need("defence", (), _REQUIRED["defence"])
    return problems


# ---------------------------------------------------------------- loading and merging


def _files(lang: str) -> dict[str, tuple[str, Path]]:
    return {f: ((PHRASES_DIR / lang / f"{f}.toml").read_text(encoding="utf-8"), PHRASES_DIR / lang / f"{f}.toml")
            for f in FILES}


@cache
def shipped(lang: str) -> Bank:
    """The shipped bank of a language, validated (cached: read once per process)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; expected one of {list(LANGUAGES)}")
    data: dict[str, Any] = {}
    problems: list[str] = []
    digest = hashlib.sha256()
    for file, (text, path) in _files(lang).items():
        digest.update(text.encode())
        try:
            data[file] = check_file(file, text, str(path))
        except PhraseError as exc:
            problems += exc.problems
    if not problems:
        problems = _completeness(lang, data)
    if problems:
        raise PhraseError(problems)
    return Bank(lang, data, digest.hexdigest())


def merge(base: Bank, overlay: dict[str, Any]) -> Bank:
    """`base` with a scenario's tables: lists are added after the shipped ones, or replace
    them where the situation table says `replace = true`."""
    if not overlay:
        return base
    data = copy.deepcopy(base.data)
    _merge_into(data, overlay)
    key = hashlib.sha256((base.key + json.dumps(overlay, sort_keys=True, ensure_ascii=False)).encode()).hexdigest()
    return Bank(base.lang, data, key)


def _merge_into(target: dict[str, Any], overlay: dict[str, Any]) -> None:
    replace = overlay.get("replace") is True
    for key, value in overlay.items():
        if key == "replace":
            continue
        if isinstance(value, dict):
            _merge_into(target.setdefault(key, {}), value)
        elif isinstance(value, list) and not replace and isinstance(target.get(key), list):
            target[key] = list(dict.fromkeys([*target[key], *value]))
        else:
            target[key] = value


def load_overlay_file(path: Path) -> dict[str, Any]:
    """A scenario's own phrases file ({file: tables}), validated; PhraseError names file/line/field."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise PhraseError([f"{path}: cannot read the phrases file ({exc.strerror}); fix the path "
                           "(a relative path is read from the scenario's folder)"]) from None
    data = read_toml(text, str(path))
    problems = check_overlay(data, text, str(path))
    if problems:
        raise PhraseError(problems)
    return data


@cache
def _overlay_file(path: str, mtime_ns: int) -> dict[str, Any]:
    return load_overlay_file(Path(path))


def overlay_file(path: Path) -> dict[str, Any]:
    """`load_overlay_file`, read once per version of the file."""
    try:
        mtime = path.stat().st_mtime_ns
    except OSError:
        mtime = -1
    return _overlay_file(str(path), mtime)


__all__ = [
    "ANY",
    "CLAIM_SITUATIONS",
    "EVENT_FIELDS",
    "FILES",
    "REGISTERS",
    "Bank",
    "PhraseError",
    "check_file",
    "check_overlay",
    "key_lines",
    "load_overlay_file",
    "merge",
    "overlay_file",
    "scenario_overlays",
    "scenario_problems",
    "shipped",
]


# ---------------------------------------------------------------- the project's own word lists


@cache
def checks(lang: str) -> dict[str, tuple[re.Pattern[str], ...]]:
    """What an item may say only once the organisation has responded, by category
    (`model/phrases/<lang>/checks.toml`): praise of a response, quotes of a statement, …"""
    path = PHRASES_DIR / lang / "checks.toml"
    text = path.read_text(encoding="utf-8")
    data = read_toml(text, str(path))
    lines = key_lines(text)
    out: dict[str, tuple[re.Pattern[str], ...]] = {}
    problems = []
    for category, patterns in data.items():
        where = f"{path}, line {lines.get((category,), '?')}, {category}"
        if not isinstance(patterns, list) or not patterns or not all(isinstance(p, str) for p in patterns):
            problems.append(f"{where}: must be a non-empty list of regular expressions")
            continue
        compiled = []
        for p in patterns:
            try:
                compiled.append(re.compile(p, re.IGNORECASE))
            except re.error as exc:
                problems.append(f"{where}: {p!r} is not a regular expression ({exc})")
        out[category] = tuple(compiled)
    if problems:
        raise PhraseError(problems)
    return out


def _pattern_list(lang: str, file: str, key: str) -> tuple[re.Pattern[str], ...]:
    """One list of regular expressions from `model/phrases/<lang>/<file>.toml`, or a PhraseError
    naming the file, line and key."""
    path = PHRASES_DIR / lang / f"{file}.toml"
    text = path.read_text(encoding="utf-8")
    patterns = read_toml(text, str(path)).get(key)
    where = f"{path}, line {key_lines(text).get((key,), '?')}, {key}"
    if not isinstance(patterns, list) or not patterns or not all(isinstance(p, str) for p in patterns):
        raise PhraseError([f"{where}: must be a non-empty list of regular expressions"])
    try:
        return tuple(re.compile(p, re.IGNORECASE) for p in patterns)
    except re.error as exc:
        raise PhraseError([f"{where}: {exc.pattern!r} is not a regular expression ({exc})"]) from None


@cache
def site_words(lang: str) -> tuple[re.Pattern[str], ...]:
    """Words that need the crisis to have a place people are at (`model/phrases/<lang>/site.toml`)."""
    return _pattern_list(lang, "site", "on_site")


@cache
def harm_small(lang: str) -> re.Pattern[str]:
    """The words with which a message calls the harm small ("a minor incident", "no risk"), for a
    message lowercased and without accents (`model/phrases/<lang>/minimising.toml`)."""
    return re.compile("|".join(f"(?:{p.pattern})" for p in _pattern_list(lang, "minimising", "harm_small")),
                      re.IGNORECASE)


@cache
def posture_words(lang: str, key: str) -> re.Pattern[str]:
    """One list of `model/phrases/<lang>/postures.toml` as one pattern: the words with which a message
    takes a posture ("we too are victims": `victimage`), or with which a line presupposes one."""
    return re.compile("|".join(f"(?:{p.pattern})" for p in _pattern_list(lang, "postures", key)), re.IGNORECASE)


@lru_cache(maxsize=16)
def off_site(bank: Bank) -> Bank:
    """`bank` without the lines that need a place where the crisis happens ("staff on site",
    "I live in {place}"), for a crisis that has none: a data breach, a recall, a scandal.

    A list of lines that would be left empty keeps its lines: a cell never goes silent.
    Cached by the bank's content: every model of a scenario shares the one filtered bank.
    """
    words = re.compile("|".join(f"(?:{w.pattern})" for w in site_words(bank.lang)), re.IGNORECASE)

    def keep(node: Any) -> Any:
        if isinstance(node, dict):
            return {k: keep(v) for k, v in node.items()}
        if isinstance(node, list) and node and all(isinstance(x, str) for x in node):
            kept = [x for x in node if not words.search(x)]
            return kept or node
        return node

    return Bank(bank.lang, keep(bank.data), hashlib.sha256(f"{bank.key}|off site".encode()).hexdigest())


def presupposes(text: str, lang: str, skip: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """(category, matched words) for every check the text matches: [] means it claims no response."""
    return [(category, m.group(0)) for category, patterns in checks(lang).items() if category not in skip
            for p in patterns if (m := p.search(text))]
