"""The trained half of the message reader: n-gram features and linear models, numpy only.

`model/reader_train.py` fits the models with scikit-learn on the labelled corpus
(`tests/data/corpus/`) and writes their coefficients to `model/data/reader.npz`
(no pickle); this module reads that file and scores a message with plain numpy, so
a reading needs no scikit-learn, no download and no randomness at run time.

Features (one analyser shared by training and reading, so both see the same thing):

- words and word pairs of the normalised text (lowercase, accents stripped);
- character n-grams (3 to 5) inside word boundaries, which carry French and
  English morphology ("-rons", "apolog", "excus") and survive typos;
- the rule cues that fired (`r:<layer>:<target>:<label>`), so the linear model
  learns how far to trust each hand-written rule on real statements;
- the message's language and a length bucket (a press release is not a tweet).
- stance groups and their pairs (`x:false&harm`: a rumour about the harm's extent
  rebutted; `x:conduct&false`: one about the organisation's conduct), with negation,
  figures and playful emoji.
- the same groups within one sentence (`d:false&harm`) and what a negation bears on
  (`d:neg>harm`: "aucun décès"), for the pair heads that split deny from diminish and
  defensive from factual;
- the message's meaning as a whole: a multilingual sentence embedding (`encoder.py`, block
  "e", dense: 512 values outside the vocabulary, with coefficients of their own per head).

Each block is weighted by sublinear tf × idf and scaled to unit length; each head
weighs the blocks its own way (`block_weights`: the first sentence matters for the
tone more than for the strategy). Every head is a linear classifier (a linear SVM
or a logistic regression) whose scores go through a softmax with a temperature
fitted on out-of-fold scores of every training message, so its probabilities are calibrated.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise, repeat
from pathlib import Path

import numpy as np

ARTIFACT = Path(__file__).parent / "data" / "reader.npz"
#: words, characters, rule cues, meta, first sentence, stance, stance within a sentence, and the
#: sentence embedding (`encoder.py`: dense, outside the vocabulary; its weight is the heads' own)
BLOCKS: tuple[str, ...] = ("w", "c", "r", "m", "f", "x", "d", "e")
#: Pair heads: when the main head's two most probable classes are the pair, the pair head, trained on
#: those two classes alone, splits their probability (`classify._split_pairs`; 5-fold CV on train + dev:
#: fewer diminish read as deny and factual read as defensive; strategy and tone each about +0.5 point).
PAIRS: dict[str, tuple[str, tuple[str, str]]] = {"deny_diminish": ("strategy", ("deny", "diminish")),
                                                 "defensive_factual": ("tone", ("defensive", "factual"))}
_EMB = BLOCKS.index("e")
_FIRST = re.compile(r"[.!?\n]")
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)?|[^\sa-z0-9.,;:!?'\"()«»\-]")
CHAR_N = (3, 5)
#: Words whose vocabulary rows `LinearReader.read` keeps (a few MB); past it, it starts again.
WORDS_KEPT = 32768


def analyse(norm: str, lang: str, cues: Iterable[str]) -> Counter[str]:
    """The features of a normalised message with their counts, keys prefixed by their block."""
    tokens = _TOKEN.findall(norm)
    feats = [f"w:{t}" for t in tokens]
    feats += _pairs(tokens)
    for t, n in Counter(tokens).items():  # a word's n-grams are made once
        feats += _char_grams(t) * n
    return Counter(feats + _beyond_words(norm, lang, cues, tokens))


def _pairs(tokens: list[str]) -> list[str]:
    return [f"w:{a} {b}" for a, b in pairwise(tokens)]


def _beyond_words(norm: str, lang: str, cues: Iterable[str], tokens: list[str]) -> list[str]:
    """The features that are not one word's own (the word and its character n-grams, which
    `LinearReader.read` finds through a cache per word): rule cues, the first sentence, language,
    length, style, stance."""
    feats = [f"r:{c}" for c in cues]
    lead = _TOKEN.findall(_FIRST.split(norm.strip(), maxsplit=1)[0])[:25]
    feats += [f"f:{t}" for t in lead]
    feats += [f"f:{a} {b}" for a, b in pairwise(lead)]
    words = len(tokens)
    feats += [f"m:lang={lang}", f"m:len={0 if words < 25 else 1 if words < 60 else 2 if words < 150 else 3}"]
    feats += _style(norm, tokens)
    feats += _stance(tokens)
    feats += _local(norm)
    return feats


#: Word stems ("=": the whole word) (normalised, French and English) of what a rebuttal is about and how it is said:
#: the extent of the harm (deaths, victims, risk) or the organisation's conduct, outside blame,
#: figures that shrink it, legal threats, indignation, nature or chance. Pairs of them are
#: features (why: "false" + "deaths" is a correction of the harm's extent, diminish; "false" +
#: "responsible" a denial of conduct; the words alone cannot say which — corpus decision rule 2).
_STANCE: dict[str, tuple[str, ...]] = {
    "harm": ("deces", "decede", "mort", "died", "death", "dead=", "killed", "hospitalis", "hospitaliz", "intoxi",
             "blesse", "injur", "victim", "malade", "sick", "illness", "symptom", "toxi", "danger", "contamin",
             "casualt", "reanimation", "poison", "cancer", "infect", "risque", "risk", "exposed", "expose",
             "affected", "concerne", "touche", "leak", "fuite", "donnees", "data", "records", "comptes"),
    "false": ("faux", "fausse", "false", "untrue", "inexact", "rumeur", "rumor", "rumour", "circul", "contrairement",
              "fake", "infox", "intox", "invent", "mensong", "lie=", "lies=", "viral", "claim", "affirm", "pretend",
              "allegation", "allegu"),
    "conduct": ("responsab", "faute", "fault", "blame", "origine", "cause", "negligen", "accus", "coupable",
                "guilty", "cache", "hid=", "dissimul", "cover=", "surveillance", "conforme", "complian", "compliant",
                "respect", "legal", "regle", "rules", "procedure", "norme", "standard"),
    "outside": ("fournisseur", "supplier", "sous-traitant", "subcontract", "contractor", "prestataire", "ancien",
                "former", "tiers", "third=", "partner", "partenaire", "agence", "agency", "individu", "individual"),
    "extent": ("only=", "seulement", "moins", "less=", "fraction", "minor", "mineur", "small=", "faible", "majorit",
               "quasi", "juste=", "below", "limited", "limite", "isole", "isolated", "precaution", "seuil",
               "threshold", "negligeable", "negligible", "normal", "aucune", "none=", "few=", "quelques"),
    "legal": ("plainte", "diffamat", "defamat", "avocat", "lawyer", "tribunal", "court=", "sue=", "suing", "poursui",
              "juridique", "proces", "lawsuit", "libel", "justice", "judiciaire", "legal", "attorney", "counsel"),
    "indignant": ("scandal", "inadmissible", "inacceptable", "unacceptable", "outrag", "absurd", "ridicul", "flatly",
                  "categori", "fermement", "firmly", "strongly", "irresponsab", "calomn", "malveill", "malicious",
                  "deliberate", "honte", "shame", "choque", "shock", "refuse", "reject", "rejet", "nonsense",
                  "insult", "attaque", "attack", "agenda", "campagne", "campaign", "obsess", "vocal"),
    "nature": ("meteo", "weather", "pluie", "rain=", "storm", "orage", "tempete", "secheresse", "drought", "imprevis",
               "unforesee", "unpredict", "exceptionnel", "exceptional", "natur", "canicule", "heat=", "record=",
               "crue", "flood", "turbulen", "chance=", "hasard"),
}


def _stems(stems: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern per group: a word that is one of its whole words or starts with one of its stems
    (one match a group, where a test per stem cost 0.1 ms for each new word)."""
    return re.compile("|".join(re.escape(s[:-1]) + "$" if s.endswith("=") else re.escape(s) for s in stems))


