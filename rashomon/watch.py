"""Following feeds: poll the feeds that are due, fetch their new entries' pages politely, ingest and link
them, and record every outcome (``rashomon feeds status`` reads it back).

One poll of a feed: 1. a conditional GET of the feed (304: nothing new); 2. its entries not taken before;
3. each page fetched where robots.txt allows, one request at a time per host; 4. the pages ingested and
linked as one batch; 5. the entries and the feed's state recorded. A 429 or 5xx answer puts the feed off
until its Retry-After; an error is recorded and the feed is asked again at its next turn.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Protocol

from rashomon.errors import FetchError
from rashomon.ingest import Metadata, RawInput, reject
from rashomon.ingest.feeds import Entry, Polite, poll_feed
from rashomon.ingest.fetch import fetch
from rashomon.pipeline import IngestStore, ingest_inputs
from rashomon.records import Rejection
from rashomon.settings import Settings
from rashomon.store.feeds import Feed

log = logging.getLogger("rashomon.watch")
MAX_SLEEP_S = 60.0  # the watcher looks at the clock (and at a stop request) at least this often


class WatchStore(IngestStore, Protocol):
    def feeds(self) -> list[Feed]: ...
    def save_feed(self, feed: Feed) -> None: ...
    def entries_taken(self, entry_urls: list[str]) -> set[str]: ...
    def take_entries(self, feed_url: str, outcomes: list[tuple[str, str]]) -> None: ...


@dataclass(frozen=True, slots=True)
class PollReport:
    """What one poll of one feed did."""

    feed: str
    outcome: str  # "ok", "not modified", "error: ...", "HTTP 429: ..."
    new: int = 0  # entries not taken before
    added: int = 0  # articles stored
    refused: int = 0  # entries not fetched or not stored (robots.txt, errors, bad pages)


def poll(
    store: WatchStore, settings: Settings, polite: Polite, clock: Callable[[], float] = time.time
) -> list[PollReport]:
    """Poll every feed that is due now; returns a report per feed polled."""
    now = clock()
    return [poll_one(store, settings, polite, feed, now) for feed in store.feeds() if feed.next_due <= now]


def poll_one(store: WatchStore, settings: Settings, polite: Polite, feed: Feed, now: float) -> PollReport:
    polite.wait_for(feed.url)
    try:
        answer = poll_feed(feed.url, polite.limits, feed.etag, feed.last_modified)
    except FetchError as exc:
        store.save_feed(replace(feed, last_error=str(exc), next_due=now + feed.every_s))
        return _logged(PollReport(feed.url, f"error: {exc}"))
    if answer.retry_at is not None:
        wait = answer.retry_at - now
        store.save_feed(replace(feed, last_error=f"HTTP {answer.status}", next_due=answer.retry_at))
        return _logged(PollReport(feed.url, f"HTTP {answer.status}: asked again in {wait:.0f} s"))
    fresh = _fresh(store, feed, answer.entries)
    raws, outcomes = _pages(polite, feed, fresh)
    report = ingest_inputs(raws, store, settings) if raws else None
    store.take_entries(feed.url, outcomes)
    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    store.save_feed(
        replace(
            feed, etag=answer.etag, last_modified=answer.modified, next_due=now + feed.every_s, last_success=stamp,
            last_error=None, entries_seen=feed.entries_seen + len(fresh),
        )
    )  # fmt: skip
    added = report.added if report else 0
    outcome = "not modified" if answer.status == 304 else "ok"
    return _logged(PollReport(feed.url, outcome, len(fresh), added, len(fresh) - added))


def _fresh(store: WatchStore, feed: Feed, entries: tuple[Entry, ...]) -> list[Entry]:
    """The feed's entries no feed gave before, once each, in the feed's order."""
    unique = list({e.url: e for e in entries}.values())
    taken = store.entries_taken([e.url for e in unique])
    return [e for e in unique if e.url not in taken]


def _pages(
    polite: Polite, feed: Feed, entries: list[Entry]
) -> tuple[list[RawInput | Rejection], list[tuple[str, str]]]:
    raws: list[RawInput | Rejection] = []
    outcomes: list[tuple[str, str]] = []
    for e in entries:
        if not polite.allowed(e.url):
            outcomes.append((e.url, "disallowed by robots.txt"))
            log.debug("%s: disallowed by robots.txt", e.url)
            continue
        polite.wait_for(e.url)
        try:
            raws.append(fetch(e.url, polite.limits, Metadata(outlet=feed.outlet, published=e.published, title=e.title)))
            outcomes.append((e.url, "fetched"))
            log.debug("%s: fetched", e.url)
        except FetchError as exc:
            raws.append(reject(e.url, exc))
            outcomes.append((e.url, f"refused: {exc}"))
            log.debug("%s: %s", e.url, exc)
    return raws, outcomes


def _logged(report: PollReport) -> PollReport:
    log.info("%s: %s, %d new, %d stored, %d refused", report.feed, report.outcome, report.new, report.added,
             report.refused)  # fmt: skip
    return report


def watch(
    store: WatchStore, settings: Settings, polite: Polite, stop: threading.Event, once: bool = False,
    clock: Callable[[], float] = time.time,
) -> list[PollReport]:  # fmt: skip
    """Poll due feeds until ``stop`` is set (the poll under way is finished first), or once with ``once``.
    Returns what the polls did."""
    done: list[PollReport] = []
    while not stop.is_set():
        done += poll(store, settings, polite, clock)
        if once:
            break
        due = min((f.next_due for f in store.feeds()), default=clock() + MAX_SLEEP_S)
        stop.wait(min(MAX_SLEEP_S, max(0.5, due - clock())))
    return done
