from __future__ import annotations

from datetime import date

import pytest

from rashomon.extract.time import Timex, find_timexes

TUESDAY = date(2026, 1, 20)
MONDAY = date(2026, 1, 19)


def one(text: str, dct: date) -> Timex:
    found = find_timexes(text, dct)
    assert len(found) == 1, found
    return found[0]


def test_weekday_in_a_later_report_is_the_most_recent_such_day() -> None:
    t = one("Detainees escaped on Monday.", TUESDAY)
    assert (t.value, t.first, t.precision) == ("2026-01-19", MONDAY, "day")


def test_weekday_of_the_reports_own_day_is_that_day() -> None:
    assert one("The prisoners escaped on Monday.", MONDAY).first == MONDAY
    assert one("The ministry said Tuesday that 81 were caught.", TUESDAY).first == TUESDAY


def test_weekday_in_a_future_sentence_is_the_next_one() -> None:
    assert one("Talks will resume on Friday.", TUESDAY).first == date(2026, 1, 23)


def test_month_and_day_take_the_year_of_the_report() -> None:
    t = one("A prison break on January 19 freed dozens.", date(2026, 1, 23))
    assert t.value == "2026-01-19"


def test_a_date_late_in_the_year_read_early_in_the_next_is_last_year() -> None:
    assert one("The deal was signed on December 28.", date(2026, 1, 10)).value == "2025-12-28"


def test_a_day_since_which_a_total_ran_is_never_after_the_report() -> None:
    assert one("Floods have killed 58 people since June 14.", date(2026, 3, 2)).value == "2025-06-14"
    assert one("Talks will resume on June 14.", date(2026, 3, 2)).value == "2026-06-14"
    assert one("Floods have killed 58 people since February 20.", date(2026, 3, 2)).value == "2026-02-20"


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("Fighting broke out last week.", "2026-W03", "week"),
        ("Earlier this month the road closed.", "2026-01", "month"),
        ("The camp opened last year.", "2025", "year"),
        ("Yesterday the council met.", "2026-01-19", "day"),
        ("Sales fell in the fourth quarter.", "2025-Q4", "quarter"),
        ("GDP grew in the July-September quarter.", "2025-Q3", "quarter"),
        ("Output rose in the April–June quarter of 2024.", "2024-Q2", "quarter"),
        ("Riots spread in the 1990s.", "199", "decade"),
        ("In March 2024 the dam failed.", "2024-03", "month"),
        ("Two weeks ago the siege began.", "2026-W02", "week"),
    ],
)
def test_relative_expressions(text: str, value: str, precision: str) -> None:
    t = one(text, TUESDAY)
    assert (t.value, t.precision) == (value, precision)


@pytest.mark.parametrize(
    ("text", "type_", "value"),
    [
        ("The siege lasted three years.", "DURATION", "P3Y"),
        ("Talks went on for 14 days.", "DURATION", "P14D"),
        ("It is calm now.", "DATE", "PRESENT_REF"),
        ("Convoys arrive daily.", "SET", "P1D"),
        ("The blast came at 10:30 p.m.", "TIME", "2026-01-20T22:30"),
    ],
)
def test_durations_references_sets_and_times(text: str, type_: str, value: str) -> None:
    t = one(text, TUESDAY)
    assert (t.type, t.value) == (type_, value)


def test_ages_are_not_durations() -> None:
    assert find_timexes("A 45-year-old man was held.", TUESDAY) == []


def test_two_months_that_are_no_quarter_are_read_as_the_first_month() -> None:
    assert find_timexes("Sales rose in the January-June quarter.", TUESDAY)[0].value == "2026-01"
