"""The accuracy gate: each extractor's score on the bench development files stays above its pinned floor."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rashomon.eval.scoring import DEV_SETS, score
from tests.conftest import SHARED

BENCH = SHARED / "bench"
FLOORS = json.loads((Path(__file__).parent / "accuracy_floors.json").read_text())


@pytest.mark.skipif(not (BENCH / "score.py").is_file(), reason=f"bench data not found in {BENCH} (CI always has it)")
@pytest.mark.parametrize("dev_set", sorted(FLOORS["floors"]))
def test_score_stays_above_its_pinned_floor(dev_set: str) -> None:
    task, path = DEV_SETS[dev_set]
    metrics = score(task, BENCH / path, BENCH / "score.py")
    for name, floor in FLOORS["floors"][dev_set].items():
        assert metrics[name] >= floor - FLOORS["tolerance"], f"{dev_set} {name} {metrics[name]:.4f} < floor {floor}"
