"""The vectorised and profiled forms of compatibility say what the pairwise definition says."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date
from typing import Any

import numpy as np
import pytest

from rashomon.extract import extract
from rashomon.link.evidence import Table, items
from rashomon.link.measures import compatible, recalled, values_meet
from rashomon.link.merging import Group
from rashomon.link.reconcile import source_of
from rashomon.nlp import load_pipeline
from rashomon.records import Frame

REPORTS = (
    "The strike killed 40 civilians and 12 soldiers, including 3 children, the monitor said on Monday. "
    "About 6,000 people fled in recent weeks, and 35 miles of road were closed.",
    "Officials said 12 soldiers and 38 civilians were killed in Damascus. Some 57 km of road were closed, "
    "and a 10-point lead became 10 points. Six more hostages were released.",
)


@pytest.fixture(scope="module")
def found() -> list[Any]:
    nlp: Callable[[str], Any] = load_pipeline()
    claims = []
    for n, text in enumerate(REPORTS):
        article = extract_article(n, text)
        claims += extract(article, nlp(text)).claims
    return items(claims, [source_of(c, {}) for c in claims])


def extract_article(n: int, text: str) -> Any:
    from rashomon.records import Article

    return Article(id=f"r{n}", origin=f"r{n}.txt", text=text, outlet="Test", published=date(2026, 1, 20))


def test_the_story_table_reads_compatibility_as_the_pairwise_definition(found: list[Any]) -> None:
    pairs = list(itertools.combinations(range(len(found)), 2))
    i, j = np.array([a for a, _ in pairs]), np.array([b for _, b in pairs])
    expected = [compatible(found[a], found[b]) for a, b in pairs]
    assert Table(found).compatible(i, j).tolist() == expected
    assert any(expected) and not all(expected)


def test_a_slot_profile_reads_compatibility_as_the_pairwise_definition(found: list[Any]) -> None:
    """A profile also keeps one source of one report from giving two figures that cannot both hold."""
    for a, b in itertools.combinations(found, 2):
        one_voice = a.claim.article_id == b.claim.article_id and a.source == b.source
        expected = compatible(a, b) and (not one_voice or values_meet(a, b))
        assert Group.of(a).compatible(Group.of(b)) == expected


@pytest.mark.parametrize(
    ("period", "as_of", "told_before"),
    [
        ("2005-02", date(2005, 11, 28), True),  # "In February", in a report of November
        ("2005", date(2006, 1, 20), True),
        ("2005-11-27", date(2005, 11, 28), False),  # "on Sunday", the day before
        ("2005-11", date(2005, 11, 28), False),
        ("P3M", date(2005, 11, 28), False),  # a stretch is no earlier happening
        (None, date(2005, 11, 28), False),
        ("2005-02", None, False),  # an undated report cannot tell
    ],
)
def test_a_figure_of_a_time_long_before_its_report_is_recalled(
    period: str | None, as_of: date | None, told_before: bool
) -> None:
    assert recalled(Frame(measure="killed", period=period), as_of) is told_before


def test_a_week_holds_its_days_and_no_other() -> None:
    from rashomon.link.measures import same_period

    assert same_period("2021-W19", "2021-05-15") and same_period("2021-05-15", "2021-W19")
    assert not same_period("2021-W18", "2021-05-15")
