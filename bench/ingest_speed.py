"""Bulk ingest at scale: speed at the start and at the end of a run, and peak memory.

    .venv/bin/python bench/ingest_speed.py [--articles N] [--workers W] [--engine local|dask] [--no-extract]

Generates ``--articles`` news-like articles (bench/corpus.py, about 600 words each) into one JSON
Lines file and ingests it into a fresh SQLite store, end to end (read, parse, extract, write, link;
``--no-extract`` stops after the write). Time per article is measured over the first and the last
tenth of the run: their ratio shows whether work per article grows with the store. Peak memory is
the largest resident size of this process or any worker. The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_jsonl

from rashomon.engines import open_engine
from rashomon.pipeline import IngestReport, ingest
from rashomon.settings import Settings
from rashomon.store import open_store


def _peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return max(own, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024


def _per_article(marks: list[tuple[int, float]], lo: int, hi: int) -> float:
    """Seconds per article between the progress marks nearest to ``lo`` and ``hi`` articles read."""
    start = min(marks, key=lambda m: abs(m[0] - lo))
    end = min(marks, key=lambda m: abs(m[0] - hi))
    return (end[1] - start[1]) / max(1, end[0] - start[0])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--engine", choices=["local", "dask"], default="local")
    ap.add_argument("--no-extract", action="store_true", help="read, clean and store only")
    args = ap.parse_args()
    marks: list[tuple[int, float]] = []

    step = max(1, args.articles // 20)

    def progress(report: IngestReport) -> None:
        now = time.perf_counter()
        if marks and report.read // step > marks[-1][0] // step:  # a line every twentieth, for long runs
            rate = report.read / (now - marks[0][1])
            line = f"... {report.read} read, {rate:.2f} articles/s, this process's peak RSS {_peak_mb():.0f} MB"
            print(line, file=sys.stderr)
        marks.append((report.read, now))

    with tempfile.TemporaryDirectory() as tmp:
        feed = write_jsonl(Path(tmp) / "feed.jsonl", args.articles)
        settings = Settings(db=str(Path(tmp) / "bench.sqlite"), extract=not args.no_extract)
        engine = open_engine(args.engine, args.workers)
        try:
            with open_store(settings.store_target) as store:
                start = time.perf_counter()
                marks.append((0, start))
                report = ingest([feed], store, settings, progress=progress, engine=engine)
                elapsed = time.perf_counter() - start
        finally:
            engine.close()
    if report.refused:  # generated articles are all well formed: a refusal is a failure, not a figure
        sys.exit(f"{report.refused} of {report.read} articles were set aside (see the store's rejections); no figures")
    n = report.added
    tenth = max(1, n // 10)
    first, last = _per_article(marks, 0, tenth), _per_article(marks, n - tenth, n)
    if not first or not last:
        sys.exit(f"{n} articles are too few to time their first and last tenth: give --articles 1000 or more")
    peak = _peak_mb()
    closing = elapsed - (marks[-1][1] - start)  # linking the last articles and reconciling the changed stories
    print(f"ingested {n} articles in {elapsed:.1f} s: {n / elapsed:.2f} articles/s ({args.workers} worker(s))")
    print(f"{len(report.stories)} stories; the closing link and reconcile took {closing:.1f} s of the total")
    print(f"time per article: first tenth {first * 1000:.1f} ms, last tenth {last * 1000:.1f} ms (x{last / first:.2f})")
    print(f"peak RSS {peak:.0f} MB")
    summary = {
        "articles": n, "seconds": round(elapsed, 1), "articles_per_s": round(n / elapsed, 2),
        "ms_per_article_first_tenth": round(first * 1000, 1), "ms_per_article_last_tenth": round(last * 1000, 1),
        "end_over_start": round(last / first, 2), "closing_s": round(closing, 1), "stories": len(report.stories),
        "peak_rss_mb": round(peak), "workers": args.workers,
        "engine": args.engine, "extract": not args.no_extract,
    }  # fmt: skip
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
