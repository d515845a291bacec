"""A Streamlit session without a browser: the websocket protocol the page itself speaks.

A browser tab costs the machine far more than the server session it opens, so a
load test with thirty Chromium pages measures Chromium. `PageSession` opens the
same server session a tab would — it sends `BackMsg`s (rerun with the query
string and widget values, fragment auto-reruns on the server's timer) and keeps
the page the `ForwardMsg` deltas describe, clearing what a run did not redraw as
the frontend does — so the server does exactly the work it would do for a tab.

Only what Uproar's pages need is modelled: text of elements, widgets found by
label, form submission, buttons, fragments' `run_every`, query-string changes —
and what the pages' own watcher script does (`app/live.py`): ask
`/uproar/live/<room>` twice a second and press the live part's hidden refresh
button when the room's key differs from the one the page shows.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import ClientConnection, connect

from ..app.live import PATIENCE_MS, POLL_MS

LIVE = re.compile(r'data-live="([^"]*)"')
POLL_S = POLL_MS / 1000
FINISHED = (ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY)
WIDGETS = ("text_input", "text_area", "button", "selectbox", "multiselect", "number_input", "slider",
           "select_slider", "radio", "checkbox")


@dataclass
class Node:
    """One element on the page: its proto, its text, and the run that last drew it."""

    element: Any
    text: str
    run: str
    fragment: str
    block: bool = False


@dataclass
class PageSession:
    """One tab: connects, runs the page at `query`, and keeps it live until closed."""

    url: str  # http://host:port
    query: dict[str, str] = field(default_factory=dict)
    on_text: Callable[[PageSession, str], None] | None = None
    nodes: dict[tuple[int, ...], Node] = field(default_factory=dict)
    exceptions: list[str] = field(default_factory=list)
    runs_finished: int = 0
    bytes_in: int = 0
    page_hash: str = ""
    _ws: ClientConnection | None = None
    _timers: dict[str, asyncio.Task] = field(default_factory=dict)
    _watcher: asyncio.Task | None = None
    _reader: asyncio.Task | None = None
    _drawn: set = field(default_factory=set)
    _finished: asyncio.Event = field(default_factory=asyncio.Event)

    # ------------------------------------------------------------------ connection
    async def open(self, timeout: float = 60.0) -> None:
        """Connect and wait for the first full run of the page."""
        ws_url = self.url.replace("http", "ws", 1).rstrip("/") + "/_stcore/stream"
        self._ws = await connect(ws_url, subprotocols=["streamlit"], max_size=2**26, open_timeout=timeout,
                                 compression=None)
        self._reader = asyncio.create_task(self._read())
        await self.rerun()
        await self.wait_run(timeout)
        self._watcher = asyncio.create_task(self._watch())

    async def close(self) -> None:
        for task in [*self._timers.values(), *([self._watcher] if self._watcher else [])]:
            task.cancel()
        if self._reader is not None:
            self._reader.cancel()
        if self._ws is not None:
            with contextlib.suppress(Exception):
                await self._ws.close()

    async def rerun(self, widgets: list[WidgetState] = (), fragment: str = "", auto: bool = False) -> None:
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = urlencode(self.query)
        state.page_script_hash = self.page_hash
        state.widget_states.widgets.extend(widgets)
        if fragment:
            state.fragment_id = fragment
            state.is_auto_rerun = auto
        if not fragment:
            self._finished.clear()
        assert self._ws is not None, "open() the session first"
        await self._ws.send(msg.SerializeToString())

    async def wait_run(self, timeout: float = 60.0) -> None:
        """Until the next full (not fragment) run finishes (the reader's failure, if any, raised)."""
        done, _ = await asyncio.wait([asyncio.ensure_future(self._finished.wait()), self._reader],
                                     timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
        if self._reader in done:
            self._reader.result()
            raise ConnectionError("the server closed the session")
        if not done:
            raise TimeoutError(f"the page did not finish a run within {timeout:g} s")

    # ------------------------------------------------------------------ reading the page
    def texts(self) -> Iterator[str]:
        for node in self.nodes.values():
            yield node.text

    def find(self, needle: str) -> bool:
        return any(needle in t for t in self.texts())

    def widget(self, kind: str, label: str) -> Any:
        """The proto of the first widget of `kind` whose label contains `label` (None if absent)."""
        for path in sorted(self.nodes):
            el = self.nodes[path].element
            if el.WhichOneof("type") == kind and label in getattr(el, kind).label:
                return getattr(el, kind)
        return None

    def _text_box(self, label: str) -> Any:
        box = self.widget("text_input", label) or self.widget("text_area", label)
        if box is None:
            raise LookupError(f"no text box labelled {label!r} on the page")
        return box

    def _button(self, label: str) -> Any:
        press = self.widget("button", label)
        if press is None:
            raise LookupError(f"no button labelled {label!r} on the page")
        return press

    async def fill(self, fields: dict[str, str], timeout: float = 60.0) -> None:
        """Type into text boxes (by label) and leave them, as a person does: the page reruns."""
        await self.rerun([WidgetState(id=self._text_box(k).id, string_value=v) for k, v in fields.items()])
        await self.wait_run(timeout)

    async def click(self, label: str, timeout: float = 60.0) -> None:
        """Press a button (by label) and wait for the page."""
        await self.rerun([WidgetState(id=self._button(label).id, trigger_value=True)])
        await self.wait_run(timeout)

    async def submit(self, fields: dict[str, str], button: str, timeout: float = 60.0) -> None:
        """Fill a form's text boxes and press its submit button: one rerun, as `st.form` sends it."""
        states = [WidgetState(id=self._text_box(k).id, string_value=v) for k, v in fields.items()]
        states.append(WidgetState(id=self._button(button).id, trigger_value=True))
        await self.rerun(states)
        await self.wait_run(timeout)

    # ------------------------------------------------------------------ the wire
    async def _read(self) -> None:
        assert self._ws is not None
        async for raw in self._ws:
            self.bytes_in += len(raw)
            msg = ForwardMsg()
            msg.ParseFromString(raw)
            self._handle(msg)

    def _handle(self, msg: ForwardMsg) -> None:
        kind = msg.WhichOneof("type")
        if kind == "new_session":
            self.page_hash = msg.new_session.page_script_hash
        elif kind == "delta":
            self._delta(msg)
        elif kind == "page_info_changed":
            self.query = dict(_parse_query(msg.page_info_changed.query_string))
        elif kind == "auto_rerun":
            frag, every = msg.auto_rerun.fragment_id, msg.auto_rerun.interval
            if frag not in self._timers:
                self._timers[frag] = asyncio.create_task(self._auto(frag, every))
        elif kind == "stop_auto_rerun":
            for frag in msg.stop_auto_rerun.fragment_ids:
                task = self._timers.pop(frag, None)
                if task is not None:
                    task.cancel()
        elif kind == "script_finished":
            # deltas do not say which run drew them: everything since the last finish is this run's
            run = msg.metadata.run.script_run_id
            for path in self._drawn:
                if path in self.nodes:
                    self.nodes[path].run = run
            self._drawn.clear()
            if msg.script_finished in FINISHED:
                self._clear_stale(msg)
                self.runs_finished += 1
            if msg.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY:
                self._finished.set()

    def _delta(self, msg: ForwardMsg) -> None:
        path = tuple(msg.metadata.delta_path)
        run = ""
        self._drawn.add(path)
        delta = msg.delta
        which = delta.WhichOneof("type")
        if which == "new_element":
            el = delta.new_element
            text = "\n".join(_strings(el))
            self.nodes[path] = Node(el, text, run, delta.fragment_id)
            if el.WhichOneof("type") == "exception":
                self.exceptions.append(f"{el.exception.type}: {el.exception.message}")
            if self.on_text is not None:
                self.on_text(self, text)
        elif which == "add_block":
            self.nodes[path] = Node(delta.add_block, "", run, delta.fragment_id, block=True)

    def _clear_stale(self, msg: ForwardMsg) -> None:
        """What the frontend does at the end of a run: drop what this run did not redraw.

        A full run keeps only what it drew. A fragment run clears only inside the
        fragment's own blocks; what a fragment wrote into a placeholder made outside it
        stays until written again (Streamlit's `clearStaleNodes`).
        """
        run = msg.metadata.run.script_run_id
        fragments = set(msg.metadata.run.fragment_ids)
        if not run:
            return
        if not fragments:
            self.nodes = {p: n for p, n in self.nodes.items() if n.run == run}
            return
        owned = {p for p, n in self.nodes.items() if n.block and n.fragment in fragments and n.run == run}

        def stale(path: tuple[int, ...], node: Node) -> bool:
            inside = any(path[:k] in owned for k in range(1, len(path)))
            return inside and node.run != run and (node.block or bool(node.fragment))

        self.nodes = {p: n for p, n in self.nodes.items() if not stale(p, n)}

    async def _auto(self, fragment: str, every: float) -> None:
        """The frontend's timer for `st.fragment(run_every=…)`."""
        while True:
            await asyncio.sleep(every)
            with contextlib.suppress(Exception):
                await self.rerun(fragment=fragment, auto=True)


    async def _watch(self) -> None:
        """The page's watcher script: poll the room's live key, press refresh when it moved."""
        host, port = self.url.split("//", 1)[1].split("/", 1)[0].split(":")
        reader = writer = None
        pressed: tuple[str, float] | None = None  # (the key shown when pressed, when)
        while True:
            await asyncio.sleep(POLL_S)
            shown = next((LIVE.search(n.text) for n in self.nodes.values() if "data-live=" in n.text), None)
            room = self.query.get("room")
            if shown is None or not room:
                continue
            try:
                if writer is None:
                    reader, writer = await asyncio.open_connection(host, int(port))
                key = await _get(reader, writer, host, f"/uproar/live/{room}")
            except (OSError, ValueError, asyncio.IncompleteReadError):
                writer = None
                continue
            tick, drawn = self.widget("button", "↻"), html.unescape(shown.group(1))
            if drawn == key:
                pressed = None
            if key is None or drawn == key or tick is None:
                continue
            # one rerun in flight, as the page's script (`app/live.py`): press again once it has drawn
            if pressed is not None and pressed[0] == drawn and time.monotonic() - pressed[1] < PATIENCE_MS / 1000:
                continue
            pressed = (drawn, time.monotonic())
            with contextlib.suppress(Exception):
                await self.rerun([WidgetState(id=tick.id, trigger_value=True)], fragment=self._fragment_of(tick))

    def _fragment_of(self, widget: Any) -> str:
        for node in self.nodes.values():
            if not node.block and node.element.WhichOneof("type") == "button" and node.element.button.id == widget.id:
                return node.fragment
        return ""


async def _get(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, host: str, path: str) -> str | None:
    """One keep-alive HTTP/1.1 GET; the body when 200, else None."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nCache-Control: no-store\r\n\r\n".encode())
    await writer.drain()
    status = (await reader.readline()).split()
    length = 0
    while (line := await reader.readline()) not in (b"\r\n", b""):
        name, _, value = line.decode("latin-1").partition(":")
        if name.lower() == "content-length":
            length = int(value)
    body = await reader.readexactly(length)
    return body.decode() if len(status) > 1 and status[1] == b"200" else None


def _strings(message: Any) -> Iterator[str]:
    """Every string field of a proto, depth first (what a reader could see of an element)."""
    for desc, value in message.ListFields():
        if desc.type == desc.TYPE_STRING:
            if desc.is_repeated:
                yield from value
            else:
                yield value
        elif desc.type == desc.TYPE_MESSAGE:
            items = value if desc.is_repeated else [value]
            for item in items:
                if hasattr(item, "ListFields"):
                    yield from _strings(item)


def _parse_query(query: str) -> Iterator[tuple[str, str]]:
    from urllib.parse import parse_qsl

    return iter(parse_qsl(query.lstrip("?")))


def now() -> float:
    return time.monotonic()


__all__ = ["PageSession"]
