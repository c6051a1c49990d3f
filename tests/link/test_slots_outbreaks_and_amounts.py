"""Quantities of everyday news that line up on hand-written reports: an outbreak's cases, snow fallen, homes
without water, a budget deficit, a strike's walkout, people taken to hospital, a share of the vote won
"with", seats won, a toll since the week's first day beside the week's, a storm's winds; and what stays apart."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from rashomon.link.measures import starts
from tests.link.test_slots import flagged_the_same_day, nlp

__all__ = ["nlp"]  # the fixture, shared with test_slots


@pytest.mark.parametrize(
    ("reports", "pair"),
    [
        (("Health officials confirmed 42 cases of measles in the county, the health department said.",
          "The measles outbreak in the county has grown to 57 confirmed cases, state officials said."),
         {"42", "57"}),
        (("The storm dumped 40 centimetres of snow on the capital on Sunday.",
          "Up to 25 centimetres of snow fell on the capital on Sunday, the weather service said."),
         {"40", "Up to 25"}),
        (("Some 80,000 homes were left without running water after the pipeline burst, the water company said.",
          "The water company said 65,000 households had no water after the burst."),
         {"Some 80,000", "65,000"}),
        (("The government said the budget deficit widened to 4.2% of GDP last year.",
          "Last year's budget deficit came in at 3.9% of GDP, the finance ministry said."),
         {"4.2%", "3.9%"}),
        (("About 15,000 workers joined the strike at the carmaker's plants on Tuesday, the union said.",
          "The company said 6,000 workers had walked out at its plants on Tuesday."),
         {"About 15,000", "6,000"}),
        (("The ferry ran aground on Wednesday; 40 passengers were taken to hospital.",
          "Of the people on board the ferry that ran aground on Wednesday, 25 were treated in hospital."),
         {"40", "25"}),
        (("The mayor won re-election with 58% of the vote on Tuesday.",
          "The mayor secured 54 percent of the vote in Tuesday's election, official results showed."),
         {"58%", "54 percent"}),
        (("The ruling party won 150 seats in the 300-seat parliament, official results showed.",
          "Official results gave the ruling party 146 seats in the 300-member parliament."),
         {"150", "146"}),
        (("The wildfire has destroyed 1,200 structures in the county, fire officials said on Sunday.",
          "Fire officials said on Sunday that more than 1,500 buildings had been destroyed by the fire."),
         {"1,200", "more than 1,500"}),
        (("The hurricane made landfall on Wednesday with winds of 150 mph, the hurricane center said.",
          "The storm came ashore on Wednesday packing maximum sustained winds of 130 mph."),
         {"150 mph", "130 mph"}),
    ],
)  # fmt: skip
def test_two_reports_giving_one_everyday_quantity_differently_conflict(
    nlp: Callable[[str], Any], reports: tuple[str, str], pair: set[str]
) -> None:
    assert flagged_the_same_day(nlp, *reports) == [pair]


@pytest.mark.parametrize(
    "reports",
    [
        ("The WHO said 1,200 cases of cholera had been recorded this week.",  # a day's new cases are a batch
         "Health officials reported 340 new cholera cases on Tuesday."),
        ("The court heard 12 cases on Monday, the clerk said.",  # no disease: cases are no infections
         "The outbreak has sickened 30 people, health officials said."),
        ("Drake cut the deficit to four with eight minutes left.",  # a game's deficit is no budget's
         "Drake cut the deficit to 10 early in the second half."),
        ("Gunmen took 40 passengers from the bus, police said.",  # abducted is not hospitalised
         "Police said 25 passengers were taken to hospital after the attack on the bus."),
        ("The quake damaged 1,500 houses on the island on Sunday, officials said.",  # a thing counted beside none
         "The quake also damaged hospitals on the island on Sunday, including one that stopped treating patients."),
    ],
)  # fmt: skip
def test_new_cases_court_cases_a_games_deficit_the_abducted_and_a_count_naming_no_thing_are_no_conflict(
    nlp: Callable[[str], Any], reports: tuple[str, str]
) -> None:
    assert flagged_the_same_day(nlp, *reports) == []


THURSDAY = date(2026, 3, 5)


@pytest.mark.parametrize(
    ("since", "found"),
    [
        ("since Monday", [{"45", "38"}]),  # Monday starts the week: the week's toll so far
        ("since Tuesday", []),  # a stretch within the week is no account of the week's
    ],
)
def test_a_toll_since_the_weeks_first_day_is_the_weeks_toll(
    nlp: Callable[[str], Any], since: str, found: list[set[str]]
) -> None:
    assert (
        flagged_the_same_day(
            nlp,
            f"Floods have killed 45 people in the province {since}, officials said on Thursday.",
            "Officials said on Thursday that 38 people had died in the floods in the province this week.",
            published=THURSDAY,
        )
        == found
    )


@pytest.mark.parametrize(
    ("days", "found"),
    [
        ("four days", [{"54", "At least 90"}]),  # Sunday to Thursday: the same days of fighting
        ("two days", []),  # the last two days are a part of them
    ],
)
def test_a_toll_since_a_day_is_the_toll_of_the_days_since_then(
    nlp: Callable[[str], Any], days: str, found: list[set[str]]
) -> None:
    assert (
        flagged_the_same_day(
            nlp,
            "Clashes in Deir ez-Zor have killed 54 people since Sunday, the Observatory said.",
            f"At least 90 people have been killed in {days} of fighting in Deir ez-Zor, local officials said.",
            published=THURSDAY,
        )
        == found
    )


def test_a_day_starts_its_week_or_month_only_on_its_first_day() -> None:
    assert starts("2026-03-02", "2026-W10") and starts("2026-03-01", "2026-03")
    assert not starts("2026-03-03", "2026-W10") and not starts("2026-03-02", "2026-03")
    assert not starts("2026-W10", "2026-W10") and not starts(None, "2026-03")


@pytest.mark.parametrize(
    "reports",
    [
        ("Some 5,000 workers walked out at the port on Monday, the union said.",  # two sites' walkouts
         "About 2,000 workers at the airport joined the strike on Monday, the union said."),
        ("The senator won 61% of the vote in the primary on Tuesday.",  # two votes' shares
         "The senator won the general election in November with 54% of the vote."),
        ("The ruling party won 150 seats, official results showed.",  # two winners' seats
         "The opposition alliance won 112 seats, official results showed."),
        ("The party won 12 seats in the first round.", "The party won 30 seats in the runoff."),  # two rounds
        ("The cyclone forced 250,000 people to evacuate in Odisha on Thursday, officials said.",  # two states
         "About 1 million people were evacuated in Odisha and Andhra Pradesh ahead of the cyclone on Thursday."),
        ("The ruling party won 150 seats, official results showed.",  # a party is not its coalition
         "The ruling coalition won 171 seats, official results showed."),
    ],
)  # fmt: skip
def test_two_sites_strikers_two_votes_shares_two_places_and_two_winners_or_rounds_seats_are_no_conflict(
    nlp: Callable[[str], Any], reports: tuple[str, str]
) -> None:
    assert flagged_the_same_day(nlp, *reports) == []
