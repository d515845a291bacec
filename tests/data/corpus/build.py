"""Check the hand-written corpus sources and write messages.csv with a reproducible split.

The messages live in src/<lang>/*.txt, one block per message, so that they can be
written and reread as prose. Run from anywhere:  python3 tests/data/corpus/build.py
It refuses to write the CSV while any row breaks a rule, reads the CSV back and checks
it on its own (and against the corpus targets), and rewrites the counts section of
README.md between the <!-- stats --> markers. `build.py --check` only checks the CSV.

Source format (one file holds one or several crises):

    @crisis <slug>                      sets the crisis for the blocks that follow
    ## <register> <strategy>[+<secondary>] <tone> <flags> [<hard_case>]
    N: <note>                           required for a hard case, forbidden otherwise
    C: <commitment text> | <when>       zero or more; '| <when>' optional
    (N: and C: lines may sit anywhere in the block; no message text starts with them)
    <text lines, blank lines kept inside, until the next ## or @crisis>

Train-only sources: files under src/<lang>/train-only/*.txt are read after the main
files, get ids `<lang>-t0001`… and always go to the train split; they take no part in the
stratified split, so adding them never moves a dev or test message. `build.py` checks
that the dev and test ids, splits and texts still hash to `HELD_OUT_DIGEST`.

flags: any of I (instructing), A (adjusting), R (corrects a rumour), or '-' for none.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
OUT = HERE / "messages.csv"
README = HERE / "README.md"

LANGS = ("fr", "en")
REGISTERS = {
    "tweet",
    "facebook",
    "instagram",
    "linkedin",
    "whatsapp",
    "email",
    "intranet",
    "press_release",
    "spokesperson",
    "sms",
}
STRATEGIES = ("deny", "diminish", "rebuild", "bolster", "no_comment")
TONES = ("empathetic", "factual", "defensive", "humorous")
HARD = (
    "holding",
    "legal_no_comment",
    "bare_no_comment",
    "mixed",
    "irony",
    "long_release",
    "non_apology",
    "scapegoat",
    "victimage",
    "corrective_only",
    "justification_numbers",
    "denial_later_true",
    "other",
)
COLUMNS = [
    "id",
    "split",
    "lang",
    "register",
    "crisis",
    "text",
    "strategy",
    "secondary",
    "tone",
    "instructing",
    "adjusting",
    "commitments",
    "corrects_rumour",
    "hard_case",
    "note",
]
OPENING_WORDS = 6  # two messages may share at most five opening words
LONG_WORDS = 150  # a "long statement" for the variety target
SPLIT = (("train", 0.6), ("dev", 0.2), ("test", 0.2))
TRAIN_ONLY = "train-only"  # src/<lang>/train-only/*.txt: extra training messages, never dev or test
#: sha256 of the sorted (id, split, text) of every dev and test message, and their number: the
#: held-out part must not change when training messages are added.
HELD_OUT_DIGEST = "630fd5d7d75fd6a27ca74e36aa29ab82d77c75346caa70c7d94c6545eff079c9"
HELD_OUT_N = 292

HEADER = re.compile(r"^## (\S+) (\S+) (\S+) (\S+)(?: (\S+))?\s*$")


def parse_file(path: Path, lang: str) -> list[dict]:
    """Read one source file into message dicts (labels as written, no id yet)."""
    rows: list[dict] = []
    crisis = None
    current: dict | None = None

    def close() -> None:
        if current is not None:
            current["text"] = "\n".join(current.pop("lines")).strip()
            rows.append(current)

    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.rstrip()
        where = f"{path.relative_to(HERE)}:{lineno}"
        if line.startswith("@crisis "):
            close()
            current = None
            crisis = line.split(None, 1)[1].strip()
            continue
        if line.startswith("## "):
            close()
            m = HEADER.match(line)
            if not m:
                raise SystemExit(
                    f"{where}: header must be '## register strategy[+secondary] "
                    f"tone flags [hard_case]', got {line!r}"
                )
            register, strat, tone, flags, hard = m.groups()
            primary, _, secondary = strat.partition("+")
            current = {
                "where": where,
                "lang": lang,
                "register": register,
                "crisis": crisis,
                "strategy": primary,
                "secondary": secondary,
                "tone": tone,
                "flags": flags,
                "hard_case": hard or "",
                "note": "",
                "commitments": [],
                "lines": [],
            }
            continue
        if current is None:
            if line.strip() and not line.startswith("#"):
                raise SystemExit(f"{where}: text outside a message block")
            continue
        if line.startswith("N: "):
            current["note"] = line[3:].strip()
            continue
        if line.startswith("C: "):
            body = line[3:]
            text, _, when = body.partition(" | ")
            current["commitments"].append({"text": text.strip(), "when": when.strip() or None})
            continue
        current["lines"].append(line)
    close()
    return rows


def opening(text: str) -> str:
    """The first words, case and punctuation folded, to catch formulaic openings."""
    folded = unicodedata.normalize("NFKC", text).lower()
    words = re.findall(r"[\w@#']+", folded)
    return " ".join(words[:OPENING_WORDS]) if len(words) >= OPENING_WORDS else ""


def check(rows: list[dict]) -> list[str]:
    """Every rule a row must keep; returns the problems, each naming its source line."""
    problems = []
    seen_text: dict[str, str] = {}
    seen_open: dict[str, str] = {}
    for r in rows:
        w = r["where"]
        if not r["crisis"]:
            problems.append(f"{w}: no @crisis before this message")
        if r["register"] not in REGISTERS:
            problems.append(f"{w}: register {r['register']!r} not in {sorted(REGISTERS)}")
        if r["strategy"] not in STRATEGIES:
            problems.append(f"{w}: strategy {r['strategy']!r} not in {STRATEGIES}")
        if r["secondary"] and (r["secondary"] not in STRATEGIES or r["secondary"] == r["strategy"]):
            problems.append(f"{w}: secondary {r['secondary']!r} invalid or equal to primary")
        if r["tone"] not in TONES:
            problems.append(f"{w}: tone {r['tone']!r} not in {TONES}")
        flags = r["flags"]
        if flags != "-" and (not set(flags) <= set("IAR") or len(set(flags)) != len(flags)):
            problems.append(f"{w}: flags {flags!r} must be '-' or letters from I, A, R")
        if r["hard_case"] and r["hard_case"] not in HARD:
            problems.append(f"{w}: hard case {r['hard_case']!r} not in {HARD}")
        if bool(r["hard_case"]) != bool(r["note"]):
            problems.append(f"{w}: a hard case needs a note, and only a hard case has one")
        if (
            r["hard_case"] in ("holding", "legal_no_comment", "bare_no_comment")
            and r["strategy"] != "no_comment"
        ):
            problems.append(f"{w}: {r['hard_case']} must have strategy no_comment")
        if r["hard_case"] == "mixed" and not r["secondary"]:
            problems.append(f"{w}: a mixed message needs a secondary strategy")
        if r["hard_case"] == "irony" and r["tone"] != "humorous":
            problems.append(f"{w}: an irony hard case must have tone humorous")
        if r["hard_case"] == "long_release" and not 250 <= len(r["text"].split()) <= 400:
            problems.append(f"{w}: long_release has {len(r['text'].split())} words, not 250-400")
        if r["hard_case"] in ("scapegoat", "denial_later_true") and r["strategy"] != "deny":
            problems.append(f"{w}: {r['hard_case']} must have strategy deny")
        if r["hard_case"] == "victimage" and "bolster" not in (r["strategy"], r["secondary"]):
            problems.append(f"{w}: victimage must have bolster as primary or secondary")
        if r["hard_case"] == "corrective_only" and r["strategy"] != "rebuild":
            problems.append(f"{w}: corrective_only must have strategy rebuild")
        if r["hard_case"] == "justification_numbers" and "diminish" not in (
            r["strategy"],
            r["secondary"],
        ):
            problems.append(f"{w}: justification_numbers must have diminish")
        if not r["text"]:
            problems.append(f"{w}: empty text")
        for c in r["commitments"]:
            if c["text"] not in r["text"]:
                problems.append(f"{w}: commitment {c['text']!r} is not a substring of the text")
            if c["when"] is not None and c["when"] not in c["text"]:
                problems.append(f"{w}: when {c['when']!r} is not inside its commitment text")
        key = " ".join(r["text"].lower().split())
        if key in seen_text:
            problems.append(f"{w}: same text as {seen_text[key]}")
        seen_text[key] = w
        op = opening(r["text"])
        if op and op in seen_open:
            problems.append(f"{w}: opening '{op}' already used at {seen_open[op]}")
        if op:
            seen_open[op] = w
    return problems


def assign_ids_and_splits(rows: list[dict]) -> None:
    """Ids in source order per language; split 60/20/20 within each (lang, strategy)
    stratum by sorting on sha256(id), so the split depends only on ids and labels.
    Train-only messages get their own ids (`fr-t0001`) and the train split."""
    counters = Counter()
    for r in rows:
        key = (r["lang"], r.get("train_only", False))
        counters[key] += 1
        r["id"] = f"{r['lang']}-{'t' if key[1] else ''}{counters[key]:04d}"
    strata: dict[tuple[str, str], list[dict]] = {}
    for r in rows:
        if r.get("train_only"):
            r["split"] = "train"
            continue
        strata.setdefault((r["lang"], r["strategy"]), []).append(r)
    for members in strata.values():
        members.sort(key=lambda r: hashlib.sha256(r["id"].encode()).hexdigest())
        n = len(members)
        n_train = round(n * SPLIT[0][1])
        n_dev = round(n * SPLIT[1][1])
        for i, r in enumerate(members):
            r["split"] = "train" if i < n_train else "dev" if i < n_train + n_dev else "test"


def to_csv_row(r: dict) -> dict:
    return {
        "id": r["id"],
        "split": r["split"],
        "lang": r["lang"],
        "register": r["register"],
        "crisis": r["crisis"],
        "text": r["text"],
        "strategy": r["strategy"],
        "secondary": r["secondary"],
        "tone": r["tone"],
        "instructing": int("I" in r["flags"]),
        "adjusting": int("A" in r["flags"]),
        "commitments": json.dumps(r["commitments"], ensure_ascii=False),
        "corrects_rumour": int("R" in r["flags"]),
        "hard_case": r["hard_case"],
        "note": r["note"],
    }


def table(title: str, counts: dict, rows_keys, cols_keys) -> str:
    head = f"| {title} | " + " | ".join(cols_keys) + " | total |"
    sep = "|" + "---|" * (len(cols_keys) + 2)
    lines = [head, sep]
    for rk in rows_keys:
        vals = [counts.get((rk, ck), 0) for ck in cols_keys]
        lines.append(f"| {rk} | " + " | ".join(map(str, vals)) + f" | {sum(vals)} |")
    totals = [sum(counts.get((rk, ck), 0) for rk in rows_keys) for ck in cols_keys]
    lines.append("| total | " + " | ".join(map(str, totals)) + f" | {sum(totals)} |")
    return "\n".join(lines)


def stats(out: list[dict]) -> str:
    """Markdown tables of the counts the README reports."""
    parts = []
    by = Counter(
        (f"{TRAIN_ONLY if is_train_only(r['id']) else r['split']}/{r['lang']}", r["strategy"])
        for r in out
    )
    keys = [f"{s}/{lg}" for s in (*dict(SPLIT), TRAIN_ONLY) for lg in LANGS]
    parts.append(
        "Primary strategy per split × language:\n\n"
        + table("split/lang", by, keys, list(STRATEGIES))
    )
    sec = Counter((r["lang"], r["secondary"] or "(none)") for r in out)
    parts.append("Secondary strategy:\n\n" + table("lang", sec, LANGS, [*STRATEGIES, "(none)"]))
    tone = Counter((r["lang"], r["tone"]) for r in out)
    parts.append("Tone:\n\n" + table("lang", tone, LANGS, list(TONES)))
    base = Counter()
    for r in out:
        i, a = r["instructing"], r["adjusting"]
        base[(r["lang"], "instructing")] += i
        base[(r["lang"], "adjusting")] += a
        base[(r["lang"], "both")] += i and a
        base[(r["lang"], "neither")] += not i and not a
        base[(r["lang"], "corrects_rumour")] += r["corrects_rumour"]
        cm = json.loads(r["commitments"])
        base[(r["lang"], "commitments")] += bool(cm)
        base[(r["lang"], "commitment with when")] += any(c["when"] for c in cm)
    cols = [
        "instructing",
        "adjusting",
        "both",
        "neither",
        "commitments",
        "commitment with when",
        "corrects_rumour",
    ]
    lines = ["| lang | " + " | ".join(cols) + " |", "|" + "---|" * (len(cols) + 1)]
    for lg in LANGS:
        lines.append(f"| {lg} | " + " | ".join(str(base[(lg, c)]) for c in cols) + " |")
    lines.append(
        "| total | " + " | ".join(str(base[("fr", c)] + base[("en", c)]) for c in cols) + " |"
    )
    parts.append(
        "Base responses, commitments and rumour corrections (messages counted once "
        "per column; 'both' and 'neither' refer to instructing/adjusting):\n\n" + "\n".join(lines)
    )
    reg = Counter((r["register"], r["lang"]) for r in out)
    regs = sorted({r["register"] for r in out})
    parts.append("Register:\n\n" + table("register", reg, regs, list(LANGS)))
    hard = Counter((r["hard_case"] or "(none)", r["lang"]) for r in out)
    parts.append("Hard cases:\n\n" + table("hard_case", hard, [*HARD, "(none)"], list(LANGS)))
    longc = Counter(
        r["lang"]
        for r in out
        if r["register"] == "press_release" or len(r["text"].split()) >= LONG_WORDS
    )
    words = Counter()
    for r in out:
        words[r["lang"]] += len(r["text"].split())
    crises = {lg: len({r["crisis"] for r in out if r["lang"] == lg}) for lg in LANGS}
    parts.append(
        "Other figures: press releases or statements of ≥ "
        f"{LONG_WORDS} words: "
        + ", ".join(f"{lg} {longc[lg]}" for lg in LANGS)
        + "; crises: "
        + ", ".join(f"{lg} {crises[lg]}" for lg in LANGS)
        + "; words: "
        + ", ".join(f"{lg} {words[lg]}" for lg in LANGS)
        + "."
    )
    return "\n\n".join(parts)


def verify_csv(path: Path = OUT) -> list[str]:
    """Read messages.csv back as a consumer would and check it on its own: columns, label
    values, JSON commitments, substrings, duplicates, split sizes and the corpus targets."""
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != COLUMNS:
            return [f"columns are {reader.fieldnames}, expected {COLUMNS}"]
        rows = list(reader)
    problems = []
    ids, texts = set(), set()
    for r in rows:
        rid = r["id"]
        if rid in ids:
            problems.append(f"{rid}: duplicate id")
        ids.add(rid)
        if not re.fullmatch(rf"{r['lang']}-t?\d{{4}}", rid) or r["lang"] not in LANGS:
            problems.append(f"{rid}: id and lang disagree")
        if r["split"] not in dict(SPLIT) or (is_train_only(rid) and r["split"] != "train"):
            problems.append(f"{rid}: split {r['split']!r}")
        if (
            r["register"] not in REGISTERS
            or r["strategy"] not in STRATEGIES
            or r["tone"] not in TONES
        ):
            problems.append(f"{rid}: invalid register/strategy/tone")
        if r["secondary"] and (r["secondary"] not in STRATEGIES or r["secondary"] == r["strategy"]):
            problems.append(f"{rid}: invalid secondary")
        for col in ("instructing", "adjusting", "corrects_rumour"):
            if r[col] not in ("0", "1"):
                problems.append(f"{rid}: {col} must be 0 or 1")
        if r["hard_case"] and r["hard_case"] not in HARD:
            problems.append(f"{rid}: hard_case {r['hard_case']!r}")
        if bool(r["hard_case"]) != bool(r["note"]):
            problems.append(f"{rid}: note without hard case or hard case without note")
        try:
            commitments = json.loads(r["commitments"])
        except json.JSONDecodeError:
            problems.append(f"{rid}: commitments is not JSON")
            continue
        if not isinstance(commitments, list):
            problems.append(f"{rid}: commitments is not a list")
            continue
        for c in commitments:
            if (
                set(c) != {"text", "when"}
                or c["text"] not in r["text"]
                or (c["when"] is not None and c["when"] not in c["text"])
            ):
                problems.append(f"{rid}: bad commitment {c}")
        key = " ".join(r["text"].lower().split())
        if key in texts:
            problems.append(f"{rid}: duplicate text")
        texts.add(key)
    problems += [f"target not met: {t}" for t in unmet_targets(rows)]
    problems += held_out_changes(rows)
    return problems


def is_train_only(rid: str) -> bool:
    return "-t" in rid


def held_out_changes(rows: list[dict]) -> list[str]:
    """The dev and test messages must be exactly those the reader has always been measured on."""
    held = sorted((r["id"], r["split"], r["text"]) for r in rows if r["split"] in ("dev", "test"))
    h = hashlib.sha256()
    for t in held:
        h.update("\x1f".join(t).encode())
        h.update(b"\x1e")
    if len(held) != HELD_OUT_N or h.hexdigest() != HELD_OUT_DIGEST:
        return [
            f"the dev/test split changed ({len(held)} messages, digest {h.hexdigest()[:12]}…; "
            f"expected {HELD_OUT_N}, {HELD_OUT_DIGEST[:12]}…): add new messages under "
            f"src/<lang>/{TRAIN_ONLY}/ instead of editing or inserting main-source blocks"
        ]
    return []


def unmet_targets(rows: list[dict]) -> list[str]:
    """The minimums the corpus was commissioned with (issue 12)."""
    out = []

    def need(label: str, value: int, minimum: int) -> None:
        if value < minimum:
            out.append(f"{label}: {value} < {minimum}")

    def count(pred, lang=None) -> int:
        return sum(1 for r in rows if (lang is None or r["lang"] == lang) and pred(r))

    rows = [r for r in rows if not is_train_only(r["id"])]  # the targets are the main corpus's
    need("messages", len(rows), 720)
    for lg in LANGS:
        need(f"{lg} messages", count(lambda r: True, lg), 360)
        for s in STRATEGIES:
            need(f"{lg} {s}", count(lambda r, s=s: r["strategy"] == s, lg), 50)
        need(f"{lg} humorous", count(lambda r: r["tone"] == "humorous", lg), 30)
        for h in ("holding", "legal_no_comment", "mixed", "irony", "long_release"):
            need(f"{lg} {h}", count(lambda r, h=h: r["hard_case"] == h, lg), 20)
        need(
            f"{lg} press releases or long statements",
            count(
                lambda r: r["register"] == "press_release" or len(r["text"].split()) >= LONG_WORDS,
                lg,
            ),
            40,
        )
        need(f"{lg} crises", len({r["crisis"] for r in rows if r["lang"] == lg}), 20)
    for s in STRATEGIES:
        need(s, count(lambda r, s=s: r["strategy"] == s), 110)
    for t in TONES:
        need(t, count(lambda r, t=t: r["tone"] == t), 70)
    need("instructing", count(lambda r: r["instructing"] == "1"), 160)
    need("adjusting", count(lambda r: r["adjusting"] == "1"), 220)
    need(
        "neither instructing nor adjusting",
        count(lambda r: r["instructing"] == "0" and r["adjusting"] == "0"),
        200,
    )
    need("secondary", count(lambda r: bool(r["secondary"])), 150)
    need("commitments", count(lambda r: r["commitments"] != "[]"), 250)
    need(
        "commitments with a time",
        count(lambda r: any(c["when"] for c in json.loads(r["commitments"]))),
        120,
    )
    need("corrects_rumour", count(lambda r: r["corrects_rumour"] == "1"), 50)
    for h in (
        "bare_no_comment",
        "non_apology",
        "scapegoat",
        "victimage",
        "corrective_only",
        "justification_numbers",
        "denial_later_true",
    ):
        need(h, count(lambda r, h=h: r["hard_case"] == h), 8)
    return out


def main() -> int:
    if "--check" in sys.argv:
        problems = verify_csv()
        print("\n".join(problems) or f"{OUT.name}: all checks passed")
        return 1 if problems else 0
    rows = []
    for lang in LANGS:
        for path in sorted((SRC / lang).glob("*.txt")):
            rows.extend(parse_file(path, lang))
        for path in sorted((SRC / lang / TRAIN_ONLY).glob("*.txt")):
            for r in parse_file(path, lang):
                r["train_only"] = True
                rows.append(r)
    problems = check(rows)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        print(f"{len(problems)} problem(s); messages.csv not written.", file=sys.stderr)
        return 1
    assign_ids_and_splits(rows)
    out = [to_csv_row(r) for r in rows]
    with OUT.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(out)
    problems = verify_csv()
    if problems:
        print("\n".join(problems), file=sys.stderr)
        print("messages.csv was written but fails its checks.", file=sys.stderr)
        return 1
    text = stats(out)
    if README.exists():
        readme = README.read_text(encoding="utf-8")
        start, end = "<!-- stats -->", "<!-- /stats -->"
        if start in readme and end in readme:
            before, rest = readme.split(start, 1)
            _, after = rest.split(end, 1)
            README.write_text(f"{before}{start}\n{text}\n{end}{after}", encoding="utf-8")
    if "-q" not in sys.argv:
        print(text)
    print(f"wrote {len(out)} messages to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
