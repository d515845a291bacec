"""The console's server: Streamlit's pages plus one tiny endpoint for the pages' watcher.

`uproar console` serves this file (`streamlit run` finds the ASGI `app` in it).
A page does not rerun on a timer: its script asks `/uproar/live/<room>` twice a
second for the room's live key (a short string read from the shared view, so an
answer costs a dictionary lookup) and reruns the page's live part only when the
key differs from what it shows. Thirty idle viewers cost thirty tiny requests a
second, not thirty page runs.
"""

from __future__ import annotations

import threading
from pathlib import Path

import streamlit as st
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from uproar.app.rooms import RoomError
from uproar.app.view import live_key, shared_hub
from uproar.model.classify import warm as warm_reader
from uproar.store.engine import is_outage

HEADERS = {"Cache-Control": "no-store"}


def live(request: Request) -> PlainTextResponse:
    """The room's live key (clock, state, frames); 404 for an unknown room, 503 while the database is away."""
    room_id = request.path_params["room_id"]
    try:
        return PlainTextResponse(live_key(shared_hub().view(room_id)), headers=HEADERS)
    except RoomError:
        return PlainTextResponse("no such room", status_code=404, headers=HEADERS)
    except Exception as exc:
        if is_outage(exc):
            return PlainTextResponse("database unavailable", status_code=503, headers=HEADERS)
        raise


app = st.App(str(Path(__file__).with_name("console.py")), routes=[Route("/uproar/live/{room_id}", live)])
# the message reader's sentence encoder takes about a second to load, holding the interpreter: load it as the
# server starts, not in the middle of a class on a trainee's first draft (every page would wait)
threading.Thread(target=warm_reader, name="warm-reader", daemon=True).start()
