"""Credibility signals are typed records until the export makes them JSON."""

from __future__ import annotations

from rashomon.records import Article, Claim, Signal, Span, Speaker, Value
from rashomon.report.export import signal_json
from rashomon.report.signals import story_signals

TEXT = "At least 40 people were killed in the flood."


def _claim(i: int, speaker: Speaker | None) -> Claim:
    return Claim(id=f"c{i}", article_id="a1", subject="people", predicate="killed",
                 value=Value(40.0, 40.0, False, "40"), stance="asserted", evidence=Span("a1", 0, len(TEXT)),
                 speaker=speaker)  # fmt: skip


def test_figures_that_name_no_source_raise_a_typed_signal_with_its_share() -> None:
    article = Article(id="a1", origin="a1.txt", text=TEXT, outlet="Courier")
    signals = story_signals([article], [_claim(1, None), _claim(2, None)], [])
    assert all(isinstance(s, Signal) for s in signals)
    unsourced = next(s for s in signals if s.name == "unattributed-figures")
    assert unsourced.severity == "high" and dict(unsourced.detail) == {"share": 1.0}
    exported = signal_json(unsourced, {"a1": "Courier"})
    assert exported["outlet"] == "Courier" and exported["detail"] == {"share": 1.0}
    assert exported["evidence"].startswith("2 of 2 figures name no source")
    assert exported["evidence"].endswith('e.g. "At least 40 people were killed in the flood."')
