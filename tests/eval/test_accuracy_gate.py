"""The accuracy gate: each extractor's score on the bench development files stays above its pinned floor."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from rashomon.eval.scoring import DEV_SETS, score
from tests.conftest import SHARED, needs_shared

BENCH = SHARED / "bench"
FLOORS = json.loads((Path(__file__).parent / "accuracy_floors.json").read_text())
PARSED_SETS = ("quantities", "attribution", "events", "geo")  # time and clustering read the text, not spaCy
SELECTIVE_TOLERANCE = 0.01  # issue 8: selective NLP (NER windows, parsed runs) within 0.01 of the full pipeline
needs_bench = needs_shared(BENCH / "score.py")


@cache
def _metrics(dev_set: str, selective: bool = True) -> dict[str, Any]:
    task, path = DEV_SETS[dev_set]
    return score(task, BENCH / path, BENCH / "score.py", selective=selective)


@needs_bench
@pytest.mark.parametrize("dev_set", sorted(FLOORS["floors"]))
def test_score_stays_above_its_pinned_floor(dev_set: str) -> None:
    metrics = _metrics(dev_set)
    for name, floor in FLOORS["floors"][dev_set].items():
        assert metrics[name] >= floor - FLOORS["tolerance"], f"{dev_set} {name} {metrics[name]:.4f} < floor {floor}"


@needs_bench
@pytest.mark.parametrize("dev_set", sorted(FLOORS["ceilings"]))
def test_count_stays_at_or_below_its_ceiling(dev_set: str) -> None:
    metrics = _metrics(dev_set)
    for name, ceiling in FLOORS["ceilings"][dev_set].items():
        assert metrics[name] <= ceiling, f"{dev_set} {name} {metrics[name]} > ceiling {ceiling}"


@needs_bench
@pytest.mark.parametrize("dev_set", PARSED_SETS)
def test_selective_nlp_scores_within_a_hundredth_of_full_parsing(dev_set: str) -> None:
    selective, full = _metrics(dev_set), _metrics(dev_set, selective=False)
    for name in FLOORS["floors"][dev_set]:
        assert abs(selective[name] - full[name]) <= SELECTIVE_TOLERANCE, (
            f"{dev_set} {name}: selective {selective[name]:.4f}, full {full[name]:.4f}"
        )
