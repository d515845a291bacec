"""Which situation the crowd's words are chosen in: what the organisation has said and done so far.

Phrase banks are chosen by it (`model/texttable.py`), so that nothing an item says
contradicts what happened: no praise of a response before there is one, no "still
nothing" after a promise was kept.

The rule, a pure function of the conduct record (`model/conduct.py`) and the minute:

1. **Salient facts** hold the crowd's attention for a while after they happen:
   - `contradicted` — a message that contradicts an earlier one or the scenario's facts
     (a U-turn, a denial of what is established, or a self-correction: "earlier we said…, that was
     wrong"), for `HOLD["contradicted"]` minutes; `came_round`
     when that message rebuilds (an apology after a denial: "first it was nothing, now this?",
     "better late than never", never "and the apology?");
   - `promise_broken` — a promise's time passed with no delivery, for `HOLD["promise_broken"]`;
   - `promise_kept` — a later message delivered a promise, for `HOLD["promise_kept"]`;
   - `deadline_missed` — a journalist's deadline passed while the organisation had said
     nothing at all; it holds until it speaks. Once it has spoken, a missed deadline does not
     name the situation: the crowd talks about what was said ("nobody tells us anything"
     would be false), and the journalists report the missed deadline in their own posts.
2. Among those still holding, and the latest message itself, **the latest wins**: a new
   message after a broken promise is what people talk about next. At the same minute a
   salient fact wins over the message's plain reading (the message that keeps a promise
   is heard as a promise kept), in the order of `PRIORITY`.
3. Otherwise the **latest message's reading** names it: a holding statement (`holding`;
   `informed` when it gives news — results, a state restored, what was done: "the water is safe to
   drink again", never "they're looking into it"; `instructed` when it tells people what to do
   to be safe), a bare refusal
   (`refused`, or `instructed` when it still gives instructions, `informed` when it gives news:
   "the leak is stopped" is no refusal), and otherwise the strategy
   and what the message says in so many words (`echo.postures`, Coombs's postures):
   a rebuilding message is `apologised` when it says sorry, `remedied` when it only compensates
   or corrects; a denying message `threatened` when it attacks the accuser (legal action,
   "defamatory"), `scapegoated` when it blames an outside party (a supplier, a subcontractor),
   `denied` when it disowns the harm ("not responsible", "our own systems were not breached"),
   `rebutted` otherwise (it only rebuts a claim: "the tap water is safe, tests confirm it"); a
   diminishing message `diminished` when it calls the harm small ("a minor incident", "no risk"), `excused` when it only excuses or justifies (an accident,
   beyond our control, procedures followed), `informed` when it does neither in words but gives
   news (« la fuite a été colmatée » read as diminishing: "bad luck, apparently" would answer an
   excuse nobody made), `downplayed` when it says none of these in words the lists know (figures,
   context: "playing it down", but neither "they call it minor" nor "bad luck"); a bolstering
   message `victimised` when it says the organisation is a victim too, `thanked` when it thanks
   or praises others (staff, responders, customers), `informed` when it reports what was done
   ("every desk now has extra staff"), `bolstered` when it recalls the record.
4. Before any message: `breaking` while the news is fresh — until `NOTICED_AFTER` minutes after
   the onset (the crowd's first shock): nobody expects a word yet, and "still nothing from them",
   "hours since…" would be false — then `silent` (or `deadline_missed` once a deadline has passed).
"""

from __future__ import annotations

from .conduct import Conduct
from .taxonomy import SITUATIONS

#: Minutes a salient fact keeps the crowd's attention (deadline_missed: while silent).
HOLD = {"contradicted": 45, "promise_broken": 40, "promise_kept": 20}
#: Minutes after the onset before the crowd remarks that the organisation says nothing. A choice,
#: not a measured figure: on social platforms people ask where the organisation is within minutes
#: of the news, and a quarter of an hour keeps "still nothing from them" out of the first posts.
#: The anger that silence costs ramps up from the onset regardless (`silence_cost`).
NOTICED_AFTER = 15
#: Tie-break at the same minute: the first listed wins; a message's own reading comes last.
PRIORITY = ("contradicted", "came_round", "promise_broken", "deadline_missed", "promise_kept")

