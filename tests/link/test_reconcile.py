from __future__ import annotations

from datetime import date

from rashomon.link.reconcile import reconcile
from rashomon.records import Claim, Span, Speaker, Value


def claim(
    cid: str, predicate: str, low: float, high: float, day: int, speaker: str | None, article: str = "a"
) -> Claim:
    return Claim(
        id=cid, article_id=article, subject="escapees", predicate=predicate,
        value=Value(low, high, low != high, f"{low}"), stance="asserted", evidence=Span(article, 0, 1),
        as_of=date(2026, 1, day), speaker=Speaker(speaker) if speaker else None,
    )  # fmt: skip


def test_same_day_figures_that_cannot_both_hold_are_a_conflict() -> None:
    slots, _ = reconcile(
        "s", [claim("1", "escaped", 120, 120, 20, "ministry"), claim("2", "escaped", 1350, 1650, 20, "SDF")], {}
    )
    assert [s.status for s in slots] == ["conflict"] and slots[0].consensus is None


def test_overlapping_figures_agree_with_a_consensus_range() -> None:
    slots, _ = reconcile("s", [claim("1", "killed", 12, 120, 20, "a"), claim("2", "killed", 40, 40, 20, "b")], {})
    assert slots[0].status == "agree" and slots[0].consensus is not None and slots[0].consensus.low == 40


def test_a_falling_number_at_large_over_days_is_an_evolution() -> None:
    slots, _ = reconcile("s", [claim("1", "at_large", 39, 39, 20, "a"), claim("2", "at_large", 3, 9, 23, None)], {})
    assert slots[0].status == "evolving"


def test_a_rising_number_at_large_is_a_conflict() -> None:
    slots, _ = reconcile("s", [claim("1", "at_large", 3, 9, 20, "a"), claim("2", "at_large", 39, 39, 23, None)], {})
    assert slots[0].status == "conflict"


def test_at_large_is_derived_from_one_speakers_figures() -> None:
    _slots, derived = reconcile(
        "s", [claim("e", "escaped", 120, 120, 20, "ministry"), claim("r", "recaptured", 81, 81, 20, "ministry")], {}
    )
    [d] = derived
    assert (d.predicate, d.low, d.high, d.sources) == ("at_large", 39, 39, ("e", "r"))
    assert "escaped - recaptured" in d.rule


def test_no_arithmetic_across_speakers() -> None:
    _, derived = reconcile(
        "s", [claim("e", "escaped", 120, 120, 20, "ministry"), claim("r", "recaptured", 81, 81, 20, "SDF")], {}
    )
    assert derived == []


def test_no_arithmetic_across_days_or_with_approximate_figures() -> None:
    claims = [
        claim("e", "escaped", 120, 120, 20, "ministry"),
        claim("r1", "recaptured", 81, 81, 21, "ministry"),  # said the next day
        claim("r2", "recaptured", 70, 90, 20, "ministry"),  # "about 80"
        claim("r3", "recaptured", 200, 200, 20, "ministry"),  # more than escaped: no negative remainder
    ]
    assert reconcile("s", claims, {})[1] == []


def test_each_pair_of_one_speakers_figures_of_a_day_is_derived_once() -> None:
    claims = [claim("e", "escaped", 120, 120, 20, "ministry"), claim("r", "recaptured", 81, 81, 20, "ministry")]
    claims += [claim("r2", "recaptured", 90, 90, 20, "ministry"), claim("x", "recaptured", 81, 81, 20, "SDF")]
    _, derived = reconcile("s", claims, {})
    assert sorted((d.sources, d.low) for d in derived) == [(("e", "r"), 39), (("e", "r2"), 30)]


def test_a_copy_counts_once() -> None:
    claims = [claim("1", "killed", 14, 14, 9, None, "wire"), claim("2", "killed", 14, 14, 9, None, "reprint")]
    slots, _ = reconcile("s", claims, {"reprint": "wire"})
    assert slots[0].claim_ids == ("1",) and slots[0].status == "single"
