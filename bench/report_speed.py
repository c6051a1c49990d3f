"""How fast reports come out of a growing store: the whole JSON export, and one story's page.

    .venv/bin/python bench/report_speed.py [--sizes 1000 10000 100000] [--stories 5] [--templates 100]

One SQLite store grows through ``--sizes`` articles: generated articles (bench/corpus.py), each written
with the extraction of one of ``--templates`` extracted articles (its records given ids of their own,
as bench/store_scale.py does), in the stories the corpus wrote them for (``--stories-from corpus``, the
default: about six reports a story, as news has) or as linking groups them (``--stories-from linking``:
the generated texts share so many words that linking makes a few stories of thousands of articles),
then reconciled, as an ingest would leave them. Linking's own speed is bench/link_scale.py's. At each
size it measures:

- the JSON export streamed to a counting sink (``rashomon export``'s path): seconds, articles per
  second, seconds per 1,000 articles, and how far the process's resident memory rose meanwhile;
- the story page (``GET /stories/{id}`` through the app, in process): the first request for each of
  ``--stories`` stories (the largest, then others drawn with a fixed seed), with their sizes.

Targets (issue 25): a story page under 0.3 s at 100,000 stored articles, export at 200 articles/s or
more. The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import threading
import time
import warnings
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import articles

with warnings.catch_warnings():  # starlette asks for "httpx2" in its test client; httpx is what is installed
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient
from store_scale import article_of, rekeyed, templates

from rashomon.link import link_pending, reconcile_pending
from rashomon.pipeline import LINK_EVERY
from rashomon.records import content_id
from rashomon.report import write_export
from rashomon.settings import Settings
from rashomon.store import Batch, SQLStore, open_store
from rashomon.web import create_app

BATCH = Settings().batch_size


class Sink:
    """A text stream that only counts what is written to it."""

    def __init__(self) -> None:
        self.chars = 0

    def write(self, text: str) -> int:
        self.chars += len(text)
        return len(text)


class PeakRSS:
    """The process's resident memory, sampled every 20 ms while the block runs: (before, peak) in MB."""

    def __init__(self) -> None:
        self.before = self.peak = 0.0
        self._stop = threading.Event()

    @staticmethod
    def now() -> float:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * 4096 / 1e6

    def __enter__(self) -> PeakRSS:
        self.before = self.peak = self.now()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()
        return self

    def _watch(self) -> None:
        while not self._stop.wait(0.02):
            self.peak = max(self.peak, self.now())

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self.now())


def grow(
    store: SQLStore, start: int, end: int, extractions: list[Any], shared: list[frozenset[str]], linking: bool
) -> None:
    """Write articles ``start + 1`` to ``end`` of the generated corpus into their stories, then reconcile."""
    pending: list[tuple[Any, Any, str]] = []
    for i, record in enumerate(articles(end), 1):
        if i <= start:
            continue
        a = article_of(i, record)
        k = i % len(extractions)
        pending.append((a, rekeyed(extractions[k], a.id, extractions[k].article_id, shared[k]), record["story"]))
        if len(pending) == BATCH or i == end:
            store.write(Batch(tuple(p[0] for p in pending), extractions=tuple(p[1] for p in pending)))
            if not linking:
                _file(store, [(p[0].id, p[2]) for p in pending])
            pending = []
        if linking and (i % LINK_EVERY == 0 or i == end):
            link_pending(store, BATCH)
    reconcile_pending(store)


def _file(store: SQLStore, members: list[tuple[str, str]]) -> None:
    """Put each article into the corpus's story for it (what linking would do on news it gets right)."""
    with store.transaction() as db:
        for article_id, story_no in members:
            story_id = content_id("story", "generated", story_no)
            db.execute(
                'INSERT INTO stories ("id", "centroid", "size", "first", "last") VALUES (?, \'{}\', 1, NULL, NULL) '
                'ON CONFLICT ("id") DO UPDATE SET "size" = stories."size" + 1',
                (story_id,),
            )
            seq = db.execute('SELECT "seq" FROM articles WHERE "id" = ?', (article_id,)).fetchone()[0]
            db.execute(
                'INSERT INTO story_articles ("article_id", "story_id", "similarity", "seq") VALUES (?, ?, 1, ?) '
                "ON CONFLICT DO NOTHING",
                (article_id, story_id, seq),
            )
            store.mark_stale(story_id)
        store.mark_linked(members[-1][0])


def measure_export(store: SQLStore, n: int) -> dict[str, float]:
    sink = Sink()
    with PeakRSS() as rss:
        start = time.perf_counter()
        write_export(store, "json", sink)  # type: ignore[arg-type]
        seconds = time.perf_counter() - start
    return {
        "export_s": round(seconds, 2), "export_articles_per_s": round(n / seconds, 1),
        "export_s_per_1000": round(1000 * seconds / n, 2), "export_mb": round(sink.chars / 1e6, 1),
        "export_rss_rise_mb": round(rss.peak - rss.before, 1),
    }  # fmt: skip


def measure_pages(store: SQLStore, count: int, seed: int = 7) -> dict[str, Any]:
    stories = sorted(store.stories(), key=lambda s: -len(s.article_ids))
    rest = stories[1:]
    picked = stories[:1] + random.Random(seed).sample(rest, min(count - 1, len(rest)))
    client = TestClient(create_app(store, Settings()))
    timings = []
    for s in picked:
        start = time.perf_counter()
        response = client.get(f"/stories/{s.id}")
        timings.append((time.perf_counter() - start, len(s.article_ids)))
        assert response.status_code == 200, response.text[:200]
    return {
        "page_s": [round(t, 3) for t, _ in timings],
        "page_story_sizes": [n for _, n in timings],
        "page_median_s": round(statistics.median(t for t, _ in timings), 3),
        "stories": len(stories),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    ap.add_argument("--stories", type=int, default=5, help="story pages timed at each size")
    ap.add_argument("--templates", type=int, default=100)
    ap.add_argument("--stories-from", choices=["corpus", "linking"], default="corpus")
    args = ap.parse_args()
    if sorted(args.sizes) != args.sizes or args.sizes[0] < 1:
        sys.exit("--sizes must be positive and increasing")
    extractions = templates(args.templates)
    shared = [frozenset(e.id for e in x.entities) for x in extractions]
    results = []
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "reports.sqlite") as store:
        stored = 0
        for size in args.sizes:
            start = time.perf_counter()
            grow(store, stored, size, extractions, shared, linking=args.stories_from == "linking")
            stored = size
            row = {"stored": size, "build_s": round(time.perf_counter() - start, 1)}
            row |= measure_export(store, size) | measure_pages(store, args.stories)
            results.append(row)
            timed = zip(row["page_s"], row["page_story_sizes"], strict=True)
            pages = ", ".join(f"{t:.3f} s ({n} articles)" for t, n in timed)
            print(
                f"{size:>7} stored ({row['stories']} stories): export {row['export_s']:.1f} s "
                f"({row['export_articles_per_s']:.0f} articles/s, {row['export_s_per_1000']:.2f} s per 1,000, "
                f"{row['export_mb']:.0f} MB written, RSS +{row['export_rss_rise_mb']:.0f} MB); story page "
                f"median {row['page_median_s']:.3f} s: {pages}",
                flush=True,
            )  # fmt: skip
    print(json.dumps({"stories_from": args.stories_from, "sizes": results}))


if __name__ == "__main__":
    main()
