"""The embedded default store: one SQLite file, WAL mode, versioned migrations."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import Any

from rashomon.errors import StoreError
from rashomon.records import Article, Extraction, InputKind, Rejection
from rashomon.store import rows
from rashomon.store.base import Batch, WriteResult
from rashomon.store.sqlite_links import LinkTables

ARTICLE_COLUMNS = (
    "id", "origin", "kind", "outlet", "url", "published", "title", "byline",
    "author_bio", "site_name", "encoding", "furniture", "text", "ingested_at",
)  # fmt: skip


def migrations() -> list[tuple[int, str]]:
    """(version, SQL) for every migration shipped with the package, in order."""
    folder = resources.files("rashomon.store") / "migrations"
    found = []
    for entry in folder.iterdir():
        if entry.name.endswith(".sql"):
            found.append((int(entry.name.split("_", 1)[0]), entry.read_text(encoding="utf-8")))
    return sorted(found)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class SQLiteStore(LinkTables):
    """A :class:`~rashomon.store.base.Store` over one SQLite file (or ``:memory:``)."""

    def __init__(self, path: Path | str) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is not a usable Rashomon store ({exc}); point --db at another file") from exc

    # -- lifecycle -----------------------------------------------------------------
    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        known = migrations()
        current = self.schema_version
        newest = known[-1][0] if known else 0
        if current > newest:
            raise StoreError(
                f"{self.path} has schema version {current}, newer than this Rashomon ({newest}); upgrade Rashomon"
            )
        for version, sql in known:
            if version > current:
                self._db.executescript(f"BEGIN;\n{sql}\nPRAGMA user_version = {version};\nCOMMIT;")

    # -- writes --------------------------------------------------------------------
    def write(self, batch: Batch) -> WriteResult:
        cur = self._db.cursor()
        try:
            cur.execute("BEGIN IMMEDIATE")
            added = WriteResult(
                articles_added=self._insert_articles(cur, batch.articles),
                rejections_added=self._upsert_rejections(cur, batch.rejections),
            )
            for extraction in batch.extractions:
                self._insert_extraction(cur, extraction)
            cur.execute("COMMIT")
        except BaseException:
            if self._db.in_transaction:
                cur.execute("ROLLBACK")
            raise
        return added

    @staticmethod
    def _insert_articles(cur: sqlite3.Cursor, articles: tuple[Article, ...]) -> int:
        before = cur.connection.total_changes
        now = _now()
        cur.executemany(
            f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}) "
            f"VALUES ({', '.join('?' * len(ARTICLE_COLUMNS))}) ON CONFLICT (id) DO NOTHING",
            [_article_row(a, now) for a in articles],
        )
        added = cur.connection.total_changes - before
        cur.execute("UPDATE articles SET seq = rowid WHERE seq IS NULL")  # ingest order, for linking
        return added

    @staticmethod
    def _insert_rows(cur: sqlite3.Cursor, table: str, values: list[tuple[Any, ...]]) -> None:
        if not values:
            return
        columns = rows.TABLES[table]
        cur.executemany(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))}) "
            "ON CONFLICT (id) DO NOTHING",
            values,
        )

    def _insert_extraction(self, cur: sqlite3.Cursor, x: Extraction) -> None:
        self._insert_rows(cur, "entities", [rows.entity_row(e) for e in x.entities])
        cur.executemany(
            "INSERT INTO entity_aliases (entity_id, alias) VALUES (?, ?) ON CONFLICT DO NOTHING",
            [(e.id, alias) for e in x.entities for alias in e.aliases],
        )
        self._insert_rows(cur, "mentions", [rows.mention_row(m) for m in x.mentions])
        self._insert_rows(cur, "quantities", [rows.quantity_row(q) for q in x.quantities])
        self._insert_rows(cur, "attributions", [rows.attribution_row(a) for a in x.attributions])
        self._insert_rows(cur, "events", [rows.event_row(e, x.article_id) for e in x.events])
        self._insert_rows(cur, "claims", [rows.claim_row(c) for c in x.claims])

    @staticmethod
    def _upsert_rejections(cur: sqlite3.Cursor, rejections: tuple[Rejection, ...]) -> int:
        added = 0
        for r in rejections:
            at = r.at.isoformat(timespec="seconds")
            cur.execute(
                "INSERT INTO rejections (id, origin, reason, first_seen, last_seen) VALUES (?,?,?,?,?) "
                "ON CONFLICT (id) DO NOTHING",
                (r.id, r.origin, r.reason, at, at),
            )
            if cur.rowcount:
                added += 1
            else:
                cur.execute("UPDATE rejections SET last_seen = ? WHERE id = ?", (at, r.id))
        return added

    # -- reads ---------------------------------------------------------------------
    def articles(self) -> Iterator[Article]:
        rows = self._db.execute(
            f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles ORDER BY published IS NULL, published, id"
        )
        for row in rows:
            yield _article_from_row(row)

    def article(self, key: str) -> Article | None:
        escaped = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = self._db.execute(
            f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles WHERE id LIKE ? ESCAPE '\\' LIMIT 2",
            (escaped + "%",),
        ).fetchall()
        return _article_from_row(rows[0]) if len(rows) == 1 else None

    def rejections(self) -> list[Rejection]:
        rows = self._db.execute("SELECT id, origin, reason, last_seen FROM rejections ORDER BY last_seen DESC, origin")
        return [Rejection(r[0], r[1], r[2], datetime.fromisoformat(r[3])) for r in rows]

    def known(self, article_ids: list[str]) -> set[str]:
        found: set[str] = set()
        for i in range(0, len(article_ids), 500):
            chunk = article_ids[i : i + 500]
            marks = ", ".join("?" * len(chunk))
            found.update(r[0] for r in self._db.execute(f"SELECT id FROM articles WHERE id IN ({marks})", chunk))
        return found

    def _select(self, table: str, article_id: str) -> list[tuple[Any, ...]]:
        columns = ", ".join(rows.TABLES[table])
        return self._db.execute(
            f"SELECT {columns} FROM {table} WHERE article_id = ? ORDER BY start, id", (article_id,)
        ).fetchall()

    def extraction(self, article_id: str) -> Extraction:
        mentions = [rows.mention_from(r) for r in self._select("mentions", article_id)]
        ids = sorted({m.entity_id for m in mentions})
        return Extraction(
            article_id=article_id,
            entities=tuple(self.entities(ids)),
            mentions=tuple(mentions),
            quantities=tuple(rows.quantity_from(r) for r in self._select("quantities", article_id)),
            attributions=tuple(rows.attribution_from(r) for r in self._select("attributions", article_id)),
            events=tuple(rows.event_from(r) for r in self._events_of(article_id)),
            claims=tuple(rows.claim_from(r) for r in self._select("claims", article_id)),
        )

    def _events_of(self, article_id: str) -> list[tuple[Any, ...]]:
        columns = ", ".join(rows.TABLES["events"])
        return self._db.execute(
            f"SELECT {columns} FROM events WHERE article_id = ? ORDER BY id", (article_id,)
        ).fetchall()

    def entities(self, ids: list[str]) -> list[Any]:
        out = []
        for eid in ids:
            row = self._db.execute("SELECT id, name, type, geo FROM entities WHERE id = ?", (eid,)).fetchone()
            if row is None:
                continue
            aliases = [a[0] for a in self._db.execute("SELECT alias FROM entity_aliases WHERE entity_id = ?", (eid,))]
            out.append(rows.entity_from(row, aliases))
        return out

    def count(self, table: str) -> int:
        if table not in {"articles", "rejections", *rows.TABLES}:
            raise StoreError(f"no table {table!r} to count")
        return int(self._db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def get_meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        self._db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def integrity_check(self) -> str:
        return str(self._db.execute("PRAGMA integrity_check").fetchone()[0])


def _article_row(a: Article, now: str) -> tuple[Any, ...]:
    return (
        a.id, a.origin, a.kind, a.outlet, a.url,
        a.published.isoformat() if a.published else None,
        a.title, a.byline, a.author_bio, a.site_name, a.encoding,
        json.dumps(list(a.furniture), ensure_ascii=False), a.text, now,
    )  # fmt: skip


def _kind(value: str) -> InputKind:
    if value == "html":
        return "html"
    return "jsonl" if value == "jsonl" else "text"


def _article_from_row(row: tuple[Any, ...]) -> Article:
    d = dict(zip(ARTICLE_COLUMNS, row, strict=True))
    return Article(
        id=d["id"], origin=d["origin"], text=d["text"], kind=_kind(d["kind"]),
        outlet=d["outlet"], url=d["url"],
        published=date.fromisoformat(d["published"]) if d["published"] else None,
        title=d["title"], byline=d["byline"], author_bio=d["author_bio"], site_name=d["site_name"],
        encoding=d["encoding"], furniture=tuple(json.loads(d["furniture"])),
    )  # fmt: skip
