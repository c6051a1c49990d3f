"""The within-report gate: conflicts flagged inside one report, on the hand-written reports of
bench/data/within_report.jsonl (real-world patterns, in the repository), stay precise and found."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "within_report.py"
PRECISION_FLOOR = 0.95  # 23 of 24 flags right when pinned: one more wrong flag fails the gate
RECALL_FLOOR = 0.9  # 23 of 24 conflicts found when pinned


def test_conflicts_within_one_report_stay_precise_and_found() -> None:
    done = subprocess.run([sys.executable, str(SCRIPT)], capture_output=True, text=True, check=True)
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    assert figures["precision"] >= PRECISION_FLOOR, done.stdout
    assert figures["recall"] >= RECALL_FLOOR, done.stdout
