"""Running totals on hand-written reports: a toll reached on a later day, and a campaign's total beside one day's."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.link.test_slots import flagged, nlp, slot_of, story

__all__ = ["nlp"]  # the fixture, shared with test_slots


@pytest.mark.parametrize(
    ("reports", "pair"),
    [
        (("A car bomb killed 12 people at a market in Kabul on Tuesday, police said.",
          "The death toll from Tuesday's bombing at a Kabul market rose to 19 on Wednesday, police said."),
         {"12", "19"}),
        (("The death toll from the earthquake rose to 1,200 on Tuesday, officials said.",
          "The death toll from the earthquake climbed to 2,300 on Wednesday, officials said."),
         {"1,200", "2,300"}),
        (("A bus plunged into a ravine on Tuesday, killing 23 passengers, police said.",
          "Two injured passengers died in hospital on Wednesday, bringing the toll from the crash to 25, police said."),
         {"23", "25"}),
        (("The ferry capsized on the lake on Tuesday, drowning 31 passengers, officials said.",
          "The number of dead from Tuesday's ferry disaster reached 44 on Wednesday, officials said."),
         {"31", "44"}),
    ],
)  # fmt: skip
def test_a_toll_reached_on_a_later_day_evolves_from_the_happenings_day(
    nlp: Callable[[str], Any], reports: tuple[str, str], pair: set[str]
) -> None:
    found = story(nlp, *reports)
    assert flagged(found) == [pair]
    assert slot_of(found, sorted(pair)[0], "r0").status == "evolving"


@pytest.mark.parametrize(
    "reports",
    [
        ("Airstrikes on Idlib killed 12 people on Monday, rescuers said.",
         "The death toll from the week-long offensive on Idlib rose to 200 on Wednesday, a monitor said."),
        ("Airstrikes on Idlib killed 12 people on Monday, rescuers said.",
         "The week-long offensive on Idlib has killed 200 people, a monitor said."),
        ("Shelling killed nine civilians in Kharkiv on Monday, officials said.",
         "The war has killed 9,000 civilians in the Kharkiv region, regional officials said."),
    ],
)  # fmt: skip
def test_one_days_toll_is_no_account_of_a_campaigns_total(nlp: Callable[[str], Any], reports: tuple[str, str]) -> None:
    found = story(nlp, *reports)
    assert flagged(found) == []
    assert all(len({c.article_id for c in members}) == 1 for _, members in found)


def test_a_toll_reached_on_an_earlier_day_is_no_account_of_a_later_days_deaths(nlp: Callable[[str], Any]) -> None:
    found = story(
        nlp,
        "The death toll from the floods rose to 80 on Tuesday, officials said.",
        "Floods killed 14 more people on Wednesday, officials said.",
    )
    assert flagged(found) == []


def test_one_places_toll_is_no_account_of_a_total_since_the_offensive_began(nlp: Callable[[str], Any]) -> None:
    found = story(
        nlp,
        "The army said 57 of its soldiers had been killed since the offensive began. On Monday, a commander said "
        "nine soldiers were killed in clashes near Jenin.",
    )
    assert flagged(found) == []