#: The situation a strategy makes: the first of its postures the message takes in so many words
#: (`echo.postures`), else its plain situation.
_BY_STRATEGY: dict[str, tuple[tuple[tuple[str, str], ...], str]] = {
    "rebuild": ((("apology", "apologised"),), "remedied"),
    "deny": ((("threat", "threatened"), ("scapegoat", "scapegoated"), ("disowned", "denied")), "rebutted"),
    "diminish": ((("harm_small", "diminished"), ("excuse", "excused"), ("news", "informed")), "downplayed"),
    "bolster": ((("victimage", "victimised"), ("ingratiation", "thanked"), ("news", "informed")), "bolstered"),
}


def reading(conduct: Conduct, minute: int) -> str:
    """The situation the latest message's reading alone would make (`breaking`, then `silent`,
    before any)."""
    said = [s for s in conduct.statements if s.t_min <= minute]
    if not said:
        fresh = conduct.onset is None or minute < conduct.onset + NOTICED_AFTER
        return "breaking" if fresh else "silent"
    last = said[-1]
    instructs = "instructing" in last.base_responses
    if last.holding:
        return "instructed" if instructs else "informed" if "news" in last.says else "holding"
    if last.strategy == "no_comment":  # news is no refusal, whatever the reader thought of its stance
        return "instructed" if instructs else "informed" if "news" in last.says else "refused"
    if last.strategy not in _BY_STRATEGY:
        return "holding"
    return by_postures(last.strategy, last.says)


def by_postures(strategy: str, says: frozenset[str]) -> str:
    """The situation a rebuilding, denying, diminishing or bolstering message makes: the first of
    its postures it takes in so many words (`_BY_STRATEGY`), else its plain situation."""
    postures, plain = _BY_STRATEGY[strategy]
    return next((name for posture, name in postures if posture in says), plain)


def salient(conduct: Conduct, minute: int) -> list[tuple[int, str]]:
    """The salient facts still holding at `minute`, as (minute it happened, situation)."""
    out: list[tuple[int, str]] = []
    hold = HOLD
    for s in conduct.statements:
        if s.contradiction and s.t_min <= minute < s.t_min + hold["contradicted"]:
            out.append((s.t_min, "came_round" if s.strategy == "rebuild" else "contradicted"))
    for p in conduct.promises:
        if p.closed_at is None or p.closed_at > minute:
            continue
        if p.status == "broken" and minute < p.closed_at + hold["promise_broken"]:
            out.append((p.closed_at, "promise_broken"))
        elif p.status == "kept" and minute < p.closed_at + hold["promise_kept"]:
            out.append((p.closed_at, "promise_kept"))
    if not any(s.t_min <= minute for s in conduct.statements):
        out.extend((at, "deadline_missed") for at in conduct.missed_at.values() if at <= minute)
    return out


def current(conduct: Conduct, minute: int) -> str:
    """The situation at a minute, one of SITUATIONS (see the module's rule)."""
    facts = salient(conduct, minute)
    said = [s.t_min for s in conduct.statements if s.t_min <= minute]
    if not facts:
        if not said and len(conduct.missed_at) < len(conduct.missed_deadlines):
            return "deadline_missed"  # a deadline recorded without its minute: silent since
        return reading(conduct, minute)
    rank = {name: len(PRIORITY) - i for i, name in enumerate(PRIORITY)}
    at, name = max(facts, key=lambda f: (f[0], rank[f[1]]))
    if said and said[-1] > at:
        return reading(conduct, minute)
    return name


def index(conduct: Conduct, minute: int) -> int:
    """`current` as an index in SITUATIONS (what the text table is laid out by)."""
    return SITUATIONS.index(current(conduct, minute))
