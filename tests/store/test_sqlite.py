"""SQLite-only behaviour: WAL, files that are not stores, schema versions in the file; the rest is in test_store."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from rashomon.errors import StoreError
from rashomon.store import Batch, SQLiteStore, open_store
from rashomon.store.sqlite import migrations
from tests.factories import stored_article


def test_new_store_is_migrated_to_the_newest_version_in_wal_mode(store: SQLiteStore) -> None:
    assert store.schema_version == migrations()[-1][0]
    assert store._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_file_that_is_not_a_database_gives_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"these are not the bytes of a database" * 200)
    with pytest.raises(StoreError, match="not a usable Rashomon store"):
        open_store(path)


def test_a_store_from_a_newer_rashomon_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    open_store(path).close()
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 999")
    with pytest.raises(StoreError, match="upgrade Rashomon"):
        open_store(path)


def test_reopening_keeps_the_data_and_does_not_migrate_again(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    with open_store(path) as s:
        s.write(Batch(articles=(stored_article("Kept."),)))
    with open_store(path) as s:
        assert s.count("articles") == 1
        assert s.integrity_check() == "ok"