_STANCE_PATTERNS = tuple((g, _stems(stems)) for g, stems in sorted(_STANCE.items()))


@lru_cache(maxsize=65536)
def _stance_of(token: str) -> tuple[str, ...]:
    return tuple(g for g, pattern in _STANCE_PATTERNS if pattern.match(token))


@lru_cache(maxsize=65536)
def _kind_of(token: str) -> tuple[tuple[str, ...], str | None]:
    """A word's stance groups, and what else it marks: a negation ("neg"), a figure ("num"), a playful
    emoji ("emoji": jokes, or a light touch a serious message lacks), or nothing."""
    if token in _NEG:
        mark: str | None = "neg"
    elif token[:1].isdigit():
        mark = "num"
    elif len(token) == 1 and not token.isalnum() and ord(token) > 0x2000:
        mark = "emoji"
    else:
        mark = None
    return _stance_of(token), mark


@lru_cache(maxsize=4096)
def _group_features(prefix: str, groups: frozenset[str], alone: bool) -> tuple[str, ...]:
    """`<prefix>:<a>&<b>` for every pair of `groups` (sorted), after each group alone if `alone`."""
    ordered = sorted(groups)
    pairs = tuple(f"{prefix}:{a}&{b}" for i, a in enumerate(ordered) for b in ordered[i + 1:])
    return (*(f"{prefix}:{g}" for g in ordered), *pairs) if alone else pairs


