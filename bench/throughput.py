"""Throughput: raw spaCy against Rashomon end to end, on the same generated texts, in one run.

    .venv/bin/python bench/throughput.py [--articles 200] [--skip-parallel] [--repeats 3] [--texts FILE]

Prints, for the same ``--articles`` generated articles (about 600 words each, bench/corpus.py), or
the first ``--articles`` texts of a JSON Lines file with a ``text`` field (``--texts``, e.g. the
news articles of ../shared/bench/attribution/polnear_dev.jsonl):
raw spaCy ``nlp.pipe`` with the full pipeline as spaCy ships it (the anchor) and again with numpy's
BLAS, as Rashomon runs it (rashomon.nlp.numpy_blas; ``ratio_same_blas``, like for like),
and Rashomon end to end (read JSON Lines, parse, extract, write to a fresh SQLite store, link) with
1 process, 2 worker processes and a local Dask cluster of 2 workers, each as articles per second,
its ratio to the anchor, and peak memory.
Every figure comes from its own child process, so model loading and peak memory do not leak from
one run into the next; the model is loaded (and the gazetteer index opened) before the clock starts.
Runs are repeated ``--repeats`` times, the kinds taking turns (raw, one process, ..., raw, one
process, ...), and each kind's best run is reported with the spread of its runs: on a shared
machine other work only ever slows a run down, so the fastest run is the closest to the cost of
the work itself, and taking turns exposes both kinds to the same slow spells.
The last line is one JSON object; its top-level figures are for the single-process run.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_jsonl

RAW = "raw spaCy (full pipeline)"
RAW_NUMPY = "raw spaCy, numpy BLAS"


def _peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024  # KiB on Linux; workers are reported as their own largest


def run_raw(corpus: Path, blas: str) -> dict[str, float]:
    """spaCy's ``nlp.pipe`` alone: as spaCy ships (``blas="blis"``) or with Rashomon's BLAS (``"numpy"``)."""
    import spacy

    from rashomon.nlp import BATCH_SIZE, DEFAULT_MODEL, numpy_blas

    texts = [json.loads(line)["text"] for line in corpus.open(encoding="utf-8")]
    nlp = spacy.load(DEFAULT_MODEL) if blas == "blis" else numpy_blas(spacy.load(DEFAULT_MODEL))
    list(nlp.pipe(texts[:4]))  # warm up, as the Rashomon runs do
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=BATCH_SIZE):
        pass
    return {"articles_per_s": len(texts) / (time.perf_counter() - start), "peak_rss_mb": _peak_mb()}


def run_rashomon(corpus: Path, engine_name: str, workers: int) -> dict[str, float]:
    from rashomon.engines import LocalProcesses, open_engine
    from rashomon.pipeline import ingest
    from rashomon.settings import Settings
    from rashomon.store import open_store

    n = sum(1 for _ in corpus.open(encoding="utf-8"))
    local = engine_name != "dask" and workers > 1
    engine = LocalProcesses(workers, linger=True) if local else open_engine(engine_name, workers)
    try:
        if workers == 1:
            _warm(0)
        else:  # warm every worker the same way (one small job each)
            list(engine.map(_warm, range(engine.workers * 2)))
        with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "bench.sqlite") as store:
            start = time.perf_counter()
            report = ingest([corpus], store, Settings(), engine=engine)
            elapsed = time.perf_counter() - start
    finally:
        engine.close()
    assert report.added == n, f"stored {report.added} of {n}"
    return {"articles_per_s": n / elapsed, "peak_rss_mb": _peak_mb()}


def _warm(_: int) -> None:
    from rashomon.geo.gazetteer import gazetteer
    from rashomon.nlp import load_pipeline

    load_pipeline()
    gazetteer()


def _child(kind: str, corpus: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", kind, "--corpus", str(corpus)], capture_output=True, text=True
    )
    if done.returncode != 0:
        raise SystemExit(f"{kind} run failed:\n{done.stderr}")
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _corpus(path: Path, n: int, source: Path | None) -> tuple[Path, str]:
    """The corpus file both kinds read: ``n`` generated articles, or the first ``n`` distinct texts of
    ``source`` (Rashomon sets a repeated text aside as a copy, so a repeat would not be the same work)."""
    if source is None:
        return write_jsonl(path, n), "generated articles"
    with source.open(encoding="utf-8") as lines:
        texts = islice(dict.fromkeys(json.loads(line)["text"] for line in lines), n)
        path.write_text("".join(json.dumps({"text": text}) + "\n" for text in texts), encoding="utf-8")
    return path, f"texts of {source.name}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--skip-parallel", action="store_true", help="only raw spaCy and one process")
    parser.add_argument("--repeats", type=int, default=3, help="runs of each kind, taking turns; the best counts")
    parser.add_argument("--texts", type=Path, help="JSON Lines file whose texts to use instead of generated ones")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, _, workers = args.child.partition(":")
        out = run_raw(args.corpus, workers) if kind == "raw" else run_rashomon(args.corpus, kind, int(workers or 1))
        print(json.dumps(out))
        return
    with tempfile.TemporaryDirectory() as tmp:
        corpus, kind = _corpus(Path(tmp) / "corpus.jsonl", args.articles, args.texts)
        texts = [json.loads(line)["text"] for line in corpus.open(encoding="utf-8")]
        words = sum(len(t.split()) for t in texts) / len(texts)
        print(f"{len(texts)} {kind}, {words:.0f} words each on average")
        runs = {RAW: "raw:blis", RAW_NUMPY: "raw:numpy", "Rashomon, 1 process": "local:1"}
        if not args.skip_parallel:
            runs |= {"Rashomon, 2 worker processes": "local:2", "Rashomon, Dask local cluster (2)": "dask:2"}
        trials: dict[str, list[dict[str, float]]] = {label: [] for label in runs}
        for _ in range(args.repeats):
            for label, kind in runs.items():
                trials[label].append(_child(kind, corpus))
    results = {label: max(rs, key=lambda r: r["articles_per_s"]) for label, rs in trials.items()}
    anchor = results[RAW]["articles_per_s"]
    for label, r in results.items():
        spread = sorted(t["articles_per_s"] for t in trials[label])
        print(f"{label:36} {r['articles_per_s']:7.2f} articles/s  ratio {r['articles_per_s'] / anchor:5.2f}"
              f"  peak {r['peak_rss_mb']:6.0f} MB  (runs: {', '.join(f'{v:.2f}' for v in spread)})")  # fmt: skip
    single, same = results["Rashomon, 1 process"], results[RAW_NUMPY]["articles_per_s"]
    summary = {
        "articles": len(texts),
        "texts": str(args.texts) if args.texts else "generated",
        "repeats": args.repeats,
        "raw_spacy_articles_per_s": round(anchor, 2),
        "rashomon_articles_per_s": round(single["articles_per_s"], 2),
        "ratio": round(single["articles_per_s"] / anchor, 3),
        "raw_spacy_numpy_blas_articles_per_s": round(same, 2),
        "ratio_same_blas": round(single["articles_per_s"] / same, 3),
        "peak_rss_mb": round(single["peak_rss_mb"]),
    }
    for label, key in (("Rashomon, 2 worker processes", "workers_2"), ("Rashomon, Dask local cluster (2)", "dask_2")):
        if label in results:
            summary[f"{key}_articles_per_s"] = round(results[label]["articles_per_s"], 2)
            summary[f"{key}_peak_rss_mb"] = round(results[label]["peak_rss_mb"])
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
