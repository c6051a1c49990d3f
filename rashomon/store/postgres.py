"""The server store: PostgreSQL, for several users or writers sharing one store.

Selected by a database URL (``--db postgresql://user@host:5432/rashomon``). The tables, writes and
reads are those of every SQL store (:mod:`rashomon.store.sql`); writers (ingest and linking) take one
advisory lock per transaction, so articles are numbered and linked in the order they committed,
as in SQLite's single-writer model.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

import psycopg
from psycopg.pq import TransactionStatus

from rashomon.errors import StoreError
from rashomon.store.sql import SQLStore

__all__ = ["PostgresStore"]

WRITE_LOCK = 0x7261_7368  # the advisory lock every writer holds for its transaction


def display(url: str) -> str:
    """The URL without its password, for messages."""
    parts = urlsplit(url)
    host = parts.hostname or "localhost"
    user = f"{parts.username}@" if parts.username else ""
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{user}{host}{port}{parts.path}"


@lru_cache(maxsize=512)
def _translate(sql: str) -> str:
    """``?`` placeholders (the stores' portable SQL) to psycopg's ``%s``; a literal ``%`` is doubled."""
    return sql.replace("%", "%%").replace("?", "%s")


class PostgresConnection:
    """A :class:`~rashomon.store.sql.Connection` over one psycopg connection (autocommit; explicit transactions)."""

    def __init__(self, conn: psycopg.Connection[Any]) -> None:
        self.conn = conn

    def execute(self, sql: str, params: Sequence[Any] = ()) -> psycopg.Cursor[Any]:
        return self.conn.execute(_translate(sql), tuple(params))

    def executemany(self, sql: str, params: Iterable[Sequence[Any]]) -> None:
        values = [tuple(p) for p in params]
        if values:
            with self.conn.cursor() as cur:
                cur.executemany(_translate(sql), values)

    def begin(self) -> None:
        self.conn.execute("BEGIN")
        self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))

    def end(self, commit: bool) -> None:
        if self.conn.info.transaction_status != TransactionStatus.IDLE:
            self.conn.execute("COMMIT" if commit else "ROLLBACK")


class PostgresStore(SQLStore):
    """A :class:`~rashomon.store.base.Store` in a PostgreSQL database."""

    errors = (psycopg.Error,)

    def __init__(self, url: str) -> None:
        self.where = display(url)
        try:
            self._pg = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:
            raise StoreError(
                f"cannot connect to PostgreSQL at {self.where} ({str(exc).strip()}); "
                "check that the server runs and the URL's user, password and database are right"
            ) from exc
        self._db = PostgresConnection(self._pg)
        try:
            with self.transaction():  # under the write lock: two first opens at once must not both create it
                self._pg.execute("CREATE TABLE IF NOT EXISTS rashomon_schema (version INTEGER NOT NULL)")
            self._migrate()
        except psycopg.Error as exc:
            self._pg.close()
            raise StoreError(
                f"{self.where} is not a usable Rashomon store ({exc}); point --db at another database"
            ) from exc

    def close(self) -> None:
        self._pg.close()

    @property
    def schema_version(self) -> int:
        row = self._pg.execute("SELECT max(version) FROM rashomon_schema").fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    def _apply(self, version: int, sql: str) -> None:
        self._db.begin()
        try:
            if self.schema_version < version:  # another process may have migrated while we waited for the lock
                self._pg.execute(sql.encode())  # bytes: run as a script, no placeholders
                self._pg.execute("INSERT INTO rashomon_schema (version) VALUES (%s)", (version,))
        except BaseException:
            self._db.end(commit=False)
            raise
        self._db.end(commit=True)
