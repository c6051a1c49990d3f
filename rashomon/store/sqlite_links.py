"""The linking side of the SQLite store: story index, copies, slots and derived figures."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from rashomon.link.cluster import StoryState
from rashomon.link.vectors import Counts, Vector
from rashomon.records import Derived, Slot, Story


def _d(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


class SQLiteStoryIndex:
    """A :class:`~rashomon.link.cluster.StoryIndex` over the store's tables (bounded lookups only)."""

    def __init__(self, db: sqlite3.Connection, article_id: str) -> None:
        self.db = db
        self.article_id = article_id

    def _counter(self, key: str) -> int:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return int(row[0]) if row else 0

    def document_frequencies(self, terms: list[str]) -> tuple[dict[str, int], int]:
        df: dict[str, int] = {}
        for i in range(0, len(terms), 500):
            chunk = terms[i : i + 500]
            marks = ", ".join("?" * len(chunk))
            df.update(self.db.execute(f"SELECT term, df FROM term_df WHERE term IN ({marks})", chunk).fetchall())
        return df, self._counter("link_docs")

    def candidates(self, terms: list[str], per_term: int) -> list[StoryState]:
        ids: set[str] = set()
        for term in terms:
            rows = self.db.execute(
                "SELECT story_id FROM term_postings WHERE term = ? ORDER BY seq DESC LIMIT ?", (term, per_term)
            )
            ids.update(r[0] for r in rows)
        return [s for s in (self.story(i) for i in sorted(ids)) if s is not None]

    def story(self, story_id: str) -> StoryState | None:
        row = self.db.execute(
            "SELECT id, centroid, size, first, last FROM stories WHERE id = ?", (story_id,)
        ).fetchone()
        if row is None:
            return None
        return StoryState(row[0], json.loads(row[1]), row[2], _d(row[3]), _d(row[4]))

    def save(self, story: StoryState, counts: Counts, vector: Vector) -> None:
        seq = self._counter("link_docs") + 1
        self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('link_docs', ?)", (str(seq),))
        self.db.execute(
            "INSERT OR REPLACE INTO stories (id, centroid, size, first, last) VALUES (?, ?, ?, ?, ?)",
            (story.id, json.dumps(story.centroid), story.size,
             story.first.isoformat() if story.first else None, story.last.isoformat() if story.last else None),
        )  # fmt: skip
        self.db.executemany(
            "INSERT INTO term_df (term, df) VALUES (?, 1) ON CONFLICT (term) DO UPDATE SET df = df + 1",
            [(t,) for t in sorted(counts)],
        )
        self.db.executemany(
            "INSERT OR REPLACE INTO term_postings (term, story_id, seq) VALUES (?, ?, ?)",
            [(t, story.id, seq) for t in sorted(vector)],
        )
        self.db.execute(
            "INSERT OR REPLACE INTO story_articles (article_id, story_id, similarity, seq) VALUES (?, ?, 0, ?)",
            (self.article_id, story.id, seq),
        )


