"""Linking cost as the store grows: articles per second and peak memory at 1k, 10k and 100k stored articles.

    .venv/bin/python bench/link_scale.py [--sizes 1000,10000,100000] [--window 200]

Articles are generated (about 150 words from a few thousand synthetic "stories", each with its own
vocabulary), stored without NLP, and linked as a stream (dedup, clustering, reconciliation). At each
size, the next ``--window`` articles are timed. Candidates per article are bounded (an inverted
index capped per term), so the rate should stay flat as the store grows.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from rashomon.link import link_pending
from rashomon.records import Article
from rashomon.store import Batch, SQLiteStore, open_store

COMMON = "officials said the town police road market people reported residents government forces attack".split()


def article(i: int, rng: random.Random) -> Article:
    story = rng.randrange(max(1, i // 5 + 1))
    local = random.Random(story)
    vocab = [f"w{story}x{k}" for k in range(40)] + [f"place{local.randrange(5000)}"]
    words = [rng.choice(vocab) if rng.random() < 0.4 else rng.choice(COMMON) for _ in range(150)]
    text = " ".join(words) + f". Report {i}."
    day = date(2025, 1, 1) + timedelta(days=story // 50)
    return Article(id=Article.make_id("Bench", text), origin=f"gen:{i}", text=text, outlet="Bench", published=day)


def fill(store: SQLiteStore, start: int, stop: int, rng: random.Random, chunk: int = 2000) -> None:
    for lo in range(start, stop, chunk):
        store.write(Batch(articles=tuple(article(i, rng) for i in range(lo, min(stop, lo + chunk)))))
        link_pending(store, batch_size=500)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--window", type=int, default=200)
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    rng = random.Random(7)
    results = []
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "scale.sqlite") as store:
        stored = 0
        for size in sizes:
            fill(store, stored, size, rng)
            stored = size
            start = time.perf_counter()
            fill(store, stored, stored + args.window, rng, chunk=args.window)
            elapsed = time.perf_counter() - start
            stored += args.window
            rate = args.window / elapsed
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            results.append({"stored": size, "articles_per_s": round(rate, 1), "peak_rss_mb": round(peak, 1)})
            print(f"{size:>7} stored: {rate:7.1f} articles/s linked, peak RSS {peak:.0f} MB", flush=True)
    rates = [r["articles_per_s"] for r in results]
    print(json.dumps({"results": results, "max_over_min": round(max(rates) / min(rates), 2)}))


if __name__ == "__main__":
    main()
