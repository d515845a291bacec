"""A deliberately naive crowd: one Mesa `Agent.step` per account, neighbours read in Python.

It computes the same update as `model/crowd.py` (exposure from what followees
posted last minute, relaxation, contagion, arousal, acting) the way a first ABM
would, so the benchmark can say how much the vectorised step buys.
"""

from __future__ import annotations

import math

import mesa
import numpy as np

N_EMOTIONS = 5


class NaiveAccount(mesa.Agent):
    def __init__(self, model: NaiveCrowd, index: int):
        super().__init__(model)
        self.index = index
        self.E = [float(v) for v in model.e0[index]]
        self.E0 = list(self.E)
        self.A = 0.0
        self.activity = float(model.activity[index])
        self.sus = float(model.sus[index])
        self.followees = [
            list(zip(layer.indices[layer.indptr[index] : layer.indptr[index + 1]].tolist(),
                     layer.data[layer.indptr[index] : layer.indptr[index + 1]].tolist(), strict=True))
            for layer in model.follows
        ]
        self.posted: tuple[int, float] | None = None  # (emotion, weight) last minute
        self.next_post: tuple[int, float] | None = None

    def step(self) -> None:
        m = self.model
        x = [0.0] * N_EMOTIONS
        for k, followees in enumerate(self.followees):
            for j, w in followees:
                post = m.by_index[j].posted
                if post is not None and m.platform_of[j] == k:
                    x[post[0]] += w * post[1]
        for e in range(N_EMOTIONS):
            xhat = 1.0 - math.exp(-x[e])
            push = m.contagion[e] * self.sus * xhat
            self.E[e] += (self.E0[e] - self.E[e]) / m.tau[e]
            self.E[e] += push * (1.0 - self.E[e])
            self.E[e] = min(max(self.E[e], 0.0), 1.0)
        felt = sum(1.0 - math.exp(-v) for v in x)
        self.A += -self.A / 30.0 + 0.6 * felt * (1.0 - self.A)
        p = self.activity * (1.0 + 12.0 * self.A)
        if m.random.random() < p:
            weights = [v * v for v in self.E]
            r = m.random.random() * sum(weights)
            acc, chosen = 0.0, 0
            for e, w in enumerate(weights):
                acc += w
                if acc >= r:
                    chosen = e
                    break
            self.next_post = (chosen, self.E[chosen])
            self.A *= 0.5
        else:
            self.next_post = None

    def advance(self) -> None:
        self.posted = self.next_post


class NaiveCrowd(mesa.Model):
    """The same crowd as a `CrisisModel` population, updated agent by agent."""

    def __init__(self, population, e0: np.ndarray, tau, contagion, seed: int = 0):
        super().__init__(rng=seed)
        self.follows = population.network.follows
        self.e0 = e0
        self.activity = population.activity
        self.sus = population.susceptibility
        self.tau = [float(t) for t in tau]
        self.contagion = [float(c) for c in contagion]
        presence = population.presence
        self.platform_of = [int(np.flatnonzero(row)[0]) if row.any() else 0 for row in presence]
        self.by_index = [NaiveAccount(self, i) for i in range(population.n)]
        # start with a burst of posts so there is something to read
        for a in self.by_index[: max(len(self.by_index) // 50, 1)]:
            a.posted = (2, 0.8)

    def step(self) -> None:
        self.agents.do("step")
        self.agents.do("advance")

    def items(self) -> int:
        return sum(a.posted is not None for a in self.by_index)
