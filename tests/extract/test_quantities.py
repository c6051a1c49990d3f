from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import pytest

from rashomon.extract.figure import Figure
from rashomon.extract.quantities import find_figures


def figures(nlp: Callable[[str], Any], text: str) -> list[Figure]:
    return find_figures(nlp(text))


def one(nlp: Callable[[str], Any], text: str) -> Figure:
    found = figures(nlp, text)
    assert len(found) == 1, found
    return found[0]


def test_exact_figure_with_thousands_separator(nlp: Callable[[str], Any]) -> None:
    f = one(nlp, "Officials said 1,500 detainees were moved.")
    assert (f.low, f.high, f.approximate) == (1500, 1500, False)
    assert f.unit == "detainees"


def test_approximate_figure_keeps_its_point_value_and_a_tolerance(nlp: Callable[[str], Any]) -> None:
    f = one(nlp, "Around 1,500 ISIS members had escaped.")
    assert f.approximate and f.low == f.high == 1500 and f.tolerance > 0 and f.change == "~"


def test_explicit_range(nlp: Callable[[str], Any]) -> None:
    f = one(nlp, "Between 20 and 30 people were hurt.")
    assert (f.low, f.high, f.values) == (20, 30, (20, 30))


@pytest.mark.parametrize(
    ("text", "low", "high_at_least"),
    [("At least 12 people died.", 12, 12), ("More than 300 homes burned.", 300, 300)],
)
def test_lower_bounds(nlp: Callable[[str], Any], text: str, low: float, high_at_least: float) -> None:
    f = one(nlp, text)
    assert f.low == low and f.high > high_at_least and f.change == ">"


def test_upper_bound(nlp: Callable[[str], Any]) -> None:
    f = one(nlp, "Up to 40 fighters were captured.")
    assert (f.low, f.high, f.change) == (0, 40, "<")


@pytest.mark.parametrize(
    ("text", "low", "high", "written"),
    [
        ("Officials said no more than 200 people attended.", 0, 200, "no more than 200"),
        ("Not more than 200 people attended.", 0, 200, "Not more than 200"),
        ("Turnout was no higher than 45%.", 0, 45, "no higher than 45%"),
        ("No fewer than 200 people attended.", 200, math.inf, "No fewer than 200"),
    ],
)
def test_a_negated_bound_is_the_other_bound(
    nlp: Callable[[str], Any], text: str, low: float, high: float, written: str
) -> None:
    f = one(nlp, text)
    assert (f.low, f.high, text[f.start : f.end]) == (low, high, written)


@pytest.mark.parametrize(
    ("text", "inside", "outside"),
    [
        ("Dozens escaped from the prison.", 120, 500),
        ("The camp holds tens of thousands of families.", 20000, 5000),
        ("Several militants remain at large.", 5, 39),
        ("Thousands of detainees were held there.", 2000, 50000),
        ("A few guards stayed.", 3, 12),
    ],
)
def test_vague_amounts_are_ranges(nlp: Callable[[str], Any], text: str, inside: float, outside: float) -> None:
    f = one(nlp, text)
    assert f.vague and f.low <= inside <= f.high and not f.low <= outside <= f.high


def test_proportions(nlp: Callable[[str], Any]) -> None:
    f = one(nlp, "Most of the escapees have been recaptured.")
    assert f.kind == "proportion" and f.low >= 0.5 and f.high <= 1.0
    assert one(nlp, "Half of the residents returned.").low == 0.5


def test_number_words_and_scales(nlp: Callable[[str], Any]) -> None:
    assert one(nlp, "Twenty-six people were freed.").low == 26
    assert one(nlp, "The fund holds $2.5 billion.").low == 2.5e9
    assert one(nlp, "Nearly 1.2 million people fled.").high == 1.2e6


def test_currency_and_percent_units(nlp: Callable[[str], Any]) -> None:
    money = one(nlp, "The repairs cost $40 million.")
    assert (money.kind, money.unit, money.low) == ("money", "dollar", 4e7)
    pct = one(nlp, "Turnout rose 5 percent.")
    assert (pct.kind, pct.unit, pct.change) == ("percent", "percent", "up")


@pytest.mark.parametrize(
    "text",
    [
        "The law was passed in 2019.",
        "The escape began on January 19.",
        "It happened on 19 January.",
        "Gunfire started at 10:30 p.m. on the outskirts.",
        "Call 555-123-4567 for details.",
        "The 22nd amendment limits terms.",
        "Tickets in Section 427 sold out.",
        "The F-16 crashed near the base.",
    ],
)
def test_years_dates_times_phones_ordinals_and_codes_are_not_amounts(nlp: Callable[[str], Any], text: str) -> None:
    assert [f for f in figures(nlp, text) if f.kind not in ("age", "duration")] == []


def test_ages_and_durations_are_not_counts(nlp: Callable[[str], Any]) -> None:
    age = one(nlp, "A 45-year-old man was arrested.")
    assert age.kind == "age"
    duration = one(nlp, "The siege lasted three years.")
    assert duration.kind == "duration"


