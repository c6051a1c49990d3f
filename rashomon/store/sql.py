"""What every SQL store shares: the tables, the writes and the reads, over a small connection seam.

SQL here is written once, portable between SQLite and PostgreSQL: ``?`` placeholders (the
PostgreSQL connection translates them), ``INSERT ... ON CONFLICT`` upserts, every column name
quoted (``end`` is reserved in PostgreSQL). An engine supplies a :class:`Connection`, its error
classes, its schema version and how a migration is applied.
"""

from __future__ import annotations

import base64
import json
import zlib
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from importlib import resources
from types import TracebackType
from typing import Any, Protocol, Self

from rashomon.errors import StoreError
from rashomon.records import Article, Extraction, InputKind, Rejection
from rashomon.store import rows
from rashomon.store.base import Batch, WriteResult
from rashomon.store.feeds import FeedTables
from rashomon.store.links import LinkTables, set_meta
from rashomon.store.rows import CHUNK, marks

PARTS = frozenset({"quantities", "attributions", "events", "claims"})  # with entities and mentions, always read

ARTICLE_COLUMNS = (
    "id", "origin", "kind", "outlet", "url", "published", "title", "byline",
    "author_bio", "site_name", "encoding", "furniture", "text", "ingested_at", "seq",
)  # fmt: skip


class Cursor(Protocol):
    """The part of a DB-API cursor the stores read."""

    @property
    def rowcount(self) -> int: ...
    def fetchone(self) -> Any: ...
    def fetchall(self) -> list[Any]: ...
    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    """One database connection as the stores use it; ``begin`` opens the single-writer transaction."""

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor: ...
    def executemany(self, sql: str, params: Iterable[Sequence[Any]]) -> None: ...
    def begin(self) -> None: ...
    def end(self, commit: bool) -> None: ...


def columns(names: Iterable[str]) -> str:
    """A quoted column list."""
    return ", ".join(f'"{n}"' for n in names)


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


