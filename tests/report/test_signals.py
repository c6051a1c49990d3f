"""Credibility signals are typed records until the export makes them JSON."""

from __future__ import annotations

from typing import Any

from rashomon.records import Signal
from rashomon.report.export import signal_json
from rashomon.report.signals import story_signals


def _claim(i: int, speaker: dict[str, Any] | None) -> dict[str, Any]:
    value = {"low": 40.0, "high": 40.0, "approximate": False, "text": "40", "tolerance": 0.0}
    return {"id": f"c{i}", "article_id": "a1", "predicate": "killed", "value": value, "as_of": None,
            "speaker": speaker, "via": [], "evidence": "At least 40 people were killed."}  # fmt: skip


def test_figures_that_name_no_source_raise_a_typed_signal_with_its_share() -> None:
    article = {"id": "a1", "outlet": "Courier", "text": "At least 40 people were killed in the flood.",
               "furniture": [], "author_bio": ""}  # fmt: skip
    story = {"articles": [article], "claims": [_claim(1, None), _claim(2, None)], "slots": []}
    signals = story_signals(story)
    assert all(isinstance(s, Signal) for s in signals)
    unsourced = next(s for s in signals if s.name == "unattributed-figures")
    assert unsourced.severity == "high" and dict(unsourced.detail) == {"share": 1.0}
    exported = signal_json(unsourced, {"a1": "Courier"})
    assert exported["outlet"] == "Courier" and exported["detail"] == {"share": 1.0}
    assert exported["evidence"].startswith("2 of 2 figures name no source")
