"""Hashtags: which tag an item carries, emergent tags, and trending by velocity.

A tag trends when its count over the last few minutes stands well above its own
recent baseline (velocity, not volume) and reaches a minimum count; it stops when
the ratio falls back, with a little hysteresis so trends do not flicker.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .scenario import Scenario
from .taxonomy import EMOTIONS, GROUPS, STYLES

#: chance that a non-reaction item carries a hashtag, by platform style
ATTACH_BY_STYLE = {"microblog": 0.35, "social": 0.12, "photo": 0.45, "professional": 0.2, "messaging": 0.03}


@dataclass
class Hashtags:
    """The tag table and its per-minute counts."""

    tags: list[str]
    affinity: np.ndarray  # (T, 5) emotion affinity × weight
    start: np.ndarray  # (T,) minute a scenario tag becomes available
    emergent_rule: list[tuple[int, int, int, float]]  # (tag, group, emotion, threshold)
    active: np.ndarray  # (T,) bool
    counts: list[np.ndarray] = field(default_factory=list)  # one (T,) array per minute
    trending: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))
    events: list[tuple[int, str, str]] = field(default_factory=list)  # (minute, tag, enter|exit)
    activated: list[tuple[int, str]] = field(default_factory=list)

    @classmethod
    def from_scenario(cls, scenario: Scenario) -> Hashtags:
        tags, aff, start, rules = [], [], [], []
        for h in scenario.hashtags:
            tags.append(h.tag)
            aff.append([h.emotions.get(e, 0.0) * h.weight for e in EMOTIONS])
            start.append(h.start)
        for h in scenario.emergent_hashtags:
            if h.tag in tags:
                continue
            rules.append((len(tags), GROUPS.index(h.group), EMOTIONS.index(h.emotion), h.threshold))
            tags.append(h.tag)
            aff.append([h.emotions.get(e, 0.0) * h.weight for e in EMOTIONS])
            start.append(10**9)
        t = len(tags)
        return cls(
            tags=tags,
            affinity=np.array(aff, dtype=np.float64).reshape(t, len(EMOTIONS)),
            start=np.array(start, dtype=np.int64),
            emergent_rule=rules,
            active=np.zeros(t, dtype=bool),
            trending=np.zeros(t, dtype=bool),
        )

    def index(self, tag: str) -> int:
        return self.tags.index(tag)

    def add(self, tag: str, emotions: dict[str, float], minute: int) -> int:
        """A tag created on the fly (a trainer's inject); returns its index."""
        if tag in self.tags:
            i = self.tags.index(tag)
        else:
            i = len(self.tags)
            self.tags.append(tag)
            row = np.array([[emotions.get(e, 0.0) for e in EMOTIONS]])
            self.affinity = np.vstack([self.affinity, row])
            self.start = np.append(self.start, minute)
            self.active = np.append(self.active, False)
            self.trending = np.append(self.trending, False)
            self.counts = [np.append(c, 0) for c in self.counts]
        self.start[i] = min(self.start[i], minute)
        return i

    def update_active(self, minute: int, group_anger: np.ndarray) -> None:
        """Scenario tags open at their start minute; emergent ones when a group gets angry enough."""
        self.active |= self.start <= minute
        for tag, group, emotion, threshold in self.emergent_rule:
            if not self.active[tag] and group_anger[group, emotion] >= threshold:
                self.active[tag] = True
                self.start[tag] = minute
                self.activated.append((minute, self.tags[tag]))

    def choose(
        self,
        emotion: np.ndarray,
        style: np.ndarray,
        kind: np.ndarray,
        rng: np.random.Generator,
        boost: float = 1.0,
        reserved: np.ndarray | None = None,
    ) -> tuple[np.ndarray, np.ndarray]:
        """Pick up to two tags per item, favouring tags whose affinity matches its emotion.

        Recent popularity adds weight (people reuse what they see trending). `reserved` items
        (journalists, officials, organisations) take no campaign tag (`campaign`): a reporter
        writes #FuiteChimex, not #BoycottChimex.
        """
        n = len(emotion)
        tag1 = np.full(n, -1, dtype=np.int16)
        tag2 = np.full(n, -1, dtype=np.int16)
        if n == 0 or not self.active.any():
            return tag1, tag2
        attach = np.array([ATTACH_BY_STYLE[s] for s in STYLES])[style] * boost
        attach[kind == 3] = 0.0  # reactions carry no tags
        u = rng.random((n, 3))
        recent = self.recent_counts(5).astype(np.float64)
        popularity = 1.0 + recent / (recent.mean() + 1.0)
        weights = self.affinity * (self.active * popularity)[:, None]  # (T, 5)
        # two tables of cumulative weights: everyone's, and the reserved voices' (no campaign tag)
        cums = np.stack([np.cumsum(weights, axis=0), np.cumsum(weights * ~self.campaign()[:, None], axis=0)])
        which = np.zeros(n, dtype=np.int64) if reserved is None else reserved.astype(np.int64)
        total = cums[:, -1]  # (2, 5)
        ok = (u[:, 0] < attach) & (total[which, emotion] > 0)
        if not ok.any():
            return tag1, tag2
        idx = np.flatnonzero(ok)
        e, w = emotion[idx], which[idx]
        target = u[idx, 1] * total[w, e]
        # per item, the first tag whose cumulative weight passes the target (its table, column e)
        tag1[idx] = (target[None, :] >= cums[w, :, e].T).sum(axis=0)
        second = idx[u[idx, 2] < 0.15]
        if len(second):
            e2, w2 = emotion[second], which[second]
            pick = ((rng.random(len(second)) * total[w2, e2])[None, :] >= cums[w2, :, e2].T).sum(axis=0)
            tag2[second] = np.where(pick != tag1[second], pick, -1)
        return tag1, tag2

    def campaign(self) -> np.ndarray:
        """Tags that take a side (T,): the emergent ones (#BoycottChimex, #MaréchalDémission) and
        those carried mostly by anger and mockery (#ChimexMent, #LaChimieDeConfiance)."""
        out = self.affinity[:, [EMOTIONS.index("anger"), EMOTIONS.index("mockery")]].sum(axis=1) > (
            0.5 * self.affinity.sum(axis=1))
        out[[tag for tag, *_ in self.emergent_rule]] = True
        return out

    def count_minute(self, tag1: np.ndarray, tag2: np.ndarray) -> np.ndarray:
        t = len(self.tags)
        tags = np.concatenate([tag1[tag1 >= 0], tag2[tag2 >= 0]]).astype(np.int64)
        counts = np.bincount(tags, minlength=t)[:t]
        self.counts.append(counts)
        return counts

    def recent_counts(self, minutes: int) -> np.ndarray:
        if not self.counts:
            return np.zeros(len(self.tags), dtype=np.int64)
        return np.sum(self.counts[-minutes:], axis=0)

    def update_trends(self, minute: int, window: int, baseline: int, ratio: float, min_count: int) -> None:
        """Velocity rule: rate over `window` minutes vs the rate over the `baseline` before it."""
        if not self.counts:
            return
        recent = self.recent_counts(window).astype(float)
        history = self.counts[-(window + baseline) : -window] if len(self.counts) > window else []
        span = max(len(history), 1)
        base_rate = (np.sum(history, axis=0) / span) if len(history) else np.zeros(len(self.tags))
        rate = recent / window
        floor = max(min_count / window / 4.0, 0.5)
        enter = (recent >= min_count) & (rate >= ratio * np.maximum(base_rate, floor))
        # hysteresis: stay while the rate holds above the baseline and some volume remains
        stay = self.trending & (recent >= min_count / 2) & (rate >= 1.1 * np.maximum(base_rate, floor))
        new = enter | stay
        for i in np.flatnonzero(new & ~self.trending):
            self.events.append((minute, self.tags[i], "enter"))
        for i in np.flatnonzero(self.trending & ~new):
            self.events.append((minute, self.tags[i], "exit"))
        self.trending = new

    def top(self, k: int = 10, minutes: int = 5) -> list[tuple[str, int, bool]]:
        """(tag, count over the last minutes, trending) by count, trending first."""
        recent = self.recent_counts(minutes)
        order = sorted(range(len(self.tags)), key=lambda i: (not self.trending[i], -recent[i], self.tags[i]))
        return [(self.tags[i], int(recent[i]), bool(self.trending[i])) for i in order[:k] if recent[i] > 0 or self.trending[i]]
