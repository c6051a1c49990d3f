"""Readings that line up on hand-written reports: a quake's depth, a turnout, schoolchildren abducted, a
toll that "left" people dead, the number of people displaced; and what stays apart."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.link.test_slots import flagged, flagged_the_same_day, nlp, story

__all__ = ["nlp"]  # the fixture, shared with test_slots


@pytest.mark.parametrize(
    ("reports", "pair"),
    [
        (("The quake struck at a depth of 10 km, the USGS said.",
          "The national seismology centre said the quake struck at a depth of 35 km."),
         {"10 km", "35 km"}),
        (("Turnout was 72.3 percent, the election commission said.",
          "Turnout stood at 66%, according to the commission."),
         {"72.3 percent", "66%"}),
        (("Gunmen abducted 276 schoolgirls from their school in Chibok, officials said.",
          "The headmaster said 230 pupils were kidnapped from the school in Chibok."),
         {"276", "230"}),
        (("The bill cleared the House 221-207 on Friday.",
          "The House passed the bill by a vote of 222 to 207 on Friday."),
         {"221", "222"}),
        (("A crowd of 45,000 watched the match at the Maracana on Sunday.",
          "The match at the Maracana on Sunday drew 52,000 spectators."),
         {"45,000", "52,000"}),
        (("The riot at the women's prison left 41 inmates dead, officials said.",
          "At least 46 inmates were killed in the riot at the women's prison, police said."),
         {"41", "At least 46"}),
    ],
)  # fmt: skip
def test_two_reports_giving_a_depth_turnout_tally_crowd_abducted_pupils_or_the_dead_left_differently_conflict(
    nlp: Callable[[str], Any], reports: tuple[str, str], pair: set[str]
) -> None:
    assert flagged_the_same_day(nlp, *reports) == [pair]


def test_the_number_of_people_displaced_rising_is_the_displaced_evolving(nlp: Callable[[str], Any]) -> None:
    found = story(
        nlp,
        "Fighting has displaced 30,000 people in the province, the UN said.",
        "The number of people displaced by the fighting in the province rose to 52,000, the UN said.",
    )
    assert flagged(found) == [{"30,000", "52,000"}]


@pytest.mark.parametrize(
    "reports",
    [
        ("The quake struck at a depth of 10 km, the USGS said.",
         "The epicentre was 35 km from the city, the seismology centre said."),
        ("The quake had a magnitude of 6.1 and struck at a depth of 10 km.",
         "The quake struck at a depth of 10 km, the USGS said."),
    ],
)  # fmt: skip
def test_a_depth_is_no_account_of_a_distance_or_a_magnitude(
    nlp: Callable[[str], Any], reports: tuple[str, str]
) -> None:
    assert flagged_the_same_day(nlp, *reports) == []


def test_an_indicators_level_with_no_period_on_two_days_is_no_conflict(nlp: Callable[[str], Any]) -> None:
    found = story(nlp, "Unemployment stood at 5.1%, the agency said.", "Unemployment was 5.4%, the agency said.")
    assert flagged(found) == []


def test_two_totals_since_one_starting_point_told_as_a_day_and_as_its_month_conflict(
    nlp: Callable[[str], Any],
) -> None:
    found = flagged_the_same_day(
        nlp,
        "Floods have killed 58 people in Pakistan since June 14, the disaster agency said.",
        "Monsoon floods have killed 77 people in Pakistan since mid-June, officials said.",
    )
    assert found == [{"58", "77"}]
    apart = flagged_the_same_day(
        nlp,
        "Floods have killed 58 people in Pakistan since June 14, the disaster agency said.",
        "Monsoon floods have killed 77 people in Pakistan since June 1, officials said.",
    )
    assert apart == []


def test_one_unnamed_suspects_age_given_differently_by_two_reports_is_flagged(nlp: Callable[[str], Any]) -> None:
    found = flagged_the_same_day(
        nlp,
        "Police said the gunman, 29, was shot dead at the scene.",
        "The gunman, a 31-year-old man, was shot dead by officers, police said.",
    )
    assert found == [{"29", "31-year"}]


def test_ages_of_two_suspects_in_one_report_are_no_account_of_the_suspects_age(nlp: Callable[[str], Any]) -> None:
    found = flagged_the_same_day(
        nlp,
        "Police arrested a suspect, 34, and a second suspect, 41, in Leeds.",
        "The suspect, a 36-year-old man, was arrested at his home in Leeds, police said.",
    )
    assert found == []


def test_two_reports_counting_the_children_among_one_strikes_dead_differently_conflict(
    nlp: Callable[[str], Any],
) -> None:
    found = flagged_the_same_day(
        nlp,
        "The air strike on the school in Maarat killed 23 people, including six children, rescuers said.",
        "Eleven children were among the dead in the strike on the Maarat school, a local council said.",
    )
    assert found == [{"six", "Eleven"}]


def test_families_returning_are_no_count_of_the_people_returning(nlp: Callable[[str], Any]) -> None:
    found = flagged_the_same_day(
        nlp,
        "Some 2,500 families have returned to Raqqa this month, the local council said.",
        "About 12,000 people returned to Raqqa this month, the UN said.",
    )
    assert found == []


@pytest.mark.parametrize(
    ("reports", "flags"),
    [
        (("The attack on the checkpoint killed 12 soldiers, the army said.",
          "The attack on the checkpoint killed 15 people, a monitor said."), []),
        (("The attack on the checkpoint killed 12 soldiers, the army said.",
          "The attack on the checkpoint killed 9 people, a monitor said."), [{"12", "9"}]),
        (("The explosion at the chemical plant injured 47 workers, the company said.",
          "At least 60 people were hurt in the chemical plant explosion, the fire department said."), []),
        (("The boat capsized off Libya, drowning 41 migrants, the UN said.",
          "Sixty-one people died when the boat capsized off Libya, the IOM said."), [{"41", "Sixty-one"}]),
    ],
)  # fmt: skip
def test_more_people_than_soldiers_may_count_others_but_fewer_contradict(
    nlp: Callable[[str], Any], reports: tuple[str, str], flags: list[set[str]]
) -> None:
    assert flagged_the_same_day(nlp, *reports) == flags


def test_two_reports_giving_the_sum_pledged_at_one_conference_differently_conflict(nlp: Callable[[str], Any]) -> None:
    found = flagged_the_same_day(
        nlp,
        "Donors pledged $4.4 billion for Yemen at the Geneva conference on Tuesday.",
        "Donors at the Geneva conference on Tuesday pledged $3.6 billion for Yemen, the UN said.",
    )
    assert found == [{"$4.4 billion", "$3.6 billion"}]


@pytest.mark.parametrize(
    ("reports", "flags"),
    [
        (("The Fed raised interest rates by 0.75 percentage points on Wednesday.",
          "The Fed lifted its benchmark rate by half a percentage point on Wednesday."),
         [{"0.75 percentage points", "half a percentage point"}]),
        (("The central bank raised its key rate by a quarter-point on Thursday.",
          "The central bank cut its key rate by a quarter of a percentage point on Thursday."), []),
        (("The Fed raised interest rates by 0.75 percentage points in June.",
          "The Fed raised interest rates by 0.5 percentage points in December."), []),
    ],
)  # fmt: skip
def test_two_reports_moving_one_rate_by_different_amounts_one_way_the_same_day_conflict(
    nlp: Callable[[str], Any], reports: tuple[str, str], flags: list[set[str]]
) -> None:
    assert flagged_the_same_day(nlp, *reports) == flags


@pytest.mark.parametrize(
    ("reports", "flags"),
    [
        (("The virus has infected 4,500 people in the country, the ministry said.",
          "The ministry said 6,100 infections had been confirmed in the country."), [{"4,500", "6,100"}]),
        (("Police said the victim, 17, was stabbed outside a shop.",
          "The 16-year-old victim died at the scene, police said."), [{"17", "16-year"}]),
        (("The candidate won 52% of the vote.", "The candidate won 48% of the vote in the capital."), []),
    ],
)  # fmt: skip
def test_infections_a_victims_age_and_a_places_vote_share(
    nlp: Callable[[str], Any], reports: tuple[str, str], flags: list[set[str]]
) -> None:
    assert flagged_the_same_day(nlp, *reports) == flags


def test_turnout_and_a_share_of_voters_casting_ballots_given_differently_conflict(nlp: Callable[[str], Any]) -> None:
    found = flagged_the_same_day(
        nlp,
        "Turnout in the referendum was 43 percent, the commission said.",
        "Only 38% of voters cast ballots in the referendum.",
    )
    assert found == [{"43 percent", "38%"}]
