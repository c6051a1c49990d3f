"""The hand-written gates: conflicts flagged inside one report (bench/data/within_report.jsonl) and
across the reports of one story (bench/data/across_reports.jsonl), real-world patterns kept in the
repository, stay precise and found."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench"
PRECISION_FLOOR = 0.95  # within: 24 of 25 flags right when pinned, across: 20 of 20; one more wrong fails
RECALL_FLOOR = 0.8  # within: 24 of 27 found when pinned at 0.85; batches written blind since (n, p, r) added
# 17 conflicts, four of r01-r10's still unfound (37 of 44), so the floor leaves room for two more to go unfound
# across: 20 of 22 found. The floor was 0.85 while the bench held 20 stories (8 of 9 found); batches written
# blind since (e01-e12, f01-f08) added 13 conflicts, so the floor leaves room for one more to go unfound
ACROSS_RECALL_FLOOR = 0.8


def _figures(script: str) -> tuple[dict[str, float], str]:
    done = subprocess.run([sys.executable, str(BENCH / script)], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1]), done.stdout


def test_conflicts_within_one_report_stay_precise_and_found() -> None:
    figures, printed = _figures("within_report.py")
    assert figures["precision"] >= PRECISION_FLOOR and figures["recall"] >= RECALL_FLOOR, printed


def test_conflicts_across_reports_stay_precise_and_found() -> None:
    figures, printed = _figures("across_reports.py")
    assert figures["precision"] >= PRECISION_FLOOR and figures["recall"] >= ACROSS_RECALL_FLOOR, printed
