"""Following many feeds at once, on a loopback server started here: speed, politeness, duplicates, memory.

    .venv/bin/python bench/watch_load.py [--feeds 50] [--entries 20] [--hosts 5] [--delay 0.05]

The server answers for ``--hosts`` host names (127.0.0.2, 127.0.0.3, ...: every 127/8 address is this
machine), each with its share of ``--feeds`` RSS feeds of ``--entries`` entries; every entry is a page
of its own, generated (bench/corpus.py). Two polls run with ``rashomon.watch.poll`` into a fresh store
(extraction off: this measures fetching, politeness and bookkeeping, not NLP): the first takes every
entry, the second finds each feed unchanged (304). Printed: entries per second, the highest request
rate seen to one host (it must stay under one per ``--delay``), duplicates stored (must be 0), and the
process's memory after each poll. The rate to one host is the most requests it received in any one
second. The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import threading
import time
from collections import defaultdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import articles

from rashomon.ingest.feeds import Polite
from rashomon.ingest.fetch import limits_for
from rashomon.settings import Settings
from rashomon.store import open_store
from rashomon.watch import poll


class Loopback(BaseHTTPRequestHandler):
    entries: ClassVar[int] = 20
    pages: ClassVar[list[str]] = []
    seen: ClassVar[dict[str, list[float]]] = defaultdict(list)  # host -> request times
    lock = threading.Lock()

    def do_GET(self) -> None:
        host = self.headers.get("Host", "")
        with Loopback.lock:
            Loopback.seen[host].append(time.monotonic())
        if self.path.startswith("/feed/"):
            if self.headers.get("If-None-Match") == '"v1"':
                self.send_response(304)
                self.end_headers()
                return
            n = int(self.path.split("/")[2])
            items = "".join(
                f"<item><title>t</title><link>/page/{n * Loopback.entries + i}</link></item>"
                for i in range(Loopback.entries)
            )
            self._send(f'<rss version="2.0"><channel><title>f</title>{items}</channel></rss>', "application/rss+xml")
        elif self.path.startswith("/page/"):
            text = Loopback.pages[int(self.path.split("/")[2]) % len(Loopback.pages)]
            self._send(f"<html><body><article><p>{text}</p><p>{self.path}</p></article></body></html>", "text/html")
        else:
            self.send_response(404)
            self.end_headers()

    def _send(self, body: str, kind: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("ETag", '"v1"')
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, *args: object) -> None:
        pass


def rss_mb() -> float:
    return int(Path("/proc/self/statm").read_text().split()[1]) * 4096 / 1e6


def peak_rate(times: list[float]) -> int:
    """The most requests one host received within any one second (arrival jitter makes two single gaps
    look closer than the watcher spaced them; a second's count is what a host's rate limit sees)."""
    ordered = sorted(times)
    most, start = 0, 0
    for end, t in enumerate(ordered):
        while t - ordered[start] >= 1.0:
            start += 1
        most = max(most, end - start + 1)
    return most


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--feeds", type=int, default=50)
    ap.add_argument("--entries", type=int, default=20)
    ap.add_argument("--hosts", type=int, default=5)
    ap.add_argument("--delay", type=float, default=0.05, help="seconds between two requests to one host")
    args = ap.parse_args()
    Loopback.entries = args.entries
    Loopback.pages = [a["text"] for a in articles(200)]
    httpd = ThreadingHTTPServer(("0.0.0.0", 0), Loopback)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    port = httpd.server_address[1]
    settings = Settings(allow_private_urls=True, extract=False)
    polls = []
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "watch.sqlite") as store:
        for n in range(args.feeds):
            store.add_feed(f"http://127.0.0.{2 + n % args.hosts}:{port}/feed/{n}", f"Outlet {n % 7}", 60)
        polite = Polite(limits_for(settings), delay=args.delay)
        clock = [0.0]
        for _ in range(2):
            start = time.perf_counter()
            reports = poll(store, settings, polite, clock=lambda: clock[0])
            seconds = time.perf_counter() - start
            polls.append({"seconds": round(seconds, 2), "new": sum(r.new for r in reports),
                          "stored": sum(r.added for r in reports), "rss_mb": round(rss_mb(), 1)})  # fmt: skip
            clock[0] += 3600  # every feed is due again
        stored = len(list(store.articles()))
    httpd.shutdown()
    expected = args.feeds * args.entries
    rate = max(peak_rate(times) for times in Loopback.seen.values())
    result = {
        "feeds": args.feeds, "entries": expected, "polls": polls,
        "entries_per_s": round(polls[0]["new"] / polls[0]["seconds"], 1), "stored": stored,
        "duplicates": max(0, stored - expected),  # every entry is a page of its own: more is a duplicate
        "peak_requests_per_s_one_host": round(rate, 1), "limit_per_s": round(1 / args.delay, 1),
    }  # fmt: skip
    print(
        f"{expected} entries of {args.feeds} feeds on {args.hosts} hosts: first poll {polls[0]['seconds']:.1f} s "
        f"({result['entries_per_s']:.0f} entries/s), {polls[0]['stored']} stored; second poll "
        f"{polls[1]['seconds']:.2f} s, {polls[1]['new']} new; at most {rate} requests in a second to one host (limit "
        f"{1 / args.delay:.0f}); memory {polls[0]['rss_mb']:.0f} -> {polls[1]['rss_mb']:.0f} MB"
    )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
