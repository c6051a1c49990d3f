"""Gazetteer load time and memory, and toponyms resolved per second (network not needed).

    .venv/bin/python bench/geo_speed.py [--rebuild] [--names 20000]

Prints the index build time (with --rebuild, or when no index exists yet), the time to open it,
peak memory, and resolution speed over real place names drawn from the gazetteer itself.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import time

from rashomon.geo.gazetteer import Gazetteer, _package_rows, build, cache_path
from rashomon.geo.resolve import Context, resolve


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--names", type=int, default=20000)
    args = ap.parse_args()
    path = cache_path()
    built = None
    if args.rebuild or not path.exists():
        start = time.perf_counter()
        places = build(path, _package_rows())
        built = time.perf_counter() - start
        print(f"built the index of {places} places in {built:.1f} s ({path.stat().st_size / 1e6:.0f} MB)")
    start = time.perf_counter()
    gaz = Gazetteer(path)
    opened = time.perf_counter() - start
    names = [r[0] for r in gaz.db.execute("SELECT name FROM places WHERE feature = 'city'").fetchall()]
    sample = random.Random(7).sample(names, min(args.names, len(names)))
    start = time.perf_counter()
    placed = sum(1 for n in sample if resolve(n, Context(), gaz=gaz) is not None)
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"opened in {opened * 1000:.1f} ms; resolved {placed}/{len(sample)} names at {len(sample) / elapsed:.0f}/s")
    print(f"peak RSS {peak:.0f} MB")
    print(
        json.dumps(
            {
                "build_s": built,
                "open_ms": round(opened * 1000, 1),
                "names_per_s": round(len(sample) / elapsed),
                "peak_rss_mb": round(peak),
            }
        )
    )


if __name__ == "__main__":
    main()
