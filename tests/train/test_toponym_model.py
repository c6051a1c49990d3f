"""The shipped toponym model: what its one training command makes, and which names it keeps."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rashomon.extract import toponym_model
from rashomon.extract.places import find_toponyms
from rashomon.train import toponyms
from tests.conftest import SHARED, needs_shared

BENCH = SHARED / "bench"


def names(nlp: Callable[[str], Any], text: str, learned: bool = True) -> list[str]:
    return [t.text for t in find_toponyms(nlp(text), learned=learned)]


def test_the_shipped_model_is_small_and_complete() -> None:
    shipped = toponym_model.model()
    assert shipped is not None
    assert toponyms.OUT.stat().st_size < 100_000
    assert 0 < shipped["threshold"] < 1 and shipped["held_out"]["articles"] >= 100
    assert all(isinstance(w, float) for w in shipped["weights"].values())


def test_places_named_outright_stand(nlp: Callable[[str], Any]) -> None:
    text = "Asked how he would feel if they had to return to Iraq from Greece, he said it would be a nightmare."
    assert names(nlp, text) == ["Iraq", "Greece"]
    assert names(nlp, "Shelling hit Raqqa on Monday as fighting spread towards Hasakah.") == ["Raqqa", "Hasakah"]


def test_a_government_called_the_centre_is_no_place(nlp: Callable[[str], Any]) -> None:
    text = (
        "In its petition, the State said the Centre had failed to frame a scheme. "
        "The Centre moved the court in New Delhi."
    )
    assert names(nlp, text, learned=False) == ["Centre", "Centre", "New Delhi"]  # the rules read a facility
    assert names(nlp, text) == ["New Delhi"]


@needs_shared(BENCH / "geo")
def test_training_again_gives_the_shipped_weights_and_held_out_scores(tmp_path: Path) -> None:
    out = tmp_path / "toponyms.json"
    assert toponyms.main(["--bench", str(BENCH), "--out", str(out)]) == 0
    assert json.loads(out.read_text()) == json.loads(toponyms.OUT.read_text())
