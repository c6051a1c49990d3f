"""The main process's share of a bulk ingest as the store grows: writing extractions and linking.

    .venv/bin/python bench/store_scale.py [--articles 100000] [--step 5000] [--templates 200]

A bulk ingest's workers parse and extract; the main process writes every batch and links it.
This measures that second part alone, at the scale where it matters, without hours of NLP:
``--templates`` generated articles (bench/corpus.py) are extracted once, then ``--articles``
generated articles are written with the extraction of one template each (its records given
ids of their own, as real extraction would), in batches of 32 with linking every 256 articles,
into a fresh SQLite store. Every ``--step`` articles it prints the milliseconds per article
spent writing and linking over that step, and the store's size. The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import articles

from rashomon.link import link_pending
from rashomon.pipeline import LINK_EVERY, Job, run_job
from rashomon.records import Article, Entity, Extraction, content_id
from rashomon.settings import Settings
from rashomon.store import Batch, open_store

BATCH = Settings().batch_size  # written and linked in the default batches, as an ingest does
RECORD_ID = re.compile(r"[0-9a-f]{16}")


def article_of(i: int, record: dict[str, str]) -> Article:
    text = record["text"]
    return Article(
        id=Article.make_id(record["outlet"], text), origin=f"generated:{i}", text=text, outlet=record["outlet"],
        title=record["title"], published=date.fromisoformat(record["published"]),
    )  # fmt: skip


def templates(n: int) -> list[Extraction]:
    arts = tuple(article_of(i, r) for i, r in enumerate(articles(n, seed=99)))
    return list(run_job(Job(Batch(arts), arts, Settings().spacy_model)).extractions)


def rekeyed(value: Any, article_id: str, old_id: str, shared: frozenset[str]) -> Any:
    """``value`` with ``old_id`` replaced by ``article_id`` and every record id but the shared
    entities' made new from it: the records another article would have."""
    if isinstance(value, Entity):
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {
            f.name: rekeyed(getattr(value, f.name), article_id, old_id, shared) for f in dataclasses.fields(value)
        }
        return dataclasses.replace(value, **fields)
    if isinstance(value, tuple):
        return tuple(rekeyed(v, article_id, old_id, shared) for v in value)
    if value == old_id:
        return article_id
    if isinstance(value, str) and RECORD_ID.fullmatch(value) and value not in shared:
        return content_id(value, article_id)
    return value


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--step", type=int, default=5_000)
    ap.add_argument("--templates", type=int, default=200)
    args = ap.parse_args()
    if args.step < 1 or args.articles < args.step:
        sys.exit(f"--step must be between 1 and --articles ({args.articles}), not {args.step}")
    extractions = templates(args.templates)
    shared = [frozenset(e.id for e in x.entities) for x in extractions]
    steps: list[dict[str, float]] = []
    write = link = 0.0
    pending: list[tuple[Article, Extraction]] = []
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "scale.sqlite") as store:
        for i, record in enumerate(articles(args.articles), 1):
            a = article_of(i, record)
            k = i % len(extractions)
            pending.append((a, rekeyed(extractions[k], a.id, extractions[k].article_id, shared[k])))
            if len(pending) == BATCH:
                start = time.perf_counter()
                store.write(Batch(tuple(p[0] for p in pending), extractions=tuple(p[1] for p in pending)))
                write += time.perf_counter() - start
                pending = []
            if i % LINK_EVERY == 0:
                start = time.perf_counter()
                link_pending(store, BATCH)
                link += time.perf_counter() - start
            if i % args.step == 0:
                size = sum(p.stat().st_size for p in Path(tmp).iterdir()) / 1e6
                step = {"stored": i, "write_ms": 1000 * write / args.step, "link_ms": 1000 * link / args.step}
                steps.append({**{name: round(v, 2) for name, v in step.items()}, "store_mb": round(size)})
                print(f"{i:>7} stored: write {step['write_ms']:.2f} ms, link {step['link_ms']:.2f} ms per article; "
                      f"store {size:.0f} MB", flush=True)  # fmt: skip
                write = link = 0.0
    first, last = steps[0], steps[-1]
    ratio = (last["write_ms"] + last["link_ms"]) / (first["write_ms"] + first["link_ms"])
    print(json.dumps({"steps": steps, "last_over_first": round(ratio, 2)}))


if __name__ == "__main__":
    main()
