"""A TCP relay between Uproar and PostgreSQL that can cut the line, for fault tests.

Restarting a shared PostgreSQL server would break everyone else's work; a relay in
front of it gives Uproar the same experience. `cut()` drops every live connection
(with a reset, as a dying server's kernel would) and refuses new ones; `restore()`
accepts again on the same port. Uproar is pointed at the relay with `url()`.
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
import time
from urllib.parse import urlsplit, urlunsplit


class Relay:
    """Forwards 127.0.0.1:<port> to `target` until cut; thread per direction (a handful of connections)."""

    def __init__(self, target: tuple[str, int] = ("127.0.0.1", 5432)):
        self.target = target
        self.port = 0
        self._pairs: set[socket.socket] = set()
        self._lock = threading.Lock()
        self._listener: socket.socket | None = None
        self._accepting = threading.Event()
        self.cuts: list[tuple[float, float | None]] = []  # (cut at, restored at), monotonic seconds
        self._listen()

    # ------------------------------------------------------------------ control
    def url(self, database_url: str) -> str:
        """The same database URL, through this relay."""
        parts = urlsplit(database_url)
        netloc = parts.netloc.rsplit("@", 1)
        host = f"127.0.0.1:{self.port}"
        return urlunsplit(parts._replace(netloc=f"{netloc[0]}@{host}" if len(netloc) == 2 else host))

    def cut(self) -> None:
        """Drop every connection now and refuse new ones until `restore()`."""
        self._accepting.clear()
        if self._listener is not None:
            with contextlib.suppress(OSError):
                self._listener.close()
            self._listener = None
        with self._lock:
            pairs, self._pairs = self._pairs, set()
        for sock in pairs:
            _reset(sock)
        self.cuts.append((time.monotonic(), None))

    def restore(self) -> None:
        """Accept connections again, on the same port."""
        self._listen()
        if self.cuts and self.cuts[-1][1] is None:
            self.cuts[-1] = (self.cuts[-1][0], time.monotonic())

    def cut_for(self, seconds: float) -> threading.Thread:
        """Cut now and restore after `seconds`, in the background."""
        self.cut()
        thread = threading.Thread(target=lambda: (time.sleep(seconds), self.restore()), daemon=True)
        thread.start()
        return thread

    def close(self) -> None:
        self.cut()

    # ------------------------------------------------------------------ plumbing
    def _listen(self) -> None:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", self.port))
        sock.listen(64)
        sock.settimeout(0.2)
        self.port = sock.getsockname()[1]
        self._listener = sock
        self._accepting.set()
        threading.Thread(target=self._accept, args=(sock,), daemon=True).start()

    def _accept(self, listener: socket.socket) -> None:
        while self._accepting.is_set() and self._listener is listener:
            try:
                client, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            try:
                server = socket.create_connection(self.target, timeout=5)
            except OSError:
                _reset(client)
                continue
            client.settimeout(None)
            server.settimeout(None)
            with self._lock:
                if not self._accepting.is_set():
                    _reset(client)
                    _reset(server)
                    continue
                self._pairs.update((client, server))
            for a, b in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    def _pump(self, src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        finally:
            with self._lock:
                self._pairs.discard(src)
                self._pairs.discard(dst)
            for sock in (src, dst):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                with contextlib.suppress(OSError):
                    sock.close()


def _reset(sock: socket.socket) -> None:
    """Close with RST, not FIN: the peer sees 'connection reset', as when a server dies."""
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    with contextlib.suppress(OSError):
        sock.close()
