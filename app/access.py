"""Who may see what: the role comes from the code entered, checked on every page.

Codes never travel in the URL; the session remembers the role it earned per room.
A trainee who edits the URL to reach a trainer page gets a refusal and nothing else.
"""

from __future__ import annotations

import streamlit as st

from .rooms import RoomError, get_room, role_for_code

#: which roles may open which view
ALLOWED = {"trainer": {"trainer"}, "observer": {"trainer", "observer"}, "trainee": {"trainer", "trainee"}}


def _roles() -> dict[str, str]:
    return st.session_state.setdefault("roles", {})


def role(room_id: str) -> str | None:
    return _roles().get(room_id)


def grant(engine, room_id: str, code: str) -> str | None:  # type: ignore[no-untyped-def]
    """Check a code against the room (constant time) and remember the role it gives."""
    try:
        room = get_room(engine, room_id)
    except RoomError:
        return None
    got = role_for_code(room, code)
    if got:
        _roles()[room_id] = got
    return got


def allowed(room_id: str, view: str) -> bool:
    return role(room_id) in ALLOWED.get(view, set())


def forget(room_id: str) -> None:
    _roles().pop(room_id, None)
