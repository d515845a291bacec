"""Mass accounts: light Mesa agents whose state lives in the model's arrays.

The crowd moves as a whole in `CrisisModel.step` (numpy); these objects exist so
that `model.agents`, `AgentSet.select` and `groupby` work as Mesa users expect.
Reading an attribute reads the arrays, so it is always current.
"""

from __future__ import annotations

import mesa

EMOTION_COLUMNS = ("approval", "fear", "anger", "mockery", "sadness")


class Account(mesa.Agent):
    """One account of the crowd; `index` is its row in every array."""

    __slots__ = ("index",)

    def __init__(self, model: mesa.Model, index: int):
        super().__init__(model)
        self.index = index

    @property
    def group(self) -> str:
        return self.model.group_name(self.index)

    @property
    def stance(self) -> float:
        return float(self.model.population.stance[self.index])

    @property
    def emotions(self) -> dict[str, float]:
        row = self.model.crowd.E[:, self.index]
        return {name: float(v) for name, v in zip(EMOTION_COLUMNS, row, strict=True)}

    @property
    def arousal(self) -> float:
        return float(self.model.crowd.A[self.index])

    @property
    def fatigue(self) -> float:
        """How tired of the crisis the account is (0–1): it dulls what it reads and how much it acts."""
        return float(self.model.crowd.F[self.index])

    @property
    def heard(self) -> bool:
        """Whether the account has heard of the crisis; until it has, it says nothing about it."""
        return bool(self.model.crowd.heard[self.index])

    @property
    def followers(self) -> int:
        return int(self.model.population.followers[self.index])

    @property
    def platforms(self) -> list[str]:
        present = self.model.population.presence[self.index]
        return [name for name, on in zip(self.model.platform_names, present, strict=True) if on]

    def dominant_emotion(self) -> str:
        row = self.model.crowd.E[:, self.index]
        return EMOTION_COLUMNS[int(row.argmax())]


class MassAccount(Account):
    """A member of the public, a student, an employee…: no behaviour of its own beyond the crowd update."""

    __slots__ = ()
