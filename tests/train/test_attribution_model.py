"""The shipped attribution model: what its one training command makes, and what it does to sources."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rashomon.extract import source_model
from rashomon.extract.attribution import find_attributions
from rashomon.train import attribution
from tests.conftest import SHARED, needs_shared

BENCH = SHARED / "bench"


def sources(nlp: Callable[[str], Any], text: str, learned: bool = True) -> list[str | None]:
    doc = nlp(text)
    found = find_attributions(doc, attitudes=True, learned=learned)
    return [doc[a.source[0] : a.source[1]].text if a.source else None for a in found]


def test_the_shipped_model_is_small_and_complete() -> None:
    shipped = source_model.model()
    assert shipped is not None
    assert attribution.OUT.stat().st_size < source_model.OUT_SIZE_LIMIT
    assert 0 < shipped["threshold"] < 1 and shipped["held_out"]["articles"] > 100
    assert all(isinstance(w, float) for w in shipped["weights"].values())


def test_speakers_the_rules_find_stand(nlp: Callable[[str], Any]) -> None:
    assert sources(nlp, "The ministry said 120 had escaped.") == ["The ministry"]
    assert sources(nlp, "An SDF spokesperson told Rudaw that about 1,500 had escaped.") == ["An SDF spokesperson"]
    assert sources(nlp, "He has no business voting on it, they argue.") == ["they"]


def test_a_relative_pronoun_sharing_a_view_is_no_speaker(nlp: Callable[[str], Any]) -> None:
    text = "Members that share the view left."
    assert sources(nlp, text, learned=False) == ["that"]  # the rules read one
    assert sources(nlp, text) == []  # the model drops it


@needs_shared(BENCH / "attribution")
def test_training_again_gives_the_shipped_weights_and_held_out_scores(tmp_path: Path) -> None:
    out = tmp_path / "attribution.json"
    assert attribution.main(["--bench", str(BENCH), "--out", str(out)]) == 0
    assert json.loads(out.read_text()) == json.loads(attribution.OUT.read_text())
