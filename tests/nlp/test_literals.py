"""The literal-word shortcut only ever skips a pattern that cannot match."""

from __future__ import annotations

import re

import pytest

from rashomon.extract.time import COMPILED, NEEDS
from rashomon.nlp.literals import fold, may_match, needed

SAMPLES = [
    "On Monday, January 19, 2026 at 10:30 p.m. the guards fled; by noon on Tuesday 81 were caught.",
    "Two weeks ago, in the fourth quarter of 2025, during the 1990s and in the sixties, nothing moved.",
    "YESTERDAY the council met; LAST WEEKEND it rained; FRİDAY (with a dotted capital I) was calm.",
    "Convoys arrive daily, every week, in the spring of 2024, and for the past few months.",
    "It is calm now, currently and recently; in early May and late Sept. the road closed for 14 days.",
    "A year earlier, the same quarter, 2026-01-19, midnight Sunday, this morning, overnight, tomorrow.",
    "On 19 January 2026, as in March 2024 and in December of last year, the camp stayed shut.",
    "Output grew in the July-September quarter and fell in the Oct–Dec quarter.",
]


def test_a_pattern_needs_one_of_its_required_words() -> None:
    pattern = re.compile(r"(?<![\w-])(?:(?:(?P<rel>the|this)\s+)?weekend|daily)(?![\w])", re.I)
    assert needed(pattern) == {"weekend", "daily"}
    assert needed(re.compile(r"a+b(?:cd|ef)")) == {"cd", "ef"}  # the most selective required part


def test_a_pattern_with_no_required_literal_is_always_tried() -> None:
    pattern = re.compile(r"(?:last\s+)?\d+")
    assert needed(pattern) == frozenset()
    assert may_match(needed(pattern), fold("no digits here"))


def test_a_text_without_the_words_is_skipped() -> None:
    pattern = re.compile(r"(?<![\w-])(?:the\s+)?weekend(?!\w)", re.I)
    assert not may_match(needed(pattern), fold("The week ended."))
    assert may_match(needed(pattern), fold("The WEEKEND came."))


@pytest.mark.parametrize("text", ["FRİDAY", "FRıDAY", "Friday"])
def test_folding_keeps_every_case_insensitive_match(text: str) -> None:
    pattern = re.compile("friday", re.I)
    assert pattern.search(text)  # a Turkish capital or dotless i matches "i" when case is ignored...
    assert may_match(needed(pattern), fold(text))  # ...and case folding alone would lose it


def test_no_time_pattern_that_matches_is_skipped() -> None:
    for (pattern, _), needs in zip(COMPILED, NEEDS, strict=True):
        matching = [text for text in SAMPLES if pattern.search(text)]
        assert matching, f"no sample for {pattern.pattern[:60]}"
        assert all(may_match(needs, fold(text)) for text in matching), pattern.pattern[:60]
