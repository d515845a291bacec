"""The crowd's state and its update: the hot loop of Uproar, in one place.

`E[e, i]` is account i's intensity of emotion e (emotion-major, so each emotion
is one contiguous row), `A[i]` its arousal. One call to `Crowd.step` moves every
account at once with numpy. Exposure follows only the edges of the accounts that
published in the last minute (a few percent of the crowd), and contagion is
computed only for the accounts that read something; everyone else just relaxes.

Attention is what makes a storm burst and fade. Arousal `A[i]` relaxes at a rate
of the account's own, drawn from a Gamma law: a crowd whose members forget at
different speeds forgets, as a whole, like a power law (a mixture of exponentials),
the heavy-tailed memory Crane & Sornette (2008) measured. Fatigue `F[i]` grows as
an account reads and writes about the crisis and fades slowly; it dulls what
reading does to arousal and how much arousal and feeling make it act, so the same
grievance draws less each time. News (an inject) wakes the tired: a direct shock
takes fatigue down in proportion to its arousal.
"""

from __future__ import annotations

import numpy as np

from .population import Population
from .scenario import Parameters
from .taxonomy import EMOTIONS, GROUPS

N_EMOTIONS = len(EMOTIONS)
#: how much each kind of item moves its readers (a reaction is barely read)
KIND_WEIGHT = np.array([1.0, 0.8, 0.6, 0.15, 1.0], dtype=np.float32)
#: what reading one emotion does to the others: approval read lowers anger a
#: little; negative content erodes approval and feeds the neighbouring emotions
CROSS = np.array(
    [
        # read: approval fear anger mockery sadness   (felt: row)
        [1.0, -0.25, -0.35, -0.3, -0.1],  # approval
        [0.0, 1.0, 0.15, 0.0, 0.1],  # fear
        [-0.15, 0.1, 1.0, 0.15, 0.05],  # anger
        [0.0, 0.0, 0.15, 1.0, 0.0],  # mockery
        [0.0, 0.1, 0.05, 0.0, 1.0],  # sadness
    ],
    dtype=np.float32,
)
#: strong negative feeling above rest multiplies the pull of arousal on acting
FEELING_GAIN = np.float32(4.0)