def _stance(tokens: list[str]) -> list[str]:
    """Stance groups present (`x:<group>`) and their pairs (`x:<a>&<b>`), with negation and figures."""
    groups: set[str] = set()
    for t in set(tokens):
        found, mark = _kind_of(t)
        groups.update(found)
        if mark:
            groups.add(mark)
    return list(_group_features("x", frozenset(groups), True))


_SENTENCE = re.compile(r"[.!?;\n]+(?:\s|$)")


def _local(norm: str) -> list[str]:
    """Stance groups that meet within one sentence (`d:<a>&<b>`) and what a negation bears on
    (`d:neg>harm`: "aucun décès", "no death" — the harm's extent shrunk, diminish; `d:neg>conduct`:
    "not responsible" — conduct denied). Why: in a whole message "false" and "deaths" may sit in
    unrelated sentences; within one they say which claim is rebutted (corpus decision rule 2)."""
    out: set[str] = set()
    for sentence in _SENTENCE.split(norm):
        groups: set[str] = set()
        scope = 0
        for t in _TOKEN.findall(sentence):
            found, mark = _kind_of(t)
            groups.update(found)
            if mark == "neg":
                groups.add("neg")
                scope = 4
                continue
            if mark == "num":
                groups.add("num")
            if scope:
                scope -= 1
                out.update(f"d:neg>{g}" for g in found if g != "extent")
        if '"' in sentence or "«" in sentence:
            groups.add("quote")
        out.update(_group_features("d", frozenset(groups), False))
    return sorted(out)


_NEG = frozenset({"not", "never", "no", "none", "nothing", "nobody", "don't", "won't", "isn't", "wasn't", "aren't",
                  "didn't", "doesn't", "can't", "pas", "jamais", "aucun", "aucune", "rien", "ni", "personne"})
_YOU = frozenset({"you", "your", "yours", "vous", "votre", "vos"})
_WE = frozenset({"we", "our", "us", "we're", "we've", "we'll", "nous", "notre", "nos", "on"})
_I = frozenset({"i", "i'm", "i've", "my", "me", "je", "j'ai", "mon", "ma", "mes", "moi"})


def _bucket(n: int) -> int:
    return 0 if n == 0 else 1 if n <= 2 else 2


def _style(norm: str, tokens: list[str]) -> list[str]:
    """How the message speaks (why: tone is carried by stance words the lexicon cannot list —
    negations, exclamations, who is addressed, a quoted spokesperson)."""
    n = max(len(tokens), 1)
    neg = sum(t in _NEG for t in tokens)
    you = sum(t in _YOU for t in tokens)
    we = sum(t in _WE for t in tokens)
    me = sum(t in _I for t in tokens)
    head = norm.lstrip()[:1]
    return [f"m:neg={_bucket(neg)}", f"m:negrate={min(3, int(20 * neg / n))}", f"m:excl={_bucket(norm.count('!'))}",
            f"m:ask={_bucket(norm.count('?'))}", f"m:you={min(3, int(20 * you / n))}", f"m:we={min(3, int(20 * we / n))}",
            f"m:me={_bucket(me)}", f"m:quote={int(head in '«\"')}"]


@lru_cache(maxsize=65536)
def _char_grams(token: str) -> tuple[str, ...]:
    """Character n-grams of one word, padded with spaces (as scikit-learn's char_wb)."""
    if len(token) > 30:
        return ()
    padded = f" {token} "
    lo, hi = CHAR_N
    return tuple(f"c:{padded[i:i + n]}" for n in range(lo, min(hi, len(padded)) + 1)
                 for i in range(len(padded) - n + 1))


@dataclass(frozen=True)
class Head:
    """One linear classifier: its classes, block weights, coefficients (features × scores),
    intercepts and the temperature that turns its scores into calibrated probabilities."""

    name: str
    classes: tuple[str, ...]
    block_weights: np.ndarray
    coef: np.ndarray
    intercept: np.ndarray
    temperature: float
    #: embedding dimensions × scores (None: the head does not read the embedding)
    emb_coef: np.ndarray | None = None


