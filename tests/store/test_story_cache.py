"""Stories kept parsed between articles: never used once the store holds a newer version of them."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

import pytest

from rashomon.link.cluster import assign
from rashomon.records import Article, StoryState
from rashomon.store import Batch, SQLStore, open_store
from rashomon.store.links import StoryCache
from tests.factories import article

FLOOD = {"flood": 3.0, "river": 2.0, "levee": 1.0}


def _link(store: SQLStore, article: Article, counts: dict[str, float]) -> str:
    with store.transaction():
        story, _ = assign(store.story_index(article.id), article.id, counts, date(2026, 1, 19))
    return story


def _stored(store: SQLStore, story_id: str) -> tuple[int, dict[str, float]]:
    row = store._db.execute('SELECT "size", "centroid" FROM stories WHERE "id" = ?', (story_id,)).fetchone()
    return int(row[0]), json.loads(row[1])


def _seen(store: SQLStore, story_id: str) -> tuple[int, dict[str, float]]:
    (story,) = store.story_index("any").stories([story_id])
    return story.size, story.centroid


def test_a_cached_story_is_used_only_while_the_store_holds_the_same_size() -> None:
    cache = StoryCache(limit=2)
    cache.put(StoryState("s1", {"flood": 1.0}, size=3))
    assert cache.get("s1", 3) is not None
    assert cache.get("s1", 4) is None
    cache.put(StoryState("s2", size=1))
    cache.put(StoryState("s3", size=1))
    assert cache.get("s1", 3) is None  # the least recently used went first


def test_a_story_another_writer_grew_is_read_again(store_targets: Callable[[], str]) -> None:
    target = store_targets()
    first_text, second_text, third_text = "Floods on the river.", "The river flooded again.", "Levee breaks."
    with open_store(target) as one, open_store(target) as two:
        one.write(Batch(articles=(article(first_text), article(second_text), article(third_text))))
        story = _link(one, article(first_text), FLOOD)
        assert _seen(one, story) == _stored(one, story)  # now cached in ``one``
        assert _link(two, article(second_text), {**FLOOD, "levee": 4.0}) == story  # grown by another writer
        assert _seen(one, story) == _stored(one, story) == _stored(two, story)
        assert _stored(one, story)[0] == 2


def test_a_rolled_back_link_leaves_nothing_cached_that_a_later_write_could_match(
    store_targets: Callable[[], str],
) -> None:
    target = store_targets()
    texts = ("Floods on the river.", "The river flooded again.", "Levee breaks.")
    with open_store(target) as one, open_store(target) as two:
        one.write(Batch(articles=tuple(article(t) for t in texts)))
        story = _link(one, article(texts[0]), FLOOD)
        with pytest.raises(RuntimeError), one.transaction():  # grows the cached story to size 2, then fails
            assign(one.story_index(article(texts[1]).id), article(texts[1]).id, {"river": 9.0}, date(2026, 1, 19))
            raise RuntimeError("the batch failed after clustering")
        assert _link(two, article(texts[2]), FLOOD) == story  # size 2 in the store, from other words
        assert _seen(one, story) == _stored(two, story)