class Crowd:
    """Emotions and arousal of every account, with the vectorised update."""

    def __init__(self, pop: Population, params: Parameters, e0: np.ndarray, rng: np.random.Generator):
        self.pop = pop
        self.E0 = np.ascontiguousarray(e0.T, dtype=np.float32)  # (5, n)
        self.E = self.E0.copy()
        self.A = np.zeros(pop.n, dtype=np.float32)
        self.F = np.zeros(pop.n, dtype=np.float32)
        # who has heard of the crisis: an inject or a message reached them, or they read an item
        # about it. Nobody talks about news they have not heard (`act_probability`).
        self.heard = np.zeros(pop.n, dtype=bool)
        tau = np.array([params.tau_min[e] for e in EMOTIONS], dtype=np.float32)
        self.decay = (1.0 / tau)[:, None]
        self.contagion = np.array([params.contagion[e] for e in EMOTIONS], dtype=np.float32)
        self.tau = tau
        self.arousal_keep = attention_keep(pop.n, params.arousal_tau_min, params.attention_shape, rng)
        self.fatigue_keep = np.float32(np.exp(-1.0 / params.fatigue_tau_min))
        self.fatigue_gain = np.float32(params.fatigue_gain)
        self.arousal_gain = np.float32(params.arousal_gain)
        self.arousal_drop = np.float32(params.arousal_drop)
        self.act_gain = np.float32(params.act_gain)
        self.rate_sus = self.contagion[:, None] * pop.susceptibility[None, :]  # (5, n)
        self.rest_negative = self.E0[1:].max(axis=0)
        self._followers = pop.network.followers
        self._cut = False
        self._groups = _group_index(pop.group)
        self._buf = np.empty_like(self.E)  # scratch for the relaxation: no (5, n) allocation a minute

    # ------------------------------------------------------------------ exposure
    def exposure(
        self,
        author: np.ndarray,
        platform: np.ndarray,
        emotion: np.ndarray,
        weight: np.ndarray,
        reach: np.ndarray,
    ) -> tuple[np.ndarray, np.ndarray]:
        """What each account read last minute, pushed along the authors' follower lists.

        Returns the readers (sorted indices) and their exposure X (5, readers).
        """
        parts_r, parts_e, parts_f = [], [], []
        if not self._cut:
            for k, layer in enumerate(self._followers):
                sel = platform == k
                if not sel.any():
                    continue
                a = author[sel]
                starts = layer.indptr[a]
                lens = layer.indptr[a + 1] - starts
                total = int(lens.sum())
                if total == 0:
                    continue
                # positions of every follower edge of these authors, without a Python loop
                offsets = np.repeat(starts - np.cumsum(lens) + lens, lens) + np.arange(total)
                parts_r.append(layer.indices[offsets].astype(np.int64))
                parts_e.append(np.repeat(emotion[sel].astype(np.int64), lens))
                parts_f.append(layer.data[offsets] * np.repeat(weight[sel] * reach[k], lens))
        if not parts_r:
            return np.empty(0, dtype=np.int64), np.empty((N_EMOTIONS, 0), dtype=np.float32)
        # sum per (emotion, reader) over the readers only: no (5, n) scratch array a minute
        readers, slot = np.unique(np.concatenate(parts_r), return_inverse=True)
        flat = np.concatenate(parts_e) * len(readers) + slot
        x = np.bincount(flat, np.concatenate(parts_f), minlength=N_EMOTIONS * len(readers))
        return readers, x.reshape(N_EMOTIONS, len(readers)).astype(np.float32)

    def cut_edges(self) -> None:
        """Remove contagion through the graph (direct shocks still land)."""
        self._cut = True

    # ------------------------------------------------------------------ update
    def step(self, readers: np.ndarray, x: np.ndarray, drive: np.ndarray | None = None) -> None:
        """dE = −(E − E0)/τ + c · s · X̂ (saturating); arousal rises with what was read, dulled by fatigue."""
        E, buf = self.E, self._buf
        np.subtract(E, self.E0, out=buf)
        buf *= self.decay
        E -= buf  # relaxation: everyone
        self.A *= self.arousal_keep
        self.F *= self.fatigue_keep
        if drive is not None:
            for e in np.flatnonzero(drive):
                E[e] += drive[e] * self.pop.susceptibility * (1.0 - E[e])
        if len(readers) == 0:
            return
        self.heard[readers] = True
        xhat = 1.0 - np.exp(-x)  # saturating: the 20th angry post adds little
        push = (CROSS @ xhat) * self.rate_sus[:, readers]
        e = E[:, readers]
        e += push * np.where(push > 0, 1.0 - e, e)  # saturate toward 1 going up, toward 0 going down
        np.clip(e, 0.0, 1.0, out=e)
        E[:, readers] = e
        felt = xhat[1:].sum(axis=0) + 0.5 * xhat[0]
        a, f = self.A[readers], self.F[readers]
        self.A[readers] = np.minimum(a + self.arousal_gain * felt * (1.0 - f) * (1.0 - a), 1.0)
        self.F[readers] = f + self.fatigue_gain * np.minimum(felt, 1.0) * (1.0 - f)

    def shock(
        self, mask: np.ndarray, delta: np.ndarray, arousal: float, scale: np.ndarray | None = None, novel: bool = True
    ) -> None:
        """A direct emotion shock (inject, message) on the accounts in `mask`.

        News (`novel`) lands in full and wakes the tired: fatigue falls in proportion to
        its arousal. The same story told again is dulled by fatigue like any chatter.
        """
        idx = np.flatnonzero(mask)
        if len(idx) == 0:
            return
        self.heard[idx] = True
        gain = self.pop.susceptibility[idx] if scale is None else self.pop.susceptibility[idx] * scale[idx]
        f = self.F[idx]
        if not novel:
            gain = gain * (1.0 - f)
        d = delta.astype(np.float32)[:, None] * gain[None, :]
        e = self.E[:, idx]
        e += np.where(d > 0, d * (1.0 - e), d * e)
        self.E[:, idx] = np.clip(e, 0.0, 1.0)
        a = self.A[idx]
        lift = np.float32(arousal) if novel else np.float32(arousal) * (1.0 - f)
        self.A[idx] = np.clip(a + lift * (1.0 - a), 0.0, 1.0)
        if novel:
            self.F[idx] = f * np.float32(1.0 - min(max(arousal, 0.0), 1.0))

    # ------------------------------------------------------------------ acting
    def act_probability(self, intensity: float) -> np.ndarray:
        """Chance to act this minute: the activity rate, raised by arousal — the more so
        under strong negative feeling — as far as fatigue lets it.

        Feeling acts through arousal: an account still angry but no longer attentive
        posts at its resting rate, so volume follows attention, not the slower mood. An account
        that has not heard of the crisis says nothing about it: the storm's first minutes are the
        news spreading.
        """
        E = self.E
        drive = np.maximum(np.maximum(E[1], E[2]), np.maximum(E[3], E[4]))
        drive -= self.rest_negative
        np.maximum(drive, 0.0, out=drive)
        drive *= FEELING_GAIN
        drive += 1.0
        drive *= self.A
        drive *= self.act_gain
        drive *= 1.0 - self.F
        drive += 1.0
        drive *= self.pop.activity
        drive *= np.float32(intensity)
        drive *= self.heard
        return drive

    def express(self, actors: np.ndarray, u: np.ndarray) -> np.ndarray:
        """The emotion each actor expresses, sampled from its feelings (sharpened, excess weighted)."""
        e = self.E[:, actors]
        mix = np.square(e) + 0.25 * np.maximum(e - self.E0[:, actors], 0.0)
        cum = np.cumsum(mix, axis=0)
        return (cum < (u * cum[-1])[None, :]).sum(axis=0).clip(0, N_EMOTIONS - 1).astype(np.int8)

    def calm_down(self, actors: np.ndarray) -> None:
        """Posting vents: arousal falls after acting (Garcia et al. 2016), and tires of the topic."""
        self.A[actors] *= 1.0 - self.arousal_drop
        f = self.F[actors]
        self.F[actors] = f + self.fatigue_gain * (1.0 - f)

    def group_means(self) -> np.ndarray:
        """(groups, 5) mean emotion per group: contiguous blocks, so a few slices, no scatter."""
        out = np.zeros((len(GROUPS), N_EMOTIONS))
        for g, (blocks, size) in self._groups.items():
            total = sum(self.E[:, a:b].sum(axis=1, dtype=np.float64) for a, b in blocks)
            out[g] = total / size
        return out


def attention_keep(n: int, tau_min: float, shape: float, rng: np.random.Generator) -> np.ndarray:
    """Per-account arousal kept from one minute to the next, exp(−λ_i).

    λ_i ~ Gamma(shape, mean 1/τ): after a shock the crowd's mean arousal falls as
    E[exp(−λt)] = (1 + t/(shape·τ))^−shape, a power law with exponent `shape`
    (1 + θ, θ ≈ 0.4, for the bare memory of Crane & Sornette 2008).
    """
    rate = rng.gamma(shape, 1.0 / (shape * tau_min), n)
    return np.exp(-rate).astype(np.float32)


def _group_index(group: np.ndarray) -> dict[int, tuple[list[tuple[int, int]], int]]:
    """Contiguous runs of each group (mass accounts are laid out by group)."""
    change = np.flatnonzero(np.diff(group)) + 1
    starts = np.concatenate([[0], change])
    stops = np.concatenate([change, [len(group)]])
    runs: dict[int, tuple[list[tuple[int, int]], int]] = {}
    for a, b in zip(starts.tolist(), stops.tolist(), strict=True):
        g = int(group[a])
        blocks, size = runs.get(g, ([], 0))
        runs[g] = ([*blocks, (a, b)], size + (b - a))
    return runs
