"""Live parts of a page that redraw only when there is something new.

A page's live part is a fragment without a timer. A small static script on the
page (`watch`) asks the server twice a second for the room's live key
(`/uproar/live/<room>`, see `app/server.py`), compares it with the key the live
part was drawn with (`data-live` in its HTML) and, when they differ, presses the
fragment's hidden refresh button: the fragment reruns once, from the room's
shared view. Nothing new, nothing runs; a new minute, one rerun per page. It presses
again only once that rerun has drawn: a press during a run stops it and starts over, so
a busy server would otherwise never finish a page (60 pages on one slow core did not);
this way each page refreshes as often as the server can draw it. The same script tells
people when the server stops answering and when it is back.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import streamlit as st

from . import health
from .i18n import t

POLL_MS = 300
#: How long a pressed refresh may take to draw before the watcher presses again (a lost click).
PATIENCE_MS = 8000
TICK_KEY = "live-tick"


@st.fragment
@health.guard
def area(draw: Callable[..., None], *args: Any) -> None:
    """The live part: `draw(*args)` now, and again each time the watcher presses refresh."""
    st.button("↻", key=TICK_KEY, help="refresh")
    draw(*args)


def watch(lang: str, room_id: str | None = None) -> None:
    """The page's watcher (static script: the room id is the only value in it, and it is JSON-encoded)."""
    words = {"lost": t("connection_lost", lang), "back": t("connection_back", lang)}
    config = {"words": words, "room": room_id, "poll": POLL_MS, "tick": TICK_KEY, "patience": PATIENCE_MS}
    st.html(
        f"<style>.st-key-{TICK_KEY}{{display:none}}</style>"
        "<script>window.__uproar = " + json.dumps(config) + ";"
        + """
(function () {
  if (window.__uproarWatch) return;
  window.__uproarWatch = true;
  var PATIENCE_MS = window.__uproar.patience;
  var down = false, banner = null, pressed = null;
  function show(kind) {
    if (!banner) { banner = document.createElement('div'); document.body.appendChild(banner); }
    banner.className = 'u-banner ' + kind;
    banner.setAttribute('data-testid', 'uproar-connection');
    banner.textContent = window.__uproar.words[kind];
    banner.style.display = 'block';
  }
  function up() {
    if (!down) return;
    down = false; show('back');
    setTimeout(function () { if (!down) banner.style.display = 'none'; }, 5000);
  }
  function refresh(key) {
    var el = document.querySelector('[data-live]'), shown = el ? el.getAttribute('data-live') : null;
    if (shown === key) { pressed = null; return; }
    var now = Date.now();
    // one rerun in flight: pressing again before it has drawn would stop it and start over, and
    // under load (a new minute every second at x60) a page would never finish a run
    if (pressed && pressed.shown === shown && now - pressed.at < PATIENCE_MS) return;
    var button = document.querySelector('.st-key-' + window.__uproar.tick + ' button');
    if (button) { pressed = {shown: shown, at: now}; button.click(); }
  }
  function poll() {
    var cfg = window.__uproar, base = window.location.href.split('?')[0].replace(/[^/]*$/, '');
    var url = cfg.room ? base + 'uproar/live/' + encodeURIComponent(cfg.room) : base + '_stcore/health';
    fetch(url, {cache: 'no-store'}).then(function (r) {
      up();
      if (!cfg.room) return;
      if (r.status === 503) { refresh('database unavailable'); return; }
      if (r.ok) r.text().then(refresh);
    }).catch(function () { if (!down) { down = true; show('lost'); } });
  }
  setInterval(poll, window.__uproar.poll);
})();
</script>""",
        unsafe_allow_javascript=True,
    )


__all__ = ["PATIENCE_MS", "POLL_MS", "area", "watch"]
