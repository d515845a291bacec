"""The crowd's words fit what the organisation did: the situation (model/situation.py) and the
replies that read a trainee's message (model/echo.py).

The situation is a pure function of a conduct record, checked on plain `Conduct` objects.
Replies are checked as a reader of the feed would: after an apology naming a remedy the
replies under it name it; after a denial nobody thanks the organisation for owning up; a
promise whose time passes draws talk of the broken promise after its time and not before;
replies pick up the message's own words. Over several seeds, French and English.
"""

from __future__ import annotations

from uproar.model import situation
from uproar.model.commitments import Commitment
from uproar.model.conduct import Conduct, Statement


def said(conduct: Conduct, seq: int, t: int, strategy: str, *, holding: bool = False, base: tuple[str, ...] = (),
         contradiction: bool = False, promises: tuple[Commitment, ...] = ()) -> None:
    conduct.said(Statement(seq, t, strategy, None, "factual", base, holding, 0.0, contradiction=contradiction),
                 promises, [])


# ---------------------------------------------------------------------------- the situation
def test_silent_until_a_deadline_passes_then_until_the_organisation_speaks():
    c = Conduct()
    assert situation.current(c, 0) == "silent"
    c.missed(3, minute=40)
    assert situation.current(c, 39) == "silent"
    assert situation.current(c, 40) == situation.current(c, 200) == "deadline_missed"
    said(c, 1, 50, "rebuild")
    assert situation.current(c, 51) == "apologised"
    assert situation.current(c, 45) == "deadline_missed"  # the record read at an earlier minute


def test_a_deadline_missed_after_a_message_holds_while_the_organisation_stays_silent():
    c = Conduct()
    said(c, 1, 10, "no_comment", holding=True)
    c.missed(0, minute=30)
    assert situation.current(c, 20) == "holding"
    assert situation.current(c, 90) == "deadline_missed"
    said(c, 2, 95, "diminish")
    assert situation.current(c, 96) == "diminished"


def test_the_latest_message_is_read_by_its_strategy_and_base_responses():
    cases = [
        (dict(strategy="no_comment", holding=True), "holding"),
        (dict(strategy="no_comment", holding=True, base=("instructing",)), "instructed"),
        (dict(strategy="no_comment"), "refused"),
        (dict(strategy="no_comment", base=("instructing", "adjusting")), "instructed"),
        (dict(strategy="rebuild", base=("instructing",)), "apologised"),
        (dict(strategy="deny"), "denied"),
        (dict(strategy="diminish"), "diminished"),
        (dict(strategy="bolster", base=("adjusting",)), "bolstered"),
    ]
    for kw, expected in cases:
        c = Conduct()
        said(c, 1, 10, **kw)
        assert situation.current(c, 10) == expected, kw
        assert situation.index(c, 10) == situation.SITUATIONS.index(expected)


def test_a_contradiction_holds_for_a_while_then_the_reading_returns():
    c = Conduct()
    said(c, 1, 10, "rebuild")
    said(c, 2, 30, "deny", contradiction=True)
    hold = situation.HOLD["contradicted"]
    assert situation.current(c, 30) == situation.current(c, 30 + hold - 1) == "contradicted"
    assert situation.current(c, 30 + hold) == "denied"
    assert situation.current(c, 20) == "apologised"


def test_a_broken_promise_holds_for_a_while_and_a_new_message_ends_it():
    c = Conduct()
    said(c, 1, 10, "rebuild", promises=(Commitment("Update at 3 pm.", "at 3 pm", 60, "update"),))
    assert c.fall_due(70) == []  # due at minute 70: not yet broken at its own minute
    assert [p.status for p in c.fall_due(71)] == ["broken"]
    hold = situation.HOLD["promise_broken"]
    assert situation.current(c, 70) == "apologised"
    assert situation.current(c, 71) == situation.current(c, 71 + hold - 1) == "promise_broken"
    assert situation.current(c, 71 + hold) == "apologised"
    said(c, 2, 80, "no_comment", holding=True)
    assert situation.current(c, 80) == "holding"


def test_a_kept_promise_is_heard_as_such_then_as_the_message_that_kept_it():
    c = Conduct()
    said(c, 1, 10, "no_comment", holding=True, promises=(Commitment("Next update in 30 minutes.", "in 30 minutes", 30,
                                                                    "update"),))
    kept = c.delivered_by("here is the update we promised", 25, 2)
    said(c, 2, 25, "rebuild")
    assert [p.status for p in kept] == ["kept"]
    hold = situation.HOLD["promise_kept"]
    assert situation.current(c, 25) == "promise_kept"  # same minute: the fact wins over the reading
    assert situation.current(c, 25 + hold) == "apologised"


def test_the_latest_salient_fact_wins():
    c = Conduct()
    said(c, 1, 10, "rebuild", promises=(Commitment("Update in 20 minutes.", "in 20 minutes", 20, "update"),))
    c.fall_due(31)  # broken at 31
    c.missed(5, minute=35)  # then a deadline missed, still silent
    assert situation.current(c, 33) == "promise_broken"
    assert situation.current(c, 36) == "deadline_missed"
