"""Notable accounts: journalists, officials, bloggers, unions and the organisation.

They are crowd rows too (they feel and post like everyone), and on top of that
they follow rules of their own each minute. What they decide goes back to the
model through `model.notable_event`, which writes the item and applies the shock,
so their behaviour feeds back into the crowd.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .crowd import Account


@dataclass
class Question:
    """A journalist's question to the organisation, with a deadline."""

    id: int
    journalist: str
    topic: str
    asked_at: int
    deadline_at: int
    status: str = "open"  # open | answered | declined (a bare "no comment") | missed
    closed_at: int | None = None


class NotableAccount(Account):
    """A named persona from the scenario."""

    __slots__ = ("last_spoke", "persona")

    def __init__(self, model: Any, index: int, persona: Any):
        super().__init__(model, index)
        self.persona = persona
        self.last_spoke = -(10**9)

    @property
    def name(self) -> str:
        return self.persona.name

    def cooled_down(self, minutes: int) -> bool:
        return self.model.minute - self.last_spoke >= minutes

    def step(self) -> None:
        """Rules of this persona for the current minute (none by default)."""


class Journalist(NotableAccount):
    """Asks questions with a deadline; publishes "no answer" when it passes."""

    __slots__ = ("curiosity", "questions")

    def __init__(self, model: Any, index: int, persona: Any):
        super().__init__(model, index, persona)
        self.questions: list[Question] = []
        #: pressure (0–100) at which this journalist asks on their own: newsrooms differ
        self.curiosity = 35.0 + 45.0 * float(model.rng.random())

    def ask(self, topic: str, body: str | None = None) -> Question:
        """Ask the organisation a question (a scripted `body`, or a question written from templates)."""
        minute = self.model.minute
        q = Question(
            id=len(self.model.questions),
            journalist=self.persona.id,
            topic=topic,
            asked_at=minute,
            deadline_at=minute + self.persona.deadline_min,
        )
        self.questions.append(q)
        self.model.questions.append(q)
        self.last_spoke = minute
        self.model.notable_event(
            self, "question", emotion="fear", shock={}, reach=0.0, body=body, topic=topic,
            deadline=self.persona.deadline_min, deadline_at=q.deadline_at, question=q.id,
            announce=body is None,  # a scripted one is logged as an inject
        )
        return q

    def step(self) -> None:
        minute = self.model.minute
        if not self.questions and self.model.pressure >= self.curiosity and minute >= 10:
            self.ask(self.model.default_topic())
        for q in self.questions:
            if q.status != "open":
                continue
            if self.model.answered_since(q.asked_at) and self.model.conduct.refused_since(q.asked_at):
                q.status, q.closed_at = "declined", minute
                self.last_spoke = minute
                self.model.notable_event(self, "declined", emotion="anger",
                                         shock={"anger": 0.06, "mockery": 0.03, "approval": -0.03}, reach=0.2,
                                         topic=q.topic, question=q.id)
            elif self.model.answered_since(q.asked_at):
                q.status, q.closed_at = "answered", minute
                self.model.notable_event(self, "answered", emotion="approval", shock={"anger": -0.03}, reach=0.1,
                                         question=q.id)
            elif minute >= q.deadline_at:
                q.status, q.closed_at = "missed", minute
                self.model.conduct.missed(q.id)
                self.last_spoke = minute
                self.model.notable_event(
                    self,
                    "no_response",
                    emotion="anger",
                    shock={"anger": 0.12, "mockery": 0.06, "approval": -0.05},
                    reach=0.3,
                    topic=q.topic,
                    question=q.id,
                )


class Official(NotableAccount):
    """Speaks when anger in their constituency crosses their threshold."""

    __slots__ = ()

    def step(self) -> None:
        anger = self.model.locality_anger(self.persona.locality)
        if anger >= self.persona.threshold and self.cooled_down(60):
            self.last_spoke = self.model.minute
            hostile = self.persona.stance < 0
            shock = {"anger": 0.08, "fear": 0.04} if hostile else {"anger": -0.05, "fear": -0.06, "approval": 0.03}
            self.model.notable_event(
                self,
                "official_statement",
                emotion="anger" if hostile else "approval",
                shock=shock,
                reach=0.35,
                localities=[self.persona.locality],
            )


class UnionRep(NotableAccount):
    """Calls for action when employees' anger stays high for ten minutes."""

    __slots__ = ("high_since",)
    SUSTAIN_MIN = 10

    def __init__(self, model: Any, index: int, persona: Any):
        super().__init__(model, index, persona)
        self.high_since: int | None = None

    def step(self) -> None:
        minute = self.model.minute
        if self.model.group_anger("employee") >= self.persona.threshold:
            self.high_since = minute if self.high_since is None else self.high_since
        else:
            self.high_since = None
        if self.high_since is not None and minute - self.high_since >= self.SUSTAIN_MIN and self.cooled_down(90):
            self.last_spoke = minute
            self.model.notable_event(
                self,
                "union_call",
                emotion="anger",
                shock={"anger": 0.1, "fear": 0.03},
                reach=0.5,
                groups=["employee", "union"],
            )


class Blogger(NotableAccount):
    """Piles on when the storm is loud: mockery for its audience."""

    __slots__ = ()
    PRESSURE = 40.0

    def step(self) -> None:
        if self.model.pressure >= self.PRESSURE and self.cooled_down(45) and self.persona.stance < 0.3:
            self.last_spoke = self.model.minute
            self.model.notable_event(
                self,
                "blogger_rant",
                emotion="mockery",
                shock={"mockery": 0.08, "anger": 0.03},
                reach=0.2,
                groups=["public", "student"],
            )


class OrganisationAccount(NotableAccount):
    """Speaks only through the trainees (their messages are posted from it)."""

    __slots__ = ()


BY_GROUP: dict[str, type[NotableAccount]] = {
    "journalist": Journalist,
    "elected": Official,
    "union": UnionRep,
    "blogger": Blogger,
    "organisation": OrganisationAccount,
}


def notable_for(model: Any, index: int, persona: Any) -> NotableAccount:
    """The agent class that fits a persona's group."""
    return BY_GROUP.get(persona.group, NotableAccount)(model, index, persona)
