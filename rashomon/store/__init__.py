"""Stores: the :class:`Store` protocol and its implementations, chosen by :func:`open_store`."""

from __future__ import annotations

from pathlib import Path

from rashomon.store.base import Batch, Store, WriteResult, is_postgres_url
from rashomon.store.sql import SQLStore
from rashomon.store.sqlite import SQLiteStore

__all__ = ["Batch", "SQLStore", "SQLiteStore", "Store", "WriteResult", "open_store"]


def open_store(target: Path | str) -> SQLStore:
    """Open (creating and migrating as needed) the store at ``target``.

    A ``postgresql://`` URL opens the PostgreSQL store; anything else is a SQLite file path (or ``:memory:``).
    """
    if is_postgres_url(target):
        from rashomon.store.postgres import PostgresStore  # psycopg is loaded only for a server store

        return PostgresStore(target)
    return SQLiteStore(target)
