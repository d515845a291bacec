"""How the crowd receives a trainee message: SCCT fit, timing, consistency, tone,
base responses and promises.

`assess` is a pure function of the message and the crisis so far; it returns a
*calm* score (positive calms the crowd, negative inflames it), the extra shocks
(contradiction, backfiring humour) and the reasons in plain words, which the
report reuses for the debrief.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .conduct import LATE_AFTER_MIN
from .taxonomy import EMOTIONS

#: Fit of each strategy with each crisis type (Coombs 2007; Ma & Zhan 2016):
#: rebuild is the expected answer when responsibility is high; denial only fits
#: when the organisation is itself a victim (a false rumour); silence reads as denial.
FIT = {
    "victim": {"deny": 0.3, "diminish": 0.3, "rebuild": 0.4, "bolster": 0.4, "no_comment": -0.2},
    "accidental": {"deny": -0.5, "diminish": 0.2, "rebuild": 0.8, "bolster": 0.1, "no_comment": -0.5},
    # diminishing a preventable crisis reads as evasion (Coombs 2007: only rebuild fits)
    "preventable": {"deny": -0.9, "diminish": -0.6, "rebuild": 1.0, "bolster": -0.2, "no_comment": -0.8},
}
DENIAL = {"deny", "no_comment"}
ADMISSION = {"rebuild", "diminish"}
#: Share of a secondary strategy's fit that a mixed message adds to its primary's.
SECONDARY_SHARE = 0.3
#: Anger a diminishing answer adds in a preventable crisis, per unit of message strength.
EVASION_ANGER = 0.06
#: When the reader hesitates ("uncertain: A or B"), the crowd takes the message both ways, each in
#: proportion to its probability — the expected effect under the reader's doubt, so that a wrong
#: but hesitant reading costs half as much as a confident one. The runner-up never outweighs the
#: reading shown: a short message where a rule overruled the model keeps at least half its effect.
DOUBT_SHARE = 0.5
#: A good holding statement (no comment yet, but instructions, concern or a promise to say
#: more) in the first hour is best practice (Coombs 2007, "instructing information first");
#: a bare acknowledgement ("we are aware, we are checking") is neither denial nor comfort;
#: later either reads as half a refusal.
HOLDING_FIT, ACKNOWLEDGEMENT_FIT = 0.3, 0.0
HOLDING_WINDOW_MIN = 60
#: Base responses (Coombs 2007; Sturges 1994): instructing information lowers fear among
#: those it reaches; adjusting information (concern, sympathy) softens anger. Their calm
#: bonus and the extra emotion push, per unit of message strength.
INSTRUCTING_CALM, INSTRUCTING_FEAR = 0.1, -0.5
ADJUSTING_CALM, ADJUSTING_ANGER = 0.15, -0.6
#: Speaking in a crisis with a safety risk without ever saying what to do: a calm cost,
#: and the uncertainty keeps fear up.
NO_INSTRUCTIONS_COST, NO_INSTRUCTIONS_FEAR = 0.25, 0.15
#: A promise kept (per promise, at most two count) builds trust.
KEPT_CALM = 0.15


@dataclass(frozen=True)
class CrisisState:
    crisis_type: str
    responsibility: float
    minute: int
    onset: int | None  # first minute the crowd was shocked; None while calm
    first_media: int | None  # first minute a journalist or media item came out
    facts_established: bool  # a scenario fact has confirmed the organisation's part
    safety_risk: bool = False  # people must act to stay safe (instructing information is due)
    instructed: bool = False  # instructing information was already given


@dataclass(frozen=True)
class Said:
    """What the message does beyond its primary strategy and tone (from its reading)."""

    secondary: str | None = None
    base_responses: tuple[str, ...] = ()
    holding: bool = False
    promises: bool = False  # the message itself makes a commitment
    kept: int = 0  # earlier promises this message delivers
    retracts: bool = False  # it says its own earlier words were wrong ("Earlier we said … That was wrong.")
    #: When the reader hesitated ("uncertain: A or B"): the runner-up strategy, and how likely the
    #: reader found each of the two (the primary's first).
    doubt: tuple[str, float, float] | None = None


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
    said: Said | None = None,
) -> Assessment:
    """Score one message against the crisis and the team's earlier strategies.

    `refutes_rumour`: the message denies only false claims; denial then fits, as it
    does for a rumour crisis (Coombs 2007), whatever the crisis type. `said`: the
    secondary strategy, base responses, holding statement and promises kept.
    `earlier` may hold "holding" for an earlier holding statement (it denies nothing).
    """
    said = said or Said()
    reasons: list[str] = []
    shocks: dict[str, float] = {}
    holding = strategy == "no_comment" and said.holding
    if holding:
        early = crisis.onset is None or crisis.minute - crisis.onset <= HOLDING_WINDOW_MIN
        good = bool(said.base_responses) or said.promises
        if not early:
            calm = 0.5 * _fit(strategy, crisis, refutes_rumour)
            reasons.append("a holding statement long after the crisis broke reads as half a refusal")
        elif good:
            calm = HOLDING_FIT
            reasons.append("a holding statement in the first hour is good practice")
        else:
            calm = ACKNOWLEDGEMENT_FIT
            reasons.append("acknowledges the incident, says nothing yet")
    else:
        calm, evasion = _fit(strategy, crisis, refutes_rumour), _evasion(strategy, crisis, refutes_rumour)
        reasons.append("denying a false rumour fits" if strategy == "deny" and refutes_rumour
                       else "correcting a false rumour of the harm fits" if strategy == "diminish" and refutes_rumour
                       else f"{strategy} fits a {crisis.crisis_type} crisis {_word(FIT[crisis.crisis_type][strategy])}")
        if evasion:
            reasons.append("diminishing a preventable crisis reads as evasion")
        if said.doubt:  # a message an expert hesitates over, the crowd reads both ways
            other, p_primary, p_other = said.doubt
            share = min(DOUBT_SHARE, p_other / max(p_primary + p_other, 1e-9))
            calm += share * (_fit(other, crisis, refutes_rumour) - calm)
            evasion += share * (_evasion(other, crisis, refutes_rumour) - evasion)
            reasons.append(f"reads as {strategy} or {other}: the crowd takes it both ways ({share:.0%} as {other})")
        if evasion:
            shocks["anger"] = shocks.get("anger", 0.0) + evasion
    if said.secondary and said.secondary != strategy:
        part = SECONDARY_SHARE * _fit(said.secondary, crisis, refutes_rumour)
        calm += part
        reasons.append(f"mixes in {said.secondary} ({'helps' if part >= 0 else 'costs'})")

    r = crisis.responsibility
    tone_effect = {"empathetic": 0.1 + 0.3 * r, "factual": 0.1, "defensive": -0.3, "humorous": 0.1}[tone]
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

    calm += _base_effects(said, crisis, reasons, shocks)
    if said.kept:
        calm += KEPT_CALM * min(said.kept, 2)
        reasons.append("keeps an earlier promise" if said.kept == 1 else f"keeps {said.kept} earlier promises")

    contradiction = False
    # denying a false rumour after an apology goes back on nothing (nor does an apology after one)
    denies = strategy in DENIAL and not holding and not refutes_rumour
    if said.retracts:  # a change of story it owns: the crowd notices it all the same
        contradiction = True
        reasons.append("corrects its own earlier message")
    elif earlier:
        last = earlier[-1]
        # a refusal gave no account to go back on: "no comment", then an apology, is late, not a U-turn
        if (last in ADMISSION and denies) or (last == "deny" and strategy == "rebuild"):
            contradiction = True
            reasons.append(f"contradicts the earlier message ({last} then {strategy})")
    if denies and crisis.facts_established:
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
        if delay > LATE_AFTER_MIN:
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


def _fit(strategy: str, crisis: CrisisState, refutes_rumour: bool) -> float:
    """Fit of a strategy with the crisis type, shifted by perceived responsibility."""
    if strategy in ("deny", "diminish") and refutes_rumour:  # a rumour crisis's fit (Coombs 2007)
        return FIT["victim"][strategy]
    fit = FIT[crisis.crisis_type][strategy]
    r = crisis.responsibility
    if strategy == "rebuild":
        fit += 0.4 * (r - 0.5)
    elif strategy in DENIAL:
        fit -= 0.6 * (r - 0.5)
    return fit


def _evasion(strategy: str, crisis: CrisisState, refutes_rumour: bool = False) -> float:
    """The extra anger of diminishing a preventable crisis: it reads as evasion (Coombs 2007). Not
    when what it shrinks is a false rumour ("no deaths", against a rumour of two): that corrects."""
    return EVASION_ANGER if strategy == "diminish" and crisis.crisis_type == "preventable" and not refutes_rumour else 0.0


def _base_effects(said: Said, crisis: CrisisState, reasons: list[str], shocks: dict[str, float]) -> float:
    """Instructing and adjusting information, due in every crisis before any strategy."""
    calm = 0.0
    if "instructing" in said.base_responses:
        calm += INSTRUCTING_CALM
        shocks["fear"] = shocks.get("fear", 0.0) + INSTRUCTING_FEAR
        reasons.append("says what to do to stay safe (instructing information)")
    elif crisis.safety_risk and crisis.onset is not None and not crisis.instructed:
        calm -= NO_INSTRUCTIONS_COST
        shocks["fear"] = shocks.get("fear", 0.0) + NO_INSTRUCTIONS_FEAR
        reasons.append("no safety instructions in a crisis with a safety risk")
    if "adjusting" in said.base_responses:
        calm += ADJUSTING_CALM
        shocks["anger"] = shocks.get("anger", 0.0) + ADJUSTING_ANGER
        reasons.append("shows concern for those affected (adjusting information)")
    return calm


def _word(value: float) -> str:
    if value >= 0.6:
        return "well"
    if value >= 0.1:
        return "fairly"
    if value > -0.3:
        return "poorly"
    return "badly"
