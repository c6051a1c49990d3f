"""Ingest speed (read, clean, store; no NLP yet) on generated plain-text reports.

    .venv/bin/python bench/ingest_speed.py [--articles N] [--batch-size B]

Prints articles per second and peak resident memory; the last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import tempfile
import time
from pathlib import Path

from rashomon.pipeline import ingest
from rashomon.settings import Settings
from rashomon.store import open_store

WORDS = (
    "the council said on Monday that police officers residents were moved from the market after "
    "gunmen attacked town villages road officials hospital figures reported about dozens people"
).split()


def generate(folder: Path, n: int, words: int, seed: int = 7) -> Path:
    rng = random.Random(seed)
    feed = folder / "feed.jsonl"
    with feed.open("w", encoding="utf-8") as fh:
        for i in range(n):
            body = " ".join(rng.choice(WORDS) for _ in range(words))
            fh.write(json.dumps({"text": f"Report {i}\n\n{body}.", "published": "2025-09-09"}) + "\n")
    return feed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--words", type=int, default=600)
    ap.add_argument("--batch-size", type=int, default=64)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        feed = generate(Path(tmp), args.articles, args.words)
        settings = Settings(db=str(Path(tmp) / "bench.sqlite"), batch_size=args.batch_size)
        with open_store(settings.store_target) as store:
            start = time.perf_counter()
            report = ingest([feed], store, settings)
            elapsed = time.perf_counter() - start
    rate = report.added / elapsed
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"ingested {report.added} articles of ~{args.words} words in {elapsed:.2f} s: {rate:.0f} articles/s")
    print(f"peak RSS {peak_mb:.0f} MB")
    print(
        json.dumps(
            {
                "articles": report.added,
                "seconds": round(elapsed, 3),
                "articles_per_s": round(rate, 1),
                "peak_rss_mb": round(peak_mb, 1),
            }
        )
    )


if __name__ == "__main__":
    main()
