"""Run a task on a bench file and score it with the bench's own scorer (../shared/bench/score.py)."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from rashomon.eval.tasks import predict

DEV_SETS = {  # name -> (task, file under ../shared/bench)
    "quantities": ("quantities", "quantities/newsquant_dev.jsonl"),
    "time": ("time", "time/tbaq_dev.jsonl"),
    "attribution": ("attribution", "attribution/polnear_dev.jsonl"),
    "events": ("events", "events/plover_dev.jsonl"),
    "clustering-ecbplus": ("clustering", "clustering/ecbplus_dev.jsonl"),
    "clustering-allsides": ("clustering", "clustering/allsides.jsonl"),
    "geo": ("geo", "geo/geowebnews_dev.jsonl"),
    "reconcile-ecbplus": ("reconcile", "reconcile/ecbplus_dev.jsonl"),
    "reconcile-allsides": ("reconcile", "reconcile/allsides.jsonl"),
    "reconcile-guardian": ("reconcile", "reconcile/guardian_sdf_dev.jsonl"),
}


def score(task: str, data: Path, scorer: Path, selective: bool = True) -> dict[str, Any]:
    """The scorer's metrics (its last output line) for our predictions on ``data``."""
    records = [json.loads(line) for line in data.read_text(encoding="utf-8").splitlines() if line.strip()]
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        for prediction in predict(task, records, selective):
            fh.write(json.dumps(prediction, ensure_ascii=False) + "\n")
        predictions = fh.name
    try:
        done = subprocess.run(
            [sys.executable, str(scorer), task, str(data), predictions], capture_output=True, text=True, check=True
        )
    finally:
        Path(predictions).unlink(missing_ok=True)
    metrics: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return metrics
