"""The rules' prefilter: a rule is skipped only on text it cannot match, so it changes no reading."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from uproar.model import classify
from uproar.model.regexfilter import Prefilter, beyond_ascii, may_match, required_strings

DATA = Path(__file__).parent / "data"
LABELLED = [DATA / "corpus" / "messages.csv", DATA / "labelled_messages_blind.csv", DATA / "real" / "statements.csv"]


def test_required_strings_come_from_the_pattern():
    assert required_strings(re.compile(r"\bwe (?:sincerely )?apologi[sz]e\b")) == {"apologi"}
    assert required_strings(re.compile(r"\b(?:we are sorry|apologi[sz]e)\b")) == {"we are sorry", "apologi"}
    assert required_strings(re.compile(r"(?:\bno comment\b)|(?:\bdecline\w* to comment)")) == {"no comment", " to comment"}
    # an alternative that needs no string leaves the rule unfiltered
    assert required_strings(re.compile(r"\bno comment\b|[😂🤣]+")) is None
    assert not may_match(frozenset({"apologi"}), Prefilter([frozenset({"apologi"})]).present("we regret the delay"))
    assert may_match(None, frozenset())


def test_a_rule_of_emoji_is_not_scanned_over_plain_text():
    assert beyond_ascii(re.compile("(?:[😂🤣😅])")) and beyond_ascii(re.compile("🙏+"))
    assert not beyond_ascii(re.compile("[😂a]")) and not beyond_ascii(re.compile(r"\b\d+")) and not beyond_ascii(re.compile("[^a]"))
    layer = classify._compiled("en")[0].tone
    for text in ("Thanks for your patience 🙏", "we are on it 😂😂", "we are on it"):
        norm = classify._normalise(text)[0]
        found = [r.label for _, _, r in layer.matches(norm, classify._compiled("en")[1].present(norm))]
        assert ("emoji" in found) == (not norm.isascii()), text


def test_the_prefilter_finds_each_required_string_a_text_holds():
    rules = [frozenset({"apologi", "we are sorry"}), None, frozenset({"no comment", "decline"}), frozenset({"apolo"})]
    pre = Prefilter(rules)
    assert pre.present("we apologise. no comment.") == {"apologi", "apolo", "no comment"}
    assert pre.present("we are sorry") == {"we are sorry"}
    assert pre.present("ap") == frozenset()
    # every language's prefilter agrees with testing each string on every labelled text
    texts = [(row["text"], row["lang"]) for path in LABELLED
             for row in csv.DictReader(path.open(encoding="utf-8")) if row.get("text")]
    for text, lang in texts[::7]:
        norm = classify._normalise(text)[0]
        wanted = {s for layer in vars(classify._compiled(lang)[0]).values() for needs in layer.required for s in needs or ()
                  if s in norm}
        assert classify._compiled(lang)[1].present(norm) == wanted, text


def test_every_layer_finds_what_scanning_every_rule_finds():
    """Over every labelled text (corpus, blind set, real statements: 2,500 in French and English),
    each layer's matches are exactly those of scanning each of its rules."""
    texts = [(row["text"], row["lang"]) for path in LABELLED
             for row in csv.DictReader(path.open(encoding="utf-8")) if row.get("text")]
    assert len(texts) > 2400
    skipped = 0
    for text, lang in texts:
        norm = classify._normalise(text)[0]
        for layer in vars(classify._compiled(lang)[0]).values():
            scanned = [(m.start(), m.end(), r) for r in layer.rules for m in r.regex.finditer(norm) if m.end() > m.start()]
            present = classify._compiled(lang)[1].present(norm)
            assert layer.matches(norm, present) == scanned, text
            skipped += sum(not may_match(needs, present) for needs in layer.required)
    assert skipped > len(texts) * 50  # the filter does skip: most of the ~85 rules of a language, a text
