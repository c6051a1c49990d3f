"""The shipped cue model: what its one training command makes, and which found cues it drops."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from rashomon.extract import cue_model, source_model
from rashomon.extract.attribution import find_attributions
from rashomon.train import cues
from tests.conftest import SHARED, needs_shared

BENCH = SHARED / "bench"


def cues_found(nlp: Callable[[str], Any], text: str, checked: bool = True) -> list[str]:
    doc = nlp(text)
    return [doc[a.cue[0] : a.cue[1]].text for a in find_attributions(doc, attitudes=True, checked=checked)]


def test_the_shipped_model_is_small_and_complete() -> None:
    shipped = cue_model.model()
    assert shipped is not None
    assert cues.OUT.stat().st_size < source_model.OUT_SIZE_LIMIT
    assert 0 < shipped["threshold"] < 1 and shipped["held_out"]["articles"] > 100
    assert all(isinstance(w, float) for w in shipped["weights"].values())


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Barden now helps lead a program called Sandy Hook Promise.", "called"),  # a name, not speech
        ("A governor seeking to stem the losses spoke on Monday.", "seeking"),
        ("The Iranians wanna see something satanic?", "see"),
    ],
)
def test_a_word_shaped_like_a_cue_that_is_none_is_dropped(nlp: Callable[[str], Any], text: str, cue: str) -> None:
    assert cues_found(nlp, text, checked=False) == [cue]  # the rules read one
    assert cues_found(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The ministry said 120 had escaped.", "said"),
        ("He told reporters the talks had failed.", "told"),
        ("Officials called the attack an act of terrorism.", "called"),
        ("The poll shows that two-thirds of voters back the plan.", "shows"),
        ("An SDF spokesperson told Rudaw that about 1,500 had escaped.", "told"),
    ],
)
def test_cues_of_speech_stand(nlp: Callable[[str], Any], text: str, cue: str) -> None:
    assert cues_found(nlp, text) == [cue]


@needs_shared(BENCH / "attribution")
def test_training_again_gives_the_shipped_weights_and_held_out_scores(tmp_path: Path) -> None:
    out = tmp_path / "cues.json"
    assert cues.main(["--bench", str(BENCH), "--out", str(out)]) == 0
    assert json.loads(out.read_text()) == json.loads(cues.OUT.read_text())
