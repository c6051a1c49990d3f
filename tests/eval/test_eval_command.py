"""``rashomon eval``: predictions on standard output, the shipped models' held-out figures beside them."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from rashomon.eval.__main__ import main
from rashomon.eval.tasks import predict, story_extractions


def test_eval_prints_predictions_and_the_models_own_held_out_figures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "gold.jsonl"
    data.write_text(json.dumps({"id": "m1", "text": "The ministry said 120 had escaped.", "attributions": []}) + "\n")
    assert main(["attribution", "--data", str(data)]) == 0
    out, err = capsys.readouterr()
    [prediction] = [json.loads(line) for line in out.splitlines()]
    assert prediction["id"] == "m1" and prediction["attributions"]
    reports = [line for line in err.splitlines() if line.startswith("model ")]
    assert [r.split(",")[0] for r in reports] == ["model attribution.json", "model cues.json"]
    assert all("held-out" in r and '"articles":' in r for r in reports)


def test_a_task_without_a_trained_model_prints_predictions_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "gold.jsonl"
    data.write_text(json.dumps({"id": "t1", "text": "It rained on Monday.", "dct": "2026-01-05", "timexes": []}) + "\n")
    assert main(["time", "--data", str(data)]) == 0
    assert "model " not in capsys.readouterr().err


def test_a_reconcile_article_without_a_date_takes_its_datelines() -> None:
    """Two undated reports of one day dated by their datelines, as ingesting their text would date them: their
    tolls line up as a conflict (undated, two reports' differing tolls stay apart)."""
    line = {"id": "s1", "articles": [
        {"id": "a", "text": "Quake jolts the coast\nPosted: Nov 27, 2005 8:20 AM ET\nA quake struck the coast of "
                             "Velmora on Sunday, wounding 80 people, the governor said.", "published": None},
        {"id": "b", "text": "Quake hits Velmora\nUpdated 11 / 27 / 2005 3:41 PM\nOfficials said 70 people were "
                             "wounded when the quake struck Velmora on Sunday."},
    ]}  # fmt: skip
    [story] = story_extractions([line])
    assert {c.as_of for x in story for c in x.claims} == {date(2005, 11, 27)}
    [prediction] = predict("reconcile", [line])
    assert [s["status"] for s in prediction["slots"]] == ["conflict"]
