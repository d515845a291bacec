"""Moral and outrage markers: the words that make an item travel further.

Each moral-emotional word in a message raises its diffusion by about 20%
(Brady et al. 2017); words that condemn an out-group do so even more (Rathje et
al. 2021). The crowd's share choice reads an item's count of such words, so the
count is a property of the *text*, computed here from a word list per language
— never a flag written into the phrase banks, which are data that change on
their own. `TextTable` counts each rendered phrase once and caches the counts
with the phrases; one-off texts (injects, statements, messages) are counted when
published.

A word list entry is a whole word, or a stem ending in ``*`` that matches any
word it begins ("scandal*" matches "scandale", "scandaleux"). Matching ignores
case; stems are chosen not to catch innocent words ("harm*" would catch
"harmless", so it is left out).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

import numpy as np

#: moral-emotional and outrage vocabulary, per language (Brady et al. 2017's dictionary
#: is the model: words that are both moral and emotional — shame, greed, betrayal, lies —
#: plus the words of contempt, disgust and anger's companion (Rozin et al. 1999))
MORAL_WORDS: dict[str, tuple[str, ...]] = {
    "en": (
        "abuse*", "accountab*", "appal*", "ashamed", "betray*", "blame*", "callous*", "cheat*", "contempt*",
        "corrupt*", "coward*", "cover-up*", "coverup*", "crime*", "criminal*", "cruel*", "deceit*", "deceiv*",
        "despicable", "dishonest*", "disgrace*", "disgust*", "evil", "exploit*", "fraud*", "greed*", "guilt*",
        "hate", "hated", "hateful", "hypocri*", "immoral*", "inexcusable", "injustice*", "insult*",
        "irresponsib*", "justice", "liar*", "lie", "lies", "lied", "lying", "neglig*", "outrag*", "reckless*",
        "scandal*", "selfish*", "shame*", "sham", "unacceptable", "unforgivable", "unfair*", "victim*",
        # contempt, the third moral emotion beside anger and disgust
        "amateur*", "clown*", "incompeten*", "pathetic*", "ridicul*",
    ),
    "fr": (
        "abject*", "abus*", "complice*", "complicit*", "coupable*", "corromp*", "corrompu*", "crime*",
        "crimin*", "cupid*", "cynique*", "cynisme", "dégoût*", "dégout*", "dégueulasse*", "écœur*", "ecoeur*",
        "escroc*", "fautif*", "honte*", "honteu*", "ignoble*", "impardonnable*", "impunité*", "inacceptable*",
        "inadmissible*", "indécen*", "indign*", "inexcusable*", "infâme*", "injust*", "insult*",
        "irresponsab*", "justice", "lâche*", "mensong*", "ment", "mentent", "mentez", "menteu*", "mentir",
        "menti", "mépris*", "négligen*", "odieu*", "outrag*", "pourri*", "révoltant*", "salaud*", "scandal*",
        "trahi*", "trahison*", "vergogne", "victime*", "voyou*",
        # le mépris, troisième émotion morale avec la colère et le dégoût
        "amateur*", "clown*", "guignol*", "incompéten*", "minable*", "pathétique*", "ridicul*",
    ),
}
#: more than this many markers in one item count as this many: a rant is not a cascade machine
MAX_MARKERS = 4


_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@cache
def _lexicon(lang: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """(whole words, stems) of a language, lowercase."""
    words = MORAL_WORDS.get(lang, ())
    return (frozenset(w.lower() for w in words if not w.endswith("*")),
            tuple(w[:-1].lower() for w in words if w.endswith("*")))


def count(text: str, lang: str) -> int:
    """Moral/outrage markers in one text, capped at `MAX_MARKERS`.

    >>> count("What a disgrace: they lied to us. Shameful!", "en")
    3
    >>> count("Merci aux pompiers pour leur travail.", "fr")
    0
    """
    exact, stems = _lexicon(lang)
    found = sum(1 for w in _WORD.findall(text.lower()) if w in exact or w.startswith(stems))
    return min(found, MAX_MARKERS)


def count_all(texts: Iterable[str], lang: str) -> np.ndarray:
    """Counts for many texts in one language, as int8; a phrase met twice is counted once."""
    memo: dict[str, int] = {}
    out = []
    for t in texts:
        n = memo.get(t)
        if n is None:
            n = memo[t] = count(t, lang)
        out.append(n)
    return np.array(out, dtype=np.int8)


__all__ = ["MAX_MARKERS", "MORAL_WORDS", "count", "count_all"]
