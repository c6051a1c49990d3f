"""Numbers written in text: digits ("1,500", "2.5"), words ("twenty-six", "a hundred"), scales ("1.2 million")."""

from __future__ import annotations

import re
from functools import cache

from rashomon.lexicons import lexicon

# A group of three after a comma joins the number even after four digits or more ("5340,000", a misprint
# of grouping read as the digits written); a number never ends just before another digit.
DIGITS = re.compile(r"(?<![\d.,/])(?:\d+(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?![\d,]\d|\d)")
# Text detokenised from tokens ("2, 116", "magnitude 6. 1"): a group of three digits after a comma and
# a space, or one or two decimals after a point and a space before a lower-case word (or a comma and
# one: "magnitude-5. 9, but"), are one number.
SPACED_DIGITS = re.compile(
    r"(?<![\d.,/])(?:\d{1,3}(?:, \d{3})+(?![\d,]\d|, \d)|\d{1,2}\. \d{1,2}(?=\s?(?:[a-z%)-]|bn\b|$)|, [a-z]))",
    re.M,
)


@cache
def word_values() -> dict[str, int]:
    values: dict[str, int] = dict(lexicon("amounts")["number_words"])
    return values


@cache
def scales() -> dict[str, int]:
    values: dict[str, int] = dict(lexicon("amounts")["scales"])
    return values


@cache
def number_words_pattern() -> re.Pattern[str]:
    words = sorted(word_values(), key=len, reverse=True)
    unit = "(?:" + "|".join(words) + ")"
    big = "(?:hundred|thousand|million|billion|trillion|dozen)"
    part = rf"(?:{unit}(?:-{unit})?|{big})"
    # a hyphen may follow only before a unit: "seven-yard", "five-year(-old)", not "one-sided"
    units = "|".join(lexicon("amounts")["hyphen_units"])
    return re.compile(
        rf"(?<![\w-])(?:(?:an?|one)\s+{big}|{unit}(?:-{unit})?)(?:(?:\s+and\s+|\s+|-){part})*"
        rf"(?!\w)(?!-(?!(?:{units})s?\b))",
        re.I,
    )


def parse_digits(text: str) -> float:
    return float(text.replace(",", "").replace(" ", ""))


def parse_number_words(text: str) -> float | None:
    """'twenty-six' -> 26, 'a hundred' -> 100, 'two million' -> 2e6; None if not a number."""
    total, current, seen = 0.0, 0.0, False
    for word in re.split(r"[\s-]+", text.lower()):
        if word in ("and",):
            continue
        if word in ("a", "an"):
            current = max(current, 1)
            continue
        if word in word_values():
            current += word_values()[word]
            seen = True
        elif word == "hundred":
            current = max(current, 1) * 100
            seen = True
        elif word in scales() and len(word) > 2:
            total += max(current, 1) * scales()[word]
            current, seen = 0.0, True
        else:
            return None
    return total + current if seen else None
