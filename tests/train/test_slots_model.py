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


def test_the_model_flags_disagreements_only_when_it_finds_more_than_the_rules_precisely() -> None:
    def scores(p: float, r: float) -> dict[str, dict[str, float]]:
        return {
            "a": {"link_f1": 0.7, "differ_p": p, "differ_r": r},
            "b": {"link_f1": 0.7, "differ_p": 1.0, "differ_r": 0.3},
        }

    rules_only = scores(1.0, 0.1)
    same = {(a, d): rules_only for a in slots.AGREE_GRID for d in slots.DIFFER_GRID}
    assert slots.choose(same)[1] == slots.DIFFER_GRID[-1]  # precise but no better than the rules: none through
    better = same | {(a, 0.9): scores(0.9, 0.2) for a in slots.AGREE_GRID}
    assert slots.choose(better)[1] == 0.9
    loose = same | {(a, 0.9): scores(0.5, 0.4) for a in slots.AGREE_GRID}
    assert slots.choose(loose)[1] == slots.DIFFER_GRID[-1]
