"""The store suite: every test runs against SQLite and against a real PostgreSQL server."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from rashomon.errors import StoreError
from rashomon.records import Article, Extraction, Rejection
from rashomon.store import Batch, SQLStore
from rashomon.store.sql import migrations
from tests.factories import stored_article


def _rejection(origin: str, reason: str = "empty input", at: datetime | None = None) -> Rejection:
    return Rejection(Rejection.make_id(origin, reason), origin, reason, at or datetime.now(UTC))


def test_a_new_store_is_migrated_to_the_newest_version(any_store: SQLStore) -> None:
    assert any_store.schema_version == migrations()[-1][0]


def test_articles_round_trip_with_all_metadata(any_store: SQLStore) -> None:
    a = stored_article("Gunmen stormed the town. 100% of \\ them 'left' ?")
    any_store.write(Batch(articles=(a,)))
    assert list(any_store.articles()) == [a]


def test_writing_the_same_records_twice_adds_nothing(any_store: SQLStore) -> None:
    batch = Batch(
        articles=(stored_article("One."), stored_article("Two."), stored_article("One.")),
        rejections=(_rejection("b.bin"),),
    )
    first = any_store.write(batch)
    second = any_store.write(batch)
    assert (first.articles_added, first.rejections_added) == (2, 1)
    assert (second.articles_added, second.rejections_added) == (0, 0)
    assert any_store.count("articles") == 2 and any_store.count("rejections") == 1


def test_a_failing_batch_leaves_nothing_behind_and_says_so(any_store: SQLStore) -> None:
    broken = Article(id="x", origin="o", text=None)  # type: ignore[arg-type]
    with pytest.raises(StoreError, match="nothing of it was written"):
        any_store.write(Batch(articles=(stored_article("Fine."), broken), rejections=(_rejection("c.bin"),)))
    assert any_store.count("articles") == 0 and any_store.count("rejections") == 0
    any_store.write(Batch(articles=(stored_article("Fine."),)))  # the store is still usable
    assert any_store.count("articles") == 1


def test_article_lookup_by_unique_prefix(any_store: SQLStore) -> None:
    a, b = stored_article("Alpha."), stored_article("Beta.")
    any_store.write(Batch(articles=(a, b)))
    assert any_store.article(a.id) == a
    assert any_store.article(a.id[:6]) == a
    assert any_store.article("") is None  # ambiguous
    assert any_store.article("%") is None  # LIKE wildcards are literal
    assert any_store.article("_") is None


def test_articles_are_listed_oldest_first_undated_last(any_store: SQLStore) -> None:
    late, early, undated = (
        stored_article("L", published=date(2025, 9, 12)),
        stored_article("E"),
        stored_article("U", published=None),
    )
    any_store.write(Batch(articles=(late, undated, early)))
    assert [a.text for a in any_store.articles()] == ["E", "L", "U"]


def test_rejections_keep_origin_reason_and_the_last_time_seen(any_store: SQLStore) -> None:
    then = datetime(2026, 1, 1, tzinfo=UTC)
    any_store.write(Batch(rejections=(_rejection("a.bin", "binary file", then),)))
    any_store.write(Batch(rejections=(_rejection("a.bin", "binary file", then + timedelta(days=1)),)))
    [r] = any_store.rejections()
    assert (r.origin, r.reason, r.at) == ("a.bin", "binary file", then + timedelta(days=1))


def test_articles_are_numbered_in_the_order_they_were_stored(any_store: SQLStore) -> None:
    first, second = stored_article("First."), stored_article("Second.")
    any_store.write(Batch(articles=(first,)))
    any_store.write(Batch(articles=(second, first)))
    assert [row[0] for row in any_store.unlinked(10)] == [first.id, second.id]


def test_meta_values_are_replaced(any_store: SQLStore) -> None:
    any_store.set_meta("k", "1")
    any_store.set_meta("k", "2")
    assert any_store.get_meta("k") == "2" and any_store.get_meta("missing") is None


def test_counting_an_unknown_table_is_refused(any_store: SQLStore) -> None:
    with pytest.raises(StoreError, match="no table"):
        any_store.count("sqlite_master; DROP TABLE articles")


EXTRACTION_TABLES = (
    "articles",
    "entities",
    "entity_aliases",
    "mentions",
    "quantities",
    "attributions",
    "events",
    "claims",
)


def test_a_store_from_before_rows_were_keyed_by_article_keeps_every_row_when_migrated(
    store_targets: Callable[[], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from rashomon.pipeline import ingest
    from rashomon.settings import Settings
    from rashomon.store import open_store, sql
    from tests.conftest import DEMO

    with open_store(store_targets()) as fresh:
        ingest([DEMO / "01_northwire_attack.txt", DEMO / "03_meridian_hospital.txt"], fresh, Settings())
        expected = [_before_frames(fresh.extraction(a.id)) for a in fresh.articles()]
        tables = {
            t: fresh._db.execute(f"SELECT {_columns_before_frames(t)} FROM {t}").fetchall() for t in EXTRACTION_TABLES
        }
    target = store_targets()
    with monkeypatch.context() as m:
        m.setattr(sql, "migrations", lambda: [mig for mig in migrations() if mig[0] <= 4])
        with open_store(target) as old:
            assert old.schema_version == 4
            with old.transaction():
                for table, found in tables.items():
                    old._db.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' * len(found[0]))})", found)
    with open_store(target) as migrated:
        assert migrated.schema_version == migrations()[-1][0]
        assert [migrated.extraction(a.id) for a in migrated.articles()] == expected
        assert sum(len(x.mentions) + len(x.claims) for x in expected) > 10


def _columns_before_frames(table: str) -> str:
    """A table's columns as they were before migration 0006 gave claims their frames."""
    from rashomon.store.rows import TABLES

    names = TABLES.get(table)
    return ", ".join(f'"{n}"' for n in names if n != "detail") if names and table == "claims" else "*"


