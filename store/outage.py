"""Riding out a database outage: try a unit of work again with backoff, up to a limit.

A database restart, a dropped network link, a SQLite file locked by another process:
the runner and the room functions wait for the database instead of failing. A unit of
work must be one whole transaction (rolled back when it fails), so running it again is
safe; what "already done" means for a unit whose commit may have landed is the
caller's business (see `RoomRunner._write_minute`).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import Engine

from .engine import StoreUnavailable, is_outage

T = TypeVar("T")

FIRST_WAIT_S = 0.25
MAX_WAIT_S = 2.0  # once the database is back, work resumes within this


def describe(exc: BaseException) -> str:
    """The driver's own words, first line only: 'connection refused', 'database is locked'."""
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).strip().splitlines()
    return text[0][:200] if text else exc.__class__.__name__


class Patience:
    """Runs units of database work, waiting through outages of up to `limit_s` seconds.

    One instance follows one process's view of the database: an outage starts at the first
    failure and ends at the next success, across units. `say` hears one line when an outage
    starts and one when it ends (never a traceback); `outages` keeps how long each lasted.
    """

    def __init__(self, engine: Engine | None = None, limit_s: float = 300.0,
                 say: Callable[[str], None] | None = None, first_wait_s: float = FIRST_WAIT_S,
                 max_wait_s: float = MAX_WAIT_S):
        self.engine = engine
        self.limit_s = limit_s
        self.say = say or (lambda _line: None)
        self.first_wait_s = first_wait_s
        self.max_wait_s = max_wait_s
        self.down_since: float | None = None
        self.last_error = ""
        self.outages: list[float] = []

    def __call__(self, work: Callable[[], T]) -> T:
        wait = self.first_wait_s
        while True:
            began = time.monotonic()
            try:
                result = work()
            except Exception as exc:
                if not is_outage(exc):
                    raise
                self._failed(exc, began)
                time.sleep(wait)
                wait = min(wait * 2, self.max_wait_s)
                continue
            if self.down_since is not None:
                lasted = time.monotonic() - self.down_since
                self.outages.append(lasted)
                self.down_since = None
                self.say(f"database back after {lasted:.1f} s")
            return result

    @property
    def down_for(self) -> float:
        """Seconds since the current outage began (0 when the database answers)."""
        return 0.0 if self.down_since is None else time.monotonic() - self.down_since

    def _failed(self, exc: Exception, began: float) -> None:
        """An attempt that began at `began` failed: the outage counts from there (a SQLite
        writer may have waited out its busy timeout before it failed)."""
        now = time.monotonic()
        self.last_error = describe(exc)
        if self.down_since is None:
            self.down_since = began
            self.say(f"database unavailable ({self.last_error}); retrying for up to {self.limit_s:.0f} s")
        if now - self.down_since >= self.limit_s:
            lasted = now - self.down_since
            self.down_since = None
            raise StoreUnavailable(
                f"the database has not answered for {lasted:.0f} s (last error: {self.last_error})"
            ) from None
        if self.engine is not None and self.engine.dialect.name != "sqlite":
            self.engine.dispose()  # a fresh pool: no connection from before the outage is handed out
