"""Accuracy of each extractor on the ../shared/bench development files, scored by ../shared/bench/score.py.

    .venv/bin/python bench/accuracy.py [--bench ../shared/bench] [--task TASK ...]

Prints one line per task with its headline metrics, then one JSON object with all of them.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from rashomon.eval.scoring import DEV_SETS, score

HEADLINES = {
    "quantities": ("value_f1", "value_unit_f1", "value_change_f1"),
    "time": ("value_f1", "relaxed_f1", "strict_f1"),
    "attribution": ("source_overlap_f1", "relations_f1", "source_exact_f1", "content_overlap_f1"),
    "events": ("micro_f1", "macro_f1"),
    "clustering": ("b3_f1", "b3_p", "b3_r", "clusters_pred", "clusters_gold"),
    "geo": ("acc161", "ner_f1", "acc161_found", "mean_km"),
    "reconcile": ("link_f1", "link_p", "link_r", "differ_p", "differ_r", "value_acc", "flags_within_one_report"),
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--bench", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared" / "bench")
    ap.add_argument("--set", action="append", choices=sorted(DEV_SETS), help="default: all")
    ap.add_argument("--full-nlp", action="store_true", help="parse every sentence (default: selective NLP)")
    args = ap.parse_args()
    results = {}
    for name in args.set or sorted(DEV_SETS):
        task, path = DEV_SETS[name]
        start = time.perf_counter()
        metrics = score(task, args.bench / path, args.bench / "score.py", selective=not args.full_nlp)
        results[name] = {k: metrics[k] for k in HEADLINES[task]}
        shown = ", ".join(
            f"{k} {metrics[k]:.4f}" if isinstance(metrics[k], float) else f"{k} {metrics[k]}" for k in HEADLINES[task]
        )
        print(f"{name:20} {shown}  ({time.perf_counter() - start:.0f} s)")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
