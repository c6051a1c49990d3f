"""Stores: the :class:`Store` protocol and its implementations."""

from __future__ import annotations

from pathlib import Path

from rashomon.store.base import Batch, Store, WriteResult
from rashomon.store.sqlite import SQLiteStore

__all__ = ["Batch", "SQLiteStore", "Store", "WriteResult", "open_store"]


def open_store(target: Path | str) -> SQLiteStore:
    """Open (creating and migrating as needed) the store at ``target``: a file path or ``:memory:``."""
    return SQLiteStore(target)
