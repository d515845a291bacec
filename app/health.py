"""The console through a database outage: a notice instead of a traceback, and pages that
come back by themselves.

`run_page` renders a page and `guard` wraps a live fragment. When the database is away
(restarting, unreachable, locked), the render stops where it is and shows "database
unavailable, retrying"; a live fragment tries again at its own pace, a whole page reruns
itself every `RETRY_S` until the database answers. Errors that are not outages are left
alone.
"""

from __future__ import annotations

import functools
import sys
import time
from collections.abc import Callable
from typing import Any

import streamlit as st

from ..store.engine import is_outage
from ..store.outage import describe
from .i18n import t

RETRY_S = 2.0
_said: dict[str, float] = {}  # one server log line per outage, not one per session and second


def guard[F: Callable[..., Any]](render: F) -> F:
    """Decorator for a live fragment: a database outage becomes a notice in its place, and the
    fragment's own `run_every` tries again."""

    @functools.wraps(render)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        try:
            return render(*args, **kwargs)
        except Exception as exc:
            if not is_outage(exc):
                raise
            notice(exc)
            return None

    return guarded  # type: ignore[return-value]


def run_page(render: Callable[[], None]) -> None:
    """Render a whole page; through a database outage, a notice and a rerun every `RETRY_S`."""
    try:
        render()
    except Exception as exc:
        if not is_outage(exc):
            raise
        notice(exc)
        _retry_page(time.monotonic())


def notice(exc: BaseException) -> None:
    """Say that the database is away and that the page is retrying by itself."""
    lang = st.session_state.get("lang", "fr")
    st.warning(t("db_unavailable", lang), icon="⏳")
    _log(exc)


@st.fragment(run_every=RETRY_S)
def _retry_page(failed_at: float) -> None:
    # the first call runs inline with the failed page: only the timer's calls rerun it
    if time.monotonic() - failed_at >= RETRY_S * 0.9:
        st.rerun()


def _log(exc: BaseException) -> None:
    what = describe(exc)
    now = time.monotonic()
    if now - _said.get(what, float("-inf")) > 30.0:
        _said[what] = now
        print(f"{time.strftime('%H:%M:%S')} uproar console: database unavailable ({what}); pages will retry",
              file=sys.stderr, flush=True)
