"""Stopping a process group we started: a console, a runner, in tests and benchmarks."""

from __future__ import annotations

import contextlib
import os
import signal
import time


def stop_group(pgid: int, grace: float = 10.0) -> None:
    """SIGTERM a process group, then SIGKILL whatever still runs after `grace` seconds.

    A Streamlit server with live sessions can hang while stopping and would load whatever
    runs next. The group's leader, when it is our own child, is reaped as it exits: an
    unreaped child stays in its group as a zombie, and would make every stop wait out the
    whole grace.
    """
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pgid, signal.SIGTERM)
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        with contextlib.suppress(ChildProcessError):  # not our child: its parent reaps it
            os.waitpid(pgid, os.WNOHANG)
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pgid, signal.SIGKILL)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pgid, 0)