class LinkTables:
    """Methods of :class:`~rashomon.store.sqlite.SQLiteStore` for what linking reads and writes."""

    _db: sqlite3.Connection

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One transaction: committed on success, rolled back on any error."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def unlinked(self, limit: int) -> list[tuple[str, str | None, str, str | None]]:
        """(id, title, text, published) of articles not in a story yet, oldest ingest first."""
        row = self._db.execute("SELECT value FROM meta WHERE key = 'linked_seq'").fetchone()
        rows = self._db.execute(
            "SELECT id, title, text, published, seq FROM articles WHERE seq > ? ORDER BY seq LIMIT ?",
            (int(row[0]) if row else 0, limit),
        ).fetchall()
        return [(r[0], r[1], r[2], r[3]) for r in rows]

    def mark_linked(self, article_id: str) -> None:
        """Articles are linked in ``seq`` order: remember how far linking has come."""
        self._db.execute(
            "INSERT OR REPLACE INTO meta (key, value) SELECT 'linked_seq', seq FROM articles WHERE id = ?",
            (article_id,),
        )

    def story_index(self, article_id: str) -> SQLiteStoryIndex:
        return SQLiteStoryIndex(self._db, article_id)

    def minhash_candidates(self, bands: list[str]) -> list[tuple[str, list[int]]]:
        marks = ", ".join("?" * len(bands))
        rows = self._db.execute(
            f"SELECT DISTINCT m.article_id, m.signature FROM minhash_bands b JOIN minhash m "
            f"ON m.article_id = b.article_id WHERE b.band IN ({marks}) ORDER BY m.article_id",
            bands,
        ).fetchall()
        return [(r[0], json.loads(r[1])) for r in rows]

    def save_minhash(self, article_id: str, signature: list[int], bands: list[str]) -> None:
        self._db.execute("INSERT OR REPLACE INTO minhash VALUES (?, ?)", (article_id, json.dumps(signature)))
        self._db.executemany("INSERT OR IGNORE INTO minhash_bands VALUES (?, ?)", [(b, article_id) for b in bands])

    def save_copy(self, article_id: str, original_id: str, similarity: float) -> None:
        self._db.execute("INSERT OR REPLACE INTO copies VALUES (?, ?, ?)", (article_id, original_id, similarity))

    def copies(self) -> dict[str, str]:
        return dict(self._db.execute("SELECT article_id, original_id FROM copies").fetchall())

    def stories(self) -> list[Story]:
        """Every story with its articles, in the order the stories started."""
        rows = self._db.execute("SELECT s.story_id, s.article_id FROM story_articles s ORDER BY s.seq").fetchall()
        members: dict[str, list[str]] = {}
        for story_id, article_id in rows:
            members.setdefault(story_id, []).append(article_id)
        return [Story(sid, "", tuple(ids)) for sid, ids in members.items()]

    def story_members(self, story_ids: list[str]) -> dict[str, list[str]]:
        """The articles of each of ``story_ids``, in the order they joined."""
        members: dict[str, list[str]] = {sid: [] for sid in story_ids}
        for sid in story_ids:
            rows = self._db.execute("SELECT article_id FROM story_articles WHERE story_id = ? ORDER BY seq", (sid,))
            members[sid].extend(r[0] for r in rows)
        return members

    def save_reconciliation(self, story_id: str, slots: list[Slot], derived: list[Derived]) -> None:
        """Replace a story's slots and derived figures (they are recomputed whole when it changes)."""
        self._db.execute("DELETE FROM slots WHERE story_id = ?", (story_id,))
        self._db.execute("DELETE FROM derived WHERE story_id = ?", (story_id,))
        self._db.executemany(
            "INSERT INTO slots VALUES (?, ?, ?)", [(s.id, story_id, json.dumps(slot_data(s))) for s in slots]
        )
        self._db.executemany(
            "INSERT INTO derived VALUES (?, ?, ?)", [(d.id, story_id, json.dumps(derived_data(d))) for d in derived]
        )

    def reconciliation(self, story_id: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        slots = [
            json.loads(r[0])
            for r in self._db.execute("SELECT data FROM slots WHERE story_id = ? ORDER BY id", (story_id,))
        ]
        derived = [
            json.loads(r[0])
            for r in self._db.execute("SELECT data FROM derived WHERE story_id = ? ORDER BY id", (story_id,))
        ]
        return slots, derived


def slot_data(s: Slot) -> dict[str, Any]:
    return {
        "id": s.id, "subject": s.subject, "predicate": s.predicate, "event_id": s.event_id,
        "claim_ids": list(s.claim_ids), "status": s.status,
        "consensus": {"low": s.consensus.low, "high": s.consensus.high} if s.consensus else None,
        "timeline": [list(p) for p in s.timeline],
    }  # fmt: skip


def derived_data(d: Derived) -> dict[str, Any]:
    return {
        "id": d.id, "subject": d.subject, "predicate": d.predicate,
        "value": {"low": d.low, "high": d.high}, "as_of": d.as_of.isoformat() if d.as_of else None,
        "from": list(d.sources), "rule": d.rule, "speaker": d.speaker,
    }  # fmt: skip
