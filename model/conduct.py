"""What the crowd knows of the organisation's conduct, in one place.

Silent since when, what it said and how that was read (and corrected), what it
promised and whether it delivered, which press deadlines it missed, which facts
are established, which rumours it corrected. The response effects read it
(`model/response.py` through `CrisisModel._apply_message`); the choice of
phrases and the notable accounts can read it too (`summary()`), instead of loose
attributes on the model.

A promise (a commitment in a message, `model/commitments.py`) is

- **kept** when a later message delivers it before its time: any later message
  keeps a promise to say more ("update at 3 pm"); a promised action ("we will
  refund…") is kept by a later message that names it again (shares one of its
  content words of five letters or more);
- **broken** when its time passes with no such message (a promise without a time
  stays pending: it can be kept, not broken by the clock).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .commitments import Commitment

_WORD = re.compile(r"[a-z]{5,}")
#: Words too common in crisis statements to show that a promise was delivered.
_COMMON = frozenset(
    ["about", "after", "again", "their", "there", "these", "those", "which", "while", "would", "could", "should", "still", "other", "every", "being", "today", "tomorrow", "update", "updates", "information", "customers", "people", "everyone", "company", "statement", "share", "avons", "allons", "serons", "seront", "votre", "notre", "nouvelle", "nouveau", "toutes", "celles", "ceux", "leurs", "aujourd", "demain", "heure", "heures", "minutes", "point", "message", "informations", "clients", "habitants", "personnes", "entreprise"]
)


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

    def story(self) -> list[str]:
        """Earlier strategies for the consistency check; a holding statement denies nothing."""
        return ["holding" if s.holding else s.strategy for s in self.statements]

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
                        made_at=statement.t_min, due_at=due, keywords=_keywords(c.text))
            self.promises.append(p)
            made.append(p)
        return made

    def delivered_by(self, text_norm: str, minute: int, seq: int) -> list[Promise]:
        """Promises a new message keeps (call before `said`, so a message does not keep its own)."""
        words = set(_WORD.findall(text_norm))
        kept = []
        for p in self.pending():
            if p.due_at is not None and minute > p.due_at:
                continue
            if p.kind == "update" or (p.keywords & words):
                p.status, p.closed_at, p.kept_by = "kept", minute, seq
                kept.append(p)
        return kept

    def fall_due(self, minute: int) -> list[Promise]:
        """Promises whose time has passed at the start of `minute`: now broken."""
        broken = []
        for p in self.pending():
            if p.due_at is not None and minute > p.due_at:
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
                                               says=s.says)
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


def _keywords(text: str) -> frozenset[str]:
    from .classify import _normalise

    return frozenset(w for w in _WORD.findall(_normalise(text)[0]) if w not in _COMMON)


def broken_promise_text(lang: str, organisation: str, promise: str, when: str | None) -> str:
    """What a journalist writes when a promise's time has passed."""
    promise = promise.strip().rstrip(".")
    if when and when.lower() in promise.lower():
        when = None  # "update at 3 pm" already says when
    if lang == "fr":
        return f"{organisation} avait promis : « {promise} »{f' ({when})' if when else ''}. Toujours rien."
    return f'{organisation} promised: "{promise}"{f" ({when})" if when else ""}. Still nothing.'
