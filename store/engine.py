"""Engine set-up: SQLite by default (WAL, busy timeout), PostgreSQL by URL; schema by Alembic.

`open_store()` is what every command calls: it finds the URL, connects, and
upgrades the schema to the latest migration, so a new release just works.
"""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import (
    ArgumentError,
    DBAPIError,
    InterfaceError,
    NoSuchModuleError,
    OperationalError,
)
from sqlalchemy.exc import TimeoutError as PoolTimeout

DEFAULT_URL = "sqlite:///uproar.db"
ENV_VAR = "UPROAR_DATABASE_URL"
MIGRATIONS = Path(__file__).parent / "migrations"


class StoreError(OSError):
    """The database cannot be used; the message says why and what to do."""


class StoreUnavailable(StoreError):
    """The database did not answer (down, restarting, unreachable, or locked): worth trying again."""


#: SQLite: how long a writer waits for another's lock before failing (callers with a retry loop
#: of their own, like the runner, pass less so they can say what is happening)
BUSY_TIMEOUT_S = 30.0
#: PostgreSQL: fail fast on a server that does not answer, and notice a dead peer within ~10 s
#: (a runner on another host behind a broken network would otherwise hang on TCP's minutes)
PG_CONNECT_ARGS = {"connect_timeout": 5, "keepalives": 1, "keepalives_idle": 5, "keepalives_interval": 2,
                   "keepalives_count": 3}


def is_outage(exc: BaseException) -> bool:
    """Is this error the database being away (worth waiting for), rather than a bug or bad data?

    PostgreSQL: a refused or dropped connection, a server shutting down, a pool that cannot
    hand out a connection. SQLite: a file locked by another process for longer than the busy
    timeout. Anything else (a missing table, a broken constraint) is not an outage.
    """
    if isinstance(exc, StoreUnavailable | PoolTimeout):
        return True
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    if isinstance(exc, OperationalError | InterfaceError):
        orig = getattr(exc, "orig", None)
        if isinstance(orig, sqlite3.Error):
            text = str(orig).lower()
            return "locked" in text or "busy" in text
        return True
    return False


def database_url(url: str | None = None) -> str:
    """The URL to use: given, else $UPROAR_DATABASE_URL, else uproar.db in the working folder."""
    return url or os.environ.get(ENV_VAR) or DEFAULT_URL


def redact(url: str) -> str:
    """A URL without its password, for messages."""
    return re.sub(r"//([^:/@]+):[^@]*@", r"//\1:***@", url)


def make_engine(url: str | None = None, writer: bool = True, busy_timeout_s: float = BUSY_TIMEOUT_S) -> Engine:
    """An engine; `writer=False` gives SQLite readers plain deferred transactions, so a console
    polling the room never holds the write lock the runner needs.

    Connections are checked before use (`pool_pre_ping`), and SQLAlchemy drops the whole pool
    when one of them turns out dead, so after a database restart the next transaction reconnects.
    """
    url = database_url(url)
    try:
        if url.startswith("sqlite"):
            engine = create_engine(url, connect_args={"timeout": busy_timeout_s, "check_same_thread": False})
            _sqlite_pragmas(engine, immediate=writer, busy_timeout_s=busy_timeout_s)
        elif url.startswith("postgresql+psycopg"):
            engine = create_engine(url, pool_pre_ping=True, connect_args=PG_CONNECT_ARGS)
        else:
            engine = create_engine(url, pool_pre_ping=True)
    except (ArgumentError, NoSuchModuleError) as exc:
        raise StoreError(
            f"cannot use database URL {redact(url)!r} ({exc}); expected e.g. sqlite:///uproar.db "
            "or postgresql+psycopg://postgres@127.0.0.1:5432/uproar"
        ) from None
    return engine


def _sqlite_pragmas(engine: Engine, immediate: bool = True, busy_timeout_s: float = BUSY_TIMEOUT_S) -> None:
    """WAL so readers never block the runner; IMMEDIATE transactions so writers queue on
    the busy timeout instead of failing on a lock upgrade."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
        cur = dbapi_connection.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute(f"PRAGMA busy_timeout={int(busy_timeout_s * 1000)}")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:  # type: ignore[no-untyped-def]
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision() -> str:
    return ScriptDirectory(str(MIGRATIONS)).get_current_head() or ""


def upgrade(engine: Engine) -> None:
    """Bring the schema to the latest migration (a no-op when it is there already)."""
    if current_revision(engine) == head_revision():
        return
    command.upgrade(alembic_config(engine), "head")


def open_store(url: str | None = None, busy_timeout_s: float = BUSY_TIMEOUT_S) -> Engine:
    """Connect and upgrade; errors say which database and what to do."""
    engine = make_engine(url, busy_timeout_s=busy_timeout_s)
    try:
        upgrade(engine)
    except OperationalError as exc:
        engine.dispose()
        kind = StoreUnavailable if is_outage(exc) else StoreError
        raise kind(
            f"cannot open the database {redact(str(engine.url))}: {exc.orig}. Check that the server is "
            f"running and the URL in ${ENV_VAR} is right."
        ) from None
    return engine
