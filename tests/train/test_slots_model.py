"""The shipped slot model is what its one training command makes, from the bench's development stories."""

from __future__ import annotations

import json
from pathlib import Path

from rashomon.train import slots
from tests.conftest import SHARED, needs_shared

BENCH = SHARED / "bench"


@needs_shared(BENCH / "reconcile")
def test_training_again_gives_the_shipped_weights_and_held_out_scores(tmp_path: Path) -> None:
    out = tmp_path / "slots.json"
    assert slots.main(["--bench", str(BENCH), "--out", str(out)]) == 0
    assert json.loads(out.read_text()) == json.loads(slots.OUT.read_text())


def test_the_shipped_model_reads_every_feature_it_was_trained_on() -> None:
    from rashomon.link.evidence import FEATURES, model

    shipped = model()
    assert shipped["features"] == list(FEATURES)
    for which in ("agree", "differ"):
        assert len(shipped[which]["weights"]) == len(FEATURES)
    assert 0 < shipped["thresholds"]["agree"] < 1 and shipped["thresholds"]["differ"] > 0
