"""The feed side of the SQL stores: the feeds a watcher follows, their state, and the entries taken."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from rashomon.errors import StoreError
from rashomon.store import rows

if TYPE_CHECKING:
    from rashomon.store.sql import Connection


@dataclass(frozen=True, slots=True)
class Feed:
    """A followed feed and how its polls have gone."""

    url: str
    outlet: str | None
    every_s: int
    etag: str | None = None
    last_modified: str | None = None
    next_due: float = 0.0  # seconds since the epoch
    last_success: str | None = None
    last_error: str | None = None
    entries_seen: int = 0


COLUMNS = ("url", "outlet", "every_s", "etag", "last_modified", "next_due", "last_success", "last_error",
           "entries_seen")  # fmt: skip


class FeedTables:
    """Methods of the SQL stores for feeds (each runs in its own statement; the watcher writes between polls)."""

    _db: Connection

    def add_feed(self, url: str, outlet: str | None, every_s: int) -> None:
        self._db.execute(
            'INSERT INTO feeds ("url", "outlet", "every_s", "next_due", "entries_seen") VALUES (?, ?, ?, 0, 0) '
            'ON CONFLICT ("url") DO UPDATE SET "outlet" = excluded."outlet", "every_s" = excluded."every_s"',
            (url, outlet, every_s),
        )

    def remove_feed(self, url: str) -> None:
        if self._db.execute('DELETE FROM feeds WHERE "url" = ?', (url,)).rowcount == 0:
            raise StoreError(f"no feed {url!r} is followed; see `rashomon feeds list`")
        self._db.execute('DELETE FROM feed_entries WHERE "feed_url" = ?', (url,))

    def feeds(self) -> list[Feed]:
        cols = ", ".join(f'"{c}"' for c in COLUMNS)
        return [Feed(*r) for r in self._db.execute(f'SELECT {cols} FROM feeds ORDER BY "url"')]

    def save_feed(self, feed: Feed) -> None:
        self._db.execute(
            'UPDATE feeds SET "etag" = ?, "last_modified" = ?, "next_due" = ?, "last_success" = ?, '
            '"last_error" = ?, "entries_seen" = ? WHERE "url" = ?',
            (feed.etag, feed.last_modified, feed.next_due, feed.last_success, feed.last_error, feed.entries_seen,
             feed.url),
        )  # fmt: skip

    def entries_taken(self, entry_urls: list[str]) -> set[str]:
        """Which of ``entry_urls`` some feed has already given (and were fetched or refused): a page two
        feeds list is fetched once."""
        found: set[str] = set()
        for at in range(0, len(entry_urls), rows.CHUNK):
            chunk = entry_urls[at : at + rows.CHUNK]
            where = f'"entry_url" IN ({rows.marks(len(chunk))})'
            found.update(r[0] for r in self._db.execute(f'SELECT "entry_url" FROM feed_entries WHERE {where}', chunk))
        return found

    def take_entries(self, feed_url: str, outcomes: list[tuple[str, str]]) -> None:
        """Record each (entry URL, outcome) so that it is not taken again."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        self._db.executemany(
            'INSERT INTO feed_entries ("feed_url", "entry_url", "outcome", "at") VALUES (?, ?, ?, ?) '
            "ON CONFLICT DO NOTHING",
            [(feed_url, url, outcome, now) for url, outcome in outcomes],
        )
