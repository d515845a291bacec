"""Which situation the crowd's words are chosen in: what the organisation has said and done so far.

A first version: the latest salient fact of the conduct record (`model/conduct.py`) names the
situation. Phrase banks are chosen by it (`model/texttable.py`), so that nothing an item says
contradicts what happened: no praise of a response before there is one.
"""

from __future__ import annotations

from .conduct import Conduct
from .taxonomy import SITUATIONS

_BY_STRATEGY = {"rebuild": "apologised", "deny": "denied", "diminish": "diminished", "bolster": "bolstered"}


def current(conduct: Conduct, minute: int) -> str:
    """The situation at a minute, one of SITUATIONS."""
    if not conduct.statements:
        return "deadline_missed" if conduct.missed_deadlines else "silent"
    last = conduct.statements[-1]
    if last.holding:
        return "holding"
    if last.strategy == "no_comment":
        return "instructed" if "instructing" in last.base_responses else "refused"
    return _BY_STRATEGY.get(last.strategy, "holding")


def index(conduct: Conduct, minute: int) -> int:
    """`current` as an index in SITUATIONS (what the text table is laid out by)."""
    return SITUATIONS.index(current(conduct, minute))
