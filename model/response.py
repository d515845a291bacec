"""How the crowd receives a trainee message: SCCT fit, timing, consistency, tone.

`assess` is a pure function of the message and the crisis so far; it returns a
*calm* score (positive calms the crowd, negative inflames it), the extra shocks
(contradiction, backfiring humour) and the reasons in plain words, which the
report reuses for the debrief.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .taxonomy import EMOTIONS

#: Fit of each strategy with each crisis type (Coombs 2007; Ma & Zhan 2016):
#: rebuild is the expected answer when responsibility is high; denial only fits
#: when the organisation is itself a victim (a false rumour); silence reads as denial.
FIT = {
    "victim": {"deny": 0.3, "diminish": 0.3, "rebuild": 0.4, "bolster": 0.4, "no_comment": -0.2},
    "accidental": {"deny": -0.5, "diminish": 0.2, "rebuild": 0.8, "bolster": 0.1, "no_comment": -0.5},
    "preventable": {"deny": -0.9, "diminish": -0.4, "rebuild": 1.0, "bolster": -0.2, "no_comment": -0.8},
}
DENIAL = {"deny", "no_comment"}
ADMISSION = {"rebuild", "diminish"}


@dataclass(frozen=True)
class CrisisState:
    crisis_type: str
    responsibility: float
    minute: int
    onset: int | None  # first minute the crowd was shocked; None while calm
    first_media: int | None  # first minute a journalist or media item came out
    facts_established: bool  # a scenario fact has confirmed the organisation's part


@dataclass(frozen=True)
class Assessment:
    calm: float  # −1.5 … +1.5: positive calms the crowd
    shocks: dict[str, float] = field(default_factory=dict)  # extra emotion shock
    contradiction: bool = False
    stealing_thunder: bool = False
    timeliness: float = 1.0
    reasons: tuple[str, ...] = ()

    def delta(self, strength: float) -> np.ndarray:
        """The emotion change (5,) this message brings to an account it reaches."""
        d = np.zeros(len(EMOTIONS))
        c = self.calm * strength
        if c >= 0:
            d += c * np.array([0.6, -0.5, -0.8, -0.5, -0.3])
        else:
            d += -c * np.array([-0.4, 0.1, 0.8, 0.6, 0.05])
        for emotion, value in self.shocks.items():
            d[EMOTIONS.index(emotion)] += value * strength
        return d


def assess(
    strategy: str,
    tone: str,
    crisis: CrisisState,
    earlier: list[str],
    contradicts_true_claim: bool = False,
    refutes_rumour: bool = False,
) -> Assessment:
    """Score one message against the crisis and the team's earlier strategies.

    `refutes_rumour`: the message denies only false claims; denial then fits, as it
    does for a rumour crisis (Coombs 2007), whatever the crisis type.
    """
    reasons: list[str] = []
    r = crisis.responsibility
    if strategy == "deny" and refutes_rumour:
        calm = FIT["victim"]["deny"]
        reasons.append("denying a false rumour fits")
    else:
        calm = FIT[crisis.crisis_type][strategy]
        reasons.append(f"{strategy} fits a {crisis.crisis_type} crisis {_word(calm)}")
        if strategy == "rebuild":
            calm += 0.4 * (r - 0.5)
        elif strategy in DENIAL:
            calm -= 0.6 * (r - 0.5)

    tone_effect = {"empathetic": 0.1 + 0.3 * r, "factual": 0.1, "defensive": -0.3, "humorous": 0.1}[tone]
    shocks: dict[str, float] = {}
    severe = crisis.crisis_type != "victim" or r >= 0.5
    if tone == "humorous" and severe:
        tone_effect = -0.6
        shocks["mockery"] = shocks.get("mockery", 0.0) + 0.15
        reasons.append("humour backfires in a crisis with victims")
    elif tone == "empathetic" and r >= 0.5:
        reasons.append("empathy helps where responsibility is high")
    elif tone == "defensive":
        reasons.append("a defensive tone irritates")
    calm += tone_effect

    contradiction = False
    if earlier:
        last = earlier[-1]
        if (last in ADMISSION and strategy in DENIAL) or (last in DENIAL and strategy == "rebuild"):
            contradiction = True
            reasons.append(f"contradicts the earlier message ({last} then {strategy})")
    if strategy in DENIAL and crisis.facts_established and not refutes_rumour:
        contradiction = True
        reasons.append("denies what the facts have established")
    if contradicts_true_claim:
        contradiction = True
        reasons.append("calls a true claim false")
    if contradiction:
        calm -= 0.5
        shocks["anger"] = shocks.get("anger", 0.0) + 0.12
        shocks["mockery"] = shocks.get("mockery", 0.0) + 0.18

    timeliness = 1.0
    thunder = False
    if crisis.onset is not None and not earlier:
        delay = max(crisis.minute - crisis.onset, 0)
        timeliness = float(np.exp(-delay / 30.0))
        if calm > 0:
            calm *= 0.2 + 0.8 * timeliness
        if delay > 30:
            reasons.append(f"first word after {delay} minutes of silence")
    if not earlier and (crisis.first_media is None or crisis.minute <= crisis.first_media):
        thunder = True
        calm += 0.15
        reasons.append("spoke before the media (stealing thunder)")
    return Assessment(
        calm=float(np.clip(calm, -1.5, 1.5)),
        shocks=shocks,
        contradiction=contradiction,
        stealing_thunder=thunder,
        timeliness=timeliness,
        reasons=tuple(reasons),
    )


def _word(value: float) -> str:
    if value >= 0.6:
        return "well"
    if value >= 0.1:
        return "fairly"
    if value > -0.3:
        return "poorly"
    return "badly"
