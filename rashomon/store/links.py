"""The linking side of the SQL stores: story index, copies, slots and derived figures."""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING, Any

from rashomon.records import Claim, Derived, Slot, Story, StoryState
from rashomon.store import rows

if TYPE_CHECKING:
    from rashomon.store.sql import Connection

CACHED_STORIES = 2048  # parsed story centroids kept between articles (up to 200 terms, ~20 KB each: ~40 MB)


def _d(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def set_meta(db: Connection, key: str, value: str) -> None:
    db.execute(
        'INSERT INTO meta ("key", "value") VALUES (?, ?) ON CONFLICT ("key") DO UPDATE SET "value" = excluded."value"',
        (key, value),
    )


class StoryCache:
    """Stories as clustering last read or wrote them, so that a candidate's centroid is parsed once, not
    once per article that considers it (the largest cost of linking as a store grows).

    Writes are serialised (one write transaction at a time) and every write adds one article, so a
    story's ``size`` in the store names one centroid: an entry is used only while its size is the
    stored one. Entries are dropped when a transaction rolls back (the cached story may hold an
    article the store does not) and the least recently used go first beyond ``CACHED_STORIES``.
    """

    def __init__(self, limit: int = CACHED_STORIES) -> None:
        self.limit = limit
        self._kept: OrderedDict[str, StoryState] = OrderedDict()

    def get(self, story_id: str, size: int) -> StoryState | None:
        story = self._kept.get(story_id)
        if story is None or story.size != size:
            return None
        self._kept.move_to_end(story_id)
        return story

    def put(self, story: StoryState) -> None:
        self._kept[story.id] = story
        self._kept.move_to_end(story.id)
        while len(self._kept) > self.limit:
            self._kept.popitem(last=False)

    def clear(self) -> None:
        self._kept.clear()


class SQLStoryIndex:
    """A :class:`~rashomon.link.cluster.StoryIndex` over the store's tables (bounded lookups only)."""

    def __init__(self, db: Connection, article_id: str, cache: StoryCache) -> None:
        self.db = db
        self.article_id = article_id
        self.cache = cache

    def _counter(self, key: str) -> int:
        row = self.db.execute('SELECT "value" FROM meta WHERE "key" = ?', (key,)).fetchone()
        return int(row[0]) if row else 0

    def document_frequencies(self, terms: list[str]) -> tuple[dict[str, int], int]:
        df = dict(self._rows('SELECT "term", "df" FROM term_df WHERE "term" IN ({})', terms))
        return df, self._counter("link_docs")

    def candidates(self, terms: list[str], per_term: int) -> list[StoryState]:
        ids: set[str] = set()
        for term in terms:
            found = self.db.execute(
                'SELECT "story_id" FROM term_postings WHERE "term" = ? ORDER BY "seq" DESC LIMIT ?', (term, per_term)
            )
            ids.update(r[0] for r in found)
        return self.stories(sorted(ids))

    def stories(self, ids: list[str]) -> list[StoryState]:
        """The stories ``ids`` (those stored), in that order; centroids from the cache where still current."""
        sizes = dict(self._rows('SELECT "id", "size" FROM stories WHERE "id" IN ({})', ids))
        found = {i: s for i in ids if i in sizes and (s := self.cache.get(i, sizes[i])) is not None}
        missing = [i for i in ids if i in sizes and i not in found]
        for row in self._rows(
            'SELECT "id", "centroid", "size", "first", "last" FROM stories WHERE "id" IN ({})', missing
        ):
            found[row[0]] = StoryState(row[0], rows.loads(row[1]), row[2], _d(row[3]), _d(row[4]))
            self.cache.put(found[row[0]])
        return [found[i] for i in ids if i in found]

    def _rows(self, sql: str, keys: list[str]) -> Iterator[Any]:
        """The rows of ``sql`` with its ``IN ({})`` list filled with ``keys``, 500 at a time."""
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            yield from self.db.execute(sql.format(", ".join("?" * len(chunk))), chunk)

    def save(self, story: StoryState, counts: dict[str, float], vector: dict[str, float]) -> None:
        seq = self._counter("link_docs") + 1
        set_meta(self.db, "link_docs", str(seq))
        self.db.execute(
            'INSERT INTO stories ("id", "centroid", "size", "first", "last") VALUES (?, ?, ?, ?, ?) '
            'ON CONFLICT ("id") DO UPDATE SET "centroid" = excluded."centroid", "size" = excluded."size", '
            '"first" = excluded."first", "last" = excluded."last"',
            (story.id, json.dumps(story.centroid), story.size,
             story.first.isoformat() if story.first else None, story.last.isoformat() if story.last else None),
        )  # fmt: skip
        self.db.executemany(
            'INSERT INTO term_df ("term", "df") VALUES (?, 1) '
            'ON CONFLICT ("term") DO UPDATE SET "df" = term_df."df" + 1',
            [(t,) for t in sorted(counts)],
        )
        self.db.executemany(
            'INSERT INTO term_postings ("term", "story_id", "seq") VALUES (?, ?, ?) '
            'ON CONFLICT ("term", "story_id") DO UPDATE SET "seq" = excluded."seq"',
            [(t, story.id, seq) for t in sorted(vector)],
        )
        self.db.execute(
            'INSERT INTO story_articles ("article_id", "story_id", "similarity", "seq") VALUES (?, ?, 0, ?) '
            'ON CONFLICT ("article_id") DO UPDATE SET "story_id" = excluded."story_id", "seq" = excluded."seq"',
            (self.article_id, story.id, seq),
        )
        self.cache.put(story)


class LinkTables:
    """Methods of the SQL stores for what linking reads and writes."""

    _db: Connection
    _story_cache: StoryCache | None = None

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One write transaction: committed on success, rolled back on any error."""
        self._db.begin()
        try:
            yield self._db
        except BaseException:
            self._db.end(commit=False)
            if self._story_cache is not None:
                self._story_cache.clear()  # it may hold stories as this transaction left them
            raise
        self._db.end(commit=True)

    def unlinked(self, limit: int) -> list[tuple[str, str | None, str, str | None]]:
        """(id, title, text, published) of articles not in a story yet, oldest ingest first."""
        row = self._db.execute('SELECT "value" FROM meta WHERE "key" = \'linked_seq\'').fetchone()
        found = self._db.execute(
            'SELECT "id", "title", "text", "published" FROM articles WHERE "seq" > ? ORDER BY "seq" LIMIT ?',
            (int(row[0]) if row else 0, limit),
        ).fetchall()
        return [(r[0], r[1], r[2], r[3]) for r in found]

    def mark_linked(self, article_id: str) -> None:
        """Articles are linked in ``seq`` order: remember how far linking has come."""
        row = self._db.execute('SELECT "seq" FROM articles WHERE "id" = ?', (article_id,)).fetchone()
        if row is not None:
            set_meta(self._db, "linked_seq", str(row[0]))

    def story_index(self, article_id: str) -> SQLStoryIndex:
        if self._story_cache is None:
            self._story_cache = StoryCache()
        return SQLStoryIndex(self._db, article_id, self._story_cache)

    def minhash_candidates(self, bands: list[str], most: int) -> list[tuple[str, list[int]]]:
        """(id, signature) of the articles sharing any of ``bands``, skipping bands that more than ``most``
        articles share."""
        marks = ", ".join("?" * len(bands))
        shared = self._db.execute(
            f'SELECT "band", count(*) FROM minhash_bands WHERE "band" IN ({marks}) GROUP BY "band"', bands
        ).fetchall()
        useful = sorted(band for band, n in shared if n <= most)
        if not useful:
            return []
        marks = ", ".join("?" * len(useful))
        found = self._db.execute(
            f'SELECT DISTINCT m."article_id", m."signature" FROM minhash_bands b JOIN minhash m '
            f'ON m."article_id" = b."article_id" WHERE b."band" IN ({marks}) ORDER BY m."article_id"',
            useful,
        ).fetchall()
        return [(r[0], rows.loads(r[1])) for r in found]

    def save_minhash(self, article_id: str, signature: list[int], bands: list[str]) -> None:
        self._db.execute(
            'INSERT INTO minhash ("article_id", "signature") VALUES (?, ?) '
            'ON CONFLICT ("article_id") DO UPDATE SET "signature" = excluded."signature"',
            (article_id, json.dumps(signature)),
        )
        self._db.executemany(
            'INSERT INTO minhash_bands ("band", "article_id") VALUES (?, ?) ON CONFLICT DO NOTHING',
            [(b, article_id) for b in bands],
        )

    def save_copy(self, article_id: str, original_id: str, similarity: float) -> None:
        self._db.execute(
            'INSERT INTO copies ("article_id", "original_id", "similarity") VALUES (?, ?, ?) '
            'ON CONFLICT ("article_id") DO UPDATE SET "original_id" = excluded."original_id", '
            '"similarity" = excluded."similarity"',
            (article_id, original_id, similarity),
        )

    def copies(self) -> dict[str, str]:
        return {r[0]: r[1] for r in self._db.execute('SELECT "article_id", "original_id" FROM copies')}

    def copies_among(self, article_ids: list[str]) -> dict[str, str]:
        """The copies among ``article_ids``, each with its original (reads only those rows)."""
        found: dict[str, str] = {}
        for at in range(0, len(article_ids), rows.CHUNK):
            chunk = article_ids[at : at + rows.CHUNK]
            sql = f'SELECT "article_id", "original_id" FROM copies WHERE "article_id" IN ({rows.marks(len(chunk))})'
            found.update((r[0], r[1]) for r in self._db.execute(sql, chunk))
        return found

    def story_of(self, article_id: str) -> str | None:
        """The id of the story that holds the article (None when it is in none)."""
        found = self._db.execute(
            'SELECT "story_id" FROM story_articles WHERE "article_id" = ?', (article_id,)
        ).fetchone()
        return str(found[0]) if found else None

    def story(self, story_id: str) -> Story | None:
        """One story with its articles in the order they joined (None when there is no such story)."""
        found = self._db.execute(
            'SELECT "article_id" FROM story_articles WHERE "story_id" = ? ORDER BY "seq"', (story_id,)
        ).fetchall()
        return Story(story_id, "", tuple(r[0] for r in found)) if found else None

    def stories(self) -> list[Story]:
        """Every story with its articles, in the order the stories started."""
        found = self._db.execute('SELECT "story_id", "article_id" FROM story_articles ORDER BY "seq"').fetchall()
        members: dict[str, list[str]] = {}
        for story_id, article_id in found:
            members.setdefault(story_id, []).append(article_id)
        return [Story(sid, "", tuple(ids)) for sid, ids in members.items()]

    def story_claims(self, story_id: str) -> list[Claim]:
        """The claims of a story's articles, article by article in the order they joined (one query)."""
        cols = ", ".join(f'c."{n}"' for n in rows.TABLES["claims"])
        found = self._db.execute(
            f'SELECT {cols} FROM story_articles s JOIN claims c ON c."article_id" = s."article_id" '
            'WHERE s."story_id" = ? ORDER BY s."seq", c."start", c."id"',
            (story_id,),
        ).fetchall()
        return [rows.claim_from(r) for r in found]

    def mark_stale(self, story_id: str) -> None:
        """The story gained an article: its slots wait to be reconciled."""
        self._db.execute('INSERT INTO stale_stories ("story_id") VALUES (?) ON CONFLICT DO NOTHING', (story_id,))

    def stale_stories(self) -> list[str]:
        return [r[0] for r in self._db.execute('SELECT "story_id" FROM stale_stories ORDER BY "story_id"')]

    def save_reconciliation(self, story_id: str, slots: list[Slot], derived: list[Derived]) -> None:
        """Replace a story's slots and derived figures (they are recomputed whole when it changes); it is
        no longer stale."""
        self._db.execute('DELETE FROM stale_stories WHERE "story_id" = ?', (story_id,))
        self._db.execute('DELETE FROM slots WHERE "story_id" = ?', (story_id,))
        self._db.execute('DELETE FROM derived WHERE "story_id" = ?', (story_id,))
        self._db.executemany(
            'INSERT INTO slots ("id", "story_id", "data") VALUES (?, ?, ?)',
            [(s.id, story_id, json.dumps(rows.slot_data(s))) for s in slots],
        )
        self._db.executemany(
            'INSERT INTO derived ("id", "story_id", "data") VALUES (?, ?, ?)',
            [(d.id, story_id, json.dumps(rows.derived_data(d))) for d in derived],
        )

    def reconciliation(self, story_id: str) -> tuple[list[Slot], list[Derived]]:
        """The story's slots and derived figures as they were last reconciled."""
        slots = [rows.slot_from(d, story_id) for d in self._data("slots", story_id)]
        return slots, [rows.derived_from(d, story_id) for d in self._data("derived", story_id)]

    def _data(self, table: str, story_id: str) -> list[dict[str, Any]]:
        found = self._db.execute(f'SELECT "data" FROM {table} WHERE "story_id" = ? ORDER BY "id"', (story_id,))
        return [rows.loads(r[0]) for r in found]
