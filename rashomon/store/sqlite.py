"""The embedded default store: one SQLite file, WAL mode, versioned migrations."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from rashomon.errors import StoreError
from rashomon.store.sql import SQLStore, migrations

__all__ = ["SQLiteStore", "migrations"]


class SQLiteConnection:
    """A :class:`~rashomon.store.sql.Connection` over :mod:`sqlite3` (autocommit; explicit transactions)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def execute(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        return self.db.execute(sql, params)

    def executemany(self, sql: str, params: Iterable[Sequence[Any]]) -> None:
        self.db.executemany(sql, params)

    def begin(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")  # take the write lock now: one writer at a time

    def end(self, commit: bool) -> None:
        if self.db.in_transaction:
            self.db.execute("COMMIT" if commit else "ROLLBACK")


class SQLiteStore(SQLStore):
    """A :class:`~rashomon.store.base.Store` over one SQLite file (or ``:memory:``)."""

    errors = (sqlite3.Error,)

    def __init__(self, path: Path | str) -> None:
        self.path = self.where = str(path)
        folder = Path(self.path).parent
        if self.path != ":memory:" and not folder.is_dir():
            # a mistyped --db must not quietly make folders and a new, empty store somewhere
            raise StoreError(f"no folder {folder} for the store {self.path}: create it, or point --db at another file")
        try:
            self._sqlite = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self._db = SQLiteConnection(self._sqlite)
            self._sqlite.execute("PRAGMA journal_mode=WAL")
            self._sqlite.execute("PRAGMA synchronous=NORMAL")
            self._sqlite.execute("PRAGMA foreign_keys=ON")
            self._migrate()
            # Stores written before articles were numbered on insert: number them in insert order.
            self._sqlite.execute('UPDATE articles SET "seq" = rowid WHERE "seq" IS NULL')
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is not a usable Rashomon store ({exc}); point --db at another file") from exc

    def close(self) -> None:
        self._sqlite.close()

    @property
    def schema_version(self) -> int:
        return int(self._sqlite.execute("PRAGMA user_version").fetchone()[0])

    def _apply(self, version: int, sql: str) -> None:
        self._sqlite.executescript(f"BEGIN;\n{sql}\nPRAGMA user_version = {version};\nCOMMIT;")

    def integrity_check(self) -> str:
        return str(self._sqlite.execute("PRAGMA integrity_check").fetchone()[0])
