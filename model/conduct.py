"""What the crowd knows of the organisation's conduct, in one place.

Silent since when, what it said and how that was read (and corrected), what it
promised and whether it delivered, which press deadlines it missed, which facts
are established, which rumours it corrected. The response effects read it
(`model/response.py` through `CrisisModel._apply_message`); the choice of
phrases and the notable accounts can read it too (`summary()`), instead of loose
attributes on the model.

A promise (a commitment in a message, `model/commitments.py`) is

- **kept** when a later message delivers it before its time: any later message
  keeps a bare promise to say more ("update at 3 pm"); a promise to say more
  *about something* ("an update on which data was exposed by 5 pm") is kept by a
  later message that speaks of it, and a promised action ("we will refund…") by
  one that names it again — each shares one of the promise's content words
  (`_keywords`: four letters or more, compared on their first six, so that
  "refunded" names "refund" and "open" names "opens");
  a bare refusal to comment keeps nothing (`CrisisModel` does not offer it), and
  thanks or a reminder of the record (bolster) keep no promise to say more;
- **broken** when its time has passed by more than `GRACE_MIN` ("live at 11:15" answered at 11:16 is
  on time) with no such message (a promise without a time
  stays pending: it can be kept, not broken by the clock; so does a promised update
  on a subject when the organisation spoke again in time without naming it — it
  said something, and the words may only have missed a synonym).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .commitments import Commitment

#: Minutes after the onset past which a first message is late: its reasons say "first word after
#: N minutes of silence" and nobody says it spoke quickly (`Conduct.first_word_late`). Half an hour:
#: the decay time of a first message's effect (`response.assess`, exp(−delay / 30)).
LATE_AFTER_MIN = 30
#: Minutes a promise's time may pass before it is broken: a message posted a minute or two after the
#: time it promised is on time to its readers (a live answer promised at 11:15 and given at 11:16 had
#: been "broken" at 11:16 and called out for a quarter of an hour).
GRACE_MIN = 3

_WORD = re.compile(r"[a-z]{4,}")
#: Words too common in crisis statements to show that a promise was delivered (compared on their
#: first six letters, as every word here: "customer" is "customers").
_COMMON = frozenset(w[:6] for w in (
    "about", "after", "again", "their", "there", "these", "those", "which", "while", "would", "could", "should",
    "still", "other", "every", "being", "today", "tomorrow", "update", "updates", "information", "customers",
    "people", "everyone", "company", "statement", "share", "avons", "allons", "serons", "seront", "votre",
    "notre", "nouvelle", "nouveau", "toutes", "celles", "ceux", "leurs", "aujourd", "demain", "heure", "heures",
    "minutes", "point", "message", "informations", "clients", "habitants", "personnes", "entreprise",
    # four-letter words, now that they count: "data", "site", "fire", "test" do
    "with", "from", "that", "this", "have", "will", "been", "more", "what", "when", "they", "them", "your",
    "ours", "also", "each", "were", "into", "than", "then", "only", "over", "some", "such", "just", "very",
    "here", "where", "nous", "vous", "pour", "dans", "avec", "sont", "plus", "tous", "tout", "cette", "leur",
    "sera", "dont", "mais", "elle", "elles", "comme", "avant", "apres", "depuis", "chaque", "etre", "fait",
    # degree and who is concerned: "refunded in full" is not delivered by "I take full responsibility"
    "full", "fully", "entire", "entirely", "whole", "total", "totally", "complete", "completely", "members",
    "integralement", "entier", "entiere", "totalite", "totalement", "complet", "complete", "membres",
))
#: The subject of a promise to say more: what follows "an update on", "the results of", "which …"
#: (« un point sur », « les résultats des »), up to its time or the end of the clause. A promise
#: with none ("next update at 3 pm", « nous vous tiendrons informés ») is kept by any message.
_SUBJECT = re.compile(
    r"\b(?:(?:updates?|information|details|briefing|statement|more|news|answers?|report)"
    r" (?:on|about|regarding|concerning|as to|into)"
    r"|(?:results?|outcome|findings|causes?|list|names|number|extent|scope) of"
    r"|which|what|whether"
    r"|(?:point|bilan|informations?|precisions?|nouvelles|communique) (?:sur|concernant|quant aux?|relatifs? a)"
    r"|(?:resultats?|conclusions?|causes?|liste|nombre|suites?) (?:de la|de l'|des|du|de|d'))"
    r" ?(?P<subject>[^.;:!?()]*)")
#: Where a subject ends: its time or a new clause ("… by 5 pm", « … ce soir », "… and we will …").
_SUBJECT_END = re.compile(
    r"\b(?:by|at|before|after|tomorrow|tonight|today|this (?:morning|afternoon|evening|week)|within|once|as soon|when|"
    r"until|and we|a|avant|apres|demain|ce soir|ce matin|cet apres|aujourd|d'ici|des que|dans les|au plus tard|"
    r"lorsque|quand|et nous)\b|\d")
#: A promise's telling words, not its subject ("the results of", « le bilan des »): naming them
#: again does not deliver it.
_TELLING = frozenset(w[:6] for w in (
    "details", "briefing", "answers", "report", "news", "results", "outcome", "findings", "list", "names",
    "number", "extent", "scope", "bilan", "precisions", "nouvelles", "communique", "resultats",
    "conclusions", "liste", "nombre", "suites", "suite",
    # where the update will be, and subjects that name nothing ("what happened", "which data was involved")
    "website", "site", "page", "channels", "social", "media", "appli", "application", "group", "groupe",
    "happened", "affected", "involved", "impacted", "concerned", "concernes", "reception", "aurons",
))
#: When, in a promise of either kind: its time says nothing of what is promised ("by Friday").
_WHEN = frozenset(w[:6] for w in (
    "tonight", "morning", "afternoon", "evening", "midday", "noon", "hour", "hours", "within", "later", "week",
    "shortly", "month", "mois",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "soir", "matin", "midi",
    "semaine", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "jours", "prochains",
))

#: Words a delivery need not name again: common ones, the promise's time and its telling.
_NOT_DELIVERY = _COMMON | _WHEN | _TELLING


@dataclass
class Promise:
    """One commitment made in a message, and what became of it."""

    id: int
    seq: int  # the message that made it
    text: str
    when: str | None
    kind: str  # "update" | "action"
    made_at: int
    due_at: int | None
    keywords: frozenset[str]
    status: str = "pending"  # pending | kept | broken
    closed_at: int | None = None
    kept_by: int | None = None  # seq of the message that delivered it
    #: when the organisation next spoke without naming a promised update's subject: it said more, so
    #: the promise cannot be called broken by the clock, but it is not kept either (word lists miss
    #: synonyms: "which data was exposed" answered by "names and emails were in the files")
    spoke_at: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "seq": self.seq, "text": self.text, "when": self.when, "kind": self.kind,
                "made_at": self.made_at, "due_at": self.due_at, "status": self.status,
                "closed_at": self.closed_at, "kept_by": self.kept_by}


@dataclass
class Statement:
    """A message as the crowd took it: its reading (after any trainer's correction) and its calm."""

    seq: int
    t_min: int
    strategy: str
    secondary: str | None
    tone: str
    base_responses: tuple[str, ...]
    holding: bool
    calm: float
    corrected: bool = False
    contradiction: bool = False  # contradicts an earlier message or the scenario's facts (a U-turn)
    #: postures it takes in so many words (`echo.postures`): "harm_small" ("minor", "no risk"),
    #: "apology" ("we are sorry"), "victimage" ("we too are victims"), "ingratiation" ("we thank the
    #: firefighters"), "scapegoat" ("it happened at our supplier"), "threat" ("we will take legal action")
    says: frozenset[str] = frozenset()
    #: the claims it corrects are all rumours (false claims)
    only_rumours: bool = False

    @property
    def rebuts_rumour(self) -> bool:
        """It denies or shrinks only rumours: consistent with any admission before or after it."""
        return self.only_rumours and self.strategy in ("deny", "diminish")


@dataclass
class Conduct:
    """The organisation's record in this crisis, as the crowd sees it."""

    onset: int | None = None  # first minute the crowd was shocked; None while calm
    first_media: int | None = None  # first minute a journalist or media item came out
    facts_established: bool = False  # a scenario fact has confirmed the organisation's part
    thunder: bool = False  # spoke before the media did
    last_message_at: int | None = None
    last_calm: float = 0.0  # how the latest message (or broken promise) landed
    statements: list[Statement] = field(default_factory=list)
    promises: list[Promise] = field(default_factory=list)
    missed_deadlines: list[int] = field(default_factory=list)  # press question ids
    missed_at: dict[int, int] = field(default_factory=dict)  # press question id -> minute its deadline passed
    rumours_corrected: list[str] = field(default_factory=list)
    claims_confirmed: list[str] = field(default_factory=list)  # true claims a message owned (not denied)
    instructed_at: int | None = None  # first message with instructing information
    adjusted_at: int | None = None  # first message with adjusting information

    # ------------------------------------------------------------------ reading
    def silent_for(self, minute: int) -> int | None:
        """Minutes since the organisation last spoke (or since the onset); None while calm."""
        if self.last_message_at is not None:
            return minute - self.last_message_at
        return None if self.onset is None else minute - self.onset

    def answered_since(self, minute: int) -> bool:
        return self.last_message_at is not None and self.last_message_at >= minute

    def refused_since(self, minute: int) -> bool:
        """Every message since `minute` was a bare refusal ("no comment"), none a holding line: what a
        journalist then reports is that the organisation declined to comment, not that it answered."""
        since = [s for s in self.statements if s.t_min >= minute]
        return bool(since) and all(s.strategy == "no_comment" and not s.holding for s in since)

    def staff_told(self, minute: int) -> bool:
        """A message has spoken to the organisation's own staff by `minute` ("To all Brightmart
        colleagues", « À tous les salariés »): from then on, "nobody tells us anything" is false."""
        return any("to_staff" in s.says and s.t_min <= minute for s in self.statements)

    def first_word_late(self, minute: int) -> bool:
        """The organisation's first message came more than `LATE_AFTER_MIN` after the onset (and by
        `minute`): nobody then says it spoke quickly."""
        first = next((s.t_min for s in self.statements if s.t_min <= minute), None)
        return first is not None and self.onset is not None and first - self.onset > LATE_AFTER_MIN

    def story(self) -> list[str]:
        """Earlier strategies for the consistency check; a holding statement denies nothing, and a
        rebuttal of rumours ("rebuttal") denies nothing an apology owned."""
        return ["holding" if s.holding else "rebuttal" if s.rebuts_rumour else s.strategy for s in self.statements]

    def pending(self) -> list[Promise]:
        return [p for p in self.promises if p.status == "pending"]

    def summary(self, minute: int) -> dict[str, Any]:
        """Plain data for phrases, notable accounts and the report."""
        return {
            "silent_for": self.silent_for(minute),
            "messages": len(self.statements),
            "last_strategy": self.statements[-1].strategy if self.statements else None,
            "promises": {s: sum(p.status == s for p in self.promises) for s in ("pending", "kept", "broken")},
            "missed_deadlines": len(self.missed_deadlines),
            "facts_established": self.facts_established,
            "rumours_corrected": list(self.rumours_corrected),
            "claims_confirmed": list(self.claims_confirmed),
            "instructed": self.instructed_at is not None,
            "adjusted": self.adjusted_at is not None,
        }

    # ------------------------------------------------------------------ updating
    def said(self, statement: Statement, commitments: tuple[Commitment, ...] | list[Commitment],
             corrected_claims: list[str], confirmed_claims: Sequence[str] = ()) -> list[Promise]:
        """Record a message, the rumours it corrected, the true claims it owned and its promises;
        returns the new promises."""
        self.statements.append(statement)
        self.last_message_at = statement.t_min
        self.last_calm = statement.calm
        self._note_base(statement)
        for claim in corrected_claims:
            if claim not in self.rumours_corrected:
                self.rumours_corrected.append(claim)
        for claim in confirmed_claims:
            if claim not in self.claims_confirmed:
                self.claims_confirmed.append(claim)
        made = []
        for c in commitments:
            due = None if c.due_min is None else statement.t_min + max(int(c.due_min), 1)
            p = Promise(id=len(self.promises), seq=statement.seq, text=c.text, when=c.when, kind=c.kind,
                        made_at=statement.t_min, due_at=due, keywords=_keywords(c.text, c.kind))
            self.promises.append(p)
            made.append(p)
        return made

    def delivered_by(self, text_norm: str, minute: int, seq: int, informs: bool = True,
                     reports: bool = True) -> list[Promise]:
        """Promises a new message keeps (call before `said`, so a message does not keep its own).
        `informs`: whether it speaks of the crisis at all; thanks or a reminder of the record
        (bolster) neither is the promised update nor stands in for it. `reports`: whether it says
        something was done (`news`); a promised action is kept by its doing, not by being promised
        again ("every member will be refunded" restated keeps nothing). A bare promise to say more at
        a time ("we will brief you at 2 pm") is kept by a message near that time (`_near`), not by
        any message hours before it, which leaves it pending."""
        words = {w[:6] for w in _WORD.findall(text_norm)}
        kept = []
        for p in self.pending():
            if ((p.due_at is not None and minute > p.due_at + GRACE_MIN) or (p.kind == "update" and not informs)
                    or (p.kind == "action" and not reports)):
                continue
            if p.kind == "update" and not p.keywords and not _near(p, minute):
                continue
            if (p.kind == "update" and not p.keywords) or _named(p.keywords, words):
                p.status, p.closed_at, p.kept_by = "kept", minute, seq
                kept.append(p)
            elif p.kind == "update" and p.spoke_at is None:
                p.spoke_at = minute
        return kept

    def fall_due(self, minute: int) -> list[Promise]:
        """Promises whose time (and `GRACE_MIN`) has passed at the start of `minute`: now broken."""
        broken = []
        for p in self.pending():
            if p.due_at is not None and minute > p.due_at + GRACE_MIN and p.spoke_at is None:
                p.status, p.closed_at = "broken", minute
                broken.append(p)
        return broken

    def corrected(self, seq: int, strategy: str, secondary: str | None, tone: str,
                  base_responses: tuple[str, ...], holding: bool, calm: float,
                  contradiction: bool | None = None) -> None:
        """A trainer's correction: the message now counts as read this way."""
        for i, s in enumerate(self.statements):
            if s.seq == seq:
                self.statements[i] = Statement(seq, s.t_min, strategy, secondary, tone, base_responses, holding,
                                               calm, corrected=True,
                                               contradiction=s.contradiction if contradiction is None else contradiction,
                                               says=s.says, only_rumours=s.only_rumours)
                self._note_base(self.statements[i])
                if i == len(self.statements) - 1:
                    self.last_calm = calm
                return

    def missed(self, question_id: int, minute: int | None = None) -> None:
        """A journalist's deadline passed unanswered (`minute`: when; the model stamps it if not given)."""
        self.missed_deadlines.append(question_id)
        if minute is not None:
            self.missed_at[question_id] = minute

    def stamp_missed(self, minute: int) -> None:
        """Date the deadlines recorded without a minute (notable accounts report them mid-step)."""
        for q in self.missed_deadlines:
            self.missed_at.setdefault(q, minute)

    def _note_base(self, s: Statement) -> None:
        if "instructing" in s.base_responses and self.instructed_at is None:
            self.instructed_at = s.t_min
        if "adjusting" in s.base_responses and self.adjusted_at is None:
            self.adjusted_at = s.t_min


def _keywords(text: str, kind: str = "action") -> frozenset[str]:
    """What a later message must name to deliver a promise: its content words, cut to six letters;
    for a promise to say more, only its subject (none: any later message says more)."""
    from .classify import _normalise

    norm = _normalise(text)[0]
    if kind == "update":
        m = _SUBJECT.search(norm)
        norm = "" if m is None else m.group(0)[:m.start("subject") - m.start()] + _until_end(m.group("subject"))
    return frozenset(k for k in (w[:6] for w in _WORD.findall(norm)) if k not in _NOT_DELIVERY)


#: How early a message may deliver a bare promise to say more: the last half of its wait, and at
#: least this many minutes ("update in 30 minutes" from 15 minutes on; "at 2 pm", said at 11, from 12:30).
NEAR_MIN = 15


def _near(p: Promise, minute: int) -> bool:
    """Whether a message at `minute` is the update a bare promise announced (no time: any later one)."""
    if p.due_at is None:
        return True
    return minute >= p.due_at - max(NEAR_MIN, (p.due_at - p.made_at) / 2)


def _until_end(subject: str) -> str:
    end = _SUBJECT_END.search(subject)
    return subject if end is None else subject[:end.start()]


def _named(keywords: frozenset[str], words: set[str]) -> bool:
    """Whether a message's words (cut to six letters) name one of a promise's keywords: the same
    six letters, or a short word that begins the other ("open" and "opens", "cause" and "caused")."""
    return bool(keywords & words) or any(
        (len(k) < 6 or len(w) < 6) and (k.startswith(w) or w.startswith(k))
        for k in keywords for w in words if min(len(k), len(w)) >= 4)


def broken_promise_text(lang: str, organisation: str, promise: str, when: str | None) -> str:
    """What a journalist writes when a promise's time has passed."""
    promise = promise.strip().rstrip(".")
    if when and when.lower() in promise.lower():
        when = None  # "update at 3 pm" already says when
    if lang == "fr":
        return f"{organisation} avait promis : « {promise} »{f' ({when})' if when else ''}. Toujours rien."
    return f'{organisation} promised: "{promise}"{f" ({when})" if when else ""}. Still nothing.'
