"""Transparent French/English detection of a trainee message's SCCT strategy and tone.

No model, no download: hand-written lexicons and regular expressions with weights.
Every match is a *cue* that names the rule and quotes the trainee's own words.

How a message is read
---------------------
1. Normalise for matching: lowercase, accents stripped, typographic apostrophes
   turned into ``'`` (so French elisions read ``n'``, ``c'``, ``l'``), non-breaking
   spaces into spaces, œ/æ expanded. Every normalised character keeps the index of
   the original one, so cues quote the original words (accents and case intact).
2. Language: the caller's ``lang`` or, when None, :func:`detect_language`
   (stopword and elision counts).
3. Strategy rules (the language's own, plus emoji rules) are run; overlapping
   matches are resolved **longest first** — this is how negation and hedging are
   handled: "we will *not deny* our responsibility" (acknowledgement → rebuild)
   swallows "deny"; "sorry *if anyone felt offended*" (non-apology → diminish)
   swallows "sorry"; "ce *n'est pas de notre faute*" (deny) swallows "notre faute".
   Some rules only block (weight 0, e.g. "merci de respecter…" is a request, not
   thanks).
4. Each surviving cue adds its weight to one strategy; the highest score wins
   (mixed messages: the dominant strategy). Ties go to the first in
   ``STRATEGY_ORDER``.
5. **Fallback**: when no strategy cue is found, the message is plain information
   (SCCT "instructing information"), which has no strategy of its own; it is filed as
   ``diminish`` — the least committal strategy, and how the labelled set files
   such updates — and the cue says so.
6. Tone: cues from the tone lexicon (emojis, empathy, defensive intensifiers,
   figures and evidence) plus the tone carried by strategy cues (a real apology is
   empathetic, a non-apology defensive). Highest score wins; with no tone cue the
   tone is ``factual``.
7. Correction: a separate rule set detects a rebuttal of a rumour ("c'est faux",
   "contrairement aux rumeurs", "fake news", "this is not true", "no risk to…").
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .taxonomy import LANGUAGES, STRATEGIES, TONES

__all__ = ["STRATEGY_ORDER", "Classification", "classify_message", "detect_language", "evaluate"]

#: Tie-break order for strategies (first wins a tie).
STRATEGY_ORDER: tuple[str, ...] = ("no_comment", "rebuild", "deny", "diminish", "bolster")
#: Tie-break order for tones.
TONE_ORDER: tuple[str, ...] = ("humorous", "empathetic", "defensive", "factual")
FALLBACK_STRATEGY = "diminish"
FALLBACK_TONE = "factual"
_ANY = "*"


@dataclass(frozen=True)
class Classification:
    strategy: str
    tone: str
    lang: str
    correction: bool
    strategy_cues: tuple[str, ...]
    tone_cues: tuple[str, ...]
    scores: dict[str, float] = field(hash=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "strategy": self.strategy,
            "tone": self.tone,
            "lang": self.lang,
            "correction": self.correction,
            "strategy_cues": list(self.strategy_cues),
            "tone_cues": list(self.tone_cues),
            "scores": {k: round(float(v), 3) for k, v in self.scores.items()},
        }


# --------------------------------------------------------------------------- normalisation
_SPECIAL = {"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "œ": "oe", "æ": "ae", "ß": "ss",
            "\u00a0": " ", "\u202f": " ", "\u2009": " ", "–": "-", "—": "-", "\u2011": "-"}


@lru_cache(maxsize=4096)
def _norm_char(c: str) -> str:
    if c in _SPECIAL:
        return _SPECIAL[c]
    low = c.lower()
    if low.isascii():
        return low
    if low in _SPECIAL:
        return _SPECIAL[low]
    out = "".join(ch for ch in unicodedata.normalize("NFKD", low) if not unicodedata.combining(ch))
    return out


def _normalise(text: str) -> tuple[str, list[int]]:
    """Lowercased, accent-free text and, for each of its characters, the original index."""
    if text.isascii():
        return text.lower().replace("`", "'"), list(range(len(text)))
    parts: list[str] = []
    index: list[int] = []
    for i, c in enumerate(text):
        n = _norm_char(c)
        if n:
            parts.append(n)
            index.extend([i] * len(n))
    return "".join(parts), index


# --------------------------------------------------------------------------- rules
@dataclass(frozen=True)
class _Rule:
    lang: str            # "fr" | "en" | "*"
    layer: str           # "strategy" | "tone" | "correction"
    target: str | None   # strategy or tone it scores for (None: blocker)
    label: str
    weight: float
    regex: re.Pattern[str]
    tone: str | None = None       # tone carried by a strategy cue
    tone_weight: float = 0.0


_RULES: list[_Rule] = []


def _s(lang: str, strategy: str | None, label: str, weight: float, *patterns: str,
       tone: str | None = None, tw: float = 0.0) -> None:
    for p in patterns:
        _RULES.append(_Rule(lang, "strategy", strategy, label, weight, re.compile(p), tone, tw))


def _t(lang: str, tone: str, label: str, weight: float, *patterns: str) -> None:
    for p in patterns:
        _RULES.append(_Rule(lang, "tone", tone, label, weight, re.compile(p)))


def _c(lang: str, label: str, *patterns: str) -> None:
    for p in patterns:
        _RULES.append(_Rule(lang, "correction", None, label, 1.0, re.compile(p)))


_NOT = r"(?:will not|won't|wont|shall not|cannot|can't|can not|do not|don't|would not|wouldn't|are not going to|aren't going to|we're not going to)"

# ---- English: no comment
_s("en", "no_comment", "refusal to comment", 3.0,
   r"\bno comments?\b",
   rf"\b(?:we )?{_NOT} (?:be )?(?:comment|respond|reply|speculat|engag|discuss|mak(?:e|ing) (?:any|a) (?:further )?(?:comment|statement))\w*(?: further| on (?:this|that|it|speculation|rumou?rs))?",
   r"\bnot (?:in a position|able|at liberty|prepared|willing) to (?:comment|discuss|say|respond|speak|disclose)\w*",
   r"\b(?:declin\w*|refus\w*|refrain\w*) (?:from )?(?:to )?(?:comment|respond|speak)\w*",
   r"\bnothing (?:further |more |else )?to (?:say|add|declare)\b",
   r"\bno (?:further )?(?:statement|comments?) will be (?:made|issued|given)\b",
   tone="factual", tw=0.5)
# ---- English: rebuild
_s("en", "rebuild", "acknowledgement", 2.5,
   rf"\b(?:we )?{_NOT} (?:deny|dispute|contest|hide from|shy away from|run from|evade)\b(?: (?:our|any|the|its|that|this|it))?(?: (?:responsibility|role|part|fault|mistakes?|failings?|errors?))?")
_s("en", "rebuild", "responsibility", 2.5,
   r"\b(?:we |i )?(?:take|accept|assume|bear|acknowledge|own)s? (?:full |complete |total |our |all |the )*(?:responsibility|blame|accountability)\b",
   r"\b(?:it|this) (?:was|is) (?:entirely |all )?(?:our|my) (?:fault|mistake|responsibility)\b")
_s("en", "rebuild", "admission", 2.0,
   r"\bwe (?:got (?:this|it|things) wrong|failed|made (?:a |serious |grave |an? )?(?:mistakes?|errors?)|let (?:you|them|people|our \w+) down|messed up|fell short|should have|should not have|shouldn't have)",
   r"\bwe (?:have )?failed (?:you|them|our|the)\b")
_s("en", "rebuild", "admission", 1.0, r"\bshould have (?:been )?\w+ed\b")
_s("en", "rebuild", "apology", 2.5,
   r"\b(?:we|i) (?:\w+ly )?apologi[sz]e(?:d)?\b(?: (?:unreservedly|sincerely|deeply|wholeheartedly|fully))?",
   r"\b(?:our|my) (?:\w+ )?apologies\b",
   r"\bowe (?:\w+ ){0,4}an apology\b",
   r"\b(?:we are|we're|i am|i'm) (?:so |deeply |truly |very |really |sincerely |terribly |profoundly )*sorry\b",
   r"\b(?:forgive us|ask (?:for )?(?:your )?forgiveness)\b",
   tone="empathetic", tw=1.5)
_s("en", "rebuild", "apology", 2.0, r"\bsorry\b", r"\bapologies\b", tone="empathetic", tw=1.5)
_s("en", "rebuild", "regret", 1.5, r"\bwe (?:\w+ly )?regret\b", tone="empathetic", tw=1.0)
_s("en", "rebuild", "compensation", 2.0,
   r"\b(?:full |partial )?refunds?\b", r"\bcompensat\w*", r"\breimburs\w*",
   r"\bfree (?:of charge|delivery|shipping|\w+ monitoring|replacement|repairs?|\w+)\b",
   r"\b(?:cover|pay|reimburse|refund)\w* (?:for )?(?:all |the |any |their |your )*(?:\w+ ){0,2}(?:costs?|expenses|bills|fees)\b",
   r"\b(?:fund|funding|set(?:ting)? up|establish\w*) (?:an? |independent |free |dedicated |emergency )*(?:health checks?|support fund|fund|helpline|assistance)\b",
   tone="factual", tw=0.5)
_s("en", "rebuild", "compensation", 1.0, r"\bon us\b")
_s("en", "rebuild", "corrective action", 1.5,
   r"\bwe(?: have| 've|'ve| are|'re| will|'ll| have now| are now| have decided to)? (?:suspend(?:ed|ing)?|shut(?:ting)? down|shut|clos(?:ed|ing|e)|halt(?:ed|ing)?|stopp(?:ed|ing)|stop|recall(?:ed|ing)?|withdr[ae]wn?|withdrawing|replac(?:ed|ing|e)|repair(?:ed|ing)?|fix(?:ed|ing)?|inspect(?:ed|ing)?|review(?:ed|ing)?|audit(?:ed|ing)?|deploy(?:ed|ing)?|br(?:ought|ing|inging) in|launch(?:ed|ing)?|introduc(?:ed|ing|e)|strengthen(?:ed|ing)?|reinforc(?:ed|ing|e)|upgrad(?:ed|ing|e)|appoint(?:ed|ing)?|hir(?:ed|ing|e)|put(?:ting)? in place|set(?:ting)? up|chang(?:ed|ing|e))\b",
   r"\b(?:is|are|being|been|will be|has been|have been)(?: being)? (?:immediately |temporarily )?(?:recalled|inspected|suspended|withdrawn|replaced|repaired|reviewed|audited|deployed|closed|shut down|halted|introduced|strengthened|reinforced|taken off (?:sale|the shelves))\b",
   r"\bindependent (?:auditors?|experts?|investigation|review|inquiry|audit|security experts?)\b",
   r"\b(?:we will|we'll) do better\b", r"\bnever happens? again\b",
   tone="factual", tw=0.5)
# ---- English: deny
_s("en", "deny", "denial", 2.5,
   r"\b(?:we )?(?:\w+ly )?(?:deny|denies|denied|reject|refute)\b(?: (?:these|the|all|any|those|such))?(?: (?:allegations|accusations|claims|reports|rumou?rs))?",
   tone="defensive", tw=1.0)
_s("en", "deny", "not responsible", 2.5,
   r"\b(?:we are|we're|we were|[a-z]+ (?:is|was)) (?:in no way |absolutely |simply )?not (?:responsible|to blame|at fault|liable)\b",
   r"\bnot our (?:fault|responsibility|doing)\b", r"\b(?:we )?(?:bear|have) no (?:responsibility|liability)\b",
   tone="defensive", tw=1.0)
_s("en", "deny", "false claim", 2.0,
   r"\b(?:(?:this|that|it) is|(?:these|those|the|such) (?:claims|reports|rumou?rs|allegations|stories|accusations|posts) (?:of [\w ]{1,40}? )?are|is|are) (?:completely |totally |entirely |simply |absolutely |utterly |categorically )?(?:false|untrue|not true|incorrect|baseless|unfounded|fabricated|lies)\b",
   r"\bfake news\b", r"\b(?:mis|dis)information\b", r"\bhoax\b", r"\bfalse (?:claims?|reports?|rumou?rs?|information|allegations?|stories)\b",
   r"\bcontrary to\b", tone="defensive", tw=0.5)
_s("en", "deny", "flat denial", 1.5,
   r"\bthere (?:was|is|has been|were|have been) (?:no|never)\b", r"\bat no (?:point|time)\b",
   r"\b(?:never|did not|didn't) (?:made|said|make|say|discharged?|happened|happen|existed|exist|occurred|occur)\b",
   r"\bhas never \w+ed\b",
   r"\b(?:has|have) been (?:edited|doctored|manipulated|faked|photoshopped)\b",
   r"\bnone of (?:our|the) \w+ (?:has|have|was|were) (?:been )?(?:affected|impacted|touched)\b",
   tone="defensive", tw=0.5)
_s("en", "deny", "denial of wrongdoing", 2.0,
   r"\b(?:did|done|have done|has done) nothing wrong\b", r"\brefuse to (?:be blamed|accept (?:the )?blame|take the blame)\b",
   r"\bnot to blame\b", r"\b(?:is|are|remains?) (?:perfectly|completely|entirely|totally) safe\b",
   tone="defensive", tw=1.0)
_s("en", "deny", "attack on the accuser", 1.5,
   r"\bso[- ]called\b", r"\b(?:take|taking|pursue|consider\w*) legal action\b", r"\blawsuit\b",
   r"\b(?:baseless|unfounded|groundless|smear)\b", r"\b(?:dismissed|fired|sacked) for (?:gross )?misconduct\b",
   r"\bspreading (?:lies|misinformation|rumou?rs|falsehoods)\b", r"\bgo unchallenged\b",
   tone="defensive", tw=1.5)
_s("en", "deny", "scapegoat", 1.5,
   r"\b(?:supplier|subcontractor|sub-contractor|contractor|third[- ]party|provider)(?:'s|s)?\b",
   tone="defensive", tw=1.0)
_s("en", "deny", "scapegoat", 1.0, r"\b(?:originated|originates) (?:at|from|in)\b", tone="defensive", tw=0.5)
# ---- English: diminish
_s("en", "diminish", "non-apology", 3.0,
   r"\b(?:we are |we're |i am |i'm )?sorry (?:if|that some|that any|to anyone who (?:felt|was))\b(?: (?:anyone|someone|some|people|you|our \w+))?(?: (?:felt|feel|was|were|may|might|has|have))?(?: (?:offended|upset|hurt))?",
   r"\b(?:we )?(?:\w+ly )?regret (?:that )?(?:some|any|certain|a few|those who|anyone)\b(?: \w+)?(?: (?:may|might|could))?",
   tone="defensive", tw=1.5)
_s("en", "diminish", "non-apology", 3.0,
   r"\b(?:we )?(?:apologi[sz]e|sorry|apologies) for any (?:inconvenience|confusion|misunderstanding|disruption)\b",
   tone="factual", tw=0.5)
_s("en", "diminish", "non-apology", 2.0,
   r"\b(?:we )?(?:apologi[sz]e|sorry|apologies) for the (?:inconvenience|disruption)\b", tone="factual", tw=0.5)
_s("en", "diminish", "excuse", 1.5,
   r"\b(?:exceptional|extreme|unprecedented|unforeseeable|unforeseen|freak|unusual|abnormal) (?:\w+ )?(?:weather|conditions|circumstances|demand|events?|storms?|heat|volumes?|surge|rainfall|traffic)\b",
   r"\b(?:could|can|would) not (?:have )?(?:be(?:en)? )?(?:anticipated|foreseen|predicted|prevented|detected|avoided)\b",
   r"\bcouldn't have (?:been )?(?:anticipated|foreseen|predicted|prevented|detected|avoided)\b",
   r"\b(?:beyond|outside) (?:of )?our control\b", r"\bforce majeure\b",
   r"\b(?:was|it's|just|only) (?:just |only )?a joke\b", r"\bnot (?:being )?serious\b",
   r"\bnever (?:meant|intended) (?:to|as)\b", r"\b(?:was|were) meant as\b", r"\b(?:not|never) (?:our|the|his|her) intention\b",
   r"\bno (?:offen[cs]e|harm) (?:was )?intended\b", r"\b(?:clumsy|poorly worded|ill-judged|light-hearted)\b",
   tone="defensive", tw=1.0)
_s("en", "diminish", "justification", 1.5,
   r"\b(?:taken|quoted) out of context\b",
   r"\b(?:procedures?|protocols?|rules|guidelines) (?:were|was|have been|has been) (?:\w+ )?(?:followed|respected|applied)\b",
   r"\bfollowed (?:the |all |every |our )?(?:\w+'s |\w+ )?(?:procedures?|protocols?|guidelines|rules|regulations|standards|instructions)\b",
   r"\bto the letter\b",
   r"\b(?:had to|needed to|was necessary to|must) (?:prioriti[sz]e|first|secure)\w*",
   r"\b(?:takes?|took) time\b", r"\bcannot be rushed\b",
   r"\b(?:yes|admittedly|granted|true),? [^.!?]{0,100}?,? but\b",
   tone="defensive", tw=1.0)
_s("en", "diminish", "minimising", 1.5,
   r"\b(?:no one|nobody|no-one) (?:was|has been|were|got) (?:hurt|injured|harmed|killed)\b",
   r"\bno (?:injuries|casualties|victims)\b",
   r"\b(?:only|just) (?:a )?(?:small|tiny|limited|handful|few|minor|fraction)\b", r"\b(?:a )?handful of\b",
   r"\b(?:poses?|posed|presents?|there is|with) no (?:risk|danger|threat)\b", r"\bno (?:risk|danger|threat) (?:to|for)\b",
   r"\bno (?:\w+ ){0,2}(?:data|card|personal|payment) (?:\w+ )?(?:was|were|has been|have been) (?:accessed|stolen|compromised|affected|leaked)\b",
   tone="factual", tw=0.5)
_s("en", "diminish", "minimising", 1.0,
   r"\b(?:limited to|contained|under control|minor|isolated|temporary|temporarily|brief|briefly|routine)\b",
   r"\bback to normal\b", r"\bnormal (?:levels|operations?|service)\b",
   r"\b(?:less than|under|within) (?:\w+ ){0,2}(?:minutes|hours)\b",
   tone="factual", tw=0.5)
_s("en", "diminish", "information only", 0.75,
   r"\bnext update\b", r"\b(?:further|more) (?:information|updates?|details) (?:will follow|to follow|soon|within)\b",
   r"\bwill (?:share|provide|give|post|publish) (?:more |further )?(?:information|updates?|details)\b",
   r"\b(?:are|is) on (?:site|scene|the scene)\b", r"\b(?:are|is) (?:asked|advised|requested|urged) to\b",
   r"\bwe are aware of\b", r"\bchecking with\b", r"\bwe are (?:monitoring|investigating|looking into|assessing)\b",
   r"\bstay indoors\b", tone="factual", tw=0.5)
# ---- English: bolster
_s("en", "bolster", "victimage", 2.5,
   r"\bwe (?:too |also )?(?:are|were) (?:also |too )?(?:the )?(?:victims?|targeted|attacked)\b",
   r"\b(?:were|was|have been|has been) (?:attacked|targeted|hacked) by (?:criminals|hackers|\w+ criminals)\b",
   tone="defensive", tw=1.0)
_s("en", "bolster", "reminder of past good deeds", 1.5,
   r"\b(?:for|over|for over|for more than|more than|nearly|almost) (?:\d+|\w+) (?:years|decades|generations)\b",
   r"\bsince (?:19|20)\d\d\b", r"\binvested\b", r"\b(?:safety|track) record\b",
   r"\b(?:major|leading|largest|biggest|main) (?:local )?employer\b",
   r"\b(?:fund(?:ing|ed|s)?|support(?:ing|ed|s)?|sponsor(?:ing|ed|s)?) (?:the )?local\b",
   r"\bone of the (?:safest|best|most)\b", r"\b(?:named|awarded|voted)\b",
   tone="factual", tw=0.5)
_s("en", "bolster", "reminder of past good deeds", 1.0, r"\bthe only \w+ in town\b")
_s("en", "bolster", "ingratiation", 1.5,
   r"\bthank(?:s| you)\b", r"\bproud (?:of|to)\b", r"\bloyal\b",
   r"\b(?:stood|standing|stand|sticking|stuck) (?:by|with) us\b", r"\bearn(?:ing)? your trust\b",
   r"\bthe reason we do what we do\b", r"\bwhat this company is about\b",
   tone="empathetic", tw=1.0)
_s("en", "bolster", "ingratiation", 1.0,
   r"\b(?:courage|dedication|commitment|bravery|hard work|tireless\w*)\b",
   r"\b(?:day and night|around the clock|night and day)\b", tone="empathetic", tw=0.5)
_s("en", None, "does not excuse", 0.0, r"\bdoes not excuse\b|\bno excuse\b")

# ---- French: pas de commentaire
_s("fr", "no_comment", "refus de commenter", 3.0,
   r"\bpas de commentaires?\b", r"\bsans commentaire\b",
   r"\bne (?:ferons|ferai|fera|feront) (?:aucun|aucune|pas de) (?:commentaire|declaration)s?\b",
   r"\bne (?:commenterons|commenterai|commentons|commente|repondrons|repondrai|repondons|reagirons|reagirai|nous exprimerons|communiquerons) (?:pas|plus|aucunement|rien)\b",
   r"\bne (?:souhaitons|souhaite|pouvons|peux|voulons|veut|peut|desirons) pas (?:nous exprimer|s'exprimer|commenter|reagir|repondre|communiquer|nous prononcer|en dire plus)\b",
   r"\bpas en mesure de (?:commenter|repondre|nous exprimer|communiquer|reagir|nous prononcer)\b",
   r"\baucun(?:e)? (?:commentaire|declaration|communication) ne sera (?:fait|faite|donne|donnee|publiee?)\b",
   r"\b(?:refusons|refuse) de (?:commenter|repondre|nous exprimer)\b", r"\bse refuse a tout commentaire\b",
   r"\brien (?:a dire|a ajouter|a declarer)\b",
   tone="factual", tw=0.5)
_s("fr", None, "demande polie", 0.0, r"\bmerci de (?:respecter|ne pas|bien vouloir|laisser)\b", tone="defensive", tw=1.5)
# ---- French: rebuild
_s("fr", "rebuild", "reconnaissance", 2.5,
   r"\bne (?:nierons|nions|nierai|nie|contestons|contesterons|contesterai|conteste|fuirons|fuyons|nous deroberons|nous derobons|esquiverons) (?:pas|aucunement|nullement)\b(?: (?:notre|nos|la|sa|leur) (?:part de )?(?:responsabilite|erreurs?|torts?))?")
_s("fr", "rebuild", "responsabilité", 2.5,
   r"\b(?:nous (?:en )?|j'en |j')?(?:assumons|assumerons|assume|reconnaissons|reconnais|prenons|acceptons)(?: (?:pleinement|entierement|totalement))? (?:l'entiere |la pleine |toute la |toute notre |pleinement notre |notre |nos |l'|la |une part de )?(?:responsabilites?|erreurs?|torts?|faute)\b",
   r"\b(?:c'est|c'etait) (?:de )?(?:notre|ma) (?:faute|erreur|responsabilite)\b")
_s("fr", "rebuild", "aveu", 2.0,
   r"\bnous avons (?:failli|echoue|commis (?:une |des |de graves |une grave |une lourde )?erreurs?|manque a \w+|trahi(?: la confiance)?|fait (?:une|des) erreurs?|mal (?:gere|fait|communique))",
   r"\bnous nous sommes trompes\b")
_s("fr", "rebuild", "aveu", 1.5, r"\b(?:nous )?(?:aurions|aurait|n'aurions pas) du\b")
_s("fr", "rebuild", "excuses", 2.5,
   r"\b(?:nous |je )?(?:presentons|presente|adressons|adresse|renouvelons|renouvelle)(?: \w+){0,3}? (?:nos|mes|toutes nos|toutes mes) (?:plus )?(?:sinceres |profondes |humbles )?excuses\b",
   r"\bnous nous excusons\b", r"\bje m'excuse\b", r"\b(?:demand(?:ons|e)|implorons) pardon\b",
   r"\b(?:nous sommes |je suis |nous en sommes |j'en suis )?(?:sincerement |profondement |vraiment |tres |terriblement |sinceremen )?desole(?:e|s|es)?\b",
   tone="empathetic", tw=1.5)
_s("fr", "rebuild", "excuses", 2.0, r"\bnos excuses\b", r"\bpardon\b", tone="empathetic", tw=1.5)
_s("fr", "rebuild", "regret", 1.5, r"\b(?:nous )?regrett(?:ons|e) (?:profondement|sincerement|vivement)\b", r"\bnous regrettons\b",
   tone="empathetic", tw=1.0)
_s("fr", "rebuild", "indemnisation", 2.0,
   r"\bindemnis\w*", r"\bdedommag\w*", r"\brembours\w*",
   r"\bpren(?:dre|drons|ons|d|dra) en charge\b",
   r"\b(?:livraison|frais de port|reparation|remplacement|\w+) offert(?:e|s|es)?\b", r"\bgratuit(?:e|s|es|ement)?\b",
   r"\bfonds d'(?:indemnisation|aide|urgence|solidarite)\b", r"\bcellule (?:d'ecoute|psychologique|de soutien)\b",
   tone="factual", tw=0.5)
_s("fr", "rebuild", "indemnisation", 1.0, r"\baccompagnement (?:personnalise|psychologique|individuel)\b")
_s("fr", "rebuild", "mesure corrective", 1.5,
   r"\bnous (?:avons |allons |avons decide de |sommes en train de |venons de )?(?:mis a l'arret|mettons a l'arret|mettre a l'arret|arrete|arretons|arreter|ferme|fermons|fermer|suspendu|suspendons|suspendre|retire|retirons|retirer|rappele|rappelons|rappeler|remplace|remplacons|remplacer|repare|reparons|reparer|renforce|renforcons|renforcer|confie|confions|confier|deploye|deployons|deployer|lance|lancons|lancer|mis en place|mettons en place|mettre en place|revu|revoyons|revoir|inspecte|inspectons|inspecter|controle|controlons|controler)\b",
   r"\b(?:est|sont|a ete|ont ete|sera|seront|vient d'etre|viennent d'etre) (?:immediatement |temporairement |provisoirement |desormais )?(?:arrete(?:e|s|es)?|ferme(?:e|s|es)?|suspendu(?:e|s|es)?|retire(?:e|s|es)?|rappele(?:e|s|es)?|remplace(?:e|s|es)?|repare(?:e|s|es)?|renforce(?:e|s|es)?|inspecte(?:e|s|es)?|controle(?:e|s|es)?|deploye(?:e|s|es)?|mis(?:e|es)? (?:a l'arret|en place|hors service))\b",
   r"\bplan d'action\b", r"\bplan de (?:prevention|remediation|correction)\b",
   r"\b(?:auditeur|expert|enquete|audit|expertise|inspection)s? independant(?:e|s|es)?\b", r"\b(?:auditeur|expert|audit)s? externes?\b",
   r"\b(?:a titre preventif|par precaution|par mesure de precaution)\b",
   tone="factual", tw=0.5)
# ---- French: deny
_s("fr", "deny", "démenti", 2.5,
   r"\b(?:nous )?(?:dementons|dement|contestons|refutons|rejetons|nions)(?: (?:formellement|categoriquement|fermement|totalement|vigoureusement))?\b",
   tone="defensive", tw=1.0)
_s("fr", "deny", "pas responsable", 2.5,
   r"\b(?:ce |cela )?n'est (?:en rien |absolument |nullement )?pas (?:de )?(?:notre|ma|la) (?:faute|responsabilite)\b",
   r"\bne sommes (?:en rien |absolument |nullement )?pas (?:responsables?|en cause|fautifs)\b",
   r"\bn'(?:y )?(?:est|sommes|sont) pour rien\b", r"\bn'avons (?:aucune|pas de) responsabilite\b", r"\baucune responsabilite\b",
   tone="defensive", tw=1.0)
_s("fr", "deny", "fausse information", 2.0,
   r"\bc'est (?:totalement |completement |absolument |entierement |tout simplement )?(?:faux|inexact|archifaux|un mensonge|une rumeur)\b",
   r"\b(?:est|sont) (?:totalement |completement |absolument |entierement )?(?:faux|fausses?|inexacte?s?|erronee?s?|mensongere?s?|infondee?s?)\b",
   r"\b(?:information|nouvelle|rumeur|affirmation|allegation)s? (?:fausse|erronee|mensongere|infondee)s?\b",
   r"\bfake news\b", r"\binfox\b", r"\bdesinformation\b", r"\bmensonges?\b", r"\bfausses? (?:informations?|rumeurs?|nouvelles?|allegations?)\b",
   r"\bcontrairement (?:aux|a ce|a certaines|a des|a la)\b",
   tone="defensive", tw=0.5)
_s("fr", "deny", "déni de faute", 2.0,
   r"\bn'(?:est|etait) (?:absolument |tout simplement )?pas vrai\b", r"\b(?:rien|nothing) a (?:nous )?reprocher\b",
   r"\baucune faute\b", r"\b(?:est|sont) (?:parfaitement|totalement|entierement) (?:sure?s?|sains?|saines?)\b",
   tone="defensive", tw=1.0)
_s("fr", "deny", "attaque de l'accusateur", 1.5,
   r"\bpretendu(?:e|s|es)?\b", r"\bsoi-disant\b",
   r"\bporter(?:ons|a|ont|ai)? plainte\b", r"\bpoursuites? judiciaires?\b", r"\bpoursuivrons\b",
   r"\bsans (?:aucun )?fondement\b", r"\bcalomni\w*", r"\bdiffamat\w*",
   r"\blicencie(?:e)? pour (?:faute|\w+)\b",
   tone="defensive", tw=1.5)
_s("fr", "deny", "bouc émissaire", 1.5,
   r"\b(?:fournisseur|sous-traitant|prestataire|gestionnaire|transporteur|conducteur|concessionnaire)s?\b",
   tone="defensive", tw=1.0)
_s("fr", "deny", "bouc émissaire", 1.0, r"\b(?:provient|provenait|proviennent) d(?:e|u|es)\b", tone="defensive", tw=0.5)
_s("fr", "deny", "démenti factuel", 1.5,
   r"\bn'(?:a|ont) jamais (?:tenu|dit|prononce|fait|ecrit|publie|declare|eu lieu|existe|deverse|rejete)\b",
   r"\b(?:monte(?:e|s|es)? de toutes pieces|truquee?s?|falsifiee?s?|un montage)\b",
   r"\bn'(?:a|ont) pas (?:explose|eu lieu|brule|fui|pris feu)\b",
   r"\baucun(?:e)? (?:de nos \w+|\w+ \w+|\w+) n'(?:a|est|ont) (?:ete )?(?:touche|concerne|affecte|mis en vente|vendu|commercialise|contamine)e?s?\b",
   tone="defensive", tw=0.5)
_s("fr", "deny", "démenti factuel", 1.0, r"^\s*non\s*[,!.]", tone="defensive", tw=0.5)
# ---- French: diminish
_s("fr", "diminish", "fausse excuse", 3.0,
   r"\bdesole(?:e|s|es)? (?:si|que|pour ceux qui)\b",
   r"\b(?:nous )?regrett(?:ons|e) (?:que|si) (?:certain|des|vous|quelque|d'aucun|ceux)\w*",
   r"\b(?:excuses?|excusez|excuser) (?:\w+ ){0,2}pour (?:la gene|le desagrement|les desagrements|tout desagrement|toute gene)\b",
   r"\bsi (?:certains|quelqu'un|vous) (?:ont|a|avez|se sont|s'est) (?:pu )?(?:etre |se sentir |vous sentir )?(?:choques|blesses|offenses|heurtes|vexes)\b",
   tone="defensive", tw=1.5)
_s("fr", "diminish", "excuse", 1.5,
   r"\b(?:conditions?|circonstances?|evenements?|intemperies?|afflux|affluence|demande|phenomenes?)s? (?:\w+ )?(?:exceptionnel(?:le)?s?|extremes?|inedit\w*|imprevisibles?|hors norme\w*)\b",
   r"\b(?:personne|nul) ne (?:pouvait|pourrait|aurait pu) (?:le )?(?:prevoir|anticiper|imaginer)\b",
   r"\bn(?:e |')(?:pouvions|pouvait|pouvaient|aurions pu|aurait pu) pas (?:\w+ )?(?:prevoir|anticiper|eviter|detecter)\b",
   r"\bimprevisible\w*", r"\bindependante? de notre volonte\b", r"\bhors de notre controle\b", r"\bforce majeure\b",
   r"\bc'etait (?:juste |simplement |seulement )?(?:une blague|de l'humour|pour rire|une plaisanterie)\b",
   r"\brelev(?:aient|ait|e) de l'humour\b", r"\bpas (?:notre|son|mon|leur) intention\b", r"\bn'a jamais voulu\b",
   r"\bne visai(?:t|ent) personne\b", r"\bsans (?:mauvaise |aucune )?intention\b", r"\bmaladroite?s?\b", r"\bmaladresse\b",
   tone="defensive", tw=1.0)
_s("fr", "diminish", "justification", 1.5,
   r"\bsorti(?:e|s|es)? de (?:leur|son) contexte\b",
   r"\b(?:procedures?|protocoles?|regles|normes|consignes) (?:\w+ )?(?:ont ete|a ete|ont bien ete|etaient|sont) (?:\w+ )?(?:respectee?s?|appliquee?s?|suivie?s?)\b",
   r"\b(?:oui|certes|effectivement),? [^.!?]{0,100}?,? mais\b",
   r"\b(?:devaient|devions|fallait|a fallu|avons du) d'abord\b", r"\bprioriser\b",
   tone="defensive", tw=1.0)
_s("fr", "diminish", "minimisation", 1.5,
   r"\bpersonne n'a ete (?:blesse|touche|intoxique|hospitalise)e?s?\b", r"\baucun(?:e)? (?:blesse|victime|mort)s?\b",
   r"\bpas de (?:blesse|victime)s?\b", r"\b(?:sans|aucun) (?:aucun )?(?:risque|danger)\b",
   r"\baucune donnee (?:\w+ )?n'a ete (?:derobee|volee|consultee|compromise)\b",
   tone="factual", tw=0.5)
_s("fr", "diminish", "minimisation", 1.0,
   r"\b(?:seul(?:e|s|es)?|seulement|uniquement) (?:un |une |quelques |\d+ )",
   r"\b(?:limite|limitee|limites|limitees|restreint|minime|mineur|mineure|ponctuel|ponctuelle|isole|isolee|temporaire|temporairement|passager)\b",
   r"\bmaitrisee?s?\b", r"\bsous controle\b", r"\b(?:revenue?s?|retour) a la normale\b", r"\breprend(?:ra)? normalement\b",
   r"\ben moins de (?:\w+ ){0,2}(?:minutes|heures)\b", r"\b(?:operation de )?routine\b",
   tone="factual", tw=0.5)
_s("fr", "diminish", "information seule", 0.75,
   r"\b(?:sont|est) sur place\b", r"\bprochain point\b", r"\bsont invitee?s a\b", r"\bnous avons connaissance\b",
   r"\bfaisons le point\b", r"\breviendrons vers vous\b", r"\bvous tiendrons informes\b", r"\bplus d'informations\b",
   r"\brester (?:chez eux|confines|a l'abri)\b", tone="factual", tw=0.5)
# ---- French: bolster
_s("fr", "bolster", "victimisation", 2.5,
   r"\bnous (?:sommes|avons ete) (?:nous aussi |aussi |egalement |nous-memes |les premieres |les premiers )*(?:victimes?|cibles?|vises)\b",
   r"\b(?:menee|perpetree)s? par des (?:criminels|pirates|hackers)\b", tone="defensive", tw=1.0)
_s("fr", "bolster", "rappel du passé", 1.5,
   r"\bdepuis (?:(?:plus de |pres de |bientot )?\d+ ans|(?:19|20)\d\d|des (?:decennies|generations))\b",
   r"\bfait vivre\b", r"\bfinanc(?:e|ons|ent)\b", r"\b(?:avons )?investi\b",
   r"\brecompense\w*", r"\bdistingue\w*", r"\blabellis\w*", r"\bl'une? des plus (?:sur|sure|sures|surs|fiables|anciens)\b",
   r"\bemployeur\b", tone="factual", tw=0.5)
_s("fr", "bolster", "flatterie", 1.5,
   r"\bmerci\b", r"\bremercions\b", r"\bremercier\b", r"\bsalu(?:er|ons)\b", r"\brend(?:re|ons) hommage\b",
   r"\bfidel(?:ite|es?)\b", r"\bgrace a vous\b", r"\bfiers? de\b", r"\bl'esprit de notre entreprise\b",
   tone="empathetic", tw=1.0)
_s("fr", "bolster", "flatterie", 1.0,
   r"\b(?:courage|devouement|engagement|mobilisation|solidarite|soutien)\b", r"\bjour et nuit\b",
   tone="empathetic", tw=0.5)
_s("fr", None, "n'excuse rien", 0.0, r"\bn'excuse rien\b|\bpas d'excuse\b")

# ---- tone lexicon
_HUMOUR_EMOJI = "😂🤣😅😄😆😁😀😃😜😝😛😉🙃🙈🤪🤭😎🤷🤦😬😏😴🤡"
_WARM_EMOJI = "❤💙💚💛🧡💜🙏💔🤝😢😔🫶"
_t(_ANY, "humorous", "emoji", 3.0, f"[{_HUMOUR_EMOJI}]")
_t(_ANY, "empathetic", "emoji", 1.5, f"[{_WARM_EMOJI}]")
_t("en", "humorous", "playful wording", 1.5, r"\b(?:lol|haha+|oops|whoops|folks|didn't go (?:quite )?as planned|take a deep breath)\b")
_t("fr", "humorous", "ton badin", 1.5, r"\b(?:mdr|lol|haha+|oups|on se calme|rate notre coup|fait des caprices|hein)\b")
_t("en", "empathetic", "empathy", 1.5,
   r"\b(?:we|i) (?:fully |completely )?understand\b", r"\b(?:our|my) (?:thoughts|hearts)\b", r"\bhearts go out\b")
_t("en", "empathetic", "concern for people", 1.0,
   r"\b(?:worr(?:y|ied|ies)|distress|anxiety|fear|pain|grief)\b", r"\b(?:families|loved ones|victims)\b")
_t("fr", "empathetic", "empathie", 1.5,
   r"\b(?:nous comprenons|je comprends)\b", r"\bnos pensees\b", r"\bde tout coeur\b")
_t("fr", "empathetic", "souci des personnes", 1.0,
   r"\b(?:inquietude|inquiets?|angoisse|peur|douleur|chagrin|emotion)\b", r"\b(?:familles|proches|victimes des?)\b")
_t("en", "defensive", "defensive wording", 1.0,
   r"\b(?:completely|totally|categorically|utterly|absolutely|clearly|obviously|evidently)\b",
   r"\b(?:speculation|criminals|accusations|allegations|meet (?:every|all) standards?)\b", r"\bbut\b")
_t("fr", "defensive", "ton défensif", 1.0,
   r"\b(?:completement|totalement|categoriquement|absolument|formellement|evidemment|clairement)\b",
   r"\b(?:speculations?|criminels|accusations|allegations|respectent toutes les normes)\b", r"\bmais\b")
_t(_ANY, "factual", "figures", 0.5, r"\b\d+(?:[.,:h]\d+)?\b")
_t("en", "factual", "evidence", 0.75,
   r"\b(?:tests?|analys[ie]s|readings|measurements|levels|authority|inspectors?|laborator(?:y|ies)|photo|lot numbers?)\b")
_t("fr", "factual", "éléments factuels", 0.75,
   r"\b(?:analyses?|mesures|prelevements|niveaux|autorite|ars|prefecture|laboratoire|photo|numeros?|lots?)\b")

# ---- correction of a rumour
_c("en", "rebuttal",
   r"\b(?:(?:this|that|it) is|(?:these|those|the|such) (?:claims|reports|rumou?rs|allegations|stories|posts) (?:of [\w ]{1,40}? )?are|is|are) (?:completely |totally |entirely |simply |absolutely )?(?:false|untrue|not true|incorrect|baseless|unfounded|fabricated)\b",
   r"\bfake news\b", r"\b(?:mis|dis)information\b", r"\bhoax\b", r"\bdebunk\w*",
   r"\bfalse (?:claims?|reports?|rumou?rs?|information|allegations?|stories)\b",
   r"\bcontrary to (?:what|the|recent|some|rumou?rs|reports|claims|posts)\b",
   r"\brumou?rs?\b", r"\b(?:circulating|being shared|doing the rounds)\b",
   r"\b(?:deny|refute)\w* (?:the |these |all )?(?:allegations|claims|reports|rumou?rs)\b",
   r"\bat no (?:point|time)\b", r"\b(?:has|have) been (?:edited|doctored|manipulated|faked)\b",
   r"\bno (?:risk|danger|threat) (?:to|for)\b", r"\b(?:is|remains) safe to (?:drink|eat|use|breathe)\b",
   r"\bthere (?:was|is|has been) no (?:gas leak|leak|explosion|fire|contamination)\b")
_c("fr", "démenti d'une rumeur",
   r"\bc'est (?:totalement |completement |absolument |tout simplement )?(?:faux|inexact|archifaux)\b",
   r"\b(?:est|sont) (?:totalement |completement |absolument )?(?:faux|fausses?|inexacte?s?|erronee?s?|mensongere?s?)\b",
   r"\b(?:information|nouvelle|rumeur|affirmation)s? (?:fausse|erronee|mensongere)s?\b",
   r"\bfake news\b", r"\binfox\b", r"\bdesinformation\b", r"\bcontrairement (?:aux|a ce|a certaines|a des|a la)\b",
   r"\bn'(?:est|etait) (?:absolument |tout simplement )?pas vrai\b", r"\brumeurs?\b", r"\bqui circulen?t?\b", r"\bdementons\b", r"\bdement\b",
   r"\baucun (?:risque|danger) pour\b", r"\breste (?:potable|consommable|sure?|saine?)\b",
   r"\b(?:monte(?:e|s|es)? de toutes pieces|truquee?s?|falsifiee?s?)\b",
   r"\bn'(?:a|ont) jamais (?:tenu|dit|prononce|eu lieu)\b", r"\bn'a pas (?:explose|eu lieu|brule|pris feu)\b")


class _Layer:
    """A layer's rules (strategy, tone or correction). Messages are rare and short, so
    trying each rule over the text is fast enough (well under a millisecond)."""

    def __init__(self, rules: list[_Rule]) -> None:
        self.rules = tuple(rules)

    def matches(self, norm: str) -> list[tuple[int, int, _Rule]]:
        return [(m.start(), m.end(), r) for r in self.rules for m in r.regex.finditer(norm) if m.end() > m.start()]


def _layers_for(lang: str) -> tuple[_Layer, _Layer, _Layer]:
    chosen = [r for r in _RULES if r.lang in (lang, _ANY)]
    return (_Layer([r for r in chosen if r.layer == "strategy"]),
            _Layer([r for r in chosen if r.layer == "tone"]),
            _Layer([r for r in chosen if r.layer == "correction"]))


_BY_LANG = {lg: _layers_for(lg) for lg in LANGUAGES}


# --------------------------------------------------------------------------- language
def _words(s: str) -> frozenset[str]:
    return frozenset(s.split())


_STOP = {
    "fr": _words("le la les des du une et est nous notre nos vous votre pas ne que qui pour dans sur avec par au aux ce cette ces sont ete ont il elle ils leur leurs mais ou donc car tous toutes tout tres plus depuis sera seront aucun aucune chez nos"),
    "en": _words("the and is are was were we our you your not of to in for with by at this that these those it its has have been will be from all any but or they their there what which who would should could no"),
}
_WORD = re.compile(r"[a-z]+")
_ELISION = re.compile(r"\b(?:[ldnjcsmt]|qu)'[a-z]")
_ACCENTED = re.compile(r"[éèêàùçôîâûëïœ]", re.IGNORECASE)


def detect_language(text: str) -> str:
    """"fr" or "en", from stopword counts (plus French elisions and accents). Ties: "en"."""
    return _detect(_normalise(text)[0], text)


def _detect(norm: str, text: str) -> str:
    words = _WORD.findall(norm)
    fr = sum(w in _STOP["fr"] for w in words) + len(_ELISION.findall(norm))
    en = sum(w in _STOP["en"] for w in words)
    if fr == en:
        fr += 0.5 * min(len(_ACCENTED.findall(text)), 2)
    return "fr" if fr > en else "en"


# --------------------------------------------------------------------------- classification
def _quote(text: str, index: list[int], start: int, end: int) -> str:
    if end <= start:
        return ""
    return text[index[start]: index[end - 1] + 1]


def _resolve(layer: _Layer, norm: str) -> list[tuple[int, int, _Rule]]:
    """All matches, then longest-first without overlap (ties: higher weight)."""
    found = layer.matches(norm)
    found.sort(key=lambda x: (-(x[1] - x[0]), -x[2].weight, x[0]))
    kept: list[tuple[int, int, _Rule]] = []
    for s, e, r in found:
        if all(e <= ks or s >= ke for ks, ke, _ in kept):
            kept.append((s, e, r))
    kept.sort(key=lambda x: x[0])
    return kept


def classify_message(text: str, lang: str | None = None) -> Classification:
    """Detect the SCCT strategy, the tone and whether the message corrects a rumour."""
    if not isinstance(text, str) or not text.strip():
        raise ValueError("message text is empty")
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}: expected one of {', '.join(LANGUAGES)}")
    norm, index = _normalise(text)
    if lang is None:
        lang = _detect(norm, text)
    strat_rules, tone_rules, corr_rules = _BY_LANG[lang]

    scores = dict.fromkeys(STRATEGIES, 0.0)
    tones = dict.fromkeys(TONES, 0.0)
    s_cues: dict[str, list[str]] = {k: [] for k in STRATEGIES}
    t_cues: dict[str, list[str]] = {k: [] for k in TONES}

    for s, e, r in _resolve(strat_rules, norm):
        quoted = _quote(text, index, s, e).strip()
        if r.target is not None:
            scores[r.target] += r.weight
            s_cues[r.target].append(f"{r.label}: '{quoted}'")
        if r.tone is not None and r.tone_weight:
            tones[r.tone] += r.tone_weight
            t_cues[r.tone].append(f"{r.label}: '{quoted}'")
    figures = 0.0
    for s, e, r in _resolve(tone_rules, norm):
        w = r.weight
        if r.label == "figures":  # numbers support a factual tone, up to a cap
            w = min(w, max(0.0, 1.5 - figures))
            figures += w
            if not w:
                continue
        assert r.target is not None
        tones[r.target] += w
        t_cues[r.target].append(f"{r.label}: '{_quote(text, index, s, e).strip()}'")
    corrections = [f"{r.label}: '{_quote(text, index, s, e).strip()}'" for s, e, r in _resolve(corr_rules, norm)]

    best = max(scores.values())
    if best <= 0:
        strategy = FALLBACK_STRATEGY
        strategy_cues: tuple[str, ...] = (
            f"no strategy cue found: fallback to {FALLBACK_STRATEGY} (plain information)",)
    else:
        strategy = next(k for k in STRATEGY_ORDER if scores[k] == best)
        strategy_cues = tuple(s_cues[strategy])
    tbest = max(tones.values())
    if tbest <= 0:
        tone = FALLBACK_TONE
        tone_cues: tuple[str, ...] = (f"no tone cue found: default {FALLBACK_TONE}",)
    else:
        tone = next(k for k in TONE_ORDER if tones[k] == tbest)
        tone_cues = tuple(t_cues[tone])
    if corrections:
        strategy_cues = (*strategy_cues, *(f"correction — {c}" for c in corrections))
    return Classification(
        strategy=strategy,
        tone=tone,
        lang=lang,
        correction=bool(corrections),
        strategy_cues=strategy_cues,
        tone_cues=tone_cues,
        scores={k: round(v, 3) for k, v in scores.items()},
    )


# --------------------------------------------------------------------------- evaluation
def evaluate(path: str | Path) -> dict[str, Any]:
    """Accuracy and strategy confusion ({true: {pred: count}}) on a CSV with text, lang, strategy, tone."""
    n = s_ok = t_ok = 0
    confusion: dict[str, Counter[str]] = {}
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            res = classify_message(row["text"], lang=(row.get("lang") or "").strip() or None)
            n += 1
            s_ok += res.strategy == row["strategy"].strip()
            t_ok += res.tone == row["tone"].strip()
            confusion.setdefault(row["strategy"].strip(), Counter())[res.strategy] += 1
    if n == 0:
        raise ValueError(f"{path}: no labelled messages")
    return {
        "n": n,
        "strategy_accuracy": s_ok / n,
        "tone_accuracy": t_ok / n,
        "confusion": {k: dict(v) for k, v in sorted(confusion.items())},
    }