def _before_frames(x: Extraction) -> Extraction:
    """What a store from before migration 0006 keeps of an extraction: claims without frames."""
    plain = tuple(
        replace(c, frame=None, figure=None, disputed_by=None, value=replace(c.value, tolerance=0.0)) for c in x.claims
    )
    return replace(x, claims=plain)


def test_a_band_more_articles_share_than_the_limit_brings_no_candidates(any_store: SQLStore) -> None:
    articles = [stored_article(f"Report number {i}.") for i in range(6)]
    any_store.write(Batch(articles=tuple(articles)))
    with any_store.transaction():
        for i, a in enumerate(articles):
            any_store.save_minhash(a.id, [i] * 4, ["boilerplate", f"own{i}"])
    assert any_store.minhash_candidates(["boilerplate"], 5) == []
    assert any_store.minhash_candidates(["boilerplate", "own3"], 5) == [(articles[3].id, [3] * 4)]
    assert len(any_store.minhash_candidates(["boilerplate"], 6)) == 6


def test_articles_are_read_by_exact_ids_in_the_order_asked_in_chunks(any_store: SQLStore) -> None:
    many = [stored_article(f"Report number {i} on the flood.") for i in range(1203)]
    any_store.write(Batch(articles=tuple(many)))
    wanted = [many[1200].id, "0" * 16, many[3].id, *(a.id for a in many[10:1010])]
    assert [a.id for a in any_store.articles_by_id(wanted)] == [
        many[1200].id,
        many[3].id,
        *(a.id for a in many[10:1010]),
    ]
    assert any_store.articles_by_id([many[0].id[:6]]) == []  # a prefix is not an id


def test_one_story_its_articles_and_their_copies_are_read_alone(any_store: SQLStore) -> None:
    from rashomon.link import link_pending
    from rashomon.report.export import export_json, story_json, view_by_id

    flood = "The river burst its banks in the Varna valley on Thursday, and twelve people died, officials said. " * 3
    fire = "A fire destroyed the old market in Kestograd overnight; traders counted their losses on Friday. " * 3
    original, copy, other = (
        stored_article(flood),
        stored_article(flood + " Reprinted.", "Lantern"),
        stored_article(fire),
    )
    any_store.write(Batch(articles=(original, copy, other)))
    link_pending(any_store, 32)
    story_id = any_store.story_of(original.id)
    assert story_id is not None and any_store.story_of(copy.id) == story_id and any_store.story_of("f" * 16) is None
    story = any_store.story(story_id)
    assert story is not None and set(story.article_ids) == {original.id, copy.id}
    assert any_store.story("no-such-story") is None
    assert any_store.copies_among([copy.id, other.id]) == {copy.id: original.id}
    exported = {s["id"]: s for s in export_json(any_store)["stories"]}
    view = view_by_id(any_store, story_id)
    assert view is not None and story_json(view) == exported[story_id]