@dataclass(frozen=True)
class LinearReader:
    vocabulary: dict[str, int]
    idf: np.ndarray
    block: np.ndarray  # block index of each feature
    heads: dict[str, Head]

    def read(self, norm: str, lang: str, cues: Iterable[str]) -> tuple[np.ndarray, np.ndarray]:
        """`vector(analyse(norm, lang, cues))`, its rows in another order: a word's own features (the
        word and its character n-grams, four in five of a message's) are found once per word and kept
        as rows, where looking up their names in the vocabulary took a third of a millisecond."""
        tokens = _TOKEN.findall(norm)
        ids: list[int] = []
        for token, n in Counter(tokens).items():
            known = self._word_rows(token)
            ids.extend(known * n if n > 1 else known)
        get = self.vocabulary.get
        ids.extend(i for i in map(get, _pairs(tokens) + _beyond_words(norm, lang, cues, tokens)) if i is not None)
        rows, tf = np.unique(np.array(ids, dtype=np.int64), return_counts=True)
        return rows, weigh(rows, tf.astype(np.float64), self.idf, self.block)

    def _word_rows(self, token: str) -> tuple[int, ...]:
        """The vocabulary rows of a word and of its character n-grams (those the vocabulary holds)."""
        cache: dict[str, tuple[int, ...]] = self.__dict__.setdefault("_words", {})
        known = cache.get(token)
        if known is None:
            if len(cache) >= WORDS_KEPT:
                cache.clear()
            get = self.vocabulary.get
            known = cache[token] = tuple(i for i in map(get, (f"w:{token}", *_char_grams(token))) if i is not None)
        return known

    def vector(self, features: Counter[str]) -> tuple[np.ndarray, np.ndarray]:
        """Sparse feature vector before block weights: (rows, values), as in training."""
        n = len(features)
        rows = np.fromiter(map(self.vocabulary.get, features.keys(), repeat(-1, n)), dtype=np.int64, count=n)
        tf = np.fromiter(features.values(), dtype=np.float64, count=n)
        known = rows >= 0
        rows, tf = rows[known], tf[known]
        return rows, weigh(rows, tf, self.idf, self.block)

    def predict(self, rows: np.ndarray, unit: np.ndarray, emb: np.ndarray | None = None) -> dict[str, dict[str, float]]:
        """Every head's calibrated probabilities for one message's `vector` and embedding: every
        head's scores in one product (eleven heads one by one cost half a millisecond a message)."""
        fused = self._fused()
        z = fused.intercept.copy()
        if len(rows):
            z += unit @ fused.coef[rows]
        if emb is not None:
            z += emb @ fused.emb_coef
        scores = np.zeros(len(fused.temperature))  # a binary head's first class scores 0
        scores[fused.columns] = z
        scores /= fused.temperature
        scores = np.exp(scores - np.repeat(np.maximum.reduceat(scores, fused.starts), fused.widths))
        p = (scores / np.repeat(np.add.reduceat(scores, fused.starts), fused.widths)).tolist()
        return {name: dict(zip(head.classes, p[at:at + len(head.classes)], strict=True))
                for (name, head), at in zip(self.heads.items(), fused.starts.tolist(), strict=True)}

    def weighed(self, rows: np.ndarray, unit: np.ndarray, head: str, toward: str,
                against: str | None = None) -> Iterator[tuple[str, float]]:
        """The words and word pairs of one message's `vector` that pushed `head` toward class
        `toward` rather than `against` (rather than the other classes' mean when None), strongest
        first: what a reader is shown as the cue when no rule spoke (character n-grams and other
        blocks weigh too, but say nothing to a trainer). Named as they are taken: a cue quotes three."""
        words = self.block[rows] == BLOCKS.index("w")
        rows, unit = rows[words], unit[words]
        if not len(rows):
            return iter(())
        h = self.heads[head]
        coef = h.coef[rows]
        if coef.shape[1] == 1:  # a binary head scores its second class
            push = coef[:, 0] if toward == h.classes[1] else -coef[:, 0]
        else:
            i = h.classes.index(toward)
            others = [h.classes.index(against)] if against else [j for j in range(len(h.classes)) if j != i]
            push = coef[:, i] - coef[:, others].mean(axis=1)
        push = push * unit * h.block_weights[self.block[rows]]
        order = np.lexsort((rows, -push))  # ties (a word and the pair it always stands in) by row
        names = self.names
        return ((names[rows[k]][2:], float(push[k])) for k in order.tolist() if push[k] > 0)

    @property
    def reads_embedding(self) -> bool:
        """Whether a head weighs the sentence embedding (then `predict` wants it)."""
        return any(h.emb_coef is not None for h in self.heads.values())

    @property
    def names(self) -> list[str]:
        cached = self.__dict__.get("_names")
        if cached is None:
            cached = list(self.vocabulary)
            object.__setattr__(self, "_names", cached)
        return cached

    def _fused(self) -> _Fused:
        cached = self.__dict__.get("_fused_heads")
        if cached is None:
            cached = _Fused.of(self.heads, self.block)
            object.__setattr__(self, "_fused_heads", cached)
        return cached


