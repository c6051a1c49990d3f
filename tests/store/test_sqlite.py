from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from rashomon.errors import StoreError
from rashomon.records import Article, Rejection
from rashomon.store import Batch, SQLiteStore, open_store
from rashomon.store.sqlite import migrations


def _article(text: str, outlet: str = "Northwire", published: date | None = date(2025, 9, 9)) -> Article:
    return Article(
        id=Article.make_id(outlet, text), origin=f"{outlet}.txt", text=text, outlet=outlet,
        published=published, furniture=("Leave a Reply",), author_bio="X covers film.",
    )  # fmt: skip


def _rejection(origin: str, reason: str = "empty input") -> Rejection:
    return Rejection(Rejection.make_id(origin, reason), origin, reason, datetime.now(UTC))


def test_new_store_is_migrated_to_the_newest_version_in_wal_mode(store: SQLiteStore) -> None:
    assert store.schema_version == migrations()[-1][0]
    assert store._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_articles_round_trip_with_all_metadata(store: SQLiteStore) -> None:
    a = _article("Gunmen stormed the town.")
    store.write(Batch(articles=(a,)))
    assert list(store.articles()) == [a]


def test_writing_the_same_records_twice_adds_nothing(store: SQLiteStore) -> None:
    batch = Batch(articles=(_article("One."), _article("Two.")), rejections=(_rejection("bad.bin"),))
    first = store.write(batch)
    second = store.write(batch)
    assert (first.articles_added, first.rejections_added) == (2, 1)
    assert (second.articles_added, second.rejections_added) == (0, 0)
    assert store.count("articles") == 2 and store.count("rejections") == 1


def test_a_failing_batch_leaves_nothing_behind(store: SQLiteStore) -> None:
    broken = Article(id="x", origin="o", text=None)  # type: ignore[arg-type]
    with pytest.raises(sqlite3.IntegrityError):
        store.write(Batch(articles=(_article("Fine."), broken)))
    assert store.count("articles") == 0
    store.write(Batch(articles=(_article("Fine."),)))  # the store is still usable
    assert store.count("articles") == 1


def test_article_lookup_by_unique_prefix(store: SQLiteStore) -> None:
    a, b = _article("Alpha."), _article("Beta.")
    store.write(Batch(articles=(a, b)))
    assert store.article(a.id) == a
    assert store.article(a.id[:6]) == a
    assert store.article("") is None  # ambiguous
    assert store.article("%") is None  # LIKE wildcards are literal


def test_articles_are_listed_oldest_first_undated_last(store: SQLiteStore) -> None:
    late, early, undated = _article("L", published=date(2025, 9, 12)), _article("E"), _article("U", published=None)
    store.write(Batch(articles=(late, undated, early)))
    assert [a.text for a in store.articles()] == ["E", "L", "U"]


def test_rejections_keep_origin_reason_and_time(store: SQLiteStore) -> None:
    store.write(Batch(rejections=(_rejection("a.bin", "binary file"),)))
    [r] = store.rejections()
    assert (r.origin, r.reason) == ("a.bin", "binary file") and r.at.tzinfo is not None


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
        s.write(Batch(articles=(_article("Kept."),)))
    with open_store(path) as s:
        assert s.count("articles") == 1
        assert s.integrity_check() == "ok"
