"""Feeds: RSS and Atom (read by ``feedparser``) and JSON Feed, fetched politely.

A feed is fetched with a conditional GET (its last ``ETag`` and ``Last-Modified``), under the same guard
as every fetch (:func:`rashomon.ingest.fetch.guarded_get`). :class:`Polite` spaces the requests to one
host and honours each host's ``robots.txt``; a 429 or 5xx answer puts the feed off until its
``Retry-After`` (or a backoff).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from rashomon.errors import FetchError
from rashomon.ingest.fetch import FetchLimits, guarded_get

BACKOFF_S = 300.0  # a host that answers 5xx without Retry-After is asked again after this long
MAX_BACKOFF_S = 6 * 3600.0


@dataclass(frozen=True, slots=True)
class Entry:
    """One item of a feed: the page to fetch, with what the feed says of it."""

    url: str
    title: str | None = None
    published: date | None = None


@dataclass(frozen=True, slots=True)
class FeedAnswer:
    """One poll of a feed: its entries (none when it was not modified), its validators for the next poll,
    and when to ask again at the earliest after a refusal (``retry_at``, seconds since the epoch)."""

    status: int
    entries: tuple[Entry, ...] = ()
    etag: str | None = None
    modified: str | None = None
    retry_at: float | None = None


def parse_feed(data: bytes, base: str) -> tuple[Entry, ...]:
    """The entries of an RSS, Atom or JSON Feed document, in the feed's order (relative links resolved
    against ``base``); entries without a link are left out."""
    text = data.lstrip()
    if text.startswith(b"{"):
        return _json_feed(text, base)
    import feedparser  # only feeds pay for it

    parsed = feedparser.parse(data)
    if parsed.bozo and not parsed.entries:
        raise FetchError(f"{base} is not a feed RSS, Atom or JSON Feed can read ({parsed.bozo_exception})")
    out = []
    for e in parsed.entries:
        link = e.get("link")
        if link:
            when = e.get("published_parsed") or e.get("updated_parsed")
            out.append(Entry(urljoin(base, link), e.get("title"), date(*when[:3]) if when else None))
    return tuple(out)


def _json_feed(data: bytes, base: str) -> tuple[Entry, ...]:
    try:
        doc = json.loads(data)
    except ValueError as exc:
        raise FetchError(f"{base} is not valid JSON Feed ({exc})") from exc
    if not isinstance(doc, dict) or "jsonfeed.org" not in str(doc.get("version", "")):
        raise FetchError(f"{base} is JSON but not a JSON Feed (no jsonfeed.org version)")
    out = []
    for item in doc.get("items", []):
        link = item.get("url") or item.get("external_url") if isinstance(item, dict) else None
        if link:
            day = str(item.get("date_published") or "")[:10]
            out.append(Entry(urljoin(base, link), item.get("title"), _iso_day(day)))
    return tuple(out)


def _iso_day(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


@dataclass
class Polite:
    """One request at a time per host, at least ``delay`` seconds apart, only where ``robots.txt`` allows
    (a host whose robots.txt cannot be read is fetched: that is what the file's absence means)."""

    limits: FetchLimits
    delay: float = 1.0
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    last: dict[str, float] = field(default_factory=dict)
    robots: dict[str, RobotFileParser | None] = field(default_factory=dict)

    def wait_for(self, url: str) -> None:
        host = urlsplit(url).netloc
        if host in self.last:
            due = self.last[host] + self.delay - self.clock()
            if due > 0:
                self.sleep(due)
        self.last[host] = self.clock()

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}"
        if root not in self.robots:
            self.robots[root] = self._robots(root + "/robots.txt")
        rules = self.robots[root]
        return rules is None or rules.can_fetch(self.limits.user_agent, url)

    def _robots(self, url: str) -> RobotFileParser | None:
        self.wait_for(url)
        try:
            _, status, body, _ = guarded_get(url, self.limits)
        except FetchError:
            return None
        if status != 200:
            return None
        rules = RobotFileParser(url)
        rules.parse(body.decode("utf-8", errors="replace").splitlines())
        return rules


def poll_feed(url: str, limits: FetchLimits, etag: str | None = None, modified: str | None = None) -> FeedAnswer:
    """One conditional GET of a feed and its entries (FetchError when it cannot be had or read)."""
    headers = {"If-None-Match": etag} if etag else {}
    if modified:
        headers["If-Modified-Since"] = modified
    url, status, body, answered = guarded_get(url, limits, headers)
    if status == 304:
        return FeedAnswer(304, (), etag, modified)
    if status == 429 or status >= 500:
        return FeedAnswer(status, (), etag, modified, retry_at=time.time() + _retry_after(answered))
    if status >= 400:
        raise FetchError(f"{url} answered HTTP {status}")
    return FeedAnswer(status, parse_feed(body, url), answered.get("etag"), answered.get("last-modified"))


def _retry_after(headers: httpx.Headers) -> float:
    value = headers.get("retry-after", "")
    if value.strip().isdigit():
        return min(float(value), MAX_BACKOFF_S)
    try:
        return min(max(0.0, (parsedate_to_datetime(value) - datetime.now(UTC)).total_seconds()), MAX_BACKOFF_S)
    except (TypeError, ValueError):
        return BACKOFF_S
