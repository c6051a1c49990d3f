"""Following feeds against a loopback server started here: RSS, Atom and JSON Feed, pages, robots.txt,
conditional GET (304), 429 with Retry-After, and a feed that changes between polls. Loopback is allowed
through the setting made for it (allow_private_urls), nowhere else."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from rashomon.ingest.feeds import Polite, parse_feed
from rashomon.ingest.fetch import limits_for
from rashomon.settings import Settings
from rashomon.store import SQLStore
from rashomon.watch import poll
from tests.conftest import run_cli

SETTINGS = Settings(allow_private_urls=True, batch_size=4)
PAGES = {
    "/news/dorsk": "Gunmen killed 12 people in Dorsk on Monday, police said.",
    "/news/vell": "Floods forced 300 families from their homes in Vell on Tuesday, the mayor said.",
    "/news/kesto": "The army arrested 40 suspects in Kestograd on Wednesday, officials said.",
    "/private/memo": "This page is for staff only; 9 people read it.",
}


class Site(BaseHTTPRequestHandler):
    rss_items: ClassVar[list[str]] = ["/news/dorsk", "/news/vell"]
    hits: ClassVar[list[str]] = []
    agents: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        Site.hits.append(self.path)
        Site.agents.append(self.headers.get("User-Agent", ""))
        if self.path == "/robots.txt":
            self._send("User-agent: *\nDisallow: /private/\n", "text/plain")
        elif self.path == "/rss.xml":
            tag = f'"v{len(self.rss_items)}"'
            if self.headers.get("If-None-Match") == tag:
                self.send_response(304)
                self.end_headers()
                return
            items = "".join(f"<item><title>t</title><link>{p}</link></item>" for p in self.rss_items)
            body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>R</title>{items}</channel></rss>'
            self._send(body, "application/rss+xml", {"ETag": tag})
        elif self.path == "/atom.xml":
            body = (
                '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>'
                '<entry><title>k</title><link href="/news/kesto"/><updated>2026-01-20T10:00:00Z</updated></entry>'
                '<entry><title>p</title><link href="/private/memo"/></entry></feed>'
            )
            self._send(body, "application/atom+xml")
        elif self.path == "/feed.json":
            doc = {"version": "https://jsonfeed.org/version/1.1", "title": "J",
                   "items": [{"id": "1", "url": "/news/vell", "date_published": "2026-01-21T08:00:00Z"}]}  # fmt: skip
            self._send(json.dumps(doc), "application/feed+json")
        elif self.path == "/busy.xml":
            self.send_response(429)
            self.send_header("Retry-After", "120")
            self.end_headers()
        elif self.path in PAGES:
            self._send(f"<html><body><article><p>{PAGES[self.path]}</p></article></body></html>", "text/html")
        else:
            self.send_response(404)
            self.end_headers()

    def _send(self, body: str, kind: str, headers: dict[str, str] | None = None) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def site() -> Iterator[str]:
    Site.rss_items = ["/news/dorsk", "/news/vell"]
    Site.hits, Site.agents = [], []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def _polite() -> Polite:
    return Polite(limits_for(SETTINGS), delay=0.0)


def test_the_three_feed_formats_give_their_entries_with_links_resolved() -> None:
    rss = b'<rss version="2.0"><channel><item><title>a</title><link>/x</link></item></channel></rss>'
    atom = b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="y"/></entry></feed>'
    js = json.dumps({"version": "https://jsonfeed.org/version/1", "items": [{"url": "z"}]}).encode()
    assert [e.url for e in parse_feed(rss, "http://h/f")] == ["http://h/x"]
    assert [e.url for e in parse_feed(atom, "http://h/f")] == ["http://h/y"]
    assert [e.url for e in parse_feed(js, "http://h/f")] == ["http://h/z"]


def test_a_poll_ingests_exactly_the_new_entries_and_honours_robots_txt(site: str, any_store: SQLStore) -> None:
    for path, outlet in (("/rss.xml", "Courier"), ("/atom.xml", "Wire"), ("/feed.json", "Digest")):
        any_store.add_feed(site + path, outlet, 900)
    polite = _polite()
    first = {r.feed.removeprefix(site): r for r in poll(any_store, SETTINGS, polite, clock=lambda: 1000.0)}
    assert sum(r.new for r in first.values()) == 4 and sum(r.added for r in first.values()) == 3
    assert (first["/atom.xml"].new, first["/atom.xml"].added, first["/atom.xml"].refused) == (2, 1, 1)
    assert "/private/memo" not in Site.hits  # robots.txt disallows it: never requested
    assert [Site.hits.count(p) for p in ("/news/dorsk", "/news/vell", "/news/kesto")] == [1, 1, 1]  # once each
    assert sorted(a.outlet or "" for a in any_store.articles()) == ["Courier", "Digest", "Wire"]
    assert all(agent.startswith("Rashomon/") for agent in Site.agents)

    Site.rss_items = ["/news/dorsk", "/news/vell", "/news/fresh"]  # the feed changes between polls
    PAGES["/news/fresh"] = "A bridge collapsed in Dorsk on Thursday, injuring 5 people, officials said."
    second = {r.feed.removeprefix(site): r for r in poll(any_store, SETTINGS, polite, clock=lambda: 2000.0)}
    assert (second["/rss.xml"].new, second["/rss.xml"].added) == (1, 1)  # exactly the new entry
    assert Site.hits.count("/news/dorsk") == 1 and len(list(any_store.articles())) == 4
    feeds = {f.url.removeprefix(site): f for f in any_store.feeds()}
    assert feeds["/rss.xml"].entries_seen == 2 and feeds["/rss.xml"].last_error is None
    assert feeds["/rss.xml"].next_due == 2000.0 + 900


def test_an_unchanged_feed_answers_304_and_nothing_is_fetched(site: str, any_store: SQLStore) -> None:
    any_store.add_feed(site + "/rss.xml", "Courier", 60)
    poll(any_store, SETTINGS, _polite(), clock=lambda: 0.0)
    hits = len(Site.hits)
    [again] = poll(any_store, SETTINGS, _polite(), clock=lambda: 100.0)
    assert again.outcome == "not modified" and again.new == 0
    assert Site.hits[hits:] == ["/rss.xml"]


def test_a_busy_host_is_asked_again_only_after_its_retry_after(site: str, any_store: SQLStore) -> None:
    any_store.add_feed(site + "/busy.xml", None, 60)
    [busy] = poll(any_store, SETTINGS, _polite(), clock=lambda: 0.0)
    assert busy.outcome.startswith("HTTP 429")
    [feed] = any_store.feeds()
    assert feed.last_error == "HTTP 429" and feed.next_due > 100
    assert poll(any_store, SETTINGS, _polite(), clock=lambda: 60.0) == []  # not due: not asked


def test_requests_to_one_host_are_spaced_by_the_delay() -> None:
    waits: list[float] = []
    now = [0.0]
    polite = Polite(limits_for(SETTINGS), delay=2.0, sleep=waits.append, clock=lambda: now[0])
    polite.wait_for("http://h/a")
    now[0] = 0.5
    polite.wait_for("http://h/b")
    polite.wait_for("http://other/c")
    assert waits == [1.5]


def test_the_feeds_commands_and_a_single_watch(site: str, tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite"
    env = {"RASHOMON_ALLOW_PRIVATE_URLS": "1"}
    assert run_cli("watch", "--once", db=db, env=env).returncode == 2  # nothing to follow yet
    assert run_cli("feeds", "add", site + "/rss.xml", "--outlet", "Courier", "--every", "15m", db=db).returncode == 0
    done = run_cli("watch", "--once", "--delay", "0", db=db, env=env, process=True)  # the real process: its log
    assert done.returncode == 0, done.stderr
    assert "2 new, 2 stored" in done.stderr  # one line per poll at INFO
    listing = run_cli("feeds", "list", db=db).stdout
    assert "Courier" in listing and "900 s" in listing and "never" not in listing
    assert run_cli("feeds", "remove", site + "/rss.xml", db=db).returncode == 0
    assert run_cli("feeds", "remove", site + "/rss.xml", db=db).returncode == 2
