"""Stories are built as a stream: one article at a time gives what one batch gives."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rashomon.ingest import Manifest
from rashomon.link import reconcile_pending
from rashomon.pipeline import ingest
from rashomon.settings import Settings
from rashomon.store import SQLStore, open_store
from tests.conftest import DEMO


def _partition(store: SQLStore) -> set[frozenset[str]]:
    return {frozenset(s.article_ids) for s in store.stories()}


def test_one_article_at_a_time_gives_the_same_stories_as_one_batch(store_targets: Callable[[], str]) -> None:
    files = sorted(p for p in DEMO.iterdir() if p.name != "manifest.json")
    with open_store(store_targets()) as batch:
        ingest([DEMO], batch, Settings(batch_size=64))
        expected = _partition(batch)
        expected_slots = sorted(batch.reconciliation(s.id)[0].__len__() for s in batch.stories())
    manifest = Manifest.load(DEMO / "manifest.json")
    with open_store(store_targets()) as stream:
        for path in files:
            ingest([path], stream, Settings(batch_size=1), manifest=manifest)
        got = _partition(stream)
        got_slots = sorted(stream.reconciliation(s.id)[0].__len__() for s in stream.stories())
    assert len(expected) >= 1
    assert got == expected
    assert got_slots == expected_slots


def test_re_ingesting_links_nothing_twice(any_store: SQLStore) -> None:
    ingest([DEMO], any_store, Settings())
    before = _partition(any_store)
    report = ingest([DEMO], any_store, Settings())
    assert report.added == 0 and _partition(any_store) == before


def test_the_in_memory_index_used_for_evaluation_clusters_like_the_store(tmp_path: Path) -> None:
    from rashomon.link.cluster import MemoryIndex, assign
    from rashomon.link.vectors import article_terms

    with open_store(tmp_path / "s.sqlite") as store:
        ingest([DEMO], store, Settings())
        stored = _partition(store)
        ordered = sorted(store.articles(), key=lambda a: store._db.execute(
            "SELECT seq FROM articles WHERE id = ?", (a.id,)).fetchone()[0])  # fmt: skip
    index = MemoryIndex()
    groups: dict[str, set[str]] = {}
    for a in ordered:
        story, _ = assign(index, a.id, article_terms(a.title, a.text), a.published)
        groups.setdefault(story, set()).add(a.id)
    assert {frozenset(g) for g in groups.values()} == stored


def test_a_run_interrupted_after_linking_leaves_its_stories_stale_and_the_next_run_reconciles_them(
    any_store: SQLStore,
) -> None:
    ingest([DEMO], any_store, Settings())
    expected = {s.id: any_store.reconciliation(s.id) for s in any_store.stories()}
    assert any_store.stale_stories() == [] and any(slots for slots, _ in expected.values())
    for story_id in expected:  # as if the run had stopped between linking and reconciling
        any_store.save_reconciliation(story_id, [], [])
        any_store.mark_stale(story_id)
    assert ingest([DEMO], any_store, Settings()).added == 0  # the next run: nothing new, stale stories found
    assert {s.id: any_store.reconciliation(s.id) for s in any_store.stories()} == expected
    assert any_store.stale_stories() == [] and reconcile_pending(any_store) == set()