class SQLStore(LinkTables, FeedTables):
    """A :class:`~rashomon.store.base.Store` (and a :class:`~rashomon.link.LinkStore`) over SQL tables."""

    _db: Connection
    errors: tuple[type[Exception], ...] = ()  # the engine's own error classes, reported as StoreError
    where: str = ""  # the file or the server, for messages (never a password)

    # -- engine hooks ----------------------------------------------------------------
    @property
    def schema_version(self) -> int:
        raise NotImplementedError

    def _apply(self, version: int, sql: str) -> None:
        """Run one migration and record its version, in one transaction."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    # -- lifecycle -----------------------------------------------------------------
    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def _migrate(self) -> None:
        known = migrations()
        newest = known[-1][0] if known else 0
        current = self.schema_version
        if current > newest:
            raise StoreError(
                f"{self.where} has schema version {current}, newer than this Rashomon ({newest}); upgrade Rashomon"
            )
        for version, sql in known:
            if version > current:
                self._apply(version, sql)

    # -- writes --------------------------------------------------------------------
    def write(self, batch: Batch) -> WriteResult:
        with self._atomic("the batch was not stored, nothing of it was written"):
            added = WriteResult(
                articles_added=self._insert_articles(batch.articles),
                rejections_added=self._upsert_rejections(batch.rejections),
            )
            for extraction in batch.extractions:
                self._insert_extraction(extraction)
            self._set_status([(x.article_id, "ok", None) for x in batch.extractions])
            self._set_status([(article_id, "failed", reason) for article_id, reason in batch.failed])
        return added

    @contextmanager
    def _atomic(self, failed: str) -> Iterator[None]:
        """One transaction: committed when the block ends, rolled back whole when it raises (a database
        error comes out as a StoreError saying ``failed``)."""
        self._db.begin()
        try:
            yield
        except self.errors as exc:
            self._db.end(commit=False)
            raise StoreError(f"{self.where}: {failed} ({exc})") from exc
        except BaseException:
            self._db.end(commit=False)
            raise
        self._db.end(commit=True)

    def _insert_articles(self, articles: tuple[Article, ...]) -> int:
        """Insert the articles not stored yet, numbered in ingest order (``seq``, which linking follows)."""
        fresh = {a.id: a for a in articles}
        for stored in self.known(list(fresh)):
            del fresh[stored]
        seq = int(self._db.execute('SELECT COALESCE(MAX("seq"), 0) FROM articles').fetchone()[0])
        now = _now()
        self._db.executemany(
            f"INSERT INTO articles ({columns(ARTICLE_COLUMNS)}) VALUES ({marks(len(ARTICLE_COLUMNS))}) "
            'ON CONFLICT ("id") DO NOTHING',
            [_article_row(a, now, seq + i) for i, a in enumerate(fresh.values(), start=1)],
        )
        self._db.executemany(
            'INSERT INTO pages ("article_id", "data") VALUES (?, ?) ON CONFLICT DO NOTHING',
            [(a.id, base64.b64encode(zlib.compress(a.page)).decode()) for a in fresh.values() if a.page],
        )
        return len(fresh)

    def page(self, article_id: str) -> bytes | None:
        """The page the article was fetched from, as fetched (None when it was not fetched)."""
        row = self._db.execute('SELECT "data" FROM pages WHERE "article_id" = ?', (article_id,)).fetchone()
        return zlib.decompress(base64.b64decode(row[0])) if row else None

    def _insert_rows(self, table: str, values: list[tuple[Any, ...]]) -> None:
        if values:
            names = rows.TABLES[table]
            key = columns(("article_id", "id") if "article_id" in names else ("id",))  # an article's rows lie together
            self._db.executemany(
                f"INSERT INTO {table} ({columns(names)}) VALUES ({marks(len(names))}) ON CONFLICT ({key}) DO NOTHING",
                values,
            )

    def _insert_extraction(self, x: Extraction) -> None:
        self._insert_rows("entities", [rows.entity_row(e) for e in x.entities])
        self._db.executemany(
            'INSERT INTO entity_aliases ("entity_id", "alias") VALUES (?, ?) ON CONFLICT DO NOTHING',
            [(e.id, alias) for e in x.entities for alias in e.aliases],
        )
        self._insert_rows("mentions", [rows.mention_row(m) for m in x.mentions])
        self._insert_rows("quantities", [rows.quantity_row(q) for q in x.quantities])
        self._insert_rows("attributions", [rows.attribution_row(a) for a in x.attributions])
        self._insert_rows("events", [rows.event_row(e, x.article_id) for e in x.events])
        self._insert_rows("claims", [rows.claim_row(c) for c in x.claims])

    def _set_status(self, outcomes: list[tuple[str, str, str | None]]) -> None:
        now = _now()
        self._db.executemany(
            'INSERT INTO extraction_status ("article_id", "status", "reason", "at") VALUES (?, ?, ?, ?) '
            'ON CONFLICT ("article_id") DO UPDATE SET "status" = excluded."status", "reason" = excluded."reason", '
            '"at" = excluded."at"',
            [(article_id, status, reason, now) for article_id, status, reason in outcomes],
        )

    def extraction_status(self, status: str | None = None) -> list[tuple[str, str, str | None]]:
        """(article id, status, reason) of every article whose extraction was recorded (of ``status`` only,
        when given), in the order the articles were stored."""
        where, params = ('WHERE s."status" = ?', (status,)) if status else ("", ())
        found = self._db.execute(
            f'SELECT s."article_id", s."status", s."reason" FROM extraction_status s '
            f'JOIN articles a ON a."id" = s."article_id" {where} ORDER BY a."seq"',
            params,
        )
        return [(r[0], r[1], r[2]) for r in found]

    def replace_extractions(self, batch: Batch) -> None:
        """Write ``batch``'s extractions in place of what its articles held (one transaction), record each
        outcome, and mark the stories holding them stale so that their slots are worked out again."""
        ids = [x.article_id for x in batch.extractions]
        with self._atomic("the new extractions were not stored, the old ones stay"):
            for table in ("mentions", "quantities", "attributions", "events", "claims"):
                for at in range(0, len(ids), CHUNK):
                    chunk = ids[at : at + CHUNK]
                    self._db.execute(f'DELETE FROM {table} WHERE "article_id" IN ({marks(len(chunk))})', chunk)
            for extraction in batch.extractions:
                self._insert_extraction(extraction)
            self._set_status([(i, "ok", None) for i in ids] + [(i, "failed", why) for i, why in batch.failed])
            for article_id in ids:
                story_id = self.story_of(article_id)
                if story_id is not None:
                    self.mark_stale(story_id)

    def _upsert_rejections(self, rejections: tuple[Rejection, ...]) -> int:
        added = 0
        for r in rejections:
            at = r.at.isoformat(timespec="seconds")
            cur = self._db.execute(
                'INSERT INTO rejections ("id", "origin", "reason", "first_seen", "last_seen") VALUES (?, ?, ?, ?, ?) '
                'ON CONFLICT ("id") DO NOTHING',
                (r.id, r.origin, r.reason, at, at),
            )
            if cur.rowcount == 1:
                added += 1
            else:
                self._db.execute('UPDATE rejections SET "last_seen" = ? WHERE "id" = ?', (at, r.id))
        return added

    # -- reads ---------------------------------------------------------------------
    def articles(self) -> Iterator[Article]:
        cur = self._db.execute(
            f'SELECT {columns(ARTICLE_COLUMNS)} FROM articles ORDER BY "published" IS NULL, "published", "id"'
        )
        for row in cur:
            yield _article_from_row(row)

    def article(self, key: str) -> Article | None:
        escaped = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        found = self._db.execute(
            f"SELECT {columns(ARTICLE_COLUMNS)} FROM articles WHERE \"id\" LIKE ? ESCAPE '\\' LIMIT 2",
            (escaped + "%",),
        ).fetchall()
        return _article_from_row(found[0]) if len(found) == 1 else None

    def articles_by_id(self, ids: list[str]) -> list[Article]:
        """The articles whose ids are exactly ``ids``, in that order (missing ones left out)."""
        found: dict[str, Article] = {}
        for at in range(0, len(ids), CHUNK):
            chunk = ids[at : at + CHUNK]
            sql = f'SELECT {columns(ARTICLE_COLUMNS)} FROM articles WHERE "id" IN ({marks(len(chunk))})'
            cur = self._db.execute(sql, chunk)
            found.update((a.id, a) for a in map(_article_from_row, cur))
        return [found[i] for i in ids if i in found]

    def rejections(self) -> list[Rejection]:
        cur = self._db.execute(
            'SELECT "id", "origin", "reason", "last_seen" FROM rejections ORDER BY "last_seen" DESC, "origin"'
        )
        return [Rejection(r[0], r[1], r[2], datetime.fromisoformat(r[3])) for r in cur]

    def known(self, article_ids: list[str]) -> set[str]:
        found: set[str] = set()
        for i in range(0, len(article_ids), CHUNK):
            chunk = article_ids[i : i + CHUNK]
            cur = self._db.execute(f'SELECT "id" FROM articles WHERE "id" IN ({marks(len(chunk))})', chunk)
            found.update(r[0] for r in cur)
        return found

    def _select(self, table: str, article_ids: list[str], order: str = '"start", "id"') -> dict[str, list[Any]]:
        """The rows of ``table`` for each of ``article_ids``, in ``order`` within each article."""
        found: dict[str, list[Any]] = {i: [] for i in article_ids}
        for at in range(0, len(article_ids), CHUNK):
            chunk = article_ids[at : at + CHUNK]
            cur = self._db.execute(
                f'SELECT {columns(rows.TABLES[table])} FROM {table} WHERE "article_id" IN ({marks(len(chunk))}) '
                f'ORDER BY "article_id", {order}',
                chunk,
            )
            for row in cur:
                found[row[rows.TABLES[table].index("article_id")]].append(row)
        return found

    def extraction(self, article_id: str) -> Extraction:
        return self.extractions([article_id])[0]

    def extractions(self, article_ids: list[str], parts: frozenset[str] = PARTS) -> list[Extraction]:
        """What was extracted from each of ``article_ids``, in that order, read with a few queries per table
        for all of them (a story's articles are read together). Sections not in ``parts`` are left empty."""
        found_mentions = self._select("mentions", article_ids)
        mentions = {a: [rows.mention_from(r) for r in found] for a, found in found_mentions.items()}
        entities = {e.id: e for e in self.entities(sorted({m.entity_id for ms in mentions.values() for m in ms}))}
        none: dict[str, list[Any]] = {a: [] for a in article_ids}
        quantities = self._select("quantities", article_ids) if "quantities" in parts else none
        attributions = self._select("attributions", article_ids) if "attributions" in parts else none
        events = self._select("events", article_ids, order='"id"') if "events" in parts else none
        claims = self._select("claims", article_ids) if "claims" in parts else none
        return [
            Extraction(
                article_id=a,
                entities=tuple(entities[i] for i in sorted({m.entity_id for m in mentions[a]}) if i in entities),
                mentions=tuple(mentions[a]),
                quantities=tuple(rows.quantity_from(r) for r in quantities[a]),
                attributions=tuple(rows.attribution_from(r) for r in attributions[a]),
                events=tuple(rows.event_from(r) for r in events[a]),
                claims=tuple(rows.claim_from(r) for r in claims[a]),
            )
            for a in article_ids
        ]

    def entities(self, ids: list[str]) -> list[Any]:
        """The entities of ``ids`` with their aliases, in that order (unknown ids left out)."""
        found: dict[str, Any] = {}
        aliases: dict[str, list[str]] = {}
        for at in range(0, len(ids), CHUNK):
            chunk = ids[at : at + CHUNK]
            where = f"IN ({marks(len(chunk))})"
            sql = f'SELECT "entity_id", "alias" FROM entity_aliases WHERE "entity_id" {where}'
            for eid, alias in self._db.execute(sql, chunk):
                aliases.setdefault(eid, []).append(alias)
            for row in self._db.execute(f'SELECT "id", "name", "type", "geo" FROM entities WHERE "id" {where}', chunk):
                found[row[0]] = row
        return [rows.entity_from(found[i], aliases.get(i, [])) for i in ids if i in found]

    def count(self, table: str) -> int:
        if table not in {"articles", "rejections", *rows.TABLES}:
            raise StoreError(f"no table {table!r} to count")
        return int(self._db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def get_meta(self, key: str) -> str | None:
        row = self._db.execute('SELECT "value" FROM meta WHERE "key" = ?', (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        set_meta(self._db, key, value)


def _article_row(a: Article, now: str, seq: int) -> tuple[Any, ...]:
    return (
        a.id, a.origin, a.kind, a.outlet, a.url,
        a.published.isoformat() if a.published else None,
        a.title, a.byline, a.author_bio, a.site_name, a.encoding,
        json.dumps(list(a.furniture), ensure_ascii=False), a.text, now, seq,
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