def test_a_score_is_two_figures_each_with_its_own_span(nlp: Callable[[str], Any]) -> None:
    text = "Bristol beat Charlton 2-1 on Saturday."
    found = figures(nlp, text)
    assert [(text[f.start : f.end], f.low, f.pair) for f in found] == [("2", 2, 1), ("1", 1, 2)]


def test_a_misgrouped_number_is_read_whole_not_cut_before_a_digit(nlp: Callable[[str], Any]) -> None:
    f = one(nlp, "The average fell to 5340,000 claims.")  # a misprint of 534,000, read as written
    assert f.low == 5_340_000


@pytest.mark.parametrize(
    "text",
    [
        "The centre said the quake measured magnitude-5. 9 on Sunday.",  # text rejoined from tokens
        "The centre said the quake measured magnitude-5. 9, but the survey put it higher.",
    ],
)
def test_a_decimal_split_by_a_space_is_one_number(nlp: Callable[[str], Any], text: str) -> None:
    f = one(nlp, text)
    assert (text[f.start : f.end], f.low) == ("5. 9", 5.9)


def test_a_sentence_ending_in_a_number_and_the_next_opening_with_one_are_two(nlp: Callable[[str], Any]) -> None:
    text = "The bus carried 12. 9, Ahmed said, were children."
    assert [text[f.start : f.end] for f in figures(nlp, text)] == ["12", "9"]


def test_a_change_and_the_level_it_led_to_are_two_figures_not_a_range(nlp: Callable[[str], Any]) -> None:
    found = figures(nlp, "New jobless claims fell 34,000 to 444,000 last week.")
    assert [(f.low, f.high) for f in found] == [(34000, 34000), (444000, 444000)]


@pytest.mark.parametrize("text", ["Shares fell 5 to 10 percent on Monday.", "He lost 5 to 10 pounds in a month."])
def test_a_range_after_a_verb_of_change_stays_a_range(nlp: Callable[[str], Any], text: str) -> None:
    found = [f for f in figures(nlp, text) if f.low == 5]
    assert len(found) == 1 and found[0].high == 10


@pytest.mark.parametrize(
    "text",
    [
        "The vaccine was safe in children aged 5 to 11.",
        "It works in teenagers 5- to 11-years-old, the company said.",
        "Regulators will review it for the 5 to 11 age group.",
    ],
)
def test_an_age_band_is_two_ages_its_youngest_and_its_oldest(nlp: Callable[[str], Any], text: str) -> None:
    found = [(f.low, f.kind, f.unit, f.pair) for f in figures(nlp, text)]
    assert found == [(5, "age", "year of age", 1), (11, "age", "year of age", 2)]
    assert [(f.low, f.high, f.kind) for f in figures(nlp, "Between 5 and 11 people were hurt.")] == [(5, 11, "count")]


def test_shot_n_times_counts_the_shots_and_n_times_higher_multiplies(nlp: Callable[[str], Any]) -> None:
    assert [(f.low, f.kind) for f in figures(nlp, "The teen was shot 11 times by police.")] == [(11, "count")]
    assert [f.kind for f in figures(nlp, "Prices are three times higher than last year.")] == ["multiplier"]
    assert [f.kind for f in figures(nlp, "The fund holds five times the amount it held.")] == ["multiplier"]


def test_a_vague_word_after_a_number_is_its_unit_not_another_figure(nlp: Callable[[str], Any]) -> None:
    found = figures(nlp, "He feigned insanity for three decades.")
    assert [(f.low, f.kind) for f in found] == [(3, "duration")]
    assert [(f.low, f.high) for f in figures(nlp, "For decades he feigned insanity.")] == [(20, 99)]


@pytest.mark.parametrize(
    ("text", "unit", "written"),
    [
        ("They paid 5 million euros.", "euro", "5 million euros"),
        ("The cabinet passed a 1.4 trillion rupee budget.", "rupee", "1.4 trillion rupee"),
        ("The court fined him 20,000 yuan.", "yuan", "20,000 yuan"),
    ],
)
def test_a_currency_written_after_its_amount_makes_it_money(
    nlp: Callable[[str], Any], text: str, unit: str, written: str
) -> None:
    f = one(nlp, text)
    assert (f.kind, f.unit, text[f.start : f.end]) == ("money", unit, written)
    assert one(nlp, "He weighs 200 pounds.").kind != "money"


@pytest.mark.parametrize(
    ("text", "written", "value"),
    [
        ("The Fed raised its benchmark rate by half a percentage point.", "half a percentage point", 0.5),
        ("Rates rose by a quarter of a percentage point.", "a quarter of a percentage point", 0.25),
        ("The bank delivered a quarter-point rate increase.", "a quarter-point", 0.25),
    ],
)
def test_a_fraction_of_a_percentage_point_is_a_share_in_points(
    nlp: Callable[[str], Any], text: str, written: str, value: float
) -> None:
    fig = one(nlp, text)
    assert (text[fig.start : fig.end], fig.low, fig.high, fig.kind) == (written, value, value, "percent")
