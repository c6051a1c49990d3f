"""Status, consensus and derived figures of slots whose members are given (grouping is tested on real
sentences in test_slots.py)."""

from __future__ import annotations

import math
from datetime import date

from rashomon.link.reconcile import derive, reconcile, slots_of
from rashomon.records import Claim, Frame, Slot, Span, Speaker, Stance, Value


def claim(
    cid: str,
    predicate: str,
    low: float,
    high: float,
    day: int,
    speaker: str | None,
    article: str = "a",
    stance: Stance = "asserted",
) -> Claim:
    return Claim(
        id=cid, article_id=article, subject="escapees", predicate=predicate,
        value=Value(low, high, low != high, f"{low}"), stance=stance, evidence=Span(article, 0, 1),
        as_of=date(2026, 1, day), speaker=Speaker(speaker) if speaker else None, frame=Frame(measure=predicate),
    )  # fmt: skip


def one_slot(*claims: Claim) -> Slot:
    """The slot of ``claims`` taken as one group, with derived figures of their own."""
    [slot] = slots_of("s", list(claims), [list(range(len(claims)))], derive("s", list(claims)), {})
    return slot


def test_same_day_figures_that_cannot_both_hold_are_a_conflict() -> None:
    slot = one_slot(claim("1", "escaped", 120, 120, 20, "ministry"), claim("2", "escaped", 1350, 1650, 20, "SDF"))
    assert slot.status == "conflict" and slot.consensus is None


def test_overlapping_figures_agree_with_a_consensus_range() -> None:
    slot = one_slot(claim("1", "killed", 12, 120, 20, "a"), claim("2", "killed", 40, 40, 20, "b"))
    assert slot.status == "agree" and slot.consensus is not None and slot.consensus.low == 40


def test_a_falling_number_at_large_over_days_is_an_evolution() -> None:
    assert (
        one_slot(claim("1", "at_large", 39, 39, 20, "a"), claim("2", "at_large", 3, 9, 23, None)).status == "evolving"
    )


def test_a_rising_number_at_large_is_a_conflict() -> None:
    assert (
        one_slot(claim("1", "at_large", 3, 9, 20, "a"), claim("2", "at_large", 39, 39, 23, None)).status == "conflict"
    )


def test_a_lower_bound_agrees_with_any_figure_above_it() -> None:
    slot = one_slot(claim("1", "killed", 53, math.inf, 20, "a"), claim("2", "killed", 60, 60, 20, "b"))
    assert slot.status == "agree" and slot.consensus is not None and slot.consensus.low == 60


def test_a_projection_takes_no_part_in_agreement_or_conflict() -> None:
    slot = one_slot(
        claim("1", "killed", 14, 14, 20, "ministry"), claim("2", "killed", 5000, 5000, 20, "UN", stance="projected")
    )
    assert slot.status == "single" and slot.consensus is not None and slot.consensus.low == 14


def test_the_unsourced_vague_figure_never_sets_the_consensus() -> None:
    claims = [claim("e", "escaped", 120, 120, 20, "ministry"), claim("r", "recaptured", 81, 81, 20, "ministry")]
    several = claim("s", "at_large", 3, 9, 23, None)
    [slot] = slots_of("s", [several], [[0]], derive("s", claims), {})
    assert slot.status == "evolving" and slot.consensus is not None and slot.consensus.low == 39
    assert slot.derived_ids and slot.claim_ids == ("s",)


def test_one_speaker_repeating_a_figure_in_two_reports_is_single() -> None:
    assert (
        one_slot(claim("1", "killed", 14, 14, 20, "ministry"), claim("2", "killed", 14, 14, 21, "ministry", "b")).status
        == "single"
    )


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
    assert [s.claim_ids for s in slots] == [("1",)] and slots[0].status == "single"


def test_a_story_of_no_claim_or_one_claim_has_no_slot_or_one() -> None:
    assert reconcile("s", [], {}) == ([], [])
    slots, _ = reconcile("s", [claim("1", "killed", 14, 14, 20, "ministry")], {})
    assert [s.claim_ids for s in slots] == [("1",)] and slots[0].status == "single"


def test_two_claims_that_share_nothing_stand_alone() -> None:
    slots, _ = reconcile("s", [claim("1", "killed", 14, 14, 20, "a"), claim("2", "escaped", 120, 120, 20, "b")], {})
    assert sorted(s.claim_ids for s in slots) == [("1",), ("2",)]


def test_an_age_rises_by_no_more_than_the_years_between_the_reports() -> None:
    from rashomon.link.reconcile import Point, status_of

    def age(value: float, year: int, source: str) -> Point:
        return Point(source, value, value, date(year, 6, 1), source, True, source)

    assert status_of("year of age", [age(27, 2005, "a"), age(29, 2007, "b")]) == "evolving"
    assert status_of("year of age", [age(27, 2005, "a"), age(35, 2007, "b")]) == "conflict"
    assert status_of("year of age", [age(29, 2005, "a"), age(27, 2007, "b")]) == "conflict"


def test_one_source_updating_a_toll_in_a_later_report_evolves_and_changing_it_the_same_day_conflicts() -> None:
    from rashomon.link.reconcile import Point, status_of

    def toll(value: float, day: int, article: str) -> Point:
        return Point(article, value, value, date(2026, 1, day), "police", True, article)

    assert status_of("killed", [toll(12, 20, "a"), toll(19, 21, "b")]) == "evolving"
    assert status_of("killed", [toll(12, 20, "a"), toll(19, 20, "b")]) == "conflict"
    assert status_of("killed", [toll(19, 20, "a"), toll(12, 21, "b")]) == "conflict"  # a toll does not fall
    assert status_of("killed", [toll(12, 20, "a"), toll(19, 21, "a")]) == "single"  # one report
    assert status_of("killed", [toll(12, 20, "a"), toll(12, 21, "b")]) == "single"