@dataclass(frozen=True)
class _Fused:
    """Every head's coefficients side by side (features × every head's scores), each already
    multiplied by its head's weight for the feature's block (the embedding's too): one message's
    scores for all heads in two products."""

    coef: np.ndarray
    emb_coef: np.ndarray  # embedding dimensions × score columns
    intercept: np.ndarray
    #: each score column's place among every head's classes (a binary head scores its second class)
    columns: np.ndarray
    #: per class of every head: its head's temperature; per head: where its classes start, how many
    temperature: np.ndarray
    starts: np.ndarray
    widths: np.ndarray

    @classmethod
    def of(cls, heads: dict[str, Head], block: np.ndarray) -> _Fused:
        hs = list(heads.values())
        widths = np.array([len(h.classes) for h in hs])
        starts = np.concatenate([[0], np.cumsum(widths)[:-1]])
        columns = np.concatenate([np.arange(at + w - h.coef.shape[1], at + w) for h, at, w in zip(hs, starts, widths, strict=True)])
        dims = next((h.emb_coef.shape[0] for h in hs if h.emb_coef is not None), 0)
        emb_coef = np.hstack([h.emb_coef * h.block_weights[_EMB] if h.emb_coef is not None
                              else np.zeros((dims, h.coef.shape[1])) for h in hs])
        return cls(coef=np.ascontiguousarray(np.hstack([h.coef * h.block_weights[block][:, None] for h in hs])),
                   emb_coef=np.ascontiguousarray(emb_coef), intercept=np.concatenate([h.intercept for h in hs]),
                   columns=columns, temperature=np.repeat([h.temperature for h in hs], widths),
                   starts=starts, widths=widths)


def weigh(rows: np.ndarray, tf: np.ndarray, idf: np.ndarray, block: np.ndarray) -> np.ndarray:
    """Sublinear tf × idf, scaled to unit length within each block."""
    v = (1.0 + np.log(tf)) * idf[rows]
    b = block[rows]
    norms = np.sqrt(np.bincount(b, weights=v * v, minlength=len(BLOCKS)))
    return v / np.where(norms[b] > 0, norms[b], 1.0)


@lru_cache(maxsize=1)
def load(path: str | None = None) -> LinearReader | None:
    """The shipped reader, or None when the artifact is missing (rules alone then read)."""
    p = Path(path) if path else ARTIFACT
    if not p.exists():
        return None
    with np.load(p, allow_pickle=False) as z:
        names = [str(s) for s in z["features"]]
        heads = {}
        for name in [str(s) for s in z["heads"]]:
            heads[name] = Head(
                name=name,
                classes=tuple(str(s) for s in z[f"{name}.classes"]),
                block_weights=z[f"{name}.block_weights"].astype(np.float64),
                coef=z[f"{name}.coef"].astype(np.float64),
                intercept=z[f"{name}.intercept"].astype(np.float64),
                temperature=float(z[f"{name}.temperature"]),
                emb_coef=z[f"{name}.emb_coef"].astype(np.float64) if f"{name}.emb_coef" in z.files else None,
            )
        return LinearReader(
            vocabulary={f: i for i, f in enumerate(names)},
            idf=z["idf"].astype(np.float64),
            block=z["block"].astype(np.int64),
            heads=heads,
        )


def entropy_confidence(p: dict[str, float]) -> float:
    """1 − normalised entropy: 1 when one class has it all, 0 when all are equal."""
    values = [v for v in p.values() if v > 0]
    if len(p) < 2:
        return 1.0
    return 1.0 + sum(v * math.log(v) for v in values) / math.log(len(p))
